import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { PaymentStatusResponse } from '../../src/core/protocol.js';
import {
  createMemoryPaymentStore,
  createPayByBankHandler,
  silentLogger,
  type PayByBankHandler,
  type PaymentStore,
} from '../../src/server/index.js';
import { decideAtBank } from './support/bank-browser.js';
import { resolveTestCheckout } from './support/kit-fixture.js';
import { createBody } from './support/merchant-client.js';
import { providerFor } from './support/providers.js';
import { startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

const BASE = 'https://shop.example/api/pay-by-bank';

/**
 * A held long-poll resolves its route at once with an answer still to come (src/server/kit-answer.ts);
 * the Fetch handler, with no node:http around it, must still answer with the status it waited for.
 */
describe('long-polls through the Fetch handler itself', () => {
  let sandbox: RunningSandbox;
  let handler: PayByBankHandler;
  let storeReads = 0;
  before(async () => {
    sandbox = await startSandbox();
    const store = createMemoryPaymentStore();
    // Counted around the real store, as a merchant's own wrapper would be.
    const counted: PaymentStore = Object.assign(Object.create(store) as PaymentStore, {
      get(paymentId: string) {
        storeReads += 1;
        return store.get(paymentId);
      },
    });
    handler = createPayByBankHandler({
      store: counted,
      provider: providerFor('mastercard-open-finance', sandbox.url),
      resolveCheckout: resolveTestCheckout,
      publicBaseUrl: 'https://shop.example',
      logger: silentLogger(),
      refreshIntervalMs: 200,
      reconcileIntervalMs: 0,
    });
  });
  after(async () => {
    await handler.close();
    await sandbox.close();
  });

  async function created(): Promise<{
    paymentId: string;
    status: string;
    authorizationUrl: string;
  }> {
    const response = await handler(
      new Request(`${BASE}/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify(createBody({ returnUrl: 'https://shop.example/done' })),
      }),
    );
    assert.equal(response.status, 201);
    return (await response.json()) as {
      paymentId: string;
      status: string;
      authorizationUrl: string;
    };
  }

  const longPoll = async (paymentId: string, query: string) => {
    const response = await handler(new Request(`${BASE}/payments/${paymentId}?${query}`));
    assert.equal(response.status, 200);
    return (await response.json()) as PaymentStatusResponse;
  };

  it('answers with the new status once the payment moved', async () => {
    const payment = await created();
    const started = Date.now();
    const waiting = longPoll(payment.paymentId, `wait=10&since=${payment.status}`);
    await decideAtBank(payment.authorizationUrl, 'approve');
    const answer = await waiting;
    assert.notEqual(answer.status, payment.status);
    assert.ok(Date.now() - started < 5000, 'answered before the wait ran out');
  });

  it('answers the unchanged status when the wait runs out', async () => {
    const payment = await created();
    const started = Date.now();
    const answer = await longPoll(payment.paymentId, `wait=1&since=${payment.status}`);
    assert.equal(answer.status, payment.status);
    assert.ok(Date.now() - started >= 900, 'held until its deadline');
  });

  it('answers 499 once its request was aborted, without reading the store again', async () => {
    const payment = await created();
    const aborted = new AbortController();
    const waiting = handler(
      new Request(`${BASE}/payments/${payment.paymentId}?wait=20&since=${payment.status}`, {
        signal: aborted.signal,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const readsBefore = storeReads;
    aborted.abort();
    const started = Date.now();
    const response = await waiting;
    assert.equal(response.status, 499);
    assert.equal(storeReads, readsBefore, 'no store read for an answer nobody reads');
    assert.ok(Date.now() - started < 3000, 'let go at its next wake-up, not at its deadline');
  });
});
