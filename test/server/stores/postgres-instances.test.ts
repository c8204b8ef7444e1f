import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { canAdvance, type PaymentStatus } from '../../../src/core/status.js';
import type { PaymentStore, StoredPayment } from '../../../src/server/index.js';
import {
  createPostgresPaymentStore,
  StoreFileError,
  StoreUnavailableError,
} from '../../../src/server/stores/postgres/index.js';
import { recordNotices } from './support/notices.js';
import { samplePayment } from './support/payments.js';
import {
  freshDatabase,
  newSchema,
  SKIP_WITHOUT_POSTGRES,
  testServerUrl,
} from './support/postgres.js';

const serverUrl = await testServerUrl();
const database = serverUrl === undefined ? undefined : await freshDatabase(serverUrl, 'instances');
const connectionString = database?.url ?? '';

const admin = new pg.Pool({ connectionString, max: 2 });
const opened: PaymentStore[] = [];
after(async () => {
  for (const store of opened) await store.close?.();
  await admin.end();
  await database?.drop();
});

async function open(schema: string, options: { poolSize?: number } = {}): Promise<PaymentStore> {
  const store = await createPostgresPaymentStore({ connectionString, schema, ...options });
  opened.push(store);
  return store;
}

/** Two instances of the server kit: two stores, two pools, one schema. */
async function twoInstances(): Promise<[PaymentStore, PaymentStore]> {
  const schema = newSchema('instances');
  return [await open(schema), await open(schema)];
}

function advanceTo(status: PaymentStatus) {
  return (current: StoredPayment): StoredPayment =>
    canAdvance(current.status, status)
      ? { ...current, status, providerStatus: status.toUpperCase() }
      : current;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(
  'PostgreSQL store: many instances on one database',
  { skip: serverUrl === undefined && SKIP_WITHOUT_POSTGRES },
  () => {
    it('migrates a new schema once when three instances start at the same moment', async () => {
      const schema = newSchema('racing');
      const stores = await Promise.all([open(schema), open(schema), open(schema)]);
      assert.equal(stores.length, 3);
      const { rows } = await admin.query(`SELECT version FROM ${schema}.schema_migrations`);
      assert.deepEqual(rows, [{ version: 1 }, { version: 2 }]);
      const payment = samplePayment();
      await stores[0]?.insert(payment);
      assert.equal((await stores[2]?.get(payment.id))?.id, payment.id);
    });

    it('reads back on B what A stored', async () => {
      const [a, b] = await twoInstances();
      const payment = samplePayment({ providerData: { consent: 'c-1' } });
      await a.insert(payment);
      await a.update(payment.id, advanceTo('completed'), { source: 'webhook' });
      assert.equal((await b.get(payment.id))?.status, 'completed');
      assert.deepEqual(
        (await b.history(payment.id)).map((entry) => entry.status),
        ['awaiting_authorisation', 'completed'],
      );
    });

    it('gives a key to exactly one of 50 concurrent claims made through both instances', async () => {
      const [a, b] = await twoInstances();
      const claims = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          (index % 2 ? a : b).claimIdempotencyKey('one-key', 'f', { leaseMs: 30_000 }),
        ),
      );
      assert.equal(claims.filter((claim) => claim.outcome === 'claimed').length, 1);
      assert.equal(claims.filter((claim) => claim.outcome === 'existing').length, 49);
    });

    it('gives a webhook event to exactly one of 50 concurrent marks made through both', async () => {
      const [a, b] = await twoInstances();
      const marks = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          (index % 2 ? a : b).markWebhookEvent('evt', 60_000),
        ),
      );
      assert.equal(marks.filter(Boolean).length, 1);
    });

    it('loses no change when both instances update one payment at once', async () => {
      const [a, b] = await twoInstances();
      const payment = samplePayment({ providerData: { log: '' } });
      await a.insert(payment);
      await Promise.all(
        Array.from({ length: 60 }, (_, index) =>
          (index % 2 ? a : b).update(payment.id, (current) => ({
            ...current,
            providerData: { log: `${current.providerData?.log ?? ''}[${index}]` },
          })),
        ),
      );
      const seen = (await b.get(payment.id))?.providerData?.log?.match(/\[\d+\]/g) ?? [];
      assert.equal(seen.length, 60);
      assert.equal(new Set(seen).size, 60);
      // And one status change recorded when both race to the same status.
      await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          (index % 2 ? a : b).update(payment.id, advanceTo('completed')),
        ),
      );
      assert.equal((await a.history(payment.id)).length, 2);
    });

    it('makes each outbox delivery once, in order per payment, with both instances claiming', async () => {
      const [a, b] = await twoInstances();
      const ids: string[] = [];
      for (let index = 0; index < 20; index += 1) {
        const payment = samplePayment({ status: 'created' });
        await a.insert(payment);
        await b.update(payment.id, advanceTo('awaiting_authorisation'));
        await a.update(payment.id, advanceTo('completed'));
        ids.push(payment.id);
      }
      const delivered: { eventId: string; paymentId: string; sequence: number }[] = [];
      const inFlight = new Set<string>();
      async function deliverer(store: PaymentStore) {
        for (let idle = 0; idle < 3;) {
          const claimed = await store.claimDeliveries({ limit: 4, leaseMs: 30_000 });
          if (claimed.length === 0) {
            idle += 1;
            await pause(5);
            continue;
          }
          idle = 0;
          await Promise.all(
            claimed.map(async (delivery) => {
              assert.ok(!inFlight.has(delivery.paymentId), 'one delivery of a payment at a time');
              inFlight.add(delivery.paymentId);
              await pause(1);
              delivered.push(delivery);
              inFlight.delete(delivery.paymentId);
              await store.completeDelivery(delivery.eventId);
            }),
          );
        }
      }
      await Promise.all([deliverer(a), deliverer(b), deliverer(a), deliverer(b)]);
      assert.equal(delivered.length, 60);
      assert.equal(new Set(delivered.map((delivery) => delivery.eventId)).size, 60);
      for (const id of ids)
        assert.deepEqual(
          delivered.filter((delivery) => delivery.paymentId === id).map((d) => d.sequence),
          [1, 2, 3],
        );
    });

    it('gives each unfinished payment to one reconciler of the two instances per lease', async () => {
      const [a, b] = await twoInstances();
      for (let index = 0; index < 30; index += 1) await a.insert(samplePayment());
      const before = new Date(Date.parse('2025-06-02T10:00:01Z'));
      const claims = await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          (index % 2 ? a : b).claimUnfinished!({ limit: 3, before, leaseMs: 60_000 }),
        ),
      );
      const ids = claims.flat().map((payment) => payment.id);
      assert.equal(ids.length, 30);
      assert.equal(new Set(ids).size, 30);
    });

    it('wakes B’s subscribers when A stores a status change, and only then', async () => {
      const [a, b] = await twoInstances();
      const onB = recordNotices(b);
      const other = recordNotices(b);
      await Promise.all([onB.resyncs(1), other.resyncs(1)]);
      const payment = samplePayment();
      await a.insert(payment);
      // No status change, and a change that threw: no wake-up.
      await a.update(payment.id, (current) => ({
        ...current,
        checkedAt: new Date().toISOString(),
      }));
      await assert.rejects(
        a.update(payment.id, () => {
          throw new Error('change failed');
        }),
      );
      await a.update(payment.id, advanceTo('completed'));
      await Promise.all([onB.changes(payment.id), other.changes(payment.id)]);
      await pause(100);
      assert.equal(onB.changesOf(payment.id), 1);
      assert.equal(other.changesOf(payment.id), 1);

      onB.unsubscribe();
      const next = samplePayment();
      await a.insert(next);
      await b.update(next.id, advanceTo('failed'));
      await other.changes(next.id);
      assert.equal(onB.changesOf(next.id), 0, 'an unsubscribed listener hears nothing');
      other.unsubscribe();
    });

    it('holds one listening connection per store, however many subscribe, and none once all left', async () => {
      const schema = newSchema('listening');
      const store = await open(schema);
      const listeners = async () =>
        Number(
          (
            await admin.query(
              `SELECT count(*) AS n FROM pg_stat_activity
              WHERE datname = current_database() AND application_name = 'pay-by-bank status feed'`,
            )
          ).rows[0].n,
        );
      const before = await listeners();
      const subscribers = Array.from({ length: 25 }, () => recordNotices(store));
      await Promise.all(subscribers.map((subscriber) => subscriber.resyncs(1)));
      assert.equal((await listeners()) - before, 1);
      for (const subscriber of subscribers) subscriber.unsubscribe();
      for (let tries = 0; (await listeners()) > before && tries < 50; tries += 1) await pause(20);
      assert.equal(await listeners(), before);
    });
  },
);

describe(
  'createPostgresPaymentStore at start-up',
  { skip: serverUrl === undefined && SKIP_WITHOUT_POSTGRES },
  () => {
    it('refuses a schema written by a newer version, naming the schema', async () => {
      const schema = newSchema('newer');
      await (await createPostgresPaymentStore({ connectionString, schema })).close?.();
      await admin.query(`INSERT INTO ${schema}.schema_migrations (version) VALUES (99)`);
      await assert.rejects(
        createPostgresPaymentStore({ connectionString, schema }),
        (error: unknown) =>
          error instanceof StoreFileError &&
          error.message.includes(schema) &&
          /newer version/.test(error.message),
      );
    });

    it('refuses a schema holding another application’s tables, and leaves them untouched', async () => {
      const schema = newSchema('foreign');
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.query(`CREATE TABLE ${schema}.payments (invoice integer)`);
      await admin.query(`INSERT INTO ${schema}.payments VALUES (7)`);
      await assert.rejects(
        createPostgresPaymentStore({ connectionString, schema }),
        (error: unknown) =>
          error instanceof StoreFileError && /another application/.test(error.message),
      );
      const { rows } = await admin.query(`SELECT invoice FROM ${schema}.payments`);
      assert.deepEqual(rows, [{ invoice: 7 }]);
      const tables = await admin.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1`,
        [schema],
      );
      assert.equal(tables.rows[0].n, 1, 'the failed migration left nothing behind');
    });

    it('refuses a schema name it would have to quote', async () => {
      await assert.rejects(
        createPostgresPaymentStore({ connectionString, schema: 'pay"; DROP TABLE x; --' }),
        TypeError,
      );
    });

    it('answers StoreUnavailableError, soon, when nothing listens at the address', async () => {
      const url = new URL(connectionString);
      url.port = '1';
      const started = Date.now();
      await assert.rejects(
        createPostgresPaymentStore({ connectionString: url.toString(), schema: newSchema() }),
        (error: unknown) => error instanceof StoreUnavailableError && error.code === 'ECONNREFUSED',
      );
      assert.ok(Date.now() - started < 5000);
    });

    it('fails clearly once closed', async () => {
      const store = await createPostgresPaymentStore({ connectionString, schema: newSchema() });
      await store.close?.();
      await assert.rejects(store.get('pay_x'), /closed/);
    });
  },
);
