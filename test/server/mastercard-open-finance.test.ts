import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RETURN_PARAMETER } from '../../src/core/protocol.js';
import { ProviderError, type FetchFunction } from '../../src/server/index.js';
import { providerProblem } from '../../src/server/failure-problem.js';
import { decideAtBank, followReturn, openBankPage } from './support/bank-browser.js';
import { startKit, type RunningKit } from './support/kit-fixture.js';
import {
  createBody,
  createPayment,
  getStatus,
  postPayment,
  readProblem,
} from './support/merchant-client.js';
import { providerFor } from './support/providers.js';
import { startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

/** The create body as the adapter sends it, loosely: the test reads a few nested fields. */
interface CreateCallBody {
  providerId: string;
  userHash: string;
  redirectUrl: string;
  request: {
    amount: { value: string; currency: string };
    destination: { iban?: { ibanNumber: string }; inpaymentForm?: Record<string, string> };
  };
}

interface SeenCall {
  method: string;
  path: string;
  headers: Headers;
  body?: unknown;
}

/** Records what the adapter sends, to check paths, credentials and bodies against Mastercard's public Postman collection (see `docs/protocol.md`). */
function recordingFetch(calls: SeenCall[]): FetchFunction {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({
      method: init?.method ?? 'GET',
      path: url.pathname,
      headers: new Headers(init?.headers),
      body,
    });
    return fetch(input, init);
  };
}

async function warmBankList(kit: RunningKit): Promise<void> {
  assert.equal((await fetch(`${kit.endpoint}/banks`)).status, 200);
}

describe('mastercardOpenFinance against the sandbox', () => {
  let sandbox: RunningSandbox;
  let kit: RunningKit;
  const calls: SeenCall[] = [];

  before(async () => {
    sandbox = await startSandbox();
    kit = await startKit(
      providerFor('mastercard-open-finance', sandbox.url, { fetch: recordingFetch(calls) }),
    );
    // The kit checks each payment's bank against the provider's list; loaded here, as the element
    // loads it before any payment, so that the calls below start with the payment's own.
    await warmBankList(kit);
  });
  after(async () => {
    await kit.close();
    await sandbox.close();
  });

  it('completes a payment the payer approves, calling refresh-status on return', async () => {
    calls.length = 0;
    const created = await createPayment(kit.endpoint);
    assert.equal(created.status, 'created');
    assert.ok(
      created.authorizationUrl?.startsWith(`${sandbox.url}/mastercard/start/payment?startToken=`),
    );
    assert.equal(created.expiresAt, undefined);

    const [create] = calls;
    assert.equal(create?.path, '/sandbox/mastercard/v1/payments/create');
    assert.equal(create?.headers.get('x-client-id'), 'sandbox-mastercard-client');
    const body = create?.body as CreateCallBody;
    assert.equal(body.providerId, 'DE_NordhafenSparkasse');
    assert.deepEqual(body.request.amount, { value: '42.00', currency: 'EUR' });
    assert.deepEqual(body.request.destination.iban, { ibanNumber: 'DK5000400440116243' });
    assert.equal(typeof body.userHash, 'string');
    assert.ok(String(body.redirectUrl).startsWith(`${kit.endpoint}/return?payment=`));

    const bankRedirect = await decideAtBank(created.authorizationUrl ?? '', 'approve');
    const providerPaymentId = (await kit.store.get(created.paymentId))?.providerPaymentId ?? '';
    assert.equal(new URL(bankRedirect).searchParams.get('paymentId'), providerPaymentId);
    const back = await followReturn(bankRedirect);
    assert.equal(back.status, 303);
    assert.equal(
      new URL(back.location ?? '').searchParams.get(RETURN_PARAMETER),
      created.paymentId,
    );
    assert.ok(
      calls.some(
        (call) =>
          call.method === 'POST' &&
          call.path.endsWith(`/v1/payments/${providerPaymentId}/refresh-status`),
      ),
    );
    assert.equal((await getStatus(kit.endpoint, created.paymentId)).status, 'completed');
  });

  it('fails a payment the payer rejects; the provider reason stays on the server', async () => {
    const created = await createPayment(kit.endpoint);
    await followReturn(await decideAtBank(created.authorizationUrl ?? '', 'reject'));
    const status = await getStatus(kit.endpoint, created.paymentId);
    assert.equal(status.status, 'failed');
    assert.equal(status.error?.code, 'payment_failed');
    assert.doesNotMatch(JSON.stringify(status), /PaymentRejectedByBank/);
    assert.equal((await kit.store.get(created.paymentId))?.providerReason, 'PaymentRejectedByBank');
  });

  it('cancels a payment the payer cancels', async () => {
    const created = await createPayment(kit.endpoint);
    await followReturn(await decideAtBank(created.authorizationUrl ?? '', 'cancel'));
    assert.equal((await getStatus(kit.endpoint, created.paymentId)).status, 'cancelled');
  });

  it('reports a payment left pending as processing, then completes it on a later poll', async () => {
    const created = await createPayment(kit.endpoint);
    await followReturn(await decideAtBank(created.authorizationUrl ?? '', 'pending'));
    assert.equal((await getStatus(kit.endpoint, created.paymentId)).status, 'processing');
    const providerPaymentId = (await kit.store.get(created.paymentId))?.providerPaymentId ?? '';
    sandbox.sandbox.forceStatus('mastercard', providerPaymentId, 'Succeeded', true);
    await kit.store.update(created.paymentId, (payment) => ({
      ...payment,
      checkedAt: new Date(0).toISOString(),
    }));
    assert.equal((await getStatus(kit.endpoint, created.paymentId)).status, 'completed');
  });

  it('finds the payment by the provider id when the bank drops the kit parameter', async () => {
    const created = await createPayment(kit.endpoint);
    const bankRedirect = new URL(await decideAtBank(created.authorizationUrl ?? '', 'approve'));
    bankRedirect.searchParams.delete('payment');
    const back = await followReturn(bankRedirect.href);
    assert.equal(back.status, 303);
    assert.equal(
      new URL(back.location ?? '').searchParams.get(RETURN_PARAMETER),
      created.paymentId,
    );
  });

  it('never moves a payment back when the provider later answers an older status', async () => {
    const created = await createPayment(kit.endpoint);
    await followReturn(await decideAtBank(created.authorizationUrl ?? '', 'pending'));
    assert.equal((await getStatus(kit.endpoint, created.paymentId)).status, 'processing');
    const providerPaymentId = (await kit.store.get(created.paymentId))?.providerPaymentId ?? '';
    for (const older of ['Authorizing', 'Preparing']) {
      sandbox.sandbox.forceStatus('mastercard', providerPaymentId, older);
      await kit.store.update(created.paymentId, (payment) => ({
        ...payment,
        checkedAt: new Date(0).toISOString(),
      }));
      assert.equal((await getStatus(kit.endpoint, created.paymentId)).status, 'processing', older);
    }
  });

  it('takes no webhooks', async () => {
    const response = await fetch(`${kit.endpoint}/webhooks`, { method: 'POST', body: '{}' });
    assert.equal(response.status, 404);
    assert.equal((await readProblem(response)).code, 'webhooks_not_supported');
  });

  it('turns the provider InvalidInput (400) into provider_error naming the error code', async () => {
    const badKit = await startKit(
      providerFor('mastercard-open-finance', sandbox.url, { destination: { name: 'No account' } }),
    );
    try {
      const response = await postPayment(badKit.endpoint);
      assert.equal(response.status, 502);
      const problem = await readProblem(response);
      assert.equal(problem.code, 'provider_error');
      assert.match(problem.detail ?? '', /InvalidInput/);
    } finally {
      await badKit.close();
    }
  });

  it('refuses an unavailable bank through the provider', async () => {
    // The kit now refuses an unavailable bank itself, before calling the provider (bank_unavailable,
    // test/server/bank-check.test.ts); the adapter still reports the provider's own refusal.
    const provider = providerFor('mastercard-open-finance', sandbox.url);
    const refusal = await provider
      .createPayment({
        paymentId: 'pay-unavailable-bank',
        bankId: 'DE_MunchnerPrivatbank',
        checkout: { amount: { value: '42.00', currency: 'EUR' }, reference: 'ORDER-1' },
        redirectUrl: 'https://shop.example/return',
        flow: 'redirect',
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    assert.ok(refusal instanceof ProviderError);
    assert.equal(providerProblem(refusal).status, 502);
    assert.match(refusal.message + (refusal.providerCode ?? ''), /ProviderUnavailable/);
    const response = await postPayment(
      kit.endpoint,
      createBody({ bankId: 'DE_MunchnerPrivatbank' }),
    );
    assert.equal(response.status, 409);
    assert.equal((await readProblem(response)).code, 'bank_unavailable');
  });

  it('answers 502 for a 500, 503 for a 503, and 502 for malformed JSON', async () => {
    for (const [faults, status, code] of [
      [{ errorRate: 1, errorStatus: 500 }, 502, 'provider_error'],
      [{ errorRate: 1, errorStatus: 503 }, 503, 'provider_unavailable'],
      [{ malformedRate: 1 }, 502, 'provider_error'],
    ] as const) {
      sandbox.sandbox.configure({ faults });
      try {
        const response = await postPayment(kit.endpoint);
        assert.equal(response.status, status);
        assert.equal((await readProblem(response)).code, code);
      } finally {
        sandbox.sandbox.configure({ faults: {} });
      }
    }
  });

  it('answers provider_unavailable when the provider cannot be reached', async () => {
    const closed = await startSandbox();
    const url = closed.url;
    await closed.close();
    const lonely = await startKit(providerFor('mastercard-open-finance', url));
    try {
      const response = await postPayment(lonely.endpoint);
      assert.equal(response.status, 503);
      assert.equal((await readProblem(response)).code, 'provider_unavailable');
    } finally {
      await lonely.close();
    }
  });

  it('uses /v1/payments/create/session for a payer already in session', async () => {
    const sessionCalls: SeenCall[] = [];
    const sessionKit = await startKit(
      providerFor('mastercard-open-finance', sandbox.url, {
        session: true,
        fetch: recordingFetch(sessionCalls),
      }),
    );
    await warmBankList(sessionKit);
    sessionCalls.length = 0;
    try {
      const created = await createPayment(sessionKit.endpoint);
      assert.equal(sessionCalls[0]?.path, '/sandbox/mastercard/v1/payments/create/session');
      assert.equal((await openBankPage(created.authorizationUrl ?? '')).status, 200);
    } finally {
      await sessionKit.close();
    }
  });

  it('pays a biller through an inpayment form given by the checkout (bill payment)', async () => {
    const billCalls: SeenCall[] = [];
    const billKit = await startKit(
      providerFor('mastercard-open-finance', sandbox.url, { fetch: recordingFetch(billCalls) }),
      {
        resolveCheckout: (checkout) =>
          checkout === 'bill-7'
            ? {
                amount: { value: '310.50', currency: 'DKK' },
                reference: 'BILL-7',
                destination: {
                  inpaymentForm: { type: '71', creditorNumber: '12345678' },
                },
              }
            : null,
      },
    );
    await warmBankList(billKit);
    billCalls.length = 0;
    try {
      const created = await createPayment(
        billKit.endpoint,
        createBody({ checkout: 'bill-7', bankId: 'DK_OresundBank' }),
      );
      assert.deepEqual(created.amount, { value: '310.50', currency: 'DKK' });
      const body = billCalls[0]?.body as CreateCallBody;
      assert.equal(body.request.destination.inpaymentForm?.type, '71');
      await followReturn(await decideAtBank(created.authorizationUrl ?? '', 'approve'));
      assert.equal((await getStatus(billKit.endpoint, created.paymentId)).status, 'completed');
    } finally {
      await billKit.close();
    }
  });
});
