import type { PaymentError } from '../core/protocol.js';

/**
 * ISO 20022 `ExternalStatusReason1Code`s a payer can act on, as payer-safe errors. The raw code stays on
 * the server (`providerReason`); the payer reads only this. Other codes fall back to the generic error.
 */
const PAYER_ERRORS: Readonly<Record<string, PaymentError>> = {
  AM04: { code: 'insufficient_funds', message: 'Insufficient funds', retryable: true },
  AM02: {
    code: 'amount_limit_exceeded',
    message: 'The amount is above what your bank allows for this payment',
    retryable: true,
  },
  AM05: { code: 'duplicate_payment', message: 'This payment was already made', retryable: false },
  AC04: { code: 'account_closed', message: 'The account is closed', retryable: true },
  AC06: { code: 'account_blocked', message: 'The account is blocked', retryable: true },
  AG01: {
    code: 'transaction_forbidden',
    message: 'Your bank does not allow this payment from this account',
    retryable: true,
  },
  MS02: { code: 'payment_declined', message: 'The payment was declined', retryable: true },
  MS03: { code: 'payment_declined', message: 'The payment was declined', retryable: true },
};

export function payerErrorForReason(reasonCode: string | undefined): PaymentError | undefined {
  const error = reasonCode ? PAYER_ERRORS[reasonCode.toUpperCase()] : undefined;
  return error && { ...error };
}
