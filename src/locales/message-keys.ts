import type { MessageKey } from './en.js';

export { bankCountKey } from './plural-keys.js';

/**
 * Which catalog message words each error code the payer can meet: the element's own codes, the
 * server kit's problem codes, its payer-safe status and ISO 20022 reason codes, and the BBPS bill
 * reasons. A code not listed here is worded by `reasonGeneric`, so a developer's text never shows.
 */
export const PAYER_MESSAGE_BY_CODE: Readonly<Record<string, MessageKey>> = {
  // The element's own (CheckoutError)
  network_error: 'errorNetwork',
  timeout: 'errorTimeout',
  server_error: 'errorServer',
  malformed_response: 'reasonMalformedResponse',
  unsafe_authorization_url: 'errorUnsafeLink',
  invalid_payer_input: 'reasonInvalidPayerInput',
  // The server kit's problem codes that reach a payer
  internal_error: 'errorServer',
  provider_unavailable: 'reasonProviderUnavailable',
  provider_error: 'reasonProviderError',
  unknown_checkout: 'reasonUnknownCheckout',
  unknown_payment: 'reasonUnknownPayment',
  return_url_not_allowed: 'configErrorBody',
  idempotency_request_in_progress: 'reasonPaymentInProgress',
  invalid_return: 'reasonInvalidReturn',
  rate_limited: 'reasonTooManyAttempts',
  http_429: 'reasonTooManyAttempts',
  // Final statuses
  payment_failed: 'failedReason',
  payment_cancelled: 'cancelledReason',
  payment_expired: 'expiredReason',
  expired: 'expiredReason',
  // ISO 20022 reasons a payer can act on
  insufficient_funds: 'reasonInsufficientFunds',
  amount_limit_exceeded: 'reasonAmountLimitExceeded',
  duplicate_payment: 'reasonDuplicatePayment',
  account_closed: 'reasonAccountClosed',
  account_blocked: 'reasonAccountBlocked',
  transaction_forbidden: 'reasonTransactionForbidden',
  payment_declined: 'reasonPaymentDeclined',
  authentication_failed: 'reasonAuthenticationFailed',
  bank_unavailable: 'reasonBankUnavailable',
  // BBPS bill reasons
  bill_already_paid: 'reasonBillAlreadyPaid',
  no_bill_due: 'reasonNoBillDue',
  invalid_bill_details: 'reasonInvalidBillDetails',
  biller_unavailable: 'reasonBillerUnavailable',
  bill_amount_mismatch: 'reasonBillAmountMismatch',
};

/** The message for an error code, never undefined: unknown codes get the generic reason. */
export function payerMessageKey(code: string | undefined): MessageKey {
  // Own keys only: a code such as "constructor" must not reach Object.prototype.
  return code !== undefined && Object.hasOwn(PAYER_MESSAGE_BY_CODE, code)
    ? (PAYER_MESSAGE_BY_CODE[code] ?? 'reasonGeneric')
    : 'reasonGeneric';
}
