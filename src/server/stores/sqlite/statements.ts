import type { SqliteDatabase, SqliteStatement } from './driver.js';

const TERMINAL = `('completed', 'failed', 'cancelled', 'expired')`;

/** Every statement the store runs. */
const SQL = {
  getPayment: `SELECT record FROM payments WHERE id = ?`,
  // Moves when another connection commits to the file (src/server/stores/sqlite/payment-reads.ts).
  dataVersion: `PRAGMA data_version`,
  findByProviderId: `SELECT record FROM payments WHERE provider = ? AND provider_payment_id = ?`,
  insertPayment: `INSERT INTO payments (id, provider, provider_payment_id, status, checked_at_ms, record)
       VALUES (@id, @provider, @provider_payment_id, @status, @checked_at_ms, @record)`,
  updatePayment: `UPDATE payments SET provider = @provider, provider_payment_id = @provider_payment_id,
         status = @status, checked_at_ms = @checked_at_ms, record = @record
       WHERE id = @id`,
  listUnfinished: `SELECT record FROM payments
       WHERE status NOT IN ${TERMINAL} AND checked_at_ms < ?
       ORDER BY checked_at_ms LIMIT ?`,
  claimableUnfinished: `SELECT record FROM payments
       WHERE status NOT IN ${TERMINAL} AND checked_at_ms < @before AND reconcile_lease_until_ms <= @now
         AND (@provider IS NULL OR provider = @provider)
       ORDER BY checked_at_ms LIMIT @limit`,
  leaseUnfinished: `UPDATE payments SET reconcile_lease_until_ms = @lease_until WHERE id = @id`,

  nextSequence: `SELECT coalesce(max(sequence), 0) + 1 AS next FROM status_history WHERE payment_id = ?`,
  insertHistory: `INSERT INTO status_history (payment_id, sequence, event_id, status, previous, source,
         provider_status, provider_reason, webhook_event_id, body_sha256, at)
       VALUES (@payment_id, @sequence, @event_id, @status, @previous, @source,
         @provider_status, @provider_reason, @webhook_event_id, @body_sha256, @at)`,
  history: `SELECT * FROM status_history WHERE payment_id = ? ORDER BY sequence`,

  insertDelivery: `INSERT INTO outbox (event_id, payment_id, sequence, status, previous, payment, created_at,
         next_attempt_at_ms)
       VALUES (@event_id, @payment_id, @sequence, @status, @previous, @payment, @created_at,
         @next_attempt_at_ms)`,
  // Only the oldest undelivered change of each payment is ever due: the hook sees them in order.
  dueDeliveries: `SELECT * FROM outbox AS o
       WHERE o.delivered_at_ms IS NULL
         AND NOT EXISTS (SELECT 1 FROM outbox AS e
           WHERE e.payment_id = o.payment_id AND e.delivered_at_ms IS NULL AND e.sequence < o.sequence)
         AND o.next_attempt_at_ms <= @now AND o.lease_until_ms <= @now
       ORDER BY o.rowid LIMIT @limit`,
  leaseDelivery: `UPDATE outbox SET lease_until_ms = @lease_until_ms, attempts = attempts + 1
       WHERE event_id = @event_id`,
  completeDelivery: `UPDATE outbox SET delivered_at_ms = @now, lease_until_ms = 0
       WHERE event_id = @event_id AND delivered_at_ms IS NULL`,
  failDelivery: `UPDATE outbox SET next_attempt_at_ms = @next_attempt_at_ms, lease_until_ms = 0,
         last_error = @error
       WHERE event_id = @event_id AND delivered_at_ms IS NULL`,

  pruneIdempotency: `DELETE FROM idempotency_keys WHERE expires_at_ms <= ?`,
  getIdempotency: `SELECT * FROM idempotency_keys WHERE key = ?`,
  insertIdempotency: `INSERT INTO idempotency_keys (key, fingerprint, lease_ms, lease_until_ms, expires_at_ms)
       VALUES (@key, @fingerprint, @lease_ms, @lease_until_ms, @expires_at_ms)`,
  takeOverIdempotency: `UPDATE idempotency_keys SET lease_ms = @lease_ms, lease_until_ms = @lease_until_ms,
         expires_at_ms = @expires_at_ms
       WHERE key = @key`,
  recordAttempt: `UPDATE idempotency_keys SET
         attempt_provider_payment_id = CASE
           WHEN @provider_payment_id IS NOT NULL THEN @provider_payment_id
           WHEN attempt_payment_id IS @payment_id THEN attempt_provider_payment_id
           ELSE NULL END,
         attempt_payment = CASE
           WHEN @payment IS NOT NULL THEN @payment
           WHEN attempt_payment_id IS @payment_id THEN attempt_payment
           ELSE NULL END,
         attempt_payment_id = @payment_id,
         lease_until_ms = CASE WHEN lease_ms IS NULL THEN lease_until_ms ELSE @now + lease_ms END
       WHERE key = @key AND payment_id IS NULL`,
  completeIdempotency: `UPDATE idempotency_keys SET payment_id = ?, lease_until_ms = NULL WHERE key = ?`,
  releaseIdempotency: `DELETE FROM idempotency_keys WHERE key = ?`,

  pruneWebhookEvents: `DELETE FROM webhook_events WHERE expires_at_ms <= ?`,
  markWebhookEvent: `INSERT INTO webhook_events (event_id, expires_at_ms) VALUES (?, ?)
       ON CONFLICT (event_id) DO NOTHING`,
  forgetWebhookEvent: `DELETE FROM webhook_events WHERE event_id = ?`,
};

export type Statements = { readonly [Name in keyof typeof SQL]: SqliteStatement };

/** Prepared once per connection. */
export function prepareStatements(db: SqliteDatabase): Statements {
  return Object.fromEntries(
    Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)]),
  ) as unknown as Statements;
}
