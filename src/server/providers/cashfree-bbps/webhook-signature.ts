import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookVerificationError } from '../../provider-error.js';

export type SignatureEncoding = 'hex' | 'base64';

/**
 * The only spellings accepted: 32 bytes as 64 hex digits, or as 44 characters of padded base64. Node's
 * decoders skip what they cannot read (a trailing odd nibble, a stray `z`), so an unchecked signature
 * would have many spellings, each a "new" webhook to a replay check keyed on the string.
 */
const SIGNATURE_FORMAT: Record<SignatureEncoding, RegExp> = {
  hex: /^[0-9a-f]{64}$/i,
  base64: /^[A-Za-z0-9+/]{43}=$/,
};

export interface VerifiedCashfreeWebhook {
  /** The signature as computed: one spelling per timestamp and body. */
  signature: string;
  timestamp: string;
  /** SHA-256 (hex) of timestamp and body: what a replay repeats, however its signature is spelled. */
  replayKey: string;
}

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
): VerifiedCashfreeWebhook {
  const signature = headers.get('x-webhook-signature')?.trim();
  const timestamp = headers.get('x-webhook-timestamp')?.trim();
  if (!signature || !timestamp) throw new WebhookVerificationError('missing signature headers');
  if (!/^\d{12,14}$/.test(timestamp)) throw new WebhookVerificationError('unreadable timestamp');
  if (Math.abs(now.getTime() - Number(timestamp)) > windowMs)
    throw new WebhookVerificationError('timestamp outside the window');
  if (!SIGNATURE_FORMAT[encoding].test(signature))
    throw new WebhookVerificationError('malformed signature');
  const expected = signCashfreeWebhook(secret, timestamp, rawBody, encoding);
  const given = Buffer.from(signature, encoding);
  // Base64 has spare bits in its last digit; only the canonical spelling re-encodes to itself.
  if (encoding === 'base64' && given.toString('base64') !== signature)
    throw new WebhookVerificationError('malformed signature');
  if (!timingSafeEqual(Buffer.from(expected, encoding), given))
    throw new WebhookVerificationError('signature mismatch');
  const replayKey = createHash('sha256').update(`${timestamp}.${rawBody}`).digest('hex');
  return { signature: expected, timestamp, replayKey };
}
