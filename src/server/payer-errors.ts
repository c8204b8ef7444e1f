import type { PaymentError } from '../core/protocol.js';
import type { PaymentStatus } from '../core/status.js';

/** Payer-safe errors for final statuses; a provider's own reason stays in the merchant's logs. */
export function payerErrorFor(status: PaymentStatus): PaymentError | undefined {
  switch (status) {
    case 'failed':
      return {
        code: 'payment_failed',
        message: 'The bank or provider did not complete the payment.',
        retryable: true,
      };
    case 'cancelled':
      return { code: 'payment_cancelled', message: 'The payment was cancelled.', retryable: true };
    case 'expired':
      return {
        code: 'payment_expired',
        message: 'The payment link expired before it was authorised.',
        retryable: true,
      };
    default:
      return undefined;
  }
}
