import { RETURN_PARAMETER } from '../core/protocol.js';
import { ProblemError } from './problem.js';

/** A return URL must be http(s) and on an allowed origin: the kit never redirects a payer elsewhere. */
export function checkReturnUrl(returnUrl: string, allowedOrigins: ReadonlySet<string>): string {
  let url: URL;
  try {
    url = new URL(returnUrl);
  } catch {
    throw new ProblemError(400, 'invalid_request', 'returnUrl must be an absolute URL.');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !allowedOrigins.has(url.origin)) {
    throw new ProblemError(
      422,
      'return_url_not_allowed',
      'returnUrl is not on an origin this merchant allows.',
    );
  }
  url.hash = '';
  return url.href;
}

export function withPaymentParameter(returnUrl: string, paymentId: string): string {
  const url = new URL(returnUrl);
  url.searchParams.set(RETURN_PARAMETER, paymentId);
  return url.href;
}

export function normalizeOrigin(origin: string): string {
  return new URL(origin).origin;
}
