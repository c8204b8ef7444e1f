import { loadSqliteDriver } from '../../../src/server/stores/sqlite/driver.js';

/**
 * Whether a SQLite store has hook calls for the payment and records every one so far as done (its
 * outbox's rows): a payment with none yet is not "recorded".
 * A server killed between a hook call and its record has the call made again once the dead process's
 * lease on it runs out (hook timeout + 30 s): at least once, by design (docs/architecture.md, "What
 * the merchant's own server learns"). A test that wants "exactly once" across a kill waits for this.
 */
export function hookCallsRecorded(databasePath: string, paymentId: string): boolean {
  const Database = loadSqliteDriver();
  const file = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const { calls, pending } = file
      .prepare(
        `SELECT count(*) AS calls, count(*) FILTER (WHERE delivered_at_ms IS NULL) AS pending
           FROM outbox WHERE payment_id = ?`,
      )
      .get(paymentId) as { calls: number; pending: number };
    return calls > 0 && pending === 0;
  } finally {
    file.close();
  }
}
