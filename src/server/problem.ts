import type { Problem } from '../core/protocol.js';
import type { KitAnswer } from './kit-answer.js';

/** Every stable problem `code` the server kit answers with. Clients branch on these, so never rename one. */
export type ProblemCode =
  | 'not_found'
  | 'method_not_allowed'
  | 'invalid_request'
  | 'request_too_large'
  | 'headers_too_large'
  | 'request_timeout'
  | 'unsupported_media_type'
  | 'invalid_idempotency_key'
  | 'idempotency_key_reused'
  | 'idempotency_request_in_progress'
  | 'unknown_checkout'
  | 'unknown_bank'
  | 'bank_unavailable'
  | 'return_url_not_allowed'
  | 'unknown_payment'
  | 'invalid_return'
  | 'provider_error'
  | 'provider_unavailable'
  | 'invalid_signature'
  | 'webhook_replayed'
  | 'webhooks_not_supported'
  | 'rate_limited'
  | 'store_unavailable'
  | 'internal_error';

const TITLES: Record<ProblemCode, string> = {
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  invalid_request: 'Invalid request',
  request_too_large: 'Request too large',
  headers_too_large: 'Request headers too large',
  request_timeout: 'Request timeout',
  unsupported_media_type: 'Unsupported media type',
  invalid_idempotency_key: 'Invalid Idempotency-Key',
  idempotency_key_reused: 'Idempotency-Key reused with a different request',
  idempotency_request_in_progress: 'A request with this Idempotency-Key is in progress',
  unknown_checkout: 'Unknown checkout',
  unknown_bank: 'Unknown bank',
  bank_unavailable: 'Bank unavailable',
  return_url_not_allowed: 'Return URL not allowed',
  unknown_payment: 'Unknown payment',
  invalid_return: 'Return not accepted',
  provider_error: 'Payment provider error',
  provider_unavailable: 'Payment provider unavailable',
  invalid_signature: 'Invalid webhook signature',
  webhook_replayed: 'Webhook already received',
  webhooks_not_supported: 'Webhooks not supported',
  rate_limited: 'Too many requests',
  store_unavailable: 'Payment store unavailable',
  internal_error: 'Internal error',
};

/** Thrown anywhere in a request; the handler turns it into an `application/problem+json` answer. */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly detail: string;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: ProblemCode,
    detail: string,
    headers: Record<string, string> = {},
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ProblemError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.headers = headers;
  }
}

export function problemBody(status: number, code: ProblemCode, detail: string): Problem {
  return {
    type: `https://pay-by-bank.dev/problems/${code.replaceAll('_', '-')}`,
    title: TITLES[code],
    status,
    detail,
    code,
  };
}

export function problemResponse(error: ProblemError): KitAnswer {
  return {
    status: error.status,
    headers: {
      'content-type': 'application/problem+json',
      'cache-control': 'no-store',
      ...error.headers,
    },
    body: JSON.stringify(problemBody(error.status, error.code, error.detail)),
  };
}
