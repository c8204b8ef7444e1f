import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { BanksResponse, PaymentStatusResponse, Problem } from '../../src/core/protocol.js';
import type {
  FetchFunction,
  PayByBankHandlerOptions,
  PaymentProvider,
} from '../../src/server/index.js';
import { decideAtBank, followReturn } from './support/bank-browser.js';
import {
  resolveTestCheckout,
  SHOP_ORIGIN,
  startKit,
  type RunningKit,
} from './support/kit-fixture.js';
import {
  createBody,
  createPayment,
  type CreateBody,
  getStatus,
  postPayment,
  readProblem,
} from './support/merchant-client.js';
import {
  bbpsProviderFor,
  billCheckoutResolver,
  obcProviderFor,
  PROVIDER_NAMES,
  providerFor,
} from './support/providers.js';
import { startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

const STATUS_FIELDS = new Set(['paymentId', 'status', 'amount', 'reference', 'updatedAt', 'error']);

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

/** The merchant protocol (ARCHITECTURE section 3), checked the same way against every provider. */
for (const providerName of PROVIDER_NAMES) {
  describe(`merchant protocol contract: ${providerName}`, () => {
    let sandbox: RunningSandbox;
    let kit: RunningKit;
    let creates = 0;
    const countingFetch: FetchFunction = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (
        init?.method === 'POST' &&
        /\/(create|create\/session|accept)$/.test(new URL(url).pathname)
      )
        creates += 1;
      return fetch(input, init);
    };

    before(async () => {
      sandbox = await startSandbox();
      kit = await startKit(providerFor(providerName, sandbox.url, { fetch: countingFetch }));
    });
    after(async () => {
      await kit.close();
      await sandbox.close();
    });

    describe('GET banks', () => {
      it('lists the banks of one country and every country served', async () => {
        const response = await fetch(`${kit.endpoint}/banks?country=DE`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
        const body = (await response.json()) as BanksResponse;
        assert.equal(body.country, 'DE');
        for (const country of ['DE', 'NL', 'GB', 'FR', 'DK'])
          assert.ok(body.countries.includes(country), country);
        assert.ok(body.banks.length >= 3);
        for (const bank of body.banks) {
          assert.equal(bank.country, 'DE');
          assert.equal(typeof bank.id, 'string');
          assert.equal(typeof bank.name, 'string');
          assert.ok(['available', 'degraded', 'unavailable'].includes(bank.status));
          assert.match(bank.logo ?? '', /^data:image\/svg\+xml,/);
        }
        assert.ok(body.banks.some((bank) => bank.popular === true));
        assert.ok(body.banks.some((bank) => bank.status === 'degraded'));
        assert.ok(body.banks.some((bank) => bank.status === 'unavailable'));
        assert.ok(body.banks.some((bank) => bank.name === 'Münchner Privatbank'));
      });

      it("picks the payer's region without ?country=", async () => {
        const response = await fetch(`${kit.endpoint}/banks`, {
          headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
        });
        const body = (await response.json()) as BanksResponse;
        assert.equal(body.country, 'FR');
        assert.ok(body.banks.some((bank) => bank.name === 'Société Lyonnaise de Crédit'));
      });

      it('refuses a malformed country', async () => {
        await expectProblem(
          await fetch(`${kit.endpoint}/banks?country=Germany`),
          400,
          'invalid_request',
        );
      });
    });

    describe('POST payments', () => {
      it('creates a payment with the amount and reference the server decides', async () => {
        const response = await postPayment(kit.endpoint, { ...createBody(), payer: { note: 'x' } });
        assert.equal(response.status, 201);
        const body = (await response.json()) as Record<string, unknown>;
        assert.deepEqual(body.amount, { value: '42.00', currency: 'EUR' });
        assert.equal(body.reference, 'ORDER-123');
        assert.match(String(body.paymentId), /^pay_[A-Za-z0-9_-]{24}$/);
        const stored = await kit.store.get(String(body.paymentId));
        assert.notEqual(stored?.providerPaymentId, body.paymentId);
        // The provider's own URL may carry its id (Mastercard's does); nothing else the kit says does.
        const { authorizationUrl: _url, ...rest } = body;
        assert.ok(!JSON.stringify(rest).includes(stored?.providerPaymentId ?? '\u0000'));
      });

      it('needs a UUID Idempotency-Key', async () => {
        await expectProblem(
          await postPayment(kit.endpoint, createBody(), null),
          400,
          'invalid_idempotency_key',
        );
        await expectProblem(
          await postPayment(kit.endpoint, createBody(), 'not-a-uuid'),
          400,
          'invalid_idempotency_key',
        );
      });

      it('answers the same payment for the same key and body, however the JSON is written', async () => {
        const key = randomUUID();
        const before = creates;
        const first = await postPayment(kit.endpoint, createBody(), key);
        const { bankId, checkout, returnUrl, flow } = createBody();
        const reordered = `{ "flow": "${flow}", "returnUrl": "${returnUrl}",\n "checkout": "${checkout}", "bankId": "${bankId}" }`;
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
        assert.equal((await postPayment(kit.endpoint, createBody(), key)).status, 201);
        await expectProblem(
          await postPayment(kit.endpoint, createBody({ checkout: 'order-999' }), key),
          422,
          'idempotency_key_reused',
        );
      });

      it('creates one payment for concurrent identical requests', async () => {
        const key = randomUUID();
        const before = creates;
        const responses = await Promise.all(
          Array.from({ length: 6 }, () => postPayment(kit.endpoint, createBody(), key)),
        );
        const bodies = await Promise.all(
          responses.map((response) => response.json() as Promise<{ paymentId: string }>),
        );
        assert.deepEqual(new Set(responses.map((response) => response.status)), new Set([201]));
        assert.equal(new Set(bodies.map((body) => body.paymentId)).size, 1);
        assert.equal(creates - before, 1);
      });

      it('gives a new payment for a new key (a new attempt)', async () => {
        const a = await createPayment(kit.endpoint);
        const b = await createPayment(kit.endpoint);
        assert.notEqual(a.paymentId, b.paymentId);
        assert.notEqual(a.authorizationUrl, b.authorizationUrl);
      });

      it('validates the body', async () => {
        const cases: [unknown, number, string][] = [
          ['{not json', 400, 'invalid_request'],
          [[1, 2], 400, 'invalid_request'],
          [createBody({ bankId: undefined }), 400, 'invalid_request'],
          [createBody({ flow: 'teleport' }), 400, 'invalid_request'],
          [createBody({ amount: '0.01' }), 400, 'invalid_request'],
          [createBody({ locale: 'de<script>' }), 400, 'invalid_request'],
          [{ ...createBody(), payer: { vpa: 42 } }, 400, 'invalid_request'],
          [createBody({ returnUrl: 'javascript:alert(1)' }), 422, 'return_url_not_allowed'],
          [createBody({ returnUrl: 'https://evil.example/steal' }), 422, 'return_url_not_allowed'],
          [createBody({ returnUrl: '/relative' }), 400, 'invalid_request'],
          [createBody({ checkout: 'order-abc' }), 422, 'unknown_checkout'],
          [createBody({ checkout: undefined }), 422, 'unknown_checkout'],
        ];
        for (const [body, status, code] of cases) {
          await expectProblem(await postPayment(kit.endpoint, body), status, code);
        }
      });

      it('refuses a body that is not JSON or too large', async () => {
        const text = await fetch(`${kit.endpoint}/payments`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain', 'idempotency-key': randomUUID() },
          body: JSON.stringify(createBody()),
        });
        await expectProblem(text, 415, 'unsupported_media_type');
        const huge = createBody({ checkout: 'x'.repeat(20_000) });
        await expectProblem(await postPayment(kit.endpoint, huge), 413, 'request_too_large');
      });
    });

    describe('GET payments/{id}', () => {
      it('reveals only status, amount, reference, time and a payer-safe error', async () => {
        const created = await createPayment(kit.endpoint);
        await followReturn(await decideAtBank(created.authorizationUrl ?? '', 'reject'));
        const status = await getStatus(kit.endpoint, created.paymentId);
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
        const created = await createPayment(kit.endpoint);
        const started = Date.now();
        const waiting = getStatus(kit.endpoint, created.paymentId, '?wait=10&since=created');
        const bankRedirect = await decideAtBank(created.authorizationUrl ?? '', 'approve');
        await followReturn(bankRedirect);
        const status: PaymentStatusResponse = await waiting;
        assert.notEqual(status.status, 'created');
        assert.ok(Date.now() - started < 5000, 'answered before the wait ran out');
      });

      it('long-poll answers at once when the status already differs', async () => {
        const created = await createPayment(kit.endpoint);
        const started = Date.now();
        const status = await getStatus(
          kit.endpoint,
          created.paymentId,
          '?wait=20&since=processing',
        );
        assert.equal(status.status, 'created');
        assert.ok(Date.now() - started < 2000);
      });

      it('long-poll answers the unchanged status when the wait runs out', async () => {
        const created = await createPayment(kit.endpoint);
        const started = Date.now();
        const status = await getStatus(kit.endpoint, created.paymentId, '?wait=1&since=created');
        assert.equal(status.status, 'created');
        assert.ok(Date.now() - started >= 900);
      });

      it('long-poll notices a decision made without a return, by asking the provider', async () => {
        const created = await createPayment(kit.endpoint);
        await decideAtBank(created.authorizationUrl ?? '', 'approve');
        const status = await getStatus(kit.endpoint, created.paymentId, '?wait=5&since=created');
        assert.notEqual(status.status, 'created');
      });

      it('validates wait and since', async () => {
        const created = await createPayment(kit.endpoint);
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
      for (const [decision, expected] of [
        ['approve', 'completed'],
        ['reject', 'failed'],
        ['cancel', 'cancelled'],
      ] as const) {
        it(`${decision} at the bank -> ${expected}`, async () => {
          const created = await createPayment(kit.endpoint);
          const back = await followReturn(
            await decideAtBank(created.authorizationUrl ?? '', decision),
          );
          assert.equal(back.status, 303);
          assert.ok(back.location?.startsWith(`${SHOP_ORIGIN}/checkout/done?`));
          assert.equal((await getStatus(kit.endpoint, created.paymentId)).status, expected);
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

/**
 * The same protocol over the two providers whose journeys differ: Open Banking Connect (consent, bank,
 * code redeemed at the return) and Cashfree BBPS (a bill, no redirect, the payer decides in a UPI app).
 */
const OTHER_PROVIDERS: readonly OtherProvider[] = [
  {
    name: 'open-banking-connect',
    start: async (sandbox) => ({
      provider: obcProviderFor(sandbox.sandbox, sandbox.url),
      resolveCheckout: resolveTestCheckout,
    }),
    body: createBody,
    amount: { value: '42.00', currency: 'EUR' },
    reference: 'ORDER-123',
    country: 'DE',
    async decide(_sandbox, created, decision) {
      await followReturn(await decideAtBank(created.authorizationUrl ?? '', decision));
    },
  },
  {
    name: 'cashfree-bbps',
    start: async (sandbox) => {
      const provider = bbpsProviderFor(sandbox.url);
      return { provider, resolveCheckout: billCheckoutResolver(provider) };
    },
    body: (overrides = {}) =>
      createBody({
        bankId: 'upi',
        checkout: 'bill-CUST-42',
        payer: { vpa: `payer${randomUUID().slice(0, 8)}@okbank` },
        ...overrides,
      }),
    amount: { value: '1200.00', currency: 'INR' },
    reference: /^BILL-/,
    country: 'IN',
    async decide(sandbox, created, decision) {
      assert.equal(created.authorizationUrl, undefined);
      const vpa = created.vpa ?? '';
      const page = await (
        await fetch(`${sandbox.url}/cashfree/upi?vpa=${encodeURIComponent(vpa)}`)
      ).text();
      const id = /name="transaction_ref_id" value="([^"]+)"/.exec(page)?.[1] ?? '';
      await fetch(`${sandbox.url}/cashfree/upi`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          transaction_ref_id: id,
          decision: decision === 'approve' ? 'approve' : 'decline',
        }).toString(),
      });
    },
  },
];

interface OtherProvider {
  name: string;
  start(sandbox: RunningSandbox): Promise<{
    provider: PaymentProvider;
    resolveCheckout: PayByBankHandlerOptions['resolveCheckout'];
  }>;
  body(overrides?: CreateBody): CreateBody;
  amount: { value: string; currency: string };
  reference: string | RegExp;
  country: string;
  decide(
    sandbox: RunningSandbox,
    created: { authorizationUrl?: string; vpa?: string },
    decision: 'approve' | 'reject' | 'cancel',
  ): Promise<void>;
}

for (const profile of OTHER_PROVIDERS) {
  describe(`merchant protocol contract: ${profile.name}`, () => {
    let sandbox: RunningSandbox;
    let kit: RunningKit;

    before(async () => {
      sandbox = await startSandbox({ cashfree: { upiDecisionDelayMs: 0 } });
      const { provider, resolveCheckout } = await profile.start(sandbox);
      kit = await startKit(provider, { resolveCheckout });
    });
    after(async () => {
      await kit.close();
      await sandbox.close();
    });

    it('lists banks of one country', async () => {
      const response = await fetch(`${kit.endpoint}/banks?country=${profile.country}`);
      assert.equal(response.status, 200);
      const body = (await response.json()) as BanksResponse;
      assert.equal(body.country, profile.country);
      assert.ok(body.banks.length > 0);
      for (const bank of body.banks) {
        assert.equal(bank.country, profile.country);
        assert.ok(['available', 'degraded', 'unavailable'].includes(bank.status));
      }
      await expectProblem(
        await fetch(`${kit.endpoint}/banks?country=India`),
        400,
        'invalid_request',
      );
    });

    it('creates with the amount and reference the server decides, under its own id', async () => {
      const response = await postPayment(kit.endpoint, profile.body());
      assert.equal(response.status, 201);
      const body = (await response.json()) as Record<string, unknown>;
      assert.deepEqual(body.amount, profile.amount);
      if (typeof profile.reference === 'string') assert.equal(body.reference, profile.reference);
      else assert.match(String(body.reference), profile.reference);
      assert.match(String(body.paymentId), /^pay_[A-Za-z0-9_-]{24}$/);
      const stored = await kit.store.get(String(body.paymentId));
      const { authorizationUrl: _url, ...rest } = body;
      assert.ok(!JSON.stringify(rest).includes(stored?.providerPaymentId ?? '\u0000'));
      assert.ok(!JSON.stringify(body).includes('providerData'));
    });

    it('one payment per Idempotency-Key, even concurrently; another body is refused', async () => {
      const key = randomUUID();
      const body = profile.body();
      const responses = await Promise.all(
        Array.from({ length: 4 }, () => postPayment(kit.endpoint, body, key)),
      );
      const ids = await Promise.all(
        responses.map(
          async (response) => ((await response.json()) as { paymentId: string }).paymentId,
        ),
      );
      assert.equal(new Set(ids).size, 1);
      await expectProblem(
        await postPayment(kit.endpoint, profile.body({ checkout: 'order-999' }), key),
        422,
        'idempotency_key_reused',
      );
      await expectProblem(
        await postPayment(kit.endpoint, profile.body({ checkout: 'nope' })),
        422,
        'unknown_checkout',
      );
      await expectProblem(
        await postPayment(kit.endpoint, profile.body({ returnUrl: 'https://evil.example/' })),
        422,
        'return_url_not_allowed',
      );
    });

    for (const [decision, expected] of [
      ['approve', 'completed'],
      ['reject', 'failed'],
      ['cancel', profile.name === 'cashfree-bbps' ? 'failed' : 'cancelled'],
    ] as const) {
      it(`${decision} -> ${expected}, revealing only the status fields`, async () => {
        const body = profile.body();
        const created = await createPayment(kit.endpoint, body);
        const vpa = (body.payer as { vpa?: string } | undefined)?.vpa;
        await profile.decide(sandbox, { ...created, ...(vpa ? { vpa } : {}) }, decision);
        let status = await getStatus(kit.endpoint, created.paymentId);
        for (const since of ['created', 'authorised', 'processing']) {
          if (status.status === since)
            status = await getStatus(kit.endpoint, created.paymentId, `?wait=5&since=${since}`);
        }
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

    it('answers unknown_payment and not_found as problems', async () => {
      await expectProblem(
        await fetch(`${kit.endpoint}/payments/pay_AAAAAAAAAAAAAAAAAAAAAAAA`),
        404,
        'unknown_payment',
      );
      await expectProblem(await fetch(`${kit.endpoint}/nope`), 404, 'not_found');
    });
  });
}
