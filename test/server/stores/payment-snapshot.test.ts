import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createMemoryPaymentStore, type PaymentStore } from '../../../src/server/index.js';
import {
  readPaymentSnapshot,
  readSnapshot,
  type SnapshotReads,
} from '../../../src/server/payment-snapshot.js';
import { createSqlitePaymentStore } from '../../../src/server/stores/sqlite/index.js';
import { samplePayment } from './support/payments.js';

const folder = mkdtempSync(join(tmpdir(), 'pay-by-bank-snapshot-'));
after(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(folder, `payments-${(files += 1)}.db`);

const stores: Record<string, () => PaymentStore> = {
  memory: () => createMemoryPaymentStore(),
  sqlite: () => createSqlitePaymentStore({ path: newFile() }),
};

const snapshotOf = (store: PaymentStore, id: string) =>
  (store as PaymentStore & SnapshotReads)[readSnapshot](id);

for (const [name, createStore] of Object.entries(stores)) {
  describe(`the kit's snapshot read: ${name} store`, () => {
    it('shares one frozen snapshot between reads, while get still answers a copy', async () => {
      const store = createStore();
      const payment = samplePayment({ providerData: { consent: 'c-1' } });
      await store.insert(payment);
      const first = await snapshotOf(store, payment.id);
      assert.deepEqual(first, payment);
      assert.equal(await snapshotOf(store, payment.id), first);
      assert.ok(first && Object.isFrozen(first) && Object.isFrozen(first.amount));
      assert.ok(first.providerData && Object.isFrozen(first.providerData));
      assert.throws(() => {
        first.status = 'completed';
      }, TypeError);
      const copy = await store.get(payment.id);
      assert.notEqual(copy, first);
      assert.ok(copy && !Object.isFrozen(copy));
      await store.close?.();
    });

    it('replaces the snapshot on a write, leaving the one a reader holds as it was', async () => {
      const store = createStore();
      const payment = samplePayment();
      await store.insert(payment);
      const before = await snapshotOf(store, payment.id);
      await store.update(payment.id, (current) => ({ ...current, status: 'completed' }));
      const next = await snapshotOf(store, payment.id);
      assert.equal(before?.status, 'awaiting_authorisation');
      assert.equal(next?.status, 'completed');
      assert.notEqual(next, before);
      await store.close?.();
    });
  });
}

describe('readPaymentSnapshot', () => {
  it('reads a store that keeps no snapshots with its get', async () => {
    const kept = createMemoryPaymentStore();
    const payment = samplePayment();
    await kept.insert(payment);
    // A merchant's own store: the PaymentStore methods only.
    const own = { get: (id: string) => kept.get(id) } as PaymentStore;
    const read = await readPaymentSnapshot(own, payment.id);
    assert.deepEqual(read, payment);
    assert.ok(read && !Object.isFrozen(read));
  });

  it('sees a write another store made to the same SQLite file', async () => {
    const path = newFile();
    const reader = createSqlitePaymentStore({ path });
    const writer = createSqlitePaymentStore({ path });
    const payment = samplePayment();
    await writer.insert(payment);
    assert.equal((await readPaymentSnapshot(reader, payment.id))?.status, payment.status);
    await writer.update(payment.id, (current) => ({ ...current, status: 'completed' }));
    assert.equal((await readPaymentSnapshot(reader, payment.id))?.status, 'completed');
    await reader.close?.();
    await writer.close?.();
  });
});
