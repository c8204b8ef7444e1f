import type { PaymentError } from './protocol.js';

/**
 * Codes the element itself produces. Merchant problems keep their own `code`; these cover what
 * happens before or around the merchant's answer.
 */
export type ElementErrorCode =
  | 'network_error'
  | 'timeout'
  | 'malformed_response'
  | 'server_error'
  | 'unsafe_authorization_url'
  | 'invalid_payer_input';

/** An error the payer may see: its message is safe to show, and `retryable` says whether to offer "Try again". */
export class CheckoutError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly httpStatus: number | undefined;
  /** The server's `Retry-After` (a 429 or 503): how long to wait before asking again. */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: ElementErrorCode | string,
    message: string,
    retryable: boolean,
    httpStatus?: number,
    retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'CheckoutError';
    this.code = code;
    this.retryable = retryable;
    this.httpStatus = httpStatus;
    this.retryAfterMs = retryAfterMs;
  }

  toPaymentError(): PaymentError {
    return { code: this.code, message: this.message, retryable: this.retryable };
  }
}

/** Anything thrown while talking to the merchant's server, as an error the payer may retry. */
export function asCheckoutError(error: unknown): CheckoutError {
  return error instanceof CheckoutError
    ? error
    : new CheckoutError('network_error', 'The merchant server could not be reached.', true);
}
