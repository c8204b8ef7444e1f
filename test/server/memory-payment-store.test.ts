import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryPaymentStore, type StoredPayment } from '../../src/server/index.js';
import { manualClock } from './support/sandbox-fixture.js';

const payment: StoredPayment = {
  id: 'pay_AAAAAAAAAAAAAAAAAAAAAAAA',
  provider: 'aiia-pay',
  providerPaymentId: 'p-1',
  status: 'created',
  providerStatus: 'Initiated',
  amount: { value: '1.00', currency: 'EUR' },
  reference: 'R',
  bankId: 'b',
  flow: 'redirect',
  returnUrl: 'https://shop.example/',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  checkedAt: '2025-01-01T00:00:00.000Z',
};

describe('createMemoryPaymentStore', () => {
  it('keeps stores apart: no shared module state', async () => {
    const a = createMemoryPaymentStore();
    const b = createMemoryPaymentStore();
    await a.insert(payment);
    assert.equal(await b.get(payment.id), undefined);
    assert.equal((await a.findByProviderPaymentId('aiia-pay', 'p-1'))?.id, payment.id);
    assert.equal(await a.findByProviderPaymentId('other', 'p-1'), undefined);
  });

  it('hands out copies, so callers cannot change stored payments by accident', async () => {
    const store = createMemoryPaymentStore();
    await store.insert(payment);
    const copy = await store.get(payment.id);
    assert.ok(copy);
    copy.status = 'completed';
    assert.equal((await store.get(payment.id))?.status, 'created');
  });

  it('claims a key once, remembers its payment, and forgets it after the TTL', async () => {
    const clock = manualClock();
    const store = createMemoryPaymentStore({ now: clock.now, idempotencyTtlMs: 1000 });
    assert.deepEqual(await store.claimIdempotencyKey('k', 'f1'), { outcome: 'claimed' });
    assert.deepEqual(await store.claimIdempotencyKey('k', 'f2'), {
      outcome: 'existing',
      fingerprint: 'f1',
    });
    await store.completeIdempotencyKey('k', 'pay_x');
    assert.deepEqual(await store.claimIdempotencyKey('k', 'f1'), {
      outcome: 'existing',
      fingerprint: 'f1',
      paymentId: 'pay_x',
    });
    clock.advance(1001);
    assert.deepEqual(await store.claimIdempotencyKey('k', 'f2'), { outcome: 'claimed' });
  });

  it('marks webhook events once within their memory', async () => {
    const clock = manualClock();
    const store = createMemoryPaymentStore({ now: clock.now });
    assert.equal(await store.markWebhookEvent('e', 1000), true);
    assert.equal(await store.markWebhookEvent('e', 1000), false);
    await store.forgetWebhookEvent('e');
    assert.equal(await store.markWebhookEvent('e', 1000), true);
    clock.advance(1001);
    assert.equal(await store.markWebhookEvent('e', 1000), true);
  });
});
