import { STATUS_CHANNEL } from './status-feed.js';

const TERMINAL = `('completed', 'failed', 'cancelled', 'expired')`;

/**
 * Parameters $1–$6 are a payment's columns (`paymentValues`), $7–$16 its history entry
 * (`historyValues`); the outbox delivery is made of both.
 */
const HISTORY_FROM_PAYMENT = (s: string) => `
  INSERT INTO ${s}.status_history (payment_id, sequence, event_id, status, previous, source,
      provider_status, provider_reason, webhook_event_id, body_sha256, at)
    SELECT id, $7::int, $8::text, $9::text, $10::text, $11::text, $12::text, $13::text, $14::text,
      $15::text, $16::timestamptz FROM payment`;
const DELIVERY_FROM_PAYMENT = (s: string) => `
  INSERT INTO ${s}.outbox (event_id, payment_id, sequence, status, previous, payment, created_at,
      next_attempt_at)
    SELECT $8::text, id, $7::int, $9::text, $10::text, $6::jsonb, $16::timestamptz, $16::timestamptz
    FROM payment`;

/** Every statement the store runs, in the store's schema. */
export function statementsFor(s: string) {
  return {
    getPayment: `SELECT record FROM ${s}.payments WHERE id = $1`,
    findByProviderId: `SELECT record FROM ${s}.payments WHERE provider = $1 AND provider_payment_id = $2`,
    // One statement: the payment, its first history entry and its first delivery, or nothing.
    insertPayment: `
      WITH payment AS (
        INSERT INTO ${s}.payments (id, provider, provider_payment_id, status, checked_at, record,
            last_sequence)
          VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::int) RETURNING id
      ), history AS (${HISTORY_FROM_PAYMENT(s)})
      ${DELIVERY_FROM_PAYMENT(s)}`,
    lockPayment: `SELECT record, last_sequence FROM ${s}.payments WHERE id = $1 FOR UPDATE`,
    updatePayment: `UPDATE ${s}.payments SET provider = $2, provider_payment_id = $3, status = $4,
        checked_at = $5, record = $6::jsonb
      WHERE id = $1`,
    // The change, its history entry, its delivery and the wake-up of every instance, in one statement
    // of the update's transaction: the NOTIFY is sent when (and only if) the transaction commits.
    changeStatus: `
      WITH payment AS (
        UPDATE ${s}.payments SET provider = $2, provider_payment_id = $3, status = $4,
            checked_at = $5, record = $6::jsonb, last_sequence = $7::int
          WHERE id = $1 RETURNING id
      ), history AS (${HISTORY_FROM_PAYMENT(s)}),
      delivery AS (${DELIVERY_FROM_PAYMENT(s)})
      SELECT pg_notify('${STATUS_CHANNEL}', id) FROM payment`,
    history: `SELECT * FROM ${s}.status_history WHERE payment_id = $1 ORDER BY sequence`,
    listUnfinished: `SELECT record FROM ${s}.payments
      WHERE status NOT IN ${TERMINAL} AND checked_at < $1
      ORDER BY checked_at, id LIMIT $2`,
    // Rows another instance is claiming right now are skipped, not waited for; the lease keeps them
    // from every other claimer until it runs out.
    claimUnfinished: `
      WITH due AS (
        SELECT id FROM ${s}.payments
          WHERE status NOT IN ${TERMINAL} AND checked_at < $1 AND reconcile_lease_until <= $2
            AND ($5::text IS NULL OR provider = $5)
          ORDER BY checked_at, id LIMIT $3
          FOR UPDATE SKIP LOCKED
      )
      UPDATE ${s}.payments AS p SET reconcile_lease_until = $4 FROM due WHERE p.id = due.id
      RETURNING p.record`,

    // Only the oldest undelivered change of each payment is ever due: the hook sees them in order.
    claimDeliveries: `
      WITH due AS (
        SELECT o.event_id FROM ${s}.outbox AS o
          WHERE o.delivered_at IS NULL AND o.next_attempt_at <= $1 AND o.lease_until <= $1
            AND NOT EXISTS (SELECT 1 FROM ${s}.outbox AS e
              WHERE e.payment_id = o.payment_id AND e.delivered_at IS NULL AND e.sequence < o.sequence)
          ORDER BY o.position LIMIT $2
          FOR UPDATE SKIP LOCKED
      )
      UPDATE ${s}.outbox AS o SET lease_until = $3, attempts = o.attempts + 1
        FROM due WHERE o.event_id = due.event_id
      RETURNING o.*`,
    completeDelivery: `UPDATE ${s}.outbox SET delivered_at = $2, lease_until = '-infinity'
      WHERE event_id = $1 AND delivered_at IS NULL`,
    failDelivery: `UPDATE ${s}.outbox SET next_attempt_at = $2, lease_until = '-infinity',
        last_error = $3
      WHERE event_id = $1 AND delivered_at IS NULL`,

    // A fresh key, or one whose memory ran out, is claimed by this one statement.
    claimFreshKey: `
      INSERT INTO ${s}.idempotency_keys AS k (key, fingerprint, lease_ms, lease_until, expires_at)
        VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint, payment_id = NULL,
          attempt_payment_id = NULL, attempt_provider_payment_id = NULL, attempt_payment = NULL,
          lease_ms = excluded.lease_ms, lease_until = excluded.lease_until,
          expires_at = excluded.expires_at
        WHERE k.expires_at <= $6
      RETURNING key`,
    // A key whose holder's lease ran out goes to exactly one claimer with the same fingerprint: the
    // row lock makes a second claimer re-check the lease, which the first one renewed.
    takeOverKey: `
      UPDATE ${s}.idempotency_keys
        SET lease_ms = coalesce($3::bigint, lease_ms, 0),
          lease_until = $4::timestamptz + coalesce($3::bigint, lease_ms, 0) * interval '1 millisecond',
          expires_at = $5
        WHERE key = $1 AND fingerprint = $2 AND payment_id IS NULL
          AND lease_until IS NOT NULL AND lease_until <= $4
      RETURNING attempt_payment_id, attempt_provider_payment_id, attempt_payment`,
    getKey: `SELECT fingerprint, payment_id FROM ${s}.idempotency_keys
      WHERE key = $1 AND expires_at > $2`,
    recordAttempt: `UPDATE ${s}.idempotency_keys SET
        attempt_provider_payment_id = CASE
          WHEN $3::text IS NOT NULL THEN $3::text
          WHEN attempt_payment_id IS NOT DISTINCT FROM $2 THEN attempt_provider_payment_id
          ELSE NULL END,
        attempt_payment = CASE
          WHEN $5::jsonb IS NOT NULL THEN $5::jsonb
          WHEN attempt_payment_id IS NOT DISTINCT FROM $2 THEN attempt_payment
          ELSE NULL END,
        attempt_payment_id = $2,
        lease_until = CASE WHEN lease_ms IS NULL THEN lease_until
          ELSE $4::timestamptz + lease_ms * interval '1 millisecond' END
      WHERE key = $1 AND payment_id IS NULL`,
    completeKey: `UPDATE ${s}.idempotency_keys SET payment_id = $2, lease_until = NULL WHERE key = $1`,
    releaseKey: `DELETE FROM ${s}.idempotency_keys WHERE key = $1`,

    // Seen within its memory: nothing changes and no row comes back. Unseen or forgotten: remembered.
    markWebhookEvent: `
      INSERT INTO ${s}.webhook_events AS w (event_id, expires_at) VALUES ($1, $2)
      ON CONFLICT (event_id) DO UPDATE SET expires_at = excluded.expires_at
        WHERE w.expires_at <= $3
      RETURNING event_id`,
    forgetWebhookEvent: `DELETE FROM ${s}.webhook_events WHERE event_id = $1`,

    // Housekeeping in small batches, skipping rows in use, so that it never waits for nor blocks a claim.
    pruneKeys: `DELETE FROM ${s}.idempotency_keys WHERE key IN (
        SELECT key FROM ${s}.idempotency_keys WHERE expires_at <= $1 LIMIT 1000 FOR UPDATE SKIP LOCKED)`,
    pruneWebhookEvents: `DELETE FROM ${s}.webhook_events WHERE event_id IN (
        SELECT event_id FROM ${s}.webhook_events WHERE expires_at <= $1 LIMIT 1000
        FOR UPDATE SKIP LOCKED)`,
  };
}

export type Statements = ReturnType<typeof statementsFor>;
