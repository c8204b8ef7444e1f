import { StoreFileError, StoreUnavailableError } from '../../store-errors.js';

/** SQLite's codes for failures that may pass: a full disk, a lock held too long, a read-only file. */
const PASSING = /^SQLITE_(BUSY|LOCKED|FULL|READONLY|IOERR|CANTOPEN|PROTOCOL|NOMEM)/;
/** SQLite's codes for a file that is not, or no longer, a database. */
const BROKEN = /^SQLITE_(NOTADB|CORRUPT)/;

export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

export function isPassingFailure(error: unknown): boolean {
  return PASSING.test(sqliteCode(error) ?? '');
}

/** Turns a driver error into the store's own: unavailable (retry later) or a broken file. */
export function storeErrorOf(error: unknown, path: string): unknown {
  if (error instanceof StoreUnavailableError || error instanceof StoreFileError) return error;
  const code = sqliteCode(error);
  if (code === undefined) return error;
  const reason = error instanceof Error ? error.message : code;
  if (PASSING.test(code))
    return new StoreUnavailableError(`the payment store ${path} is unavailable: ${reason}`, {
      code,
      cause: error,
    });
  if (BROKEN.test(code))
    return new StoreFileError(path, `not a usable payment store (${reason})`, { cause: error });
  return error;
}
