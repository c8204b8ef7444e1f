import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PayerInputError, type FetchFunction } from '../../src/server/index.js';
import { decideAtBank, followReturn, openBankPage } from './support/bank-browser.js';
import { RETURN_URL, startKit, type RunningKit } from './support/kit-fixture.js';
import {
  createBody,
  createPayment,
  getStatus,
  postPayment,
  readProblem,
} from './support/merchant-client.js';
import { obcProviderFor } from './support/providers.js';
import { startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

interface SeenCall {
  path: string;
  headers: Headers;
  body: Record<string, unknown>;
}

function recordingFetch(calls: SeenCall[]): FetchFunction {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    calls.push({
      path: url.pathname.replace(/^.*\/connect\/api/, ''),
      headers: new Headers(init?.headers),
      body: JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>,
    });
    return fetch(input, init);
  };
}

/** `order-gb-N` costs £42.00 (Faster Payments), `order-pl-N` 42.00 zł (Elixir), `order-N` €42.00 (SEPA). */
function resolveObcCheckout(checkout: string | undefined) {
  const match = /^order-(?:(gb|pl)-)?(\d+)$/.exec(checkout ?? '');
  if (!match) return null;
  const currency = match[1] === 'gb' ? 'GBP' : match[1] === 'pl' ? 'PLN' : 'EUR';
  return { amount: { value: '42.00', currency }, reference: `ORDER-${match[2]}` };
}

/** Long-polls past `processing`: the bank settles an accepted transfer at its next status read. */
const SETTLED = '?wait=5&since=processing';
const GB_BANK = 'GB_ThamesMercerBank';
const DE_BANK = 'DE_NordhafenSparkasse';

describe('openBankingConnect against the sandbox', () => {
  let sandbox: RunningSandbox;
  let kit: RunningKit;
  const calls: SeenCall[] = [];

  before(async () => {
    sandbox = await startSandbox();
    kit = await startKit(
      obcProviderFor(sandbox.sandbox, sandbox.url, { fetch: recordingFetch(calls) }),
      {
        resolveCheckout: resolveObcCheckout,
      },
    );
  });
  after(async () => {
    await kit.close();
    await sandbox.close();
  });

  const gbBody = () => createBody({ bankId: GB_BANK, checkout: 'order-gb-7' });

  it('asks a UK Faster Payments consent and hands out the bank’s scaRedirect', async () => {
    calls.length = 0;
    const created = await createPayment(kit.endpoint, gbBody());
    assert.equal(created.status, 'created');
    assert.deepEqual(created.amount, { value: '42.00', currency: 'GBP' });
    assert.match(
      created.authorizationUrl ?? '',
      /\/sandbox\/obc\/bank\/authorize\?token=.+&state=/,
    );
    const [consent] = calls;
    assert.equal(consent?.path, '/payments/domestic-credit-transfers/consents');
    assert.match(
      consent?.headers.get('authorization') ?? '',
      /oauth_consumer_key="sandbox-obc-client"/,
    );
    const info = consent?.body.requestInfo as Record<string, unknown>;
    assert.match(String(info.xRequestId), /^[0-9a-f-]{36}$/);
    assert.equal(
      info.aspspId,
      sandbox.sandbox.openBankingConnectBanks.find((b) => b.id === GB_BANK)?.aspspId,
    );
    assert.deepEqual(info.merchant, { id: 'MERCHANT-1', name: 'Sandbox Shop Ltd' });
    assert.match(String(info.tppRedirectURI), /\/api\/pay-by-bank\/return\?payment=pay_/);
    const payments = consent?.body.payments as Record<string, unknown>;
    assert.equal(payments.localInstrument, 'UK.FasterPayments');
    assert.deepEqual(payments.instructedAmount, { amount: 42, currency: 'GBP' });
    assert.deepEqual(payments.creditorAccount, {
      identification: '11112222',
      schemeName: 'UK.AccountNumber',
    });
    assert.deepEqual(payments.creditorAgent, {
      clearingSystemIdentification: 'UK.SortCode',
      memberIdentification: '404004',
    });
    assert.ok(String(payments.endToEndIdentification).length <= 18);
    assert.equal(payments.remittanceInformationUnstructured, 'ORDER-7');
  });

  it('approve: redeems the code with the raw query, then polls payment-status to completed', async () => {
    const created = await createPayment(kit.endpoint, gbBody());
    calls.length = 0;
    const bankRedirect = await decideAtBank(created.authorizationUrl ?? '', 'approve');
    const back = await followReturn(bankRedirect);
    assert.equal(back.status, 303);
    assert.ok(back.location?.startsWith(RETURN_URL.split('?')[0] ?? ''));
    const transfer = calls.find((call) => call.path === '/payments/domestic-credit-transfers');
    const authorization = String(
      (transfer?.body.requestInfo as Record<string, unknown>).authorization,
    );
    assert.equal(authorization, new URL(bankRedirect).search.slice(1));
    assert.match(authorization, /code=[^&]+/);
    assert.equal((await kit.store.get(created.paymentId))?.status, 'processing');
    assert.equal((await getStatus(kit.endpoint, created.paymentId, SETTLED)).status, 'completed');
    assert.ok(
      calls.some((call) => call.path === '/payments/domestic-credit-transfers/payment-status'),
    );
    const stored = await kit.store.get(created.paymentId);
    assert.equal(stored?.providerStatus, 'ACSC');
  });

  it('pays SEPA in EUR through the sepa-credit-transfers endpoints', async () => {
    calls.length = 0;
    const created = await createPayment(
      kit.endpoint,
      createBody({ bankId: DE_BANK, payer: { name: 'Erika Mustermann' } }),
    );
    await followReturn(await decideAtBank(created.authorizationUrl ?? '', 'approve'));
    assert.equal((await getStatus(kit.endpoint, created.paymentId, SETTLED)).status, 'completed');
    const consent = calls.find((call) => call.path.endsWith('/consents'));
    assert.equal(consent?.path, '/payments/sepa-credit-transfers/consents');
    const payments = consent?.body.payments as Record<string, unknown>;
    assert.deepEqual(payments.creditorAccount, { iban: 'DE89370400440532013000' });
    assert.deepEqual(payments.creditorAddress, { country: 'DE' });
    assert.equal(payments.instructionPriority, 'Normal');
    assert.equal(payments.localInstrument, 'SEPA');
    assert.deepEqual(payments.creditorAgent, { bicfi: 'COBADEFFXXX' });
    assert.equal(payments.debtorName, 'Erika Mustermann');
    const transfer = calls.find((call) => call.path === '/payments/sepa-credit-transfers');
    assert.deepEqual(
      Object.keys(transfer?.body ?? {}),
      ['requestInfo'],
      'the redeem body holds only requestInfo',
    );
  });

  it('pays Polish Elixir in PLN', async () => {
    // No Polish bank in the curated catalogue: a GB bank takes the PLN consent all the same.
    calls.length = 0;
    const created = await createPayment(
      kit.endpoint,
      createBody({ bankId: GB_BANK, checkout: 'order-pl-3' }),
    );
    const payments = calls[0]?.body.payments as Record<string, unknown>;
    assert.equal(payments.localInstrument, 'PL.Elixir');
    assert.equal(created.amount?.currency, 'PLN');
  });

  for (const [reason, code, message] of [
    ['AM04', 'insufficient_funds', 'Insufficient funds'],
    ['AC06', 'account_blocked', 'The account is blocked'],
  ] as const) {
    it(`reject with ${reason} -> failed, shown to the payer as ${code}`, async () => {
      const created = await createPayment(kit.endpoint, gbBody());
      const page = await openBankPage(created.authorizationUrl ?? '');
      assert.match(page.html, new RegExp(`<option value="${reason}">`));
      await followReturn(
        await decideAtBank(created.authorizationUrl ?? '', 'reject', 'acc-everyday', { reason }),
      );
      const status = await getStatus(kit.endpoint, created.paymentId);
      assert.equal(status.status, 'failed');
      assert.deepEqual(status.error, { code, message, retryable: true });
      const stored = await kit.store.get(created.paymentId);
      assert.equal(stored?.providerStatus, 'RJCT');
      assert.equal(stored?.providerReason, reason);
    });
  }

  it('cancel at the bank -> cancelled', async () => {
    const created = await createPayment(kit.endpoint, gbBody());
    const location = await decideAtBank(created.authorizationUrl ?? '', 'cancel');
    assert.match(location, /error=access_denied/);
    assert.equal((await followReturn(location)).status, 303);
    const status = await getStatus(kit.endpoint, created.paymentId);
    assert.equal(status.status, 'cancelled');
  });

  it('refuses a return whose state was not issued for the payment, and changes nothing', async () => {
    const created = await createPayment(kit.endpoint, gbBody());
    const location = new URL(await decideAtBank(created.authorizationUrl ?? '', 'approve'));
    const genuineState = location.searchParams.get('state') ?? '';
    for (const forged of ['forged-state', '', genuineState.slice(0, -1)]) {
      const bad = new URL(location);
      if (forged) bad.searchParams.set('state', forged);
      else bad.searchParams.delete('state');
      calls.length = 0;
      const response = await fetch(bad, { redirect: 'manual' });
      assert.equal(response.status, 400);
      assert.equal((await readProblem(response)).code, 'invalid_return');
      assert.equal(calls.length, 0, 'no credit transfer for a foreign state');
    }
    // A cancel forged without the state changes nothing either.
    const cancel = new URL(location);
    cancel.searchParams.delete('code');
    cancel.searchParams.set('error', 'access_denied');
    cancel.searchParams.set('state', 'guess');
    assert.equal((await fetch(cancel, { redirect: 'manual' })).status, 400);
    const stored = await kit.store.get(created.paymentId);
    assert.equal(stored?.status, 'created');
    assert.equal(stored?.providerData?.transferId, undefined);
    // The genuine return still goes through.
    assert.equal((await followReturn(location.href)).status, 303);
    assert.equal((await getStatus(kit.endpoint, created.paymentId, SETTLED)).status, 'completed');
  });

  it('answers its own return again (a reload of the return page) by sending the payer back, redeeming nothing and changing nothing', async () => {
    const created = await createPayment(kit.endpoint, gbBody());
    const location = await decideAtBank(created.authorizationUrl ?? '', 'reject', 'acc-everyday', {
      reason: 'AM04',
    });
    const first = await followReturn(location);
    assert.equal(first.status, 303);
    const before = await kit.store.get(created.paymentId);
    calls.length = 0;
    const repeats = await Promise.all([followReturn(location), followReturn(location)]);
    for (const repeat of repeats) {
      assert.equal(repeat.status, 303);
      assert.equal(repeat.location, first.location);
      assert.equal(
        new URL(repeat.location ?? '').searchParams.get('pay_by_bank_payment'),
        created.paymentId,
      );
    }
    assert.equal(calls.length, 0, 'no provider call for a repeated return');
    assert.deepEqual(await kit.store.get(created.paymentId), before);
  });

  it('redeems a code once even when the same return arrives twice at once', async () => {
    const created = await createPayment(kit.endpoint, gbBody());
    const location = await decideAtBank(created.authorizationUrl ?? '', 'approve');
    calls.length = 0;
    const answers = await Promise.all([followReturn(location), followReturn(location)]);
    // Both send the payer back to the page; only the first redeems the code.
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [303, 303],
    );
    assert.equal(
      calls.filter((call) => call.path === '/payments/domestic-credit-transfers').length,
      1,
    );
    assert.equal((await getStatus(kit.endpoint, created.paymentId, SETTLED)).status, 'completed');
  });

  it('leaves a payment the bank keeps pending in processing (PDNG)', async () => {
    const created = await createPayment(kit.endpoint, gbBody());
    await followReturn(await decideAtBank(created.authorizationUrl ?? '', 'pending'));
    const status = await getStatus(kit.endpoint, created.paymentId);
    assert.equal(status.status, 'processing');
    assert.equal((await kit.store.get(created.paymentId))?.providerStatus, 'PDNG');
  });

  it('refuses a bank it has no ASPSP id for', async () => {
    // The kit now refuses a bank the provider does not list before calling it (unknown_bank,
    // test/server/bank-check.test.ts); the adapter still refuses it as the payer's input.
    const provider = obcProviderFor(sandbox.sandbox, sandbox.url);
    await assert.rejects(
      provider.createPayment({
        paymentId: 'pay-no-aspsp',
        bankId: 'DK_OresundBank',
        checkout: { amount: { value: '42.00', currency: 'EUR' }, reference: 'ORDER-1' },
        redirectUrl: 'https://shop.example/return',
        flow: 'redirect',
      }),
      PayerInputError,
    );
    const response = await postPayment(kit.endpoint, createBody({ bankId: 'DK_OresundBank' }));
    assert.equal(response.status, 422);
    assert.equal((await readProblem(response)).code, 'unknown_bank');
  });

  it('maps the Errors envelope: Recoverable -> provider_unavailable, else provider_error', async () => {
    sandbox.sandbox.configure({ faults: { errorRate: 1, errorStatus: 500 } });
    try {
      const recoverable = await postPayment(kit.endpoint, gbBody());
      assert.equal(recoverable.status, 503);
      assert.equal((await readProblem(recoverable)).code, 'provider_unavailable');
    } finally {
      sandbox.sandbox.configure({ faults: {} });
    }
    const wrongClient = await startKit(
      obcProviderFor(sandbox.sandbox, sandbox.url, { clientId: 'someone-else' }),
      { resolveCheckout: resolveObcCheckout },
    );
    try {
      const refused = await postPayment(wrongClient.endpoint, gbBody());
      assert.equal(refused.status, 502);
      const problem = await readProblem(refused);
      assert.equal(problem.code, 'provider_error');
      assert.match(problem.detail ?? '', /UNAUTHORIZED/);
    } finally {
      await wrongClient.close();
    }
  });

  it('lists its banks with their country, never their ASPSP ids', async () => {
    const response = await fetch(`${kit.endpoint}/banks?country=GB`);
    const body = (await response.json()) as {
      banks: Record<string, unknown>[];
      countries: string[];
    };
    assert.ok(body.banks.some((bank) => bank.id === GB_BANK));
    assert.ok(body.banks.every((bank) => !('aspspId' in bank)));
    assert.ok(!body.countries.includes('DK'));
  });
});
