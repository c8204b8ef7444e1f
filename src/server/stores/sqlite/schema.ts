import { StoreFileError } from '../../store-errors.js';
import type { SqliteDatabase } from './driver.js';

/** 'PBB1' in the file header, so the store recognizes its own files and refuses anyone else's. */
export const APPLICATION_ID = 0x50424231;

const TERMINAL = `('completed', 'failed', 'cancelled', 'expired')`;

/**
 * Migration n brings a file from `user_version` n-1 to n. Append new ones; never edit a released one:
 * files in the field were made by it.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    provider_payment_id TEXT NOT NULL,
    status TEXT NOT NULL,
    checked_at_ms INTEGER NOT NULL,
    record TEXT NOT NULL
  ) STRICT;
  CREATE UNIQUE INDEX payments_by_provider_id ON payments (provider, provider_payment_id);
  CREATE INDEX payments_unfinished ON payments (checked_at_ms) WHERE status NOT IN ${TERMINAL};

  CREATE TABLE status_history (
    payment_id TEXT NOT NULL REFERENCES payments (id),
    sequence INTEGER NOT NULL,
    event_id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    previous TEXT,
    source TEXT NOT NULL,
    provider_status TEXT NOT NULL,
    provider_reason TEXT,
    webhook_event_id TEXT,
    body_sha256 TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (payment_id, sequence)
  ) STRICT;
  CREATE TRIGGER status_history_no_update BEFORE UPDATE ON status_history
    BEGIN SELECT RAISE(ABORT, 'the status history is append-only'); END;
  CREATE TRIGGER status_history_no_delete BEFORE DELETE ON status_history
    BEGIN SELECT RAISE(ABORT, 'the status history is append-only'); END;

  CREATE TABLE outbox (
    event_id TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL REFERENCES payments (id),
    sequence INTEGER NOT NULL,
    status TEXT NOT NULL,
    previous TEXT,
    payment TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at_ms INTEGER NOT NULL,
    lease_until_ms INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    delivered_at_ms INTEGER,
    UNIQUE (payment_id, sequence)
  ) STRICT;
  CREATE INDEX outbox_pending ON outbox (payment_id, sequence) WHERE delivered_at_ms IS NULL;

  CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    payment_id TEXT,
    attempt_payment_id TEXT,
    attempt_provider_payment_id TEXT,
    lease_ms INTEGER,
    lease_until_ms INTEGER,
    expires_at_ms INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at_ms);

  CREATE TABLE webhook_events (
    event_id TEXT PRIMARY KEY,
    expires_at_ms INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX webhook_events_expiry ON webhook_events (expires_at_ms);
  `,
  // Reconciler claims (`claimUnfinished`): until when a payment is held by one process's reconciler.
  `
  ALTER TABLE payments ADD COLUMN reconcile_lease_until_ms INTEGER NOT NULL DEFAULT 0;
  `,
  // The payment a claim holder was about to store once the provider answered, for a takeover to adopt.
  `
  ALTER TABLE idempotency_keys ADD COLUMN attempt_payment TEXT;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Checks that the file is this store's (or empty), then brings its schema up to date. Each migration
 * runs in its own immediate transaction and re-reads the version inside it, so two processes opening
 * one new file migrate it once.
 */
export function prepareSchema(db: SqliteDatabase, path: string): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (applicationId !== APPLICATION_ID) {
    const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get() as { n: number };
    if (applicationId !== 0 || version !== 0 || tables.n > 0)
      throw new StoreFileError(path, 'this is another application’s database, not a payment store');
  }
  if (version > SCHEMA_VERSION)
    throw new StoreFileError(
      path,
      `written by a newer version of pay-by-bank (schema ${version}; this one knows up to ${SCHEMA_VERSION})`,
    );
  MIGRATIONS.forEach((sql, index) => {
    const target = index + 1;
    // Checked outside the transaction too: a current file opened read-only needs no write lock.
    if (version >= target) return;
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) >= target) return;
      db.exec(sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${target}`);
    }).immediate();
  });
}

/** A quick structural check at start-up, so a damaged file fails then and not in the middle of a payment. */
export function checkIntegrity(db: SqliteDatabase, path: string): void {
  const result = db.pragma('quick_check', { simple: true });
  if (result !== 'ok')
    throw new StoreFileError(path, `the database is damaged (${String(result)})`);
}
