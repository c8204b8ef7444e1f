import { createRequire } from 'node:module';
import type Pg from 'pg';

export type PgDriver = typeof Pg;
export type PgPool = Pg.Pool;
export type PgPoolClient = Pg.PoolClient;
export type PgClient = Pg.Client;
export type PgClientConfig = Pg.ClientConfig;
export type PgNotification = Pg.Notification;

const MISSING =
  'pay-by-bank/server/postgres needs the optional peer dependency pg 8: npm install pg@8';

let driver: PgDriver | undefined;

/**
 * Loads pg on first use, not on import: it is an optional peer dependency, so a project that never
 * creates a PostgreSQL store does not need it.
 */
export function loadPgDriver(): PgDriver {
  if (driver) return driver;
  try {
    driver = createRequire(import.meta.url)('pg') as PgDriver;
  } catch (error) {
    if (
      error instanceof Error &&
      (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' &&
      error.message.includes("'pg'")
    )
      throw new Error(MISSING, { cause: error });
    throw error;
  }
  return driver;
}
