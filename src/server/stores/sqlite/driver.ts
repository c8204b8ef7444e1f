import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

export type SqliteDatabase = BetterSqlite3.Database;
export type SqliteDriver = typeof BetterSqlite3;
export type SqliteStatement = BetterSqlite3.Statement;

const MISSING =
  'pay-by-bank/server/sqlite needs the optional peer dependency better-sqlite3 12: npm install better-sqlite3@12';
const UNBUILT =
  'better-sqlite3 is installed but its native module is not built: allow its install script (npm install-scripts approve better-sqlite3) and install again';

let driver: SqliteDriver | undefined;

/**
 * Loads better-sqlite3 on first use, not on import: it is an optional peer dependency, so a project that
 * never creates a SQLite store needs no native module.
 */
export function loadSqliteDriver(): SqliteDriver {
  if (driver) return driver;
  try {
    driver = createRequire(import.meta.url)('better-sqlite3') as SqliteDriver;
  } catch (error) {
    if (isMissingModule(error)) throw new Error(MISSING, { cause: error });
    throw error;
  }
  return driver;
}

/** Opens a connection, telling a missing native build apart from a file that cannot be opened. */
export function openSqlite(path: string, timeoutMs: number): SqliteDatabase {
  const Database = loadSqliteDriver();
  try {
    return new Database(path, { timeout: timeoutMs });
  } catch (error) {
    if (error instanceof Error && /bindings file|better_sqlite3\.node/i.test(error.message))
      throw new Error(UNBUILT, { cause: error });
    throw error;
  }
}

function isMissingModule(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' &&
    error.message.includes("'better-sqlite3'")
  );
}
