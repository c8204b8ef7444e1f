import type { PgPool, PgPoolClient } from './driver.js';
import { passingCode } from './errors.js';

/**
 * Runs `work` inside BEGIN … COMMIT on one pooled connection, rolling back when it throws. A
 * connection that broke is destroyed, not handed back to the pool, so the next call connects anew.
 */
export async function transaction<T>(
  pool: PgPool,
  work: (client: PgPoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: unknown;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    if (passingCode(error) !== undefined) broken = error;
    else await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken === undefined ? undefined : toError(broken));
  }
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
