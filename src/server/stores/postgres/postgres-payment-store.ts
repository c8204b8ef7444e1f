import { consoleLogger, type Logger } from '../../logger.js';
import type {
  IdempotencyClaim,
  PaymentStore,
  StatusChangeMeta,
  StoredPayment,
} from '../../payment-store.js';
import { assertStatusMovesForward, DEFAULT_CHANGE_META, statusChange } from '../status-change.js';
import { loadPgDriver, type PgClientConfig, type PgPool, type PgPoolClient } from './driver.js';
import { duplicateErrorOf, storeErrorOf } from './errors.js';
import {
  asStored,
  attemptOf,
  deliveryOf,
  historyEntryOf,
  historyValues,
  paymentValues,
  type HistoryRow,
  type IdempotencyRow,
  type OutboxRow,
  type PaymentRow,
} from './rows.js';
import { checkSchemaName, migrate } from './schema.js';
import { statementsFor } from './statements.js';
import { createStatusFeed } from './status-feed.js';
import { transaction } from './transaction.js';

export interface PostgresPaymentStoreOptions {
  /** Where the database is, e.g. `postgres://shop:secret@db.internal:5432/shop`. Or give `pool`. */
  connectionString?: string;
  /**
   * A pg `Pool` of your own, used as it is (its size and timeouts are yours) and left open by
   * `close()`. The listening connection for wake-ups is made from the pool's own settings.
   */
  pool?: PgPool;
  /** pg's TLS options for `connectionString`, e.g. `{ ca, rejectUnauthorized: true }`. */
  ssl?: PgClientConfig['ssl'];
  /** The schema the store's tables live in, created when missing. Default: `pay_by_bank`. */
  schema?: string;
  /** Connections in the pool made from `connectionString`. Default: 10. */
  poolSize?: number;
  /**
   * How long connecting, or any one statement, may take before the call fails with
   * `StoreUnavailableError`. Default: 5 seconds each.
   */
  connectionTimeoutMs?: number;
  statementTimeoutMs?: number;
  /** How long an idempotency key is remembered. Default: 24 hours. */
  idempotencyTtlMs?: number;
  now?: () => Date;
  /** Where a lost listening connection is reported. Default: the console. */
  logger?: Logger;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 1000;

/**
 * A `PaymentStore` in PostgreSQL, shared by any number of instances of the server kit
 * (docs/architecture.md, "Many instances"). Connects and brings its schema up to date before it
 * answers, so a wrong address, a refused login or a schema from a newer version fails at start-up.
 * Every method is atomic; a status change wakes every instance's subscribers through
 * `LISTEN`/`NOTIFY`. A database that is down or too slow makes a call throw `StoreUnavailableError`;
 * the store recovers by itself once it is back.
 */
export async function createPostgresPaymentStore(
  options: PostgresPaymentStoreOptions,
): Promise<PaymentStore> {
  const schema = checkSchemaName(options.schema ?? 'pay_by_bank');
  const where = `PostgreSQL schema ${schema}`;
  const now = options.now ?? (() => new Date());
  const idempotencyTtlMs = options.idempotencyTtlMs ?? DAY_MS;
  const logger = options.logger ?? consoleLogger();
  const pg = loadPgDriver();

  const ownsPool = options.pool === undefined;
  let clientConfig: PgClientConfig;
  let pool: PgPool;
  if (options.pool) {
    pool = options.pool;
    clientConfig = (pool as unknown as { options: PgClientConfig }).options;
  } else {
    if (!options.connectionString)
      throw new TypeError('createPostgresPaymentStore needs a connectionString or a pool');
    const statementTimeoutMs = options.statementTimeoutMs ?? 5000;
    clientConfig = {
      connectionString: options.connectionString,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
      // The server gives up on a statement first; the client's own limit covers a server gone silent.
      statement_timeout: statementTimeoutMs,
      query_timeout: statementTimeoutMs + 1000,
      idle_in_transaction_session_timeout: statementTimeoutMs * 2,
      keepAlive: true,
      application_name: 'pay-by-bank',
      ...(options.ssl === undefined ? {} : { ssl: options.ssl }),
    };
    pool = new pg.Pool({ ...clientConfig, max: options.poolSize ?? 10 });
  }
  // A pooled connection that breaks while idle is reported here; the next call connects anew.
  const onIdleError = () => {};
  pool.on('error', onIdleError);
  // pg-pool stops listening to a connection it is closing before the connection is gone; a failure
  // reported in that moment (the server shutting down) must not crash the process.
  const onConnect = (client: PgPoolClient) => client.on('error', () => {});
  pool.on('connect', onConnect);

  const sql = statementsFor(schema);
  const feed = createStatusFeed({
    newClient: () =>
      new pg.Client({
        ...clientConfig,
        statement_timeout: 0,
        application_name: `${clientConfig.application_name ?? 'pay-by-bank'} status feed`,
      }),
    logger,
    initialBackoffMs: 100,
    maxBackoffMs: 3000,
    heartbeatMs: 10_000,
  });
  let closed = false;
  let nextPruneAt = 0;

  async function use<T>(work: () => Promise<T>): Promise<T> {
    if (closed) throw new Error('this payment store is closed');
    try {
      return await work();
    } catch (error) {
      throw storeErrorOf(error, where);
    }
  }

  async function rows<Row>(text: string, values: unknown[]): Promise<Row[]> {
    return (await pool.query(text, values)).rows as Row[];
  }

  /** Expired keys and events are ignored by every claim; this only keeps the tables small. */
  async function pruneNowAndThen(time: Date): Promise<void> {
    if (time.getTime() < nextPruneAt) return;
    nextPruneAt = time.getTime() + PRUNE_EVERY_MS;
    await pool.query(sql.pruneKeys, [time]);
    await pool.query(sql.pruneWebhookEvents, [time]);
  }

  function changeValues(
    payment: StoredPayment,
    previous: StoredPayment['status'] | null,
    sequence: number,
    meta: StatusChangeMeta,
  ): unknown[] {
    const { entry } = statusChange(payment, previous, sequence, meta, now().toISOString());
    return [...paymentValues(payment), ...historyValues(entry)];
  }

  try {
    await migrate(pool, schema);
  } catch (error) {
    pool.off('error', onIdleError);
    pool.off('connect', onConnect);
    if (ownsPool) await pool.end().catch(() => {});
    throw storeErrorOf(error, where);
  }

  return {
    async get(id) {
      return use(async () => (await rows<PaymentRow>(sql.getPayment, [id]))[0]?.record);
    },
    async findByProviderPaymentId(provider, providerPaymentId) {
      return use(
        async () =>
          (await rows<PaymentRow>(sql.findByProviderId, [provider, providerPaymentId]))[0]?.record,
      );
    },
    async insert(payment) {
      await use(async () => {
        const stored = asStored(payment);
        try {
          await pool.query(sql.insertPayment, changeValues(stored, null, 1, { source: 'create' }));
        } catch (error) {
          throw duplicateErrorOf(error);
        }
      });
    },
    async update(id, change, meta = DEFAULT_CHANGE_META) {
      return use(() =>
        transaction(pool, async (client) => {
          const row = (await client.query<PaymentRow>(sql.lockPayment, [id])).rows[0];
          if (!row) return undefined;
          const current = row.record;
          const changed = change(structuredClone(current));
          if (!changed) return current;
          const next = asStored({ ...changed, id });
          assertStatusMovesForward(current, next);
          try {
            if (next.status === current.status)
              await client.query(sql.updatePayment, paymentValues(next));
            else
              await client.query(
                sql.changeStatus,
                changeValues(next, current.status, row.last_sequence + 1, meta),
              );
          } catch (error) {
            throw duplicateErrorOf(error);
          }
          return next;
        }),
      );
    },
    async history(paymentId) {
      return use(async () =>
        (await rows<HistoryRow>(sql.history, [paymentId])).map(historyEntryOf),
      );
    },
    async listUnfinished({ limit, before }) {
      return use(async () =>
        (await rows<PaymentRow>(sql.listUnfinished, [before, rowLimit(limit)])).map(
          (row) => row.record,
        ),
      );
    },
    async claimUnfinished({ limit, before, leaseMs, provider, now: at = now() }) {
      return use(async () => {
        const claimed = await rows<PaymentRow>(sql.claimUnfinished, [
          before,
          at,
          rowLimit(limit),
          new Date(at.getTime() + leaseMs),
          provider ?? null,
        ]);
        return claimed
          .map((row) => row.record)
          .sort(
            (a, b) => Date.parse(a.checkedAt) - Date.parse(b.checkedAt) || (a.id < b.id ? -1 : 1),
          );
      });
    },
    async claimIdempotencyKey(key, fingerprint, claimOptions = {}) {
      return use(async (): Promise<IdempotencyClaim> => {
        const time = now();
        await pruneNowAndThen(time);
        const leaseMs = claimOptions.leaseMs ?? null;
        const expiresAt = new Date(time.getTime() + idempotencyTtlMs);
        // A key released or expired between the steps is simply tried again.
        for (;;) {
          const fresh = await pool.query(sql.claimFreshKey, [
            key,
            fingerprint,
            leaseMs,
            leaseMs === null ? null : new Date(time.getTime() + leaseMs),
            expiresAt,
            time,
          ]);
          if (fresh.rowCount === 1) return { outcome: 'claimed' };
          const [taken] = await rows<IdempotencyRow>(sql.takeOverKey, [
            key,
            fingerprint,
            leaseMs,
            time,
            expiresAt,
          ]);
          if (taken) {
            const attempt = attemptOf(taken);
            return { outcome: 'claimed', takeover: true, ...(attempt ? { attempt } : {}) };
          }
          const [held] = await rows<IdempotencyRow>(sql.getKey, [key, time]);
          if (held)
            return {
              outcome: 'existing',
              fingerprint: held.fingerprint,
              ...(held.payment_id === null ? {} : { paymentId: held.payment_id }),
            };
        }
      });
    },
    async recordIdempotencyAttempt(key, attempt) {
      await use(() =>
        pool.query(sql.recordAttempt, [
          key,
          attempt.paymentId,
          attempt.providerPaymentId ?? null,
          now(),
          attempt.payment ? JSON.stringify(attempt.payment) : null,
        ]),
      );
    },
    async completeIdempotencyKey(key, paymentId) {
      await use(() => pool.query(sql.completeKey, [key, paymentId]));
    },
    async releaseIdempotencyKey(key) {
      await use(() => pool.query(sql.releaseKey, [key]));
    },
    async markWebhookEvent(eventId, rememberForMs) {
      return use(async () => {
        const time = now();
        await pruneNowAndThen(time);
        const marked = await pool.query(sql.markWebhookEvent, [
          eventId,
          new Date(time.getTime() + rememberForMs),
          time,
        ]);
        return marked.rowCount === 1;
      });
    },
    async forgetWebhookEvent(eventId) {
      await use(() => pool.query(sql.forgetWebhookEvent, [eventId]));
    },
    async claimDeliveries({ limit, leaseMs, now: at = now() }) {
      return use(async () => {
        const claimed = await rows<OutboxRow>(sql.claimDeliveries, [
          at,
          rowLimit(limit),
          new Date(at.getTime() + leaseMs),
        ]);
        return claimed
          .sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)))
          .map(deliveryOf);
      });
    },
    async completeDelivery(eventId) {
      await use(() => pool.query(sql.completeDelivery, [eventId, now()]));
    },
    async failDelivery(eventId, nextAttemptAt, error) {
      await use(() => pool.query(sql.failDelivery, [eventId, nextAttemptAt, error]));
    },
    subscribeStatusChanges(listener) {
      if (closed) throw new Error('this payment store is closed');
      return feed.subscribe(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      await feed.close();
      pool.off('error', onIdleError);
      pool.off('connect', onConnect);
      if (ownsPool) await pool.end();
    },
  };
}

/** A caller's nonsense limit means none. */
function rowLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0;
}
