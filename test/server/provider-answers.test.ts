import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Problem } from '../../src/core/protocol.js';
import {
  signAiiaWebhook,
  signCashfreeWebhook,
  type FetchFunction,
  type StoredPayment,
} from '../../src/server/index.js';
import { decideAtBank, followReturn } from './support/bank-browser.js';
import { startKit, type RunningKit } from './support/kit-fixture.js';
import { createPayment, getStatus, postPayment, readProblem } from './support/merchant-client.js';
import { PROVIDER_FIXTURES } from './support/provider-fixtures.js';
import { SANDBOX_DEFAULTS, startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

/** What every adapter answers for a provider answer it does not understand (see `docs/protocol.md`). */
async function expectProviderError(response: Response): Promise<void> {
  assert.equal(response.status, 502);
  const problem: Problem = await readProblem(response);
  assert.equal(problem.code, 'provider_error');
  assert.equal(problem.status, 502);
  assert.equal(problem.type, 'https://pay-by-bank.dev/problems/provider-error');
}

/** The stored payment without the fields a refused update may touch (when the provider was last asked). */
function unchanged(payment: StoredPayment | undefined) {
  assert.ok(payment);
  const { checkedAt: _checkedAt, ...rest } = payment;
  return rest;
}

/**
 * A provider answer the adapter does not understand (a 2xx answer of an unexpected shape, a status
 * outside its table) is the same 502 `provider_error` for every adapter, and changes no payment.
 */
for (const fixture of PROVIDER_FIXTURES) {
  describe(`provider answers not understood: ${fixture.name}`, () => {
    let sandbox: RunningSandbox;
    let kit: RunningKit;
    /** Which provider calls answer something unexpected: their path matches. */
    let garble: RegExp | undefined;
    const garblingFetch: FetchFunction = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const response = await fetch(input, init);
      if (!garble?.test(url.pathname)) return response;
      await response.body?.cancel();
      return new Response(JSON.stringify({ data: { status: 'NOT_A_STATUS' }, surprise: true }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };

    before(async () => {
      sandbox = await startSandbox({ cashfree: { upiDecisionDelayMs: 0 } });
      const { provider, resolveCheckout } = fixture.start(sandbox, garblingFetch);
      kit = await startKit(provider, { resolveCheckout });
    });
    after(async () => {
      await kit.close();
      await sandbox.close();
    });

    it('answers 502 provider_error for a create answer it does not understand, and keeps no payment', async () => {
      garble = fixture.createCall;
      try {
        await expectProviderError(await postPayment(kit.endpoint, fixture.body()));
      } finally {
        garble = undefined;
      }
      const unfinished = await kit.store.listUnfinished({
        before: new Date(Date.now() + 60_000),
        limit: 100,
      });
      assert.deepEqual(unfinished, []);
    });

    it('keeps the payment unchanged when a status answer is not understood', async () => {
      const created = await createPayment(kit.endpoint, fixture.body());
      const before = await kit.store.get(created.paymentId);
      garble = /./;
      try {
        await new Promise((resolve) => setTimeout(resolve, 60));
        const status = await getStatus(kit.endpoint, created.paymentId);
        assert.equal(status.status, before?.status);
        if (fixture.redirects) {
          garble = undefined;
          const location = await decideAtBank(created.authorizationUrl ?? '', 'approve');
          garble = /./;
          const back = await followReturn(location);
          assert.equal(back.status, 303, 'the payer is sent on to the shop');
        }
        assert.deepEqual(unchanged(await kit.store.get(created.paymentId)), unchanged(before));
      } finally {
        garble = undefined;
      }
    });

    if (fixture.name === 'aiia-pay') {
      it('answers 502 provider_error to a webhook whose re-read status is not understood, and takes the retry', async () => {
        const created = await createPayment(kit.endpoint, fixture.body());
        const before = await kit.store.get(created.paymentId);
        const send = () =>
          aiiaWebhook(kit.endpoint, before?.providerPaymentId ?? '', 'evt-garbled');
        garble = /./;
        try {
          await expectProviderError(await send());
        } finally {
          garble = undefined;
        }
        assert.deepEqual(unchanged(await kit.store.get(created.paymentId)), unchanged(before));
        assert.equal((await send()).status, 200, 'the retry is not taken for a replay');
      });
    }

    if (fixture.name === 'cashfree-bbps') {
      it('answers 502 provider_error to a signed webhook with an unknown status, and keeps the payment', async () => {
        const created = await createPayment(kit.endpoint, fixture.body());
        const before = await kit.store.get(created.paymentId);
        const timestamp = String(Date.now());
        const body = JSON.stringify({
          event: 'BILL_PAYMENT_STATUS_UPDATE',
          data: { transaction_ref_id: before?.providerPaymentId, status: 'REFUND_PENDING' },
        });
        const response = await cashfreeWebhook(kit.endpoint, body, timestamp);
        await expectProviderError(response);
        assert.deepEqual(unchanged(await kit.store.get(created.paymentId)), unchanged(before));
      });
    }
  });
}

async function aiiaWebhook(
  endpoint: string,
  providerPaymentId: string,
  eventId: string,
): Promise<Response> {
  const body = JSON.stringify({
    acceptPaymentUpdatedWebhook: {
      data: { paymentId: providerPaymentId },
      event: 'PaymentUpdated',
    },
  });
  const signed = { timestamp: new Date().toISOString(), eventId, event: 'PaymentUpdated' };
  return fetch(`${endpoint}/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-aiia-signature': signAiiaWebhook(SANDBOX_DEFAULTS.aiia.webhookSecret, signed, body),
      'x-aiia-timestamp': signed.timestamp,
      'x-aiia-eventid': signed.eventId,
      'x-aiia-event': signed.event,
    },
    body,
  });
}

async function cashfreeWebhook(
  endpoint: string,
  body: string,
  timestamp: string,
): Promise<Response> {
  return fetch(`${endpoint}/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-webhook-signature': signCashfreeWebhook(
        SANDBOX_DEFAULTS.cashfree.webhookSecret,
        timestamp,
        body,
      ),
      'x-webhook-timestamp': timestamp,
    },
    body,
  });
}
