import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookVerificationError } from '../../provider-error.js';

export interface AiiaWebhookHeaders {
  signature: string;
  timestamp: string;
  eventId: string;
  event: string;
}

/** Hex HMAC-SHA256 of `"{timestamp}|{eventId}|{event}|{raw body}"` (Aiia's sample integration; see `docs/protocol.md`). */
export function signAiiaWebhook(
  secret: string,
  headers: Omit<AiiaWebhookHeaders, 'signature'>,
  rawBody: string,
): string {
  return createHmac('sha256', secret)
    .update(`${headers.timestamp}|${headers.eventId}|${headers.event}|${rawBody}`)
    .digest('hex');
}

export function readAiiaWebhookHeaders(headers: Headers): AiiaWebhookHeaders {
  const read = (name: string) => {
    const value = headers.get(name);
    if (!value) throw new WebhookVerificationError(`missing ${name}`);
    return value.trim();
  };
  return {
    signature: read('x-aiia-signature'),
    timestamp: read('x-aiia-timestamp'),
    eventId: read('x-aiia-eventid'),
    event: read('x-aiia-event'),
  };
}

/** Throws unless the signature matches (constant-time) and the timestamp is inside the window. */
export function verifyAiiaWebhook(
  secret: string,
  headers: AiiaWebhookHeaders,
  rawBody: string,
  now: Date,
  windowMs: number,
): void {
  const sentAt = parseTimestamp(headers.timestamp);
  if (sentAt === undefined) throw new WebhookVerificationError('unreadable timestamp');
  if (Math.abs(now.getTime() - sentAt) > windowMs)
    throw new WebhookVerificationError('timestamp outside the window');
  if (!/^[0-9a-f]{64}$/i.test(headers.signature))
    throw new WebhookVerificationError('malformed signature');
  const expected = Buffer.from(signAiiaWebhook(secret, headers, rawBody), 'hex');
  const given = Buffer.from(headers.signature, 'hex');
  if (!timingSafeEqual(expected, given)) throw new WebhookVerificationError('signature mismatch');
}

/** ISO-8601, or Unix time in seconds or milliseconds: the exact format is not documented publicly. */
function parseTimestamp(value: string): number | undefined {
  if (/^\d{9,11}$/.test(value)) return Number(value) * 1000;
  if (/^\d{12,14}$/.test(value)) return Number(value);
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}
