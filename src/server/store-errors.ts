/**
 * The store cannot answer right now: its disk is full, its file is locked by another process beyond the
 * busy timeout, read-only, or failing to read or write. Nothing of the failed call was written, and a
 * later call may work once the cause is gone; the handler answers 503 `store_unavailable`.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  /** The database's own error code, e.g. `SQLITE_FULL` or `SQLITE_BUSY`, when it gave one. */
  readonly code: string | undefined;

  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = options.code;
  }
}

/**
 * A store's file is not one it can use: corrupt, another application's database, not a database at all,
 * or written by a newer version of the kit. Thrown when the store is created, naming the file, so a
 * server fails at start-up instead of losing payments later.
 */
export class StoreFileError extends Error {
  override readonly name = 'StoreFileError';
  readonly path: string;

  constructor(path: string, problem: string, options: { cause?: unknown } = {}) {
    super(`${path}: ${problem}`, { cause: options.cause });
    this.path = path;
  }
}
