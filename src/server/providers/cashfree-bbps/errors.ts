import { isRecord, stringField } from '../../provider-http.js';

/** Cashfree's retry categories; CONDITIONAL may succeed once its condition (funds, a limit) changes. */
export function retryableOf(category: string | undefined): boolean | undefined {
  switch (category?.toUpperCase()) {
    case 'RETRIABLE':
    case 'CONDITIONAL':
      return true;
    case 'NON_RETRIABLE':
      return false;
    default:
      return undefined;
  }
}

/** Where the category sits is not public: the reason object or the envelope, under one of these names. */
export function retryCategoryOf(record: Record<string, unknown> | undefined): string | undefined {
  if (!record) return undefined;
  return (
    stringField(record, 'retry_category') ??
    stringField(record, 'retry_type') ??
    stringField(record, 'category')
  );
}

/** 400 `{ status: "BAD_REQUEST", message, data: null }`, 401 `{ message: "Unauthorized" }`. */
export function cashfreeErrorCode(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  return stringField(body, 'code') ?? stringField(body, 'status') ?? stringField(body, 'message');
}

export function cashfreeErrorRetryable(body: unknown): boolean | undefined {
  return isRecord(body) ? retryableOf(retryCategoryOf(body)) : undefined;
}
