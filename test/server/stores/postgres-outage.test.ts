import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { canAdvance, type PaymentStatus } from '../../../src/core/status.js';
import { silentLogger, type PaymentStore, type StoredPayment } from '../../../src/server/index.js';
import {
  createPostgresPaymentStore,
  StoreUnavailableError,
} from '../../../src/server/stores/postgres/index.js';
import { recordNotices } from './support/notices.js';
import { samplePayment } from './support/payments.js';
import { newSchema, startThrowawayCluster } from './support/postgres.js';

// These tests stop and freeze the server, so they always use a cluster of their own, never one given.
const cluster = await startThrowawayCluster();
const SKIP =
  'no PostgreSQL installed (Debian’s postgresql package): these tests need a cluster of their own';

const opened: PaymentStore[] = [];
after(async () => {
  for (const store of opened) await store.close?.();
});

const TIMEOUT_MS = 1000;
/** A refused or dropped connection, or the server's own word that it is shutting down. */
const SERVER_DOWN = /^(ECONNREFUSED|ECONNRESET|PG_CONNECTION_LOST|57P0[1-3]|08\w{3})$/;
const TIMED_OUT = /^PG_(QUERY|CONNECT)_TIMEOUT$/;

async function open(schema: string): Promise<PaymentStore> {
  const store = await createPostgresPaymentStore({
    connectionString: cluster?.url ?? '',
    schema,
    connectionTimeoutMs: TIMEOUT_MS,
    statementTimeoutMs: TIMEOUT_MS,
    logger: silentLogger(),
  });
  opened.push(store);
  return store;
}

function advanceTo(status: PaymentStatus) {
  return (current: StoredPayment): StoredPayment =>
    canAdvance(current.status, status)
      ? { ...current, status, providerStatus: status.toUpperCase() }
      : current;
}

/** Every kind of call the handler makes, each expected to fail fast while the database is away. */
function everyCall(
  store: PaymentStore,
  payment: StoredPayment,
): [string, () => Promise<unknown>][] {
  return [
    ['get', () => store.get(payment.id)],
    ['findByProviderPaymentId', () => store.findByProviderPaymentId(payment.provider, 'x')],
    ['insert', () => store.insert(samplePayment())],
    ['update', () => store.update(payment.id, advanceTo('processing'))],
    ['history', () => store.history(payment.id)],
    ['listUnfinished', () => store.listUnfinished({ limit: 10, before: new Date() })],
    ['claimIdempotencyKey', () => store.claimIdempotencyKey('k', 'f', { leaseMs: 1000 })],
    ['recordIdempotencyAttempt', () => store.recordIdempotencyAttempt('k', { paymentId: 'p' })],
    ['markWebhookEvent', () => store.markWebhookEvent('evt', 1000)],
    ['claimDeliveries', () => store.claimDeliveries({ limit: 10, leaseMs: 1000 })],
    ['completeDelivery', () => store.completeDelivery('evt')],
  ];
}

async function assertAllUnavailable(
  store: PaymentStore,
  payment: StoredPayment,
  withinMs: number,
  codes: RegExp,
) {
  const results = await Promise.all(
    everyCall(store, payment).map(async ([name, call]) => {
      const started = Date.now();
      const error = await call().then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      return { name, error, ms: Date.now() - started };
    }),
  );
  for (const { name, error, ms } of results) {
    assert.ok(
      error instanceof StoreUnavailableError && codes.test(error.code ?? ''),
      `${name} threw ${String(error)} (${(error as { code?: string }).code})`,
    );
    assert.ok(ms < withinMs, `${name} took ${ms} ms`);
  }
}

async function eventually<T>(work: () => Promise<T>, withinMs = 20_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe(
  'PostgreSQL store when the database goes away',
  { skip: cluster === undefined && SKIP },
  () => {
    it('answers StoreUnavailableError while the server is down, then recovers by itself, wake-ups too', async () => {
      assert.ok(cluster);
      const schema = newSchema('down');
      const a = await open(schema);
      const b = await open(schema);
      const onB = recordNotices(b);
      await onB.resyncs(1);
      const payment = samplePayment();
      await a.insert(payment);
      await a.update(payment.id, advanceTo('authorised'));
      await onB.changes(payment.id, 1);

      const resyncedAfterOutage = onB.resyncs(2, 30_000);
      cluster.crash();
      await assertAllUnavailable(a, payment, 2000, SERVER_DOWN);
      await assertAllUnavailable(b, payment, 2000, SERVER_DOWN);
      cluster.start();

      assert.equal((await eventually(() => a.get(payment.id)))?.status, 'authorised');
      await resyncedAfterOutage;
      // LISTEN is in place again: a change stored through A after the outage reaches B.
      await eventually(() => a.update(payment.id, advanceTo('completed')));
      await onB.changes(payment.id, 2);
      assert.deepEqual(
        (await b.history(payment.id)).map((entry) => entry.status),
        ['awaiting_authorisation', 'authorised', 'completed'],
        'nothing answered before the outage was lost',
      );
      const next = samplePayment();
      await b.insert(next);
      assert.equal((await a.get(next.id))?.id, next.id);
      onB.unsubscribe();
    });

    it('answers StoreUnavailableError instead of hanging while the server does not answer', async () => {
      assert.ok(cluster);
      const store = await open(newSchema('frozen'));
      const payment = samplePayment();
      await store.insert(payment);
      cluster.freeze();
      try {
        // A statement on a pooled connection meets the client's query timeout, a new connection
        // the connection timeout: neither waits longer than the timeouts given plus a second.
        await assertAllUnavailable(store, payment, TIMEOUT_MS * 2 + 1000, TIMED_OUT);
      } finally {
        cluster.thaw();
      }
      assert.equal((await eventually(() => store.get(payment.id)))?.id, payment.id);
      await store.update(payment.id, advanceTo('completed'));
      assert.equal((await store.history(payment.id)).length, 2);
    });
  },
);
