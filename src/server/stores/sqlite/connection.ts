import { StoreFileError } from '../../store-errors.js';
import { openSqlite, type SqliteDatabase } from './driver.js';
import { sqliteCode, storeErrorOf } from './errors.js';
import { checkIntegrity, prepareSchema } from './schema.js';
import { PaymentReads } from './payment-reads.js';
import { prepareStatements, type Statements } from './statements.js';

export interface Connection {
  db: SqliteDatabase;
  statements: Statements;
  /** Payments this connection read, kept while no commit changed them; they go with the connection. */
  payments: PaymentReads;
}

export interface ConnectionOptions {
  path: string;
  busyTimeoutMs: number;
}

/**
 * Opens the file and readies it: recognized or new, migrated, WAL, durable commits. The first open also
 * checks the file's structure, so a damaged file fails at start-up, naming the file.
 */
export function openConnection(options: ConnectionOptions, first: boolean): Connection {
  const { path, busyTimeoutMs } = options;
  let db: SqliteDatabase | undefined;
  try {
    db = openSqlite(path, busyTimeoutMs);
    prepareSchema(db, path);
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    // With WAL, FULL makes each answered commit survive a power cut, not only a crashed process.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (first) checkIntegrity(db, path);
    const statements = prepareStatements(db);
    return { db, statements, payments: new PaymentReads(statements) };
  } catch (error) {
    db?.close();
    throw openErrorOf(error, path);
  }
}

/** At start-up, any database error that will not pass by itself is the file's fault: name the file. */
function openErrorOf(error: unknown, path: string): unknown {
  const mapped = storeErrorOf(error, path);
  if (mapped !== error || sqliteCode(error) === undefined) return mapped;
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreFileError(path, `not a usable payment store (${reason})`, { cause: error });
}
