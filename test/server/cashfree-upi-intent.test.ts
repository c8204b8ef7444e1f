import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { cashfreeBbps, type CashfreeBbpsProvider } from '../../src/server/index.js';
import { startKit, type RunningKit } from './support/kit-fixture.js';
import {
  createBody,
  createPayment,
  getStatus,
  postPayment,
  readProblem,
} from './support/merchant-client.js';
import { billCheckoutResolver } from './support/providers.js';
import { SANDBOX_DEFAULTS, startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';
import { upiIntentLink } from '../../src/server/providers/cashfree-bbps/upi-intent.js';

const PAYEE = { vpa: 'bbps.collect@cashfree', name: 'Sandbox BBPS & Co' };

function intentProvider(sandboxUrl: string, extra: Record<string, unknown> = {}) {
  return cashfreeBbps({
    baseUrl: `${sandboxUrl}/cashfree`,
    clientId: SANDBOX_DEFAULTS.cashfree.clientId,
    clientSecret: SANDBOX_DEFAULTS.cashfree.clientSecret,
    agentId: SANDBOX_DEFAULTS.cashfree.agentId,
    webhookSecret: SANDBOX_DEFAULTS.cashfree.webhookSecret,
    upiPayee: PAYEE,
    upiAppUrl: `${sandboxUrl}/cashfree/upi/pay`,
    sleep: async () => {},
    timeoutMs: 3000,
    ...extra,
  });
}

async function payInUpiApp(
  pageUrl: string,
  decision: 'approve' | 'decline' | 'pending',
  pin = '1234',
): Promise<Response> {
  const url = new URL(pageUrl);
  const shown = await fetch(url);
  assert.equal(shown.status, 200, 'the UPI app shows the request');
  const form = new URLSearchParams(url.search);
  form.set('decision', decision);
  form.set('pin', pin);
  return fetch(`${url.origin}${url.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
}

async function statusUntil(endpoint: string, paymentId: string, want: string) {
  for (let i = 0; i < 50; i += 1) {
    const answer = await getStatus(endpoint, paymentId);
    if (answer.status === want) return answer;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`payment never became ${want}`);
}

describe('upiIntentLink: the NPCI linking fields', () => {
  const payee = { vpa: 'bill.pay@okaxis', name: 'बिजली बोर्ड & Co' };
  const link = (amountPaise: string, note = 'Bill 7') =>
    upiIntentLink({ payee, amountPaise, transactionRef: 'OU01ABCDEF0123456789', note });

  it('writes rupees with two decimals, INR, tr and tn, in that order', () => {
    assert.equal(
      link('120000'),
      'upi://pay?pa=bill.pay@okaxis&pn=%E0%A4%AC%E0%A4%BF%E0%A4%9C%E0%A4%B2%E0%A5%80%20%E0%A4%AC%E0%A5%8B%E0%A4%B0%E0%A5%8D%E0%A4%A1%20%26%20Co&am=1200.00&cu=INR&tr=OU01ABCDEF0123456789&tn=Bill%207',
    );
    for (const [paise, rupees] of [
      ['5', '0.05'],
      ['100', '1.00'],
      ['123450', '1234.50'],
      ['9999999999', '99999999.99'],
    ]) {
      assert.equal(new URL(link(paise ?? '')).searchParams.get('am'), rupees, paise);
    }
  });

  it('escapes what would break the link, and reads back as written', () => {
    const tricky = link('100', 'a&b=c#d%e+f?g');
    assert.ok(!tricky.includes('#'), tricky);
    assert.ok(tricky.includes('tn=a%26b%3Dc%23d%25e%2Bf%3Fg'), tricky);
    const fields = new URL(tricky).searchParams;
    assert.equal(fields.get('tn'), 'a&b=c#d%e+f?g');
    assert.equal(fields.get('pn'), payee.name);
    assert.equal(fields.get('pa'), payee.vpa);
    assert.equal([...fields.keys()].join(','), 'pa,pn,am,cu,tr,tn');
  });

  it('adds mc only for a payee with a merchant category code, and keeps tn to 50 characters', () => {
    const withCode = upiIntentLink({
      payee: { ...payee, merchantCode: '4900' },
      amountPaise: '100',
      transactionRef: 'OU01X',
      note: 'x'.repeat(80),
    });
    const fields = new URL(withCode).searchParams;
    assert.equal(fields.get('mc'), '4900');
    assert.equal(fields.get('tn')?.length, 50);
  });
});

describe('cashfreeBbps: UPI intent and QR', () => {
  let sandbox: RunningSandbox;
  let kit: RunningKit;
  let provider: CashfreeBbpsProvider;

  before(async () => {
    sandbox = await startSandbox({
      cashfree: { bills: { 'CUST-42': { amountPaise: '123450', billNumber: 'BN-42' } } },
    });
    provider = intentProvider(sandbox.url);
    kit = await startKit(provider, { resolveCheckout: billCheckoutResolver(provider) });
  });
  after(async () => {
    await kit.close();
    await sandbox.close();
  });

  it('offers intent and Internet Banking, and no UPI ID field unless collect is turned on', async () => {
    const banks = await provider.listBanks('IN');
    assert.deepEqual(
      banks.map((bank) => bank.id),
      ['upi-intent', 'netbanking'],
    );
    assert.equal(banks[0]?.fields, undefined);
    const withCollect = intentProvider(sandbox.url, { upiCollect: true });
    const ids = (await withCollect.listBanks('IN')).map((bank) => bank.id);
    assert.deepEqual(ids, ['upi-intent', 'upi', 'netbanking']);
  });

  it('refuses intent without a payee', () => {
    assert.throws(
      () => intentProvider(sandbox.url, { upiPayee: { vpa: 'no-handle', name: 'X' } }),
      /upiPayee/,
    );
  });

  it('answers a upi://pay link with every field, an https app page, and pays with a PIN', async () => {
    const created = await createPayment(
      kit.endpoint,
      createBody({ bankId: 'upi-intent', checkout: 'bill-CUST-42', flow: 'qr' }),
    );
    assert.equal(created.handOff, 'upi_intent');
    assert.equal(created.status, 'awaiting_authorisation');
    assert.equal(created.biller, 'VODA00000MUM03', 'a bill payment names its biller');
    assert.ok(created.expiresAt);
    const link = new URL(created.qrPayload ?? '');
    assert.equal(link.protocol, 'upi:');
    assert.ok(created.qrPayload?.startsWith('upi://pay?'));
    assert.equal(link.searchParams.get('pa'), PAYEE.vpa);
    assert.equal(link.searchParams.get('pn'), PAYEE.name);
    assert.equal(link.searchParams.get('am'), '1234.50');
    assert.equal(link.searchParams.get('cu'), 'INR');
    assert.match(link.searchParams.get('tr') ?? '', /^OU01[0-9A-Z]{16}$/);
    assert.equal(link.searchParams.get('tn'), 'Bill BN-42');
    assert.ok(created.qrPayload?.includes('pn=Sandbox%20BBPS%20%26%20Co'), 'values URL-encoded');
    const page = new URL(created.authorizationUrl ?? '');
    assert.ok(page.pathname.endsWith('/cashfree/upi/pay'), page.pathname);
    assert.equal(page.search, link.search, 'the sandbox page carries the same fields');

    // A PIN of the wrong shape is refused and changes nothing.
    const badPin = await payInUpiApp(page.href, 'approve', '12');
    assert.equal(badPin.status, 400);
    const pending = await payInUpiApp(page.href, 'pending');
    assert.equal(pending.status, 200);
    assert.equal(
      (await getStatus(kit.endpoint, created.paymentId)).status,
      'awaiting_authorisation',
    );

    const approved = await payInUpiApp(page.href, 'approve');
    assert.equal(approved.status, 200);
    const done = await statusUntil(kit.endpoint, created.paymentId, 'completed');
    assert.ok(done.receipt, 'a completed bill payment answers its receipt');
    assert.equal(done.biller, 'VODA00000MUM03');
    assert.equal(done.receipt.biller, 'VODA00000MUM03');
    assert.equal(done.receipt.billNumber, 'BN-42');
    assert.deepEqual(done.receipt.amount, { value: '1234.50', currency: 'INR' });
    assert.match(done.receipt.approvalReference, /^AB[0-9A-Z]{8}$/);
    assert.ok(Number.isFinite(Date.parse(done.receipt.paidAt)));
    const record = await kit.handler.getPayment(created.paymentId);
    assert.equal(record?.receipt?.approvalReference, done.receipt.approvalReference);

    // The bill is paid: the app refuses the link again.
    assert.equal((await fetch(page)).status, 409);
  });

  it('a fresh link for the same bill replaces the old one, which can no longer be paid', async () => {
    const body = () => createBody({ bankId: 'upi-intent', checkout: 'bill-CUST-77', flow: 'qr' });
    const first = await createPayment(kit.endpoint, body());
    const second = await createPayment(kit.endpoint, body());
    assert.notEqual(first.qrPayload, second.qrPayload);
    assert.equal((await fetch(first.authorizationUrl ?? '')).status, 409);
    await statusUntil(kit.endpoint, first.paymentId, 'failed');
    const declined = await payInUpiApp(second.authorizationUrl ?? '', 'decline');
    assert.equal(declined.status, 200);
    const failed = await statusUntil(kit.endpoint, second.paymentId, 'failed');
    assert.equal(failed.receipt, undefined);
  });

  it('pays a bill once: no second payment while one is processing or once it is paid', async () => {
    const collecting = intentProvider(sandbox.url, { upiCollect: true });
    const other = await startKit(collecting, { resolveCheckout: billCheckoutResolver(collecting) });
    const collect = (vpa: string) =>
      createBody({ bankId: 'upi', checkout: 'bill-CUST-55', payer: { vpa } });
    const refused = async (body: unknown, why: RegExp) => {
      const response = await postPayment(other.endpoint, body);
      assert.equal(response.status, 409);
      const problem = await readProblem(response);
      assert.equal(problem.code, 'checkout_being_paid');
      assert.match(problem.detail ?? '', why);
    };
    try {
      // A collect request is processing: neither another collect nor a UPI link may pay the bill.
      const firstBody = collect('asha.one@okbank');
      const firstKey = randomUUID();
      const firstAnswer = await postPayment(other.endpoint, firstBody, firstKey);
      assert.equal(firstAnswer.status, 201);
      const first = (await firstAnswer.json()) as { paymentId: string; status: string };
      assert.equal(first.status, 'processing');
      await refused(collect('asha.two@okbank'), /is being paid/);
      await refused(
        createBody({ bankId: 'upi-intent', checkout: 'bill-CUST-55', flow: 'qr' }),
        /is being paid/,
      );
      // The same attempt again (its Idempotency-Key) is still answered its own payment.
      const replayed = await postPayment(other.endpoint, firstBody, firstKey);
      assert.equal(replayed.status, 201);
      assert.equal(((await replayed.json()) as { paymentId: string }).paymentId, first.paymentId);
      // Another bill is not held up.
      await createPayment(
        other.endpoint,
        createBody({ bankId: 'upi-intent', checkout: 'bill-CUST-56', flow: 'qr' }),
      );

      // Declined: the bill may be paid again, by a fresh QR code that gives way to the next one.
      const page = await (
        await fetch(`${sandbox.url}/cashfree/upi?vpa=${encodeURIComponent('asha.one@okbank')}`)
      ).text();
      const id = /name="transaction_ref_id" value="([^"]+)"/.exec(page)?.[1] ?? '';
      await fetch(`${sandbox.url}/cashfree/upi`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ transaction_ref_id: id, decision: 'decline' }).toString(),
      });
      await statusUntil(other.endpoint, first.paymentId, 'failed');
      const qr = () => createBody({ bankId: 'upi-intent', checkout: 'bill-CUST-55', flow: 'qr' });
      const unpaid = await createPayment(other.endpoint, qr());
      const fresh = await createPayment(other.endpoint, qr());
      assert.notEqual(fresh.paymentId, unpaid.paymentId);
      assert.equal((await payInUpiApp(fresh.authorizationUrl ?? '', 'approve')).status, 200);
      await statusUntil(other.endpoint, fresh.paymentId, 'completed');
      await refused(qr(), /already paid/);
      await refused(collect('asha.four@okbank'), /already paid/);
    } finally {
      await other.close();
    }
  });

  it('of two creates of one bill at the same time, one pays and the other is refused', async () => {
    const collecting = intentProvider(sandbox.url, { upiCollect: true });
    const other = await startKit(collecting, { resolveCheckout: billCheckoutResolver(collecting) });
    try {
      const answers = await Promise.all(
        ['ravi.one@okbank', 'ravi.two@okbank', 'ravi.three@okbank'].map((vpa) =>
          postPayment(
            other.endpoint,
            createBody({ bankId: 'upi', checkout: 'bill-CUST-57', payer: { vpa } }),
          ),
        ),
      );
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 409, 409]);
    } finally {
      await other.close();
    }
  });

  it('without the sandbox page, the link itself is the authorization URL', async () => {
    const real = intentProvider(sandbox.url, { upiAppUrl: undefined });
    const other = await startKit(real, { resolveCheckout: billCheckoutResolver(real) });
    try {
      const created = await createPayment(
        other.endpoint,
        createBody({ bankId: 'upi-intent', checkout: 'bill-CUST-88', flow: 'redirect' }),
      );
      assert.equal(created.handOff, 'upi_intent');
      assert.ok(created.authorizationUrl?.startsWith('upi://pay?pa=bbps.collect@cashfree&'));
      assert.equal(created.authorizationUrl, created.qrPayload);
    } finally {
      await other.close();
    }
  });
});
