import { StoreFileError } from '../../store-errors.js';
import type { PgPool } from './driver.js';
import { pgCode } from './errors.js';

/** 'PBB1': the first key of the advisory lock that serializes migrations of one schema. */
const MIGRATION_LOCK = 0x50424231;

const TERMINAL = `('completed', 'failed', 'cancelled', 'expired')`;

/** A schema name the store accepts: lower case, so that it needs no quoting rules of its own. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema))
    throw new TypeError(
      `schema must be a lower-case PostgreSQL name (letters, digits, underscores), not ${JSON.stringify(schema)}`,
    );
  return schema;
}

/**
 * Migration n brings a schema from version n-1 to n, in the schema named by `s`. Append new ones;
 * never edit a released one: databases in the field were made by it.
 */
const MIGRATIONS: readonly ((s: string) => string)[] = [
  (s) => `
  CREATE TABLE ${s}.payments (
    id text PRIMARY KEY,
    provider text NOT NULL,
    provider_payment_id text NOT NULL,
    status text NOT NULL,
    checked_at timestamptz NOT NULL,
    last_sequence integer NOT NULL,
    reconcile_lease_until timestamptz NOT NULL DEFAULT '-infinity',
    record jsonb NOT NULL,
    CONSTRAINT payments_by_provider_id UNIQUE (provider, provider_payment_id)
  );
  CREATE INDEX payments_unfinished ON ${s}.payments (checked_at) WHERE status NOT IN ${TERMINAL};

  CREATE TABLE ${s}.status_history (
    payment_id text NOT NULL REFERENCES ${s}.payments (id),
    sequence integer NOT NULL,
    event_id text NOT NULL UNIQUE,
    status text NOT NULL,
    previous text,
    source text NOT NULL,
    provider_status text NOT NULL,
    provider_reason text,
    webhook_event_id text,
    body_sha256 text,
    at timestamptz NOT NULL,
    PRIMARY KEY (payment_id, sequence)
  );
  CREATE FUNCTION ${s}.status_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the status history is append-only'; END $$;
  CREATE TRIGGER status_history_append_only BEFORE UPDATE OR DELETE ON ${s}.status_history
    FOR EACH ROW EXECUTE FUNCTION ${s}.status_history_is_append_only();

  CREATE TABLE ${s}.outbox (
    position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    event_id text PRIMARY KEY,
    payment_id text NOT NULL REFERENCES ${s}.payments (id),
    sequence integer NOT NULL,
    status text NOT NULL,
    previous text,
    payment jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease_until timestamptz NOT NULL DEFAULT '-infinity',
    last_error text,
    delivered_at timestamptz,
    UNIQUE (payment_id, sequence)
  );
  CREATE INDEX outbox_pending ON ${s}.outbox (payment_id, sequence) WHERE delivered_at IS NULL;
  CREATE INDEX outbox_pending_in_order ON ${s}.outbox (position) WHERE delivered_at IS NULL;

  CREATE TABLE ${s}.idempotency_keys (
    key text PRIMARY KEY,
    fingerprint text NOT NULL,
    payment_id text,
    attempt_payment_id text,
    attempt_provider_payment_id text,
    lease_ms bigint,
    lease_until timestamptz,
    expires_at timestamptz NOT NULL
  );
  CREATE INDEX idempotency_keys_expiry ON ${s}.idempotency_keys (expires_at);

  CREATE TABLE ${s}.webhook_events (
    event_id text PRIMARY KEY,
    expires_at timestamptz NOT NULL
  );
  CREATE INDEX webhook_events_expiry ON ${s}.webhook_events (expires_at);
  `,
  // The payment a claim holder was about to store once the provider answered, for a takeover to adopt.
  (s) => `
  ALTER TABLE ${s}.idempotency_keys ADD COLUMN attempt_payment jsonb;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Creates the schema or brings it up to date, in one transaction under an advisory lock on the
 * schema's name: instances starting at once wait for each other, and the last ones find nothing to do.
 * Refuses a schema written by a newer version of the kit, and one that holds another application's
 * tables.
 */
export async function migrate(pool: PgPool, schema: string): Promise<void> {
  const where = `PostgreSQL schema ${schema}`;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK, schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
        version integer PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number | null }>(
      `SELECT max(version) AS version FROM ${schema}.schema_migrations`,
    );
    const version = rows[0]?.version ?? 0;
    if (version > SCHEMA_VERSION)
      throw new StoreFileError(
        where,
        `written by a newer version of pay-by-bank (schema ${version}; this one knows up to ${SCHEMA_VERSION})`,
      );
    for (let target = version + 1; target <= SCHEMA_VERSION; target += 1) {
      await client.query(MIGRATIONS[target - 1]!(schema));
      await client.query(`INSERT INTO ${schema}.schema_migrations (version) VALUES ($1)`, [target]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    if (pgCode(error) === '42P07' || pgCode(error) === '42723')
      throw new StoreFileError(
        where,
        `holds another application’s tables, not a payment store (${(error as Error).message})`,
        { cause: error },
      );
    throw error;
  } finally {
    client.release();
  }
}
