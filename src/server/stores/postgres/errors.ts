import { StoreFileError, StoreUnavailableError } from '../../store-errors.js';

/**
 * SQLSTATE classes and codes of failures that pass by themselves: the connection (08), the server's
 * resources (53, 58), a server shutting down or restarting (57P0x), a statement or lock timeout
 * (57014, 55P03), a read-only server during a failover (25006), and a conflict worth retrying (40xxx).
 */
const PASSING_SQLSTATE = /^(08|53|58|40)|^57P0[1-5]$|^57014$|^55P03$|^25006$/;

/** Socket errors of a database that is down or out of reach. */
const PASSING_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOENT',
]);

/** pg's own words for a connection that broke or a call that timed out; they carry no code. */
const PASSING_MESSAGES: readonly [RegExp, string][] = [
  [/timeout exceeded when trying to connect|connection timeout/i, 'PG_CONNECT_TIMEOUT'],
  [/query read timeout/i, 'PG_QUERY_TIMEOUT'],
  [/connection terminated|not queryable|connection error/i, 'PG_CONNECTION_LOST'],
];

export function pgCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The code a passing failure is reported with, or undefined when the failure will not pass by itself. */
export function passingCode(error: unknown): string | undefined {
  const code = pgCode(error);
  if (code !== undefined && (PASSING_SQLSTATE.test(code) || PASSING_ERRNO.has(code))) return code;
  if (!(error instanceof Error)) return undefined;
  if (error instanceof AggregateError)
    for (const inner of error.errors) {
      const innerCode = passingCode(inner);
      if (innerCode !== undefined) return innerCode;
    }
  return PASSING_MESSAGES.find(([pattern]) => pattern.test(error.message))?.[1];
}

/** Turns a driver error into the store's own: unavailable (retry later), or the error as it came. */
export function storeErrorOf(error: unknown, where: string): unknown {
  if (error instanceof StoreUnavailableError || error instanceof StoreFileError) return error;
  const code = passingCode(error);
  if (code === undefined) return error;
  const reason = error instanceof Error && error.message ? error.message : code;
  return new StoreUnavailableError(`the payment store ${where} is unavailable: ${reason}`, {
    code,
    cause: error,
  });
}

/** The same words as the other stores for a payment that is already stored. */
export function duplicateErrorOf(error: unknown): unknown {
  if (pgCode(error) !== '23505') return error;
  const constraint = (error as { constraint?: unknown }).constraint;
  if (constraint === 'payments_pkey') return new Error('payment id already stored');
  if (constraint === 'payments_by_provider_id')
    return new Error('provider payment id already stored');
  return error;
}
