import { isRecord, stringField } from '../../provider-http.js';

/** Cashfree's retry categories of its error codes (see `docs/protocol.md`, "Cashfree BBPS"). */
export type BbpsRetryCategory = 'RETRIABLE' | 'NON_RETRIABLE' | 'CONDITIONAL';

/** Error code -> retry category: Cashfree documents the categories as a table, not in the answer. */
export type BbpsRetryTable = Readonly<Record<string, BbpsRetryCategory>>;

/** CONDITIONAL may succeed once its condition (funds, a limit) changes, so the payer may try again. */
export function retryableOf(category: BbpsRetryCategory | undefined): boolean | undefined {
  switch (category) {
    case 'RETRIABLE':
    case 'CONDITIONAL':
      return true;
    case 'NON_RETRIABLE':
      return false;
    default:
      return undefined;
  }
}

/** The retry flag of an error code, from the merchant's copy of the table; undefined when not listed. */
export function retryableForCode(
  table: BbpsRetryTable,
  code: string | undefined,
): boolean | undefined {
  return code === undefined ? undefined : retryableOf(table[code]);
}

/** 400 `{ status: "BAD_REQUEST", message, data: null }`, 401 `{ message: "Unauthorized" }`. */
export function cashfreeErrorCode(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  return stringField(body, 'code') ?? stringField(body, 'status') ?? stringField(body, 'message');
}
