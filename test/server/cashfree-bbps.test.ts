import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  fromPaise,
  signCashfreeWebhook,
  toPaise,
  type CashfreeBbpsProvider,
} from '../../src/server/index.js';
import { startKit, type RunningKit } from './support/kit-fixture.js';
import {
  createBody,
  createPayment,
  getStatus,
  postPayment,
  readProblem,
} from './support/merchant-client.js';
import { bbpsProviderFor, billCheckoutResolver } from './support/providers.js';
import { SANDBOX_DEFAULTS, startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

describe('paise conversion', () => {
  const cases = [
    ['0.01', '1'],
    ['19.99', '1999'],
    ['99999999.99', '9999999999'],
    ['0.10', '10'],
    ['42', '4200'],
    ['1200.5', '120050'],
    ['7.1000', '710'],
  ] as const;
  for (const [rupees, paise] of cases) {
    it(`${rupees} <-> ${paise} exactly`, () => {
      assert.equal(toPaise(rupees), paise);
      assert.equal(toPaise(fromPaise(paise)), paise);
    });
  }
  it('answers two decimals from paise', () => {
    assert.equal(fromPaise('1'), '0.01');
    assert.equal(fromPaise('1999'), '19.99');
    assert.equal(fromPaise('9999999999'), '99999999.99');
    assert.equal(fromPaise('120000'), '1200.00');
  });
  it('refuses fractions of a paisa and anything not a plain decimal', () => {
    for (const bad of ['0.001', '1.005', '-1', '1e3', '', '0x10', '12,50'])
      assert.throws(() => toPaise(bad), RangeError, bad);
    for (const bad of ['1.5', '-1', 'abc', ''])
      assert.throws(() => fromPaise(bad), RangeError, bad);
  });
});

describe('cashfreeBbps against the sandbox', () => {
  let sandbox: RunningSandbox;
  let kit: RunningKit;
  let provider: CashfreeBbpsProvider;
  const sleeps: number[] = [];

  before(async () => {
    sandbox = await startSandbox({
      cashfree: {
        bills: {
          'CUST-TINY': { amountPaise: '1', customerName: 'Ravi Kumar' },
          'CUST-1999': { amountPaise: '1999', billNumber: 'BN-1999', dueDate: '2025-07-01' },
          'CUST-MAX': { amountPaise: '9999999999' },
          'CUST-SLOW': { amountPaise: '50000', processingPolls: 3 },
          'CUST-SLOWER': { amountPaise: '50000', processingPolls: 6 },
        },
        upiDecisionDelayMs: 0,
      },
      webhooks: { deliver: (request) => kit.handler(request) },
    });
    provider = bbpsProviderFor(sandbox.url, { sleeps });
    kit = await startKit(provider, { resolveCheckout: billCheckoutResolver(provider) });
  });
  after(async () => {
    await kit.close();
    await sandbox.close();
  });

  const upi = (checkout: string, vpa: string) =>
    createBody({ bankId: 'upi', checkout, ...{ payer: { vpa } } });

  it('fetches a bill on the documented schedule: 5 s, 15 s, 30 s, 1 min', async () => {
    sleeps.length = 0;
    const bill = await provider.fetchBill({
      billerId: 'VODA00000MUM03',
      customerParams: { RefFld1: 'CUST-SLOW' },
      mobile: '9505987798',
    });
    assert.deepEqual(sleeps, [5000, 15000, 30000, 60000]);
    assert.deepEqual(bill.amount, { value: '500.00', currency: 'INR' });
  });

  it('then every 3 minutes, and gives up at its budget', async () => {
    sleeps.length = 0;
    await provider.fetchBill({
      billerId: 'VODA00000MUM03',
      customerParams: { RefFld1: 'CUST-SLOWER' },
      mobile: '9505987798',
    });
    assert.deepEqual(sleeps, [5000, 15000, 30000, 60000, 180000, 180000, 180000]);
    const hurried = bbpsProviderFor(sandbox.url, { billFetchBudgetMs: 60_000 });
    await assert.rejects(
      hurried.fetchBill({
        billerId: 'VODA00000MUM03',
        customerParams: { RefFld1: 'CUST-SLOWER' },
        mobile: '9505987798',
      }),
      { name: 'ProviderError', kind: 'provider_unavailable' },
    );
  });

  it('turns the bill into amount, due date, bill number and customer, exactly', async () => {
    for (const [ref, value] of [
      ['CUST-TINY', '0.01'],
      ['CUST-1999', '19.99'],
      ['CUST-MAX', '99999999.99'],
    ] as const) {
      const bill = await provider.fetchBill({
        billerId: 'VODA00000MUM03',
        customerParams: { RefFld1: ref },
        mobile: '9505987798',
      });
      assert.deepEqual(bill.amount, { value, currency: 'INR' });
    }
    const bill = await provider.fetchBill({
      billerId: 'VODA00000MUM03',
      customerParams: { RefFld1: 'CUST-1999' },
      mobile: '9505987798',
    });
    assert.equal(bill.billNumber, 'BN-1999');
    assert.equal(bill.dueDate, '2025-07-01');
    assert.equal(typeof bill.customerName, 'string');
  });

  it('offers payment modes as banks, UPI asking for a VPA, and the bill as summary', async () => {
    const response = await fetch(`${kit.endpoint}/banks?checkout=bill-CUST-1999`);
    const body = (await response.json()) as {
      country: string;
      banks: { id: string; fields?: { name: string; pattern?: string }[] }[];
      summary?: { label: string; value: string; type?: string; currency?: string }[];
    };
    assert.equal(body.country, 'IN');
    const upiMode = body.banks.find((bank) => bank.id === 'upi');
    assert.equal(upiMode?.fields?.[0]?.name, 'vpa');
    assert.ok(
      body.summary?.some((item) => item.label === 'Bill number' && item.value === 'BN-1999'),
    );
    // Typed for the element's Intl since the summary is typed (was the text "₹19.99").
    assert.ok(
      body.summary?.some(
        (item) =>
          item.label === 'Amount due' &&
          item.value === '19.99' &&
          item.type === 'money' &&
          item.currency === 'INR',
      ),
    );
    assert.ok(
      body.summary?.some(
        (item) => item.label === 'Due date' && item.value === '2025-07-01' && item.type === 'date',
      ),
    );
    const plain = (await (await fetch(`${kit.endpoint}/banks`)).json()) as Record<string, unknown>;
    assert.equal(plain.summary, undefined);
    const unknown = (await (
      await fetch(`${kit.endpoint}/banks?checkout=order-1`)
    ).json()) as Record<string, unknown>;
    assert.equal(unknown.summary, undefined);
  });

  it('validates the VPA on the server too', async () => {
    for (const payer of [undefined, { vpa: '' }, { vpa: 'not a vpa' }, { vpa: 'x@' }]) {
      const response = await postPayment(kit.endpoint, {
        ...createBody({ bankId: 'upi', checkout: 'bill-CUST-1999' }),
        ...(payer ? { payer } : {}),
      });
      assert.equal(response.status, 400, JSON.stringify(payer));
      assert.equal((await readProblem(response)).code, 'invalid_request');
    }
  });

  it('pays in paise with currency 356: no authorizationUrl, processing, then success', async () => {
    const created = await createPayment(kit.endpoint, upi('bill-CUST-MAX', 'asha@okbank'));
    assert.equal(created.authorizationUrl, undefined);
    assert.equal(created.status, 'processing');
    assert.deepEqual(created.amount, { value: '99999999.99', currency: 'INR' });
    const summary = (created as unknown as { summary?: { label: string }[] }).summary;
    assert.ok(summary?.some((item) => item.label === 'Customer'));
    const stored = await kit.store.get(created.paymentId);
    assert.equal(sandbox.sandbox.cashfreeStatusOf(stored?.providerPaymentId ?? ''), 'processing');
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal((await getStatus(kit.endpoint, created.paymentId)).status, 'processing');

    await decideInUpiApp(sandbox.url, 'asha@okbank', 'approve');
    const status = await getStatus(kit.endpoint, created.paymentId, '?wait=5&since=processing');
    assert.equal(status.status, 'completed');
  });

  it('processing, then the payer declines in the UPI app: failed, retryable (CONDITIONAL)', async () => {
    const created = await createPayment(kit.endpoint, upi('bill-CUST-TINY', 'ravi@okbank'));
    assert.deepEqual(created.amount, { value: '0.01', currency: 'INR' });
    assert.equal((await getStatus(kit.endpoint, created.paymentId)).status, 'processing');
    await decideInUpiApp(sandbox.url, 'ravi@okbank', 'decline');
    const status = await getStatus(kit.endpoint, created.paymentId, '?wait=5&since=processing');
    assert.equal(status.status, 'failed');
    assert.equal(status.error?.retryable, true);
    assert.equal(status.error?.code, 'payment_failed');
    const stored = await kit.store.get(created.paymentId);
    assert.equal(stored?.providerStatus, 'failed');
    assert.equal(stored?.providerReason, 'U30');
  });

  it('lists the collect request in the language of the payer’s phone', async () => {
    const vpa = 'erika@okbank';
    const created = await createPayment(kit.endpoint, {
      ...upi('bill-CUST-TINY', vpa),
      locale: 'de',
    });
    const page = await (
      await fetch(`${sandbox.url}/cashfree/upi?vpa=${encodeURIComponent(vpa)}`, {
        headers: { 'accept-language': 'de-DE' },
      })
    ).text();
    assert.match(page, /<html lang="de">/);
    assert.match(
      page,
      /<strong class="amount">₹0\.01<\/strong> an einen BBPS-Rechnungssteller, von <bdi>erika@okbank<\/bdi>/,
    );
    assert.match(page, /value="approve" class="primary">Freigeben<\/button>/);
    await decideInUpiApp(sandbox.url, vpa, 'decline');
    const status = await getStatus(kit.endpoint, created.paymentId, '?wait=5&since=processing');
    assert.equal(status.status, 'failed');
  });

  it('learns the outcome from the signed webhook, without polling', async () => {
    const slowPolling = await startKit(provider, {
      resolveCheckout: billCheckoutResolver(provider),
      refreshIntervalMs: 60_000,
    });
    try {
      const created = await createPayment(
        slowPolling.endpoint,
        upi('bill-CUST-1999', 'testsuccess@gocash'),
      );
      const stored = await slowPolling.store.get(created.paymentId);
      // The sandbox delivers to the main kit; hand the same signed request to this one.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await sandbox.sandbox.flushWebhooks();
      const delivery = sandbox.sandbox.webhookDeliveries.find(
        (entry) => entry.paymentId === stored?.providerPaymentId,
      );
      assert.ok(delivery, 'the sandbox signed a webhook');
      const body = JSON.stringify({
        event: 'BILL_PAYMENT_STATUS_UPDATE',
        data: {
          bill_fetch_ref_id: stored?.providerData?.billFetchRefId,
          transaction_ref_id: stored?.providerPaymentId,
          status: 'success',
        },
      });
      const response = await sendWebhook(slowPolling.endpoint, body);
      assert.equal(response.status, 200);
      assert.equal((await slowPolling.store.get(created.paymentId))?.status, 'completed');
    } finally {
      await slowPolling.close();
    }
  });

  it('refuses forged, stale and replayed webhooks', async () => {
    const body = JSON.stringify({
      event: 'BILL_PAYMENT_STATUS_UPDATE',
      data: { transaction_ref_id: 'OU01UNKNOWN', status: 'success' },
    });
    const forged = await sendWebhook(kit.endpoint, body, { secret: 'not-the-secret' });
    assert.equal(forged.status, 401);
    assert.equal((await readProblem(forged)).code, 'invalid_signature');
    const stale = await sendWebhook(kit.endpoint, body, { timestamp: Date.now() - 10 * 60_000 });
    assert.equal(stale.status, 401);
    const tampered = await sendWebhook(kit.endpoint, body, { tamper: true });
    assert.equal(tampered.status, 401);
    const timestamp = Date.now();
    assert.equal((await sendWebhook(kit.endpoint, body, { timestamp })).status, 200);
    const replay = await sendWebhook(kit.endpoint, body, { timestamp });
    assert.equal(replay.status, 409);
    assert.equal((await readProblem(replay)).code, 'webhook_replayed');
  });

  it('answers 401 envelopes as provider_error', async () => {
    const wrong = bbpsProviderFor(sandbox.url, { clientSecret: 'wrong' });
    await assert.rejects(
      wrong.fetchBill({ billerId: 'B', customerParams: { RefFld1: 'X' }, mobile: '1' }),
      { name: 'ProviderError', kind: 'provider_error', httpStatus: 401 },
    );
  });
});

async function decideInUpiApp(
  sandboxUrl: string,
  vpa: string,
  decision: 'approve' | 'decline',
): Promise<void> {
  const page = await (
    await fetch(`${sandboxUrl}/cashfree/upi?vpa=${encodeURIComponent(vpa)}`)
  ).text();
  const id = /name="transaction_ref_id" value="([^"]+)"/.exec(page)?.[1];
  assert.ok(id, 'the UPI app shows the collect request');
  const response = await fetch(`${sandboxUrl}/cashfree/upi`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ transaction_ref_id: id, decision }).toString(),
  });
  assert.equal(response.status, 200);
}

async function sendWebhook(
  endpoint: string,
  body: string,
  options: { secret?: string; timestamp?: number; tamper?: boolean } = {},
): Promise<Response> {
  const timestamp = String(options.timestamp ?? Date.now());
  const signature = signCashfreeWebhook(
    options.secret ?? SANDBOX_DEFAULTS.cashfree.webhookSecret,
    timestamp,
    body,
  );
  return fetch(`${endpoint}/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-webhook-signature': signature,
      'x-webhook-timestamp': timestamp,
    },
    body: options.tamper ? body.replace('success', 'failed') : body,
  });
}
