import { createHash } from 'node:crypto';
import { ProblemError } from './problem.js';
import type { KitRequest } from './kit-request.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readIdempotencyKey(request: KitRequest): string {
  const key = request.headers.get('idempotency-key')?.trim();
  if (!key)
    throw new ProblemError(
      400,
      'invalid_idempotency_key',
      'Send an Idempotency-Key header (a UUID) with each payment attempt.',
    );
  if (!UUID.test(key))
    throw new ProblemError(
      400,
      'invalid_idempotency_key',
      'The Idempotency-Key header must be a UUID.',
    );
  return key.toLowerCase();
}

/** A hash of the request's meaning: key order and whitespace do not make a different request. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
