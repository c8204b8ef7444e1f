import type { SqliteDatabase } from './driver.js';

const TERMINAL = `('completed', 'failed', 'cancelled', 'expired')`;

/** Every statement the store runs, prepared once per connection. */
export function prepareStatements(db: SqliteDatabase) {
  return {
    getPayment: db.prepare(`SELECT record FROM payments WHERE id = ?`),
    findByProviderId: db.prepare(
      `SELECT record FROM payments WHERE provider = ? AND provider_payment_id = ?`,
    ),
    insertPayment: db.prepare(
      `INSERT INTO payments (id, provider, provider_payment_id, status, checked_at_ms, record)
       VALUES (@id, @provider, @provider_payment_id, @status, @checked_at_ms, @record)`,
    ),
    updatePayment: db.prepare(
      `UPDATE payments SET provider = @provider, provider_payment_id = @provider_payment_id,
         status = @status, checked_at_ms = @checked_at_ms, record = @record
       WHERE id = @id`,
    ),
    listUnfinished: db.prepare(
      `SELECT record FROM payments
       WHERE status NOT IN ${TERMINAL} AND checked_at_ms < ?
       ORDER BY checked_at_ms LIMIT ?`,
    ),

    nextSequence: db.prepare(
      `SELECT coalesce(max(sequence), 0) + 1 AS next FROM status_history WHERE payment_id = ?`,
    ),
    insertHistory: db.prepare(
      `INSERT INTO status_history (payment_id, sequence, event_id, status, previous, source,
         provider_status, provider_reason, webhook_event_id, body_sha256, at)
       VALUES (@payment_id, @sequence, @event_id, @status, @previous, @source,
         @provider_status, @provider_reason, @webhook_event_id, @body_sha256, @at)`,
    ),
    history: db.prepare(`SELECT * FROM status_history WHERE payment_id = ? ORDER BY sequence`),

    insertDelivery: db.prepare(
      `INSERT INTO outbox (event_id, payment_id, sequence, status, previous, payment, created_at,
         next_attempt_at_ms)
       VALUES (@event_id, @payment_id, @sequence, @status, @previous, @payment, @created_at,
         @next_attempt_at_ms)`,
    ),
    // Only the oldest undelivered change of each payment is ever due: the hook sees them in order.
    dueDeliveries: db.prepare(
      `SELECT * FROM outbox AS o
       WHERE o.delivered_at_ms IS NULL
         AND NOT EXISTS (SELECT 1 FROM outbox AS e
           WHERE e.payment_id = o.payment_id AND e.delivered_at_ms IS NULL AND e.sequence < o.sequence)
         AND o.next_attempt_at_ms <= @now AND o.lease_until_ms <= @now
       ORDER BY o.rowid LIMIT @limit`,
    ),
    leaseDelivery: db.prepare(
      `UPDATE outbox SET lease_until_ms = @lease_until_ms, attempts = attempts + 1
       WHERE event_id = @event_id`,
    ),
    completeDelivery: db.prepare(
      `UPDATE outbox SET delivered_at_ms = @now, lease_until_ms = 0
       WHERE event_id = @event_id AND delivered_at_ms IS NULL`,
    ),
    failDelivery: db.prepare(
      `UPDATE outbox SET next_attempt_at_ms = @next_attempt_at_ms, lease_until_ms = 0,
         last_error = @error
       WHERE event_id = @event_id AND delivered_at_ms IS NULL`,
    ),

    pruneIdempotency: db.prepare(`DELETE FROM idempotency_keys WHERE expires_at_ms <= ?`),
    getIdempotency: db.prepare(`SELECT * FROM idempotency_keys WHERE key = ?`),
    insertIdempotency: db.prepare(
      `INSERT INTO idempotency_keys (key, fingerprint, lease_ms, lease_until_ms, expires_at_ms)
       VALUES (@key, @fingerprint, @lease_ms, @lease_until_ms, @expires_at_ms)`,
    ),
    takeOverIdempotency: db.prepare(
      `UPDATE idempotency_keys SET lease_ms = @lease_ms, lease_until_ms = @lease_until_ms,
         expires_at_ms = @expires_at_ms
       WHERE key = @key`,
    ),
    recordAttempt: db.prepare(
      `UPDATE idempotency_keys SET
         attempt_provider_payment_id = CASE
           WHEN @provider_payment_id IS NOT NULL THEN @provider_payment_id
           WHEN attempt_payment_id IS @payment_id THEN attempt_provider_payment_id
           ELSE NULL END,
         attempt_payment_id = @payment_id,
         lease_until_ms = CASE WHEN lease_ms IS NULL THEN lease_until_ms ELSE @now + lease_ms END
       WHERE key = @key AND payment_id IS NULL`,
    ),
    completeIdempotency: db.prepare(
      `UPDATE idempotency_keys SET payment_id = ?, lease_until_ms = NULL WHERE key = ?`,
    ),
    releaseIdempotency: db.prepare(`DELETE FROM idempotency_keys WHERE key = ?`),

    pruneWebhookEvents: db.prepare(`DELETE FROM webhook_events WHERE expires_at_ms <= ?`),
    markWebhookEvent: db.prepare(
      `INSERT INTO webhook_events (event_id, expires_at_ms) VALUES (?, ?)
       ON CONFLICT (event_id) DO NOTHING`,
    ),
    forgetWebhookEvent: db.prepare(`DELETE FROM webhook_events WHERE event_id = ?`),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
