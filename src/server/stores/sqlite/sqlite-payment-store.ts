import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type {
  IdempotencyClaim,
  PaymentStore,
  StatusChangeMeta,
  StoredPayment,
} from '../../payment-store.js';
import { copyJson } from '../../json-copy.js';
import { readSnapshot, type SnapshotReads } from '../../payment-snapshot.js';
import { StoreUnavailableError } from '../../store-errors.js';
import { assertStatusMovesForward, DEFAULT_CHANGE_META, statusChange } from '../status-change.js';
import { openConnection, type Connection } from './connection.js';
import { readBatch } from './read-batch.js';
import { sqliteCode, storeErrorOf } from './errors.js';
import {
  attemptOf,
  deliveryOf,
  historyColumns,
  historyEntryOf,
  outboxColumns,
  paymentColumns,
  paymentOf,
  type HistoryRow,
  type IdempotencyRow,
  type OutboxRow,
  type PaymentRow,
} from './rows.js';
import type { Statements } from './statements.js';

export interface SqlitePaymentStoreOptions {
  /**
   * The database file, created (with its folder) when missing. `':memory:'` keeps everything in this
   * process only, as the in-memory store does.
   */
  path: string;
  /** How long an idempotency key is remembered. Default: 24 hours. */
  idempotencyTtlMs?: number;
  /**
   * How long a call waits for another process's write lock before it fails with
   * `StoreUnavailableError`. Default: 5 seconds.
   */
  busyTimeoutMs?: number;
  now?: () => Date;
}

/**
 * A `PaymentStore` in one SQLite file, for a merchant's server on one machine: every method is one
 * transaction (writes take the write lock up front, `BEGIN IMMEDIATE`), so several processes may share
 * the file. Fails at creation, naming the file, when the file is not a usable payment store. A call
 * that meets a full disk, a lock held too long or a read-only file throws `StoreUnavailableError` and
 * writes nothing; the next call opens the file again.
 */
export function createSqlitePaymentStore(options: SqlitePaymentStoreOptions): PaymentStore {
  const { path } = options;
  const now = options.now ?? (() => new Date());
  const idempotencyTtlMs = options.idempotencyTtlMs ?? 24 * 60 * 60 * 1000;
  const inMemory = path === ':memory:';
  const connectionOptions = { path, busyTimeoutMs: options.busyTimeoutMs ?? 5000 };
  if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
  let connection: Connection | undefined = openConnection(connectionOptions, true);
  let closed = false;

  function use<T>(work: (connection: Connection) => T): T {
    if (closed) throw new Error('this payment store is closed');
    try {
      connection ??= openConnection(connectionOptions, false);
      return work(connection);
    } catch (error) {
      const mapped = storeErrorOf(error, path);
      // A connection that met a read-only or failing file may stay that way: the next call opens anew.
      if (mapped instanceof StoreUnavailableError && !inMemory) dropConnection();
      throw mapped;
    }
  }

  function write<T>(work: (statements: Statements) => T): T {
    return use(({ db, statements }) => db.transaction(() => work(statements)).immediate());
  }

  /** A write that may change payment `id`: what this connection kept of it goes, committed or not. */
  function writePayment<T>(id: string, work: (statements: Statements) => T): T {
    return use(({ db, statements, payments }) => {
      payments.forget(id);
      return db.transaction(() => work(statements)).immediate();
    });
  }

  function dropConnection(): void {
    try {
      connection?.db.close();
    } catch {
      // Closing a broken connection may fail too; it is dropped either way.
    }
    connection = undefined;
  }

  // A status poll's read: one look at the file per turn of the event loop serves every read of it.
  const readPayments = readBatch((ids: readonly string[]) =>
    use(({ payments }) => {
      payments.look();
      return ids.map((id) => payments.snapshot(id));
    }),
  );

  function appendChange(
    statements: Statements,
    payment: StoredPayment,
    previous: StoredPayment['status'] | null,
    meta: StatusChangeMeta,
  ): void {
    const at = now();
    const { next: sequence } = statements.nextSequence.get(payment.id) as { next: number };
    const change = statusChange(payment, previous, sequence, meta, at.toISOString());
    statements.insertHistory.run(historyColumns(change.entry));
    statements.insertDelivery.run(outboxColumns(change.delivery, at.getTime()));
  }

  const store: PaymentStore & SnapshotReads = {
    async get(id) {
      const payment = await readPayments(id);
      return payment && copyJson(payment);
    },
    [readSnapshot]: readPayments,
    async findByProviderPaymentId(provider, providerPaymentId) {
      return use(({ statements }) => {
        const row = statements.findByProviderId.get(provider, providerPaymentId) as
          PaymentRow | undefined;
        return row && paymentOf(row);
      });
    },
    async insert(payment) {
      try {
        writePayment(payment.id, (statements) => {
          const columns = paymentColumns(payment);
          statements.insertPayment.run(columns);
          appendChange(statements, paymentOf(columns), null, { source: 'create' });
        });
      } catch (error) {
        throw duplicateErrorOf(error);
      }
    },
    async update(id, change, meta = DEFAULT_CHANGE_META) {
      try {
        return writePayment(id, (statements) => {
          const row = statements.getPayment.get(id) as PaymentRow | undefined;
          if (!row) return undefined;
          const current = paymentOf(row);
          const changed = change(paymentOf(row));
          if (!changed) return current;
          const columns = paymentColumns({ ...changed, id });
          const next = paymentOf(columns);
          assertStatusMovesForward(current, next);
          statements.updatePayment.run(columns);
          if (next.status !== current.status) appendChange(statements, next, current.status, meta);
          return next;
        });
      } catch (error) {
        throw duplicateErrorOf(error);
      }
    },
    async history(paymentId) {
      return use(({ statements }) =>
        (statements.history.all(paymentId) as HistoryRow[]).map(historyEntryOf),
      );
    },
    async listUnfinished({ limit, before }) {
      return use(({ statements }) =>
        (statements.listUnfinished.all(before.getTime(), rowLimit(limit)) as PaymentRow[]).map(
          paymentOf,
        ),
      );
    },
    async claimUnfinished({ limit, before, leaseMs, provider, now: at = now() }) {
      return write((statements) => {
        const time = at.getTime();
        const claimed = (
          statements.claimableUnfinished.all({
            before: before.getTime(),
            now: time,
            provider: provider ?? null,
            limit: rowLimit(limit),
          }) as PaymentRow[]
        ).map(paymentOf);
        for (const payment of claimed)
          statements.leaseUnfinished.run({ id: payment.id, lease_until: time + leaseMs });
        return claimed;
      });
    },
    async claimIdempotencyKey(key, fingerprint, claimOptions = {}) {
      return write((statements): IdempotencyClaim => {
        const time = now().getTime();
        statements.pruneIdempotency.run(time);
        const row = statements.getIdempotency.get(key) as IdempotencyRow | undefined;
        if (!row) {
          const leaseMs = claimOptions.leaseMs ?? null;
          statements.insertIdempotency.run({
            key,
            fingerprint,
            lease_ms: leaseMs,
            lease_until_ms: leaseMs === null ? null : time + leaseMs,
            expires_at_ms: time + idempotencyTtlMs,
          });
          return { outcome: 'claimed' };
        }
        const abandoned =
          row.payment_id === null &&
          row.fingerprint === fingerprint &&
          row.lease_until_ms !== null &&
          row.lease_until_ms <= time;
        if (abandoned) {
          const leaseMs = claimOptions.leaseMs ?? row.lease_ms ?? 0;
          statements.takeOverIdempotency.run({
            key,
            lease_ms: leaseMs,
            lease_until_ms: time + leaseMs,
            expires_at_ms: time + idempotencyTtlMs,
          });
          const attempt = attemptOf(row);
          return { outcome: 'claimed', takeover: true, ...(attempt ? { attempt } : {}) };
        }
        return {
          outcome: 'existing',
          fingerprint: row.fingerprint,
          ...(row.payment_id === null ? {} : { paymentId: row.payment_id }),
        };
      });
    },
    async recordIdempotencyAttempt(key, attempt) {
      write((statements) =>
        statements.recordAttempt.run({
          key,
          payment_id: attempt.paymentId,
          provider_payment_id: attempt.providerPaymentId ?? null,
          payment: attempt.payment ? JSON.stringify(attempt.payment) : null,
          now: now().getTime(),
        }),
      );
    },
    async completeIdempotencyKey(key, paymentId) {
      write((statements) => statements.completeIdempotency.run(paymentId, key));
    },
    async releaseIdempotencyKey(key) {
      write((statements) => statements.releaseIdempotency.run(key));
    },
    async markWebhookEvent(eventId, rememberForMs) {
      return write((statements) => {
        const time = now().getTime();
        statements.pruneWebhookEvents.run(time);
        return statements.markWebhookEvent.run(eventId, time + rememberForMs).changes === 1;
      });
    },
    async forgetWebhookEvent(eventId) {
      write((statements) => statements.forgetWebhookEvent.run(eventId));
    },
    async claimDeliveries({ limit, leaseMs, now: at = now() }) {
      return write((statements) => {
        const time = at.getTime();
        const rows = statements.dueDeliveries.all({
          now: time,
          limit: rowLimit(limit),
        }) as OutboxRow[];
        return rows.map((row) => {
          statements.leaseDelivery.run({ event_id: row.event_id, lease_until_ms: time + leaseMs });
          return deliveryOf({ ...row, attempts: row.attempts + 1 });
        });
      });
    },
    async completeDelivery(eventId) {
      write((statements) =>
        statements.completeDelivery.run({ event_id: eventId, now: now().getTime() }),
      );
    },
    async failDelivery(eventId, nextAttemptAt, error) {
      write((statements) =>
        statements.failDelivery.run({
          event_id: eventId,
          next_attempt_at_ms: nextAttemptAt.getTime(),
          error,
        }),
      );
    },
    async close() {
      if (closed) return;
      readPayments.flush();
      closed = true;
      connection?.db.close();
      connection = undefined;
    },
  };
  return store;
}

/** SQLite's LIMIT takes a negative number for "no limit"; a caller's nonsense means none. */
function rowLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0;
}

/** The same words as the in-memory store for a payment that is already stored. */
function duplicateErrorOf(error: unknown): unknown {
  const code = sqliteCode(error);
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new Error('payment id already stored');
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') return new Error('provider payment id already stored');
  return error;
}
