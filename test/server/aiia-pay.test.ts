import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RETURN_PARAMETER } from '../../src/core/protocol.js';
import { signAiiaWebhook } from '../../src/server/index.js';
import { decideAtBank, followReturn, openBankPage } from './support/bank-browser.js';
import { RETURN_URL, startKit, type RunningKit } from './support/kit-fixture.js';
import { createPayment, getStatus, postPayment, readProblem } from './support/merchant-client.js';
import { providerFor } from './support/providers.js';
import {
  manualClock,
  SANDBOX_DEFAULTS,
  startSandbox,
  type RunningSandbox,
} from './support/sandbox-fixture.js';

const SECRET = SANDBOX_DEFAULTS.aiia.webhookSecret;

function signedWebhook(
  endpoint: string,
  body: string,
  headers: { timestamp: string; eventId: string; event?: string; signature?: string },
): Promise<Response> {
  const event = headers.event ?? 'PaymentUpdated';
  const signature =
    headers.signature ??
    signAiiaWebhook(
      SECRET,
      { timestamp: headers.timestamp, eventId: headers.eventId, event },
      body,
    );
  return fetch(`${endpoint}/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-aiia-signature': signature,
      'x-aiia-timestamp': headers.timestamp,
      'x-aiia-eventid': headers.eventId,
      'x-aiia-event': event,
    },
    body,
  });
}

function updatedBody(paymentId: string): string {
  return JSON.stringify({
    acceptPaymentUpdatedWebhook: { data: { paymentId }, event: 'PaymentUpdated' },
  });
}

describe('aiiaPay against the sandbox', () => {
  const clock = manualClock();
  let sandbox: RunningSandbox;
  let kit: RunningKit;

  before(async () => {
    sandbox = await startSandbox({ now: clock.now });
    kit = await startKit(providerFor('aiia-pay', sandbox.url, { now: clock.now }), {
      now: clock.now,
    });
  });
  after(async () => {
    await sandbox.close();
    await kit.close();
  });

  it('completes a payment the payer approves at the bank', async () => {
    const created = await createPayment(kit.endpoint);
    assert.equal(created.status, 'created');
    assert.deepEqual(created.amount, { value: '42.00', currency: 'EUR' });
    assert.equal(created.reference, 'ORDER-123');
    assert.match(created.paymentId, /^pay_[A-Za-z0-9_-]{24}$/);
    assert.equal(created.expiresAt, new Date(clock.now().getTime() + 60_000).toISOString());
    assert.ok(created.authorizationUrl?.startsWith(`${sandbox.url}/aiia/authorize?token=`));

    const bankRedirect = await decideAtBank(created.authorizationUrl ?? '', 'approve');
    assert.ok(bankRedirect.startsWith(`${kit.endpoint}/return?`), bankRedirect);
    const back = await followReturn(bankRedirect);
    assert.equal(back.status, 303);
    const landing = new URL(back.location ?? '');
    assert.equal(landing.origin + landing.pathname, new URL(RETURN_URL).origin + '/checkout/done');
    assert.equal(landing.searchParams.get(RETURN_PARAMETER), created.paymentId);
    assert.equal(landing.searchParams.get('order'), '123');

    const status = await getStatus(kit.endpoint, created.paymentId);
    assert.equal(status.status, 'completed');
    assert.equal(status.error, undefined);
  });

  it('fails a payment the payer rejects, with a payer-safe error', async () => {
    const created = await createPayment(kit.endpoint);
    await followReturn(await decideAtBank(created.authorizationUrl ?? '', 'reject'));
    const status = await getStatus(kit.endpoint, created.paymentId);
    assert.equal(status.status, 'failed');
    assert.equal(status.error?.code, 'payment_failed');
    assert.doesNotMatch(JSON.stringify(status), /RejectedByBank|Rejected"/);
  });

  it('cancels a payment the payer cancels', async () => {
    const created = await createPayment(kit.endpoint);
    await followReturn(await decideAtBank(created.authorizationUrl ?? '', 'cancel'));
    assert.equal((await getStatus(kit.endpoint, created.paymentId)).status, 'cancelled');
  });

  it('keeps a payment left pending at the bank unfinished', async () => {
    const created = await createPayment(kit.endpoint);
    await followReturn(await decideAtBank(created.authorizationUrl ?? '', 'pending'));
    assert.equal((await getStatus(kit.endpoint, created.paymentId)).status, 'authorised');
  });

  it('expires an unopened link after one minute', async () => {
    const created = await createPayment(kit.endpoint);
    clock.advance(61_000);
    const status = await getStatus(kit.endpoint, created.paymentId);
    assert.equal(status.status, 'expired');
    assert.equal(status.error?.code, 'payment_expired');
    const page = await openBankPage(created.authorizationUrl ?? '');
    assert.equal(page.status, 410);
    assert.equal(page.token, undefined);
  });

  it('does not expire a link opened within the minute', async () => {
    const created = await createPayment(kit.endpoint);
    clock.advance(59_000);
    const page = await openBankPage(created.authorizationUrl ?? '');
    assert.equal(page.status, 200);
    clock.advance(10_000);
    assert.equal(
      (await getStatus(kit.endpoint, created.paymentId)).status,
      'awaiting_authorisation',
    );
  });

  describe('webhooks', () => {
    it('re-reads the payment when a signed webhook carries only its id', async () => {
      const created = await createPayment(kit.endpoint);
      const payment = await kit.store.get(created.paymentId);
      assert.ok(payment);
      await openBankPage(created.authorizationUrl ?? '');
      const response = await signedWebhook(kit.endpoint, updatedBody(payment.providerPaymentId), {
        timestamp: clock.now().toISOString(),
        eventId: crypto.randomUUID(),
      });
      assert.equal(response.status, 200);
      assert.equal((await kit.store.get(created.paymentId))?.status, 'awaiting_authorisation');
    });

    it('rejects a forged signature', async () => {
      const created = await createPayment(kit.endpoint);
      const payment = await kit.store.get(created.paymentId);
      const response = await signedWebhook(
        kit.endpoint,
        updatedBody(payment?.providerPaymentId ?? ''),
        {
          timestamp: clock.now().toISOString(),
          eventId: crypto.randomUUID(),
          signature: signAiiaWebhook(
            'not-the-secret',
            { timestamp: clock.now().toISOString(), eventId: 'x', event: 'PaymentUpdated' },
            '{}',
          ),
        },
      );
      assert.equal(response.status, 401);
      assert.equal((await readProblem(response)).code, 'invalid_signature');
    });

    it('rejects a body changed after signing', async () => {
      const timestamp = clock.now().toISOString();
      const eventId = crypto.randomUUID();
      const signature = signAiiaWebhook(
        SECRET,
        { timestamp, eventId, event: 'PaymentUpdated' },
        updatedBody('a'),
      );
      const response = await signedWebhook(kit.endpoint, updatedBody('b'), {
        timestamp,
        eventId,
        signature,
      });
      assert.equal((await readProblem(response)).code, 'invalid_signature');
    });

    it('rejects a timestamp outside the five-minute window', async () => {
      const response = await signedWebhook(kit.endpoint, updatedBody('whatever'), {
        timestamp: new Date(clock.now().getTime() - 6 * 60_000).toISOString(),
        eventId: crypto.randomUUID(),
      });
      assert.equal(response.status, 401);
    });

    it('rejects a webhook without signature headers', async () => {
      const response = await fetch(`${kit.endpoint}/webhooks`, {
        method: 'POST',
        body: updatedBody('x'),
      });
      assert.equal((await readProblem(response)).code, 'invalid_signature');
    });

    it('rejects a replayed event id', async () => {
      const created = await createPayment(kit.endpoint);
      const payment = await kit.store.get(created.paymentId);
      const headers = { timestamp: clock.now().toISOString(), eventId: crypto.randomUUID() };
      const body = updatedBody(payment?.providerPaymentId ?? '');
      assert.equal((await signedWebhook(kit.endpoint, body, headers)).status, 200);
      const replay = await signedWebhook(kit.endpoint, body, headers);
      assert.equal(replay.status, 409);
      assert.equal((await readProblem(replay)).code, 'webhook_replayed');
    });

    it('never moves a completed payment back, whatever a later webhook reads', async () => {
      const created = await createPayment(kit.endpoint);
      await followReturn(await decideAtBank(created.authorizationUrl ?? '', 'approve'));
      assert.equal((await getStatus(kit.endpoint, created.paymentId)).status, 'completed');
      const payment = await kit.store.get(created.paymentId);
      // A stale replica at the provider answers an older status.
      sandbox.sandbox.forceStatus('aiia', payment?.providerPaymentId ?? '', 'Authorized');
      const response = await signedWebhook(
        kit.endpoint,
        updatedBody(payment?.providerPaymentId ?? ''),
        {
          timestamp: clock.now().toISOString(),
          eventId: crypto.randomUUID(),
        },
      );
      assert.equal(response.status, 200);
      assert.equal((await getStatus(kit.endpoint, created.paymentId)).status, 'completed');
    });

    it('acknowledges events for payments it does not know', async () => {
      const response = await signedWebhook(kit.endpoint, updatedBody('someone-elses-payment'), {
        timestamp: clock.now().toISOString(),
        eventId: crypto.randomUUID(),
      });
      assert.equal(response.status, 200);
    });
  });

  describe('provider failures', () => {
    it('answers 502 provider_error when the provider answers 500', async () => {
      sandbox.sandbox.configure({ faults: { errorRate: 1, errorStatus: 500 } });
      try {
        const response = await postPayment(kit.endpoint);
        assert.equal(response.status, 502);
        assert.equal((await readProblem(response)).code, 'provider_error');
      } finally {
        sandbox.sandbox.configure({ faults: {} });
      }
    });

    it('answers 503 provider_unavailable when the provider answers 503, and the key stays usable', async () => {
      sandbox.sandbox.configure({ faults: { errorRate: 1, errorStatus: 503 } });
      const key = crypto.randomUUID();
      try {
        const response = await postPayment(kit.endpoint, undefined, key);
        assert.equal(response.status, 503);
        assert.equal((await readProblem(response)).code, 'provider_unavailable');
      } finally {
        sandbox.sandbox.configure({ faults: {} });
      }
      assert.equal((await postPayment(kit.endpoint, undefined, key)).status, 201);
    });

    it('answers 502 provider_error for a malformed provider answer', async () => {
      sandbox.sandbox.configure({ faults: { malformedRate: 1 } });
      try {
        const response = await postPayment(kit.endpoint);
        assert.equal(response.status, 502);
        assert.equal((await readProblem(response)).code, 'provider_error');
      } finally {
        sandbox.sandbox.configure({ faults: {} });
      }
    });

    it('answers 502 provider_error when the provider refuses the credentials (401)', async () => {
      const wrong = await startKit(providerFor('aiia-pay', sandbox.url, { clientSecret: 'wrong' }));
      try {
        const response = await postPayment(wrong.endpoint);
        assert.equal(response.status, 502);
        const problem = await readProblem(response);
        assert.equal(problem.code, 'provider_error');
        assert.doesNotMatch(JSON.stringify(problem), /wrong|sandbox-aiia/);
      } finally {
        await wrong.close();
      }
    });

    it('serves the stored status when a refresh fails', async () => {
      const created = await createPayment(kit.endpoint);
      sandbox.sandbox.configure({ faults: { errorRate: 1 } });
      try {
        assert.equal((await getStatus(kit.endpoint, created.paymentId)).status, 'created');
      } finally {
        sandbox.sandbox.configure({ faults: {} });
      }
    });

    it('still sends the payer back when the return route cannot reach the provider', async () => {
      const created = await createPayment(kit.endpoint);
      const bankRedirect = await decideAtBank(created.authorizationUrl ?? '', 'approve');
      sandbox.sandbox.configure({ faults: { errorRate: 1, errorStatus: 503 } });
      try {
        const back = await followReturn(bankRedirect);
        assert.equal(back.status, 303);
        assert.equal(
          new URL(back.location ?? '').searchParams.get(RETURN_PARAMETER),
          created.paymentId,
        );
      } finally {
        sandbox.sandbox.configure({ faults: {} });
      }
    });
  });
});
