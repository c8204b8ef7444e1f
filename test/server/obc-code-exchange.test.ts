import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FetchFunction } from '../../src/server/index.js';
import { decideAtBank, followReturn } from './support/bank-browser.js';
import { startKit, type RunningKit } from './support/kit-fixture.js';
import { createBody, createPayment } from './support/merchant-client.js';
import { obcProviderFor } from './support/providers.js';
import { startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

/** The kit's timeout per provider call here; a held exchange outlasts it. */
const TIMEOUT_MS = 400;
const TRANSFERS = '/payments/domestic-credit-transfers';

interface Exchange {
  xRequestId: string;
}

/**
 * Records each code exchange; `loseNextAnswer` lets the next one reach the provider and do its work,
 * then loses its answer on the way back, as a timeout after the provider acted would.
 */
function exchangeFetch(seen: Exchange[], control: { loseNextAnswer: boolean }): FetchFunction {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!url.pathname.endsWith(TRANSFERS)) return fetch(input, init);
    const body = JSON.parse(String(init?.body ?? '{}')) as {
      requestInfo: { xRequestId: string };
    };
    seen.push({ xRequestId: body.requestInfo.xRequestId });
    const response = await fetch(input, init);
    if (!control.loseNextAnswer) return response;
    control.loseNextAnswer = false;
    await response.text();
    throw new DOMException('The operation timed out.', 'TimeoutError');
  };
}

function resolveGbCheckout(checkout: string | undefined) {
  return checkout === 'order-gb-1'
    ? { amount: { value: '42.00', currency: 'GBP' }, reference: 'ORDER-1' }
    : null;
}

describe('openBankingConnect: the code exchange when the provider fails', () => {
  let sandbox: RunningSandbox;
  let kit: RunningKit;
  const seen: Exchange[] = [];
  const control = { loseNextAnswer: false };

  before(async () => {
    sandbox = await startSandbox();
    kit = await startKit(
      obcProviderFor(sandbox.sandbox, sandbox.url, {
        fetch: exchangeFetch(seen, control),
        timeoutMs: TIMEOUT_MS,
      }),
      { resolveCheckout: resolveGbCheckout },
    );
    // The first creates also fetch the provider's token and warm both servers up, which on a busy
    // machine can outlast this file's short provider timeout; the tests are about the exchange.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await createPayment(
          kit.endpoint,
          createBody({ bankId: 'GB_ThamesMercerBank', checkout: 'order-gb-1' }),
        );
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  });
  after(async () => {
    await kit.close();
    await sandbox.close();
  });
  beforeEach(() => {
    seen.length = 0;
    control.loseNextAnswer = false;
    sandbox.sandbox.configure({ faults: {} });
  });

  /** Pays at the bank, then faults the exchange and comes back: the kit's status and the bank's. */
  async function payThroughFaultyExchange(fault: Record<string, unknown>) {
    const created = await createPayment(
      kit.endpoint,
      createBody({ bankId: 'GB_ThamesMercerBank', checkout: 'order-gb-1' }),
    );
    const location = await decideAtBank(created.authorizationUrl ?? '', 'approve');
    const redeemedBefore = sandbox.sandbox.succeeded('obc', 'exchange');
    sandbox.sandbox.configure({ faults: { provider: 'obc', call: 'exchange', ...fault } });
    const back = await followReturn(location);
    assert.equal(back.status, 303, 'the payer is sent on whatever the provider did');
    const stored = await kit.store.get(created.paymentId);
    return {
      stored,
      atProvider: sandbox.sandbox.statusOf('obc', stored?.providerPaymentId ?? ''),
      redeemed: sandbox.sandbox.succeeded('obc', 'exchange') - redeemedBefore,
      redeemedSince: () => sandbox.sandbox.succeeded('obc', 'exchange') - redeemedBefore,
    };
  }

  it('tries again after a 503 and records the transfer', async () => {
    const { stored, atProvider, redeemed } = await payThroughFaultyExchange({
      times: 1,
      errorRate: 1,
      errorStatus: 503,
    });
    assert.equal(seen.length, 2);
    assert.equal(stored?.status, 'processing');
    assert.equal(stored?.providerStatus, atProvider);
    assert.ok(stored?.providerData?.transferId);
    assert.equal(redeemed, 1);
  });

  it('tries again after a timeout, the same request id, and the provider redeems the code once', async () => {
    const { stored, atProvider, redeemed, redeemedSince } = await payThroughFaultyExchange({
      times: 1,
      delayMs: TIMEOUT_MS * 3,
    });
    assert.equal(stored?.status, 'processing');
    assert.equal(stored?.providerStatus, atProvider);
    assert.equal(seen.length, 2);
    assert.equal(seen[0]?.xRequestId, seen[1]?.xRequestId);
    // The held first attempt arrives after the retry redeemed the code, and is refused.
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 3));
    assert.equal(redeemed, 1);
    assert.equal(redeemedSince(), 1);
  });

  it('gives up after three attempts and leaves the payment pending, not failed', async () => {
    const { stored, atProvider, redeemed } = await payThroughFaultyExchange({
      errorRate: 1,
      errorStatus: 503,
    });
    assert.equal(seen.length, 3);
    assert.equal(stored?.status, 'created');
    assert.equal(atProvider, undefined, 'no transfer at the provider either');
    assert.equal(redeemed, 0);
  });

  it('does not take its own lost redemption for the bank refusing the code', async () => {
    control.loseNextAnswer = true;
    const { stored, atProvider, redeemed } = await payThroughFaultyExchange({});
    assert.equal(seen.length, 2, 'one retry, refused as the code was used');
    assert.equal(redeemed, 1);
    assert.equal(atProvider, 'ACSP');
    assert.notEqual(stored?.status, 'failed');
    assert.equal(stored?.providerData?.returnedAt, undefined);
  });
});
