import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookVerificationError } from '../../provider-error.js';

export type SignatureEncoding = 'hex' | 'base64';

/** HMAC-SHA256 of `timestamp + "." + rawBody` (hex, per Cashfree's documentation; see `docs/protocol.md`). */
export function signCashfreeWebhook(
  secret: string,
  timestamp: string,
  rawBody: string,
  encoding: SignatureEncoding = 'hex',
): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest(encoding);
}

/** Throws unless signed with `secret` (constant-time) and `X-Webhook-Timestamp` (ms) is in the window. */
export function verifyCashfreeWebhook(
  secret: string,
  headers: Headers,
  rawBody: string,
  now: Date,
  windowMs: number,
  encoding: SignatureEncoding = 'hex',
): { signature: string; timestamp: string } {
  const signature = headers.get('x-webhook-signature')?.trim();
  const timestamp = headers.get('x-webhook-timestamp')?.trim();
  if (!signature || !timestamp) throw new WebhookVerificationError('missing signature headers');
  if (!/^\d{12,14}$/.test(timestamp)) throw new WebhookVerificationError('unreadable timestamp');
  if (Math.abs(now.getTime() - Number(timestamp)) > windowMs)
    throw new WebhookVerificationError('timestamp outside the window');
  const expected = Buffer.from(signCashfreeWebhook(secret, timestamp, rawBody, encoding), encoding);
  const given = Buffer.from(signature, encoding);
  if (given.length !== expected.length || !timingSafeEqual(expected, given))
    throw new WebhookVerificationError('signature mismatch');
  return { signature, timestamp };
}
