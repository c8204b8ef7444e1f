import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { BanksResponse, PaymentStatusResponse, Problem } from '../../src/core/protocol.js';
import type { FetchFunction } from '../../src/server/index.js';
import { SHOP_ORIGIN, startKit, type RunningKit } from './support/kit-fixture.js';
import {
  createPayment,
  getStatus,
  postPayment,
  readProblem,
  type CreateBody,
} from './support/merchant-client.js';
import { PROVIDER_FIXTURES } from './support/provider-fixtures.js';
import { startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

// `receipt` and `biller`: a bill payment's receipt and biller (docs/protocol.md), additive and payer-safe.
const STATUS_FIELDS = new Set([
  'paymentId',
  'status',
  'amount',
  'reference',
  'updatedAt',
  'error',
  'receipt',
  'biller',
]);

async function expectProblem(response: Response, status: number, code: string): Promise<Problem> {
  assert.equal(response.status, status, `expected ${status} ${code}`);
  const problem = await readProblem(response);
  assert.equal(problem.code, code);
  assert.equal(problem.status, status);
  assert.equal(typeof problem.type, 'string');
  assert.equal(typeof problem.title, 'string');
  assert.equal(typeof problem.detail, 'string');
  return problem;
}

/** Reads the status until it leaves the ones a payment passes through on its way to an outcome. */
async function settledStatus(endpoint: string, paymentId: string) {
  let status = await getStatus(endpoint, paymentId);
  for (const since of ['created', 'authorised', 'processing']) {
    if (status.status === since)
      status = await getStatus(endpoint, paymentId, `?wait=5&since=${since}`);
  }
  return status;
}

/**
 * The merchant protocol (see `docs/protocol.md`), checked the same way against every provider; what
 * differs between providers is in its fixture (`support/provider-fixtures.ts`).
 */
for (const fixture of PROVIDER_FIXTURES) {
  describe(`merchant protocol contract: ${fixture.name}`, () => {
    let sandbox: RunningSandbox;
    let kit: RunningKit;
    let creates = 0;
    const countingFetch: FetchFunction = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (init?.method === 'POST' && fixture.createCall.test(new URL(url).pathname)) creates += 1;
      return fetch(input, init);
    };
    const body = (overrides?: CreateBody) => fixture.body(overrides);

    before(async () => {
      sandbox = await startSandbox({ cashfree: { upiDecisionDelayMs: 0 } });
      const { provider, resolveCheckout } = fixture.start(sandbox, countingFetch);
      // The contract creates payments by the dozen, for one order, from one address, within a minute.
      const rateLimit = { paymentCreatesPerAddress: 1000, paymentCreatesPerCheckout: 1000 };
      kit = await startKit(provider, { resolveCheckout, rateLimit });
    });
    after(async () => {
      await kit.close();
      await sandbox.close();
    });

    describe('GET banks', () => {
      it('lists the banks of one country and every country served', async () => {
        const expected = fixture.banks;
        const response = await fetch(`${kit.endpoint}/banks?country=${expected.country}`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
        const body = (await response.json()) as BanksResponse;
        assert.equal(body.country, expected.country);
        for (const country of expected.countries)
          assert.ok(body.countries.includes(country), country);
        assert.ok(body.banks.length >= expected.minimum);
        for (const bank of body.banks) {
          assert.equal(bank.country, expected.country);
          assert.equal(typeof bank.id, 'string');
          assert.equal(typeof bank.name, 'string');
          assert.ok(['available', 'degraded', 'unavailable'].includes(bank.status));
          if (expected.logo) assert.match(bank.logo ?? '', expected.logo);
        }
        assert.equal(
          body.banks.some((bank) => bank.popular === true),
          expected.popular,
        );
        for (const status of expected.statuses)
          assert.ok(
            body.banks.some((bank) => bank.status === status),
            status,
          );
        assert.ok(body.banks.some((bank) => bank.name === expected.named));
      });

      it("picks the payer's region without ?country=", async () => {
        const { region } = fixture.banks;
        const response = await fetch(`${kit.endpoint}/banks`, {
          headers: { 'accept-language': region.acceptLanguage },
        });
        const body = (await response.json()) as BanksResponse;
        assert.equal(body.country, region.country);
        assert.ok(body.banks.some((bank) => bank.name === region.named));
      });

      it('refuses a malformed country', async () => {
        for (const country of ['Germany', 'India']) {
          await expectProblem(
            await fetch(`${kit.endpoint}/banks?country=${country}`),
            400,
            'invalid_request',
          );
        }
      });
    });

    describe('POST payments', () => {
      it('creates a payment with the amount and reference the server decides', async () => {
        const request = body();
        const payer = { ...(request.payer as Record<string, string> | undefined), note: 'x' };
        const response = await postPayment(kit.endpoint, { ...request, payer });
        assert.equal(response.status, 201);
        const answer = (await response.json()) as Record<string, unknown>;
        assert.deepEqual(answer.amount, fixture.amount);
        if (typeof fixture.reference === 'string')
          assert.equal(answer.reference, fixture.reference);
        else assert.match(String(answer.reference), fixture.reference);
        assert.match(String(answer.paymentId), /^pay_[A-Za-z0-9_-]{24}$/);
        const stored = await kit.store.get(String(answer.paymentId));
        assert.notEqual(stored?.providerPaymentId, answer.paymentId);
        // The provider's own URL may carry its id (Mastercard's does); nothing else the kit says does.
        const { authorizationUrl: _url, ...rest } = answer;
        assert.ok(!JSON.stringify(rest).includes(stored?.providerPaymentId ?? '\u0000'));
        assert.ok(!JSON.stringify(answer).includes('providerData'));
      });

      it('needs a UUID Idempotency-Key', async () => {
        await expectProblem(
          await postPayment(kit.endpoint, body(), null),
          400,
          'invalid_idempotency_key',
        );
        await expectProblem(
          await postPayment(kit.endpoint, body(), 'not-a-uuid'),
          400,
          'invalid_idempotency_key',
        );
      });

      it('answers the same payment for the same key and body, however the JSON is written', async () => {
        const key = randomUUID();
        const before = creates;
        const request = body();
        const first = await postPayment(kit.endpoint, request, key);
        const fields = Object.entries(request).reverse();
        const reordered = `{ ${fields.map(([name, value]) => `"${name}": ${JSON.stringify(value)}`).join(',\n ')} }`;
        const second = await postPayment(kit.endpoint, reordered, key);
        assert.equal(first.status, 201);
        assert.equal(second.status, 201);
        assert.equal(second.headers.get('idempotent-replayed'), 'true');
        const [a, b] = [
          (await first.json()) as { paymentId: string },
          (await second.json()) as { paymentId: string },
        ];
        assert.equal(a.paymentId, b.paymentId);
        assert.equal(creates - before, 1);
      });

      it('refuses the same key with a different body', async () => {
        const key = randomUUID();
        assert.equal((await postPayment(kit.endpoint, body(), key)).status, 201);
        await expectProblem(
          await postPayment(kit.endpoint, body({ checkout: 'order-999' }), key),
          422,
          'idempotency_key_reused',
        );
      });

      it('creates one payment for concurrent identical requests', async () => {
        const key = randomUUID();
        const before = creates;
        const request = body();
        const responses = await Promise.all(
          Array.from({ length: 6 }, () => postPayment(kit.endpoint, request, key)),
        );
        const bodies = await Promise.all(
          responses.map((response) => response.json() as Promise<{ paymentId: string }>),
        );
        assert.deepEqual(new Set(responses.map((response) => response.status)), new Set([201]));
        assert.equal(new Set(bodies.map((body) => body.paymentId)).size, 1);
        assert.equal(creates - before, 1);
      });

      it('gives a new payment for a new key (a new attempt)', async () => {
        const a = await createPayment(kit.endpoint, body());
        const b = await createPayment(kit.endpoint, body());
        assert.notEqual(a.paymentId, b.paymentId);
        if (fixture.redirects) assert.notEqual(a.authorizationUrl, b.authorizationUrl);
        else assert.deepEqual([a.authorizationUrl, b.authorizationUrl], [undefined, undefined]);
      });

      it('validates the body', async () => {
        const cases: [unknown, number, string][] = [
          ['{not json', 400, 'invalid_request'],
          [[1, 2], 400, 'invalid_request'],
          [body({ bankId: undefined }), 400, 'invalid_request'],
          [body({ flow: 'teleport' }), 400, 'invalid_request'],
          [body({ amount: '0.01' }), 400, 'invalid_request'],
          [body({ locale: 'de<script>' }), 400, 'invalid_request'],
          [{ ...body(), payer: { vpa: 42 } }, 400, 'invalid_request'],
          [body({ returnUrl: 'javascript:alert(1)' }), 422, 'return_url_not_allowed'],
          [body({ returnUrl: 'https://evil.example/steal' }), 422, 'return_url_not_allowed'],
          [body({ returnUrl: 'https://evil.example/' }), 422, 'return_url_not_allowed'],
          [body({ returnUrl: '/relative' }), 400, 'invalid_request'],
          [body({ checkout: 'order-abc' }), 422, 'unknown_checkout'],
          [body({ checkout: 'nope' }), 422, 'unknown_checkout'],
          [body({ checkout: undefined }), 422, 'unknown_checkout'],
        ];
        for (const [request, status, code] of cases) {
          await expectProblem(await postPayment(kit.endpoint, request), status, code);
        }
      });

      it('refuses a body that is not JSON or too large', async () => {
        const text = await fetch(`${kit.endpoint}/payments`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain', 'idempotency-key': randomUUID() },
          body: JSON.stringify(body()),
        });
        await expectProblem(text, 415, 'unsupported_media_type');
        const huge = body({ checkout: 'x'.repeat(20_000) });
        await expectProblem(await postPayment(kit.endpoint, huge), 413, 'request_too_large');
      });
    });

    describe('GET payments/{id}', () => {
      it('reveals only status, amount, reference, time and a payer-safe error', async () => {
        const request = body();
        const created = await createPayment(kit.endpoint, request);
        await fixture.decide(sandbox, { ...created, body: request }, 'reject', true);
        const status = await settledStatus(kit.endpoint, created.paymentId);
        for (const key of Object.keys(status)) assert.ok(STATUS_FIELDS.has(key), key);
        assert.equal(status.status, 'failed');
        assert.deepEqual(Object.keys(status.error ?? {}).sort(), ['code', 'message', 'retryable']);
        assert.ok(!Number.isNaN(Date.parse(status.updatedAt ?? '')));
      });

      it('answers unknown_payment for ids it never gave out', async () => {
        await expectProblem(
          await fetch(`${kit.endpoint}/payments/pay_AAAAAAAAAAAAAAAAAAAAAAAA`),
          404,
          'unknown_payment',
        );
        await expectProblem(
          await fetch(`${kit.endpoint}/payments/..%2F..%2Fetc`),
          404,
          'unknown_payment',
        );
      });

      it('long-polls: answers as soon as the status differs from since', async () => {
        const request = body();
        const created = await createPayment(kit.endpoint, request);
        const since = fixture.initialStatus;
        const started = Date.now();
        const waiting = getStatus(kit.endpoint, created.paymentId, `?wait=10&since=${since}`);
        await fixture.decide(sandbox, { ...created, body: request }, 'approve', true);
        const status: PaymentStatusResponse = await waiting;
        assert.notEqual(status.status, since);
        assert.ok(Date.now() - started < 5000, 'answered before the wait ran out');
      });

      it('long-poll answers at once when the status already differs', async () => {
        const created = await createPayment(kit.endpoint, body());
        const other = fixture.initialStatus === 'processing' ? 'created' : 'processing';
        const started = Date.now();
        const status = await getStatus(kit.endpoint, created.paymentId, `?wait=20&since=${other}`);
        assert.equal(status.status, fixture.initialStatus);
        assert.ok(Date.now() - started < 2000);
      });

      it('long-poll answers the unchanged status when the wait runs out', async () => {
        const created = await createPayment(kit.endpoint, body());
        const since = fixture.initialStatus;
        const started = Date.now();
        const status = await getStatus(kit.endpoint, created.paymentId, `?wait=1&since=${since}`);
        assert.equal(status.status, since);
        assert.ok(Date.now() - started >= 900);
      });

      it('long-poll notices a decision made without a return, by asking the provider', async () => {
        const request = body();
        const created = await createPayment(kit.endpoint, request);
        await fixture.decide(sandbox, { ...created, body: request }, 'approve', false);
        const since = fixture.initialStatus;
        const wait = fixture.learnsDecisionWithoutReturn ? 5 : 1;
        const status = await getStatus(
          kit.endpoint,
          created.paymentId,
          `?wait=${wait}&since=${since}`,
        );
        // A provider that only learns the decision at the return (a code to redeem) says nothing yet.
        if (fixture.learnsDecisionWithoutReturn) assert.notEqual(status.status, since);
        else assert.equal(status.status, since);
      });

      it('validates wait and since', async () => {
        const created = await createPayment(kit.endpoint, body());
        await expectProblem(
          await fetch(`${kit.endpoint}/payments/${created.paymentId}?wait=soon`),
          400,
          'invalid_request',
        );
        await expectProblem(
          await fetch(`${kit.endpoint}/payments/${created.paymentId}?wait=1&since=paid`),
          400,
          'invalid_request',
        );
      });
    });

    describe('flows', () => {
      for (const decision of ['approve', 'reject', 'cancel'] as const) {
        const expected = fixture.outcomes[decision];
        it(`${decision} -> ${expected}, revealing only the status fields`, async () => {
          const request = body();
          const created = await createPayment(kit.endpoint, request);
          const back = await fixture.decide(sandbox, { ...created, body: request }, decision, true);
          if (fixture.redirects) {
            assert.equal(back?.status, 303);
            assert.ok(back?.location?.startsWith(`${SHOP_ORIGIN}/checkout/done?`));
          } else {
            assert.equal(back, undefined);
          }
          const status = await settledStatus(kit.endpoint, created.paymentId);
          assert.equal(status.status, expected);
          for (const key of Object.keys(status)) assert.ok(STATUS_FIELDS.has(key), key);
          if (expected !== 'completed')
            assert.deepEqual(Object.keys(status.error ?? {}).sort(), [
              'code',
              'message',
              'retryable',
            ]);
        });
      }

      it('answers unknown_payment on a return without a known payment', async () => {
        await expectProblem(
          await fetch(`${kit.endpoint}/return?payment=pay_AAAAAAAAAAAAAAAAAAAAAAAA`),
          404,
          'unknown_payment',
        );
        await expectProblem(await fetch(`${kit.endpoint}/return`), 404, 'unknown_payment');
      });
    });

    describe('routing', () => {
      it('answers not_found and method_not_allowed as problems', async () => {
        await expectProblem(await fetch(`${kit.endpoint}/nope`), 404, 'not_found');
        const wrong = await fetch(`${kit.endpoint}/payments`, { method: 'GET' });
        assert.equal(wrong.headers.get('allow'), 'POST');
        await expectProblem(wrong, 405, 'method_not_allowed');
        await expectProblem(await fetch(`${kit.origin}/elsewhere`), 404, 'not_found');
      });
    });
  });
}
