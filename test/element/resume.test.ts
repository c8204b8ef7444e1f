import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { FakeMerchant } from '../support/fake-merchant.js';
import { mount, payWith, query, setReturnParameter, settle, shown } from '../support/element.js';
import { browserEffects } from '../../src/element/browser-effects.js';

const ATTEMPT_KEY = `pay-by-bank:attempt:${new URL('/api/pay-by-bank', location.href).href}|order-123`;

function saveAttempt(paymentId: string, status = 'awaiting_authorisation') {
  sessionStorage.setItem(
    ATTEMPT_KEY,
    JSON.stringify({ paymentId, idempotencyKey: 'k', bankId: 'alpha', flow: 'redirect', status }),
  );
}

describe('<pay-by-bank> resume on the return page', () => {
  let merchant: FakeMerchant;
  const testPage = location.href;

  beforeEach(() => {
    sessionStorage.clear();
    merchant = new FakeMerchant({ statuses: ['completed'] });
    sinon.stub(browserEffects, 'navigate');
  });
  afterEach(() => {
    merchant.restore();
    sinon.restore();
    history.replaceState(null, '', testPage);
  });

  it('resumes from pay_by_bank_payment in the URL and removes it from the address bar', async () => {
    setReturnParameter('pay_77');
    const element = await mount();
    const success = await oneEvent(element, 'pay-by-bank-success');
    expect(success.detail.paymentId).to.equal('pay_77');
    expect(new URL(location.href).searchParams.has('pay_by_bank_payment')).to.equal(false);
    expect(merchant.requestsTo('/payments/pay_77')).to.have.length(1);
    expect(merchant.requestsTo('/banks')).to.have.length(0);
  });

  it('names the chosen bank on the receipt after the redirect back, with no bank list loaded', async () => {
    merchant.options.statuses = ['awaiting_authorisation'];
    const leaving = await mount();
    await oneEvent(leaving, 'pay-by-bank-ready');
    await leaving.updateComplete;
    const redirect = oneEvent(leaving, 'pay-by-bank-redirect');
    await payWith(leaving, 'alpha');
    const { paymentId } = (await redirect).detail;
    leaving.remove();
    // The bank sends the payer back: a new page, the same tab's sessionStorage.
    merchant.options.statuses = ['completed'];
    const banksAsked = merchant.requestsTo('/banks').length;
    setReturnParameter(paymentId);
    const element = await mount();
    await oneEvent(element, 'pay-by-bank-success');
    await element.loadComplete;
    expect(merchant.requestsTo('/banks')).to.have.length(banksAsked);
    const rows = [...query(element, '.receipt').querySelectorAll('div')].map((row) =>
      [
        row.querySelector('dt')?.textContent?.trim(),
        row.querySelector('dd')?.textContent?.trim(),
      ].join(': '),
    );
    expect(rows).to.include('Bank: Alpha Bank');
  });

  it('resumes from the saved attempt when the URL has no payment id', async () => {
    saveAttempt('pay_88');
    merchant.options.statuses = ['authorised', 'completed'];
    const element = await mount();
    const statuses: string[] = [];
    element.addEventListener('pay-by-bank-status', (event) =>
      statuses.push(`${event.detail.previous}->${event.detail.status}`),
    );
    await oneEvent(element, 'pay-by-bank-success');
    expect(statuses).to.deep.equal(['awaiting_authorisation->authorised', 'authorised->completed']);
    expect(sessionStorage.getItem(ATTEMPT_KEY)).to.equal(null);
  });

  it('does not repeat the outcome event after a reload of the return page', async () => {
    setReturnParameter('pay_99');
    const first = await mount();
    await oneEvent(first, 'pay-by-bank-success');
    first.remove();

    setReturnParameter('pay_99');
    const reloaded = await mount();
    const outcomes: string[] = [];
    for (const name of [
      'pay-by-bank-success',
      'pay-by-bank-failure',
      'pay-by-bank-cancel',
      'pay-by-bank-pending',
    ]) {
      reloaded.addEventListener(name, () => outcomes.push(name));
    }
    await shown(reloaded, '[part="status"]', 'Payment complete');
    await settle(reloaded);
    expect(merchant.requestsTo('/payments/pay_99')).to.have.length(2);
    expect(outcomes).to.deep.equal([]);
  });

  it('shows a cancellation from the bank and sends pay-by-bank-cancel once', async () => {
    merchant.options.statuses = ['cancelled'];
    merchant.options.error = {
      code: 'payer_cancelled',
      message: 'You cancelled at the bank.',
      retryable: true,
    };
    setReturnParameter('pay_5');
    const element = await mount();
    const cancel = await oneEvent(element, 'pay-by-bank-cancel');
    expect(cancel.detail).to.deep.equal({ paymentId: 'pay_5', reason: 'payer_cancelled' });
    await element.updateComplete;
    await shown(element, '[part="status"]', 'Payment cancelled');

    query<HTMLButtonElement>(element, '[part="status"] button').click();
    await oneEvent(element, 'pay-by-bank-ready');
  });

  it('shows a rejection with its reason, and offers a retry only when retryable', async () => {
    merchant.options.statuses = ['failed'];
    const error = { code: 'insufficient_funds', message: 'Insufficient funds.', retryable: false };
    merchant.options.error = error;
    setReturnParameter('pay_6');
    const element = await mount();
    const failure = await oneEvent(element, 'pay-by-bank-failure');
    // The developer's message is in the event; the payer reads the catalog's words for the code.
    expect(failure.detail).to.deep.equal({ paymentId: 'pay_6', status: 'failed', error });
    await element.updateComplete;
    const outcome = await shown(element, '[part~="status"]', 'not enough money in the account');
    expect(outcome.textContent).not.to.contain('Insufficient funds.');
    expect(outcome.querySelector('button')).to.equal(null);
  });

  it('offers "Try again" on a retryable failure, which starts a new attempt', async () => {
    merchant.options.statuses = ['failed'];
    merchant.options.error = {
      code: 'bank_unavailable',
      message: 'The bank is busy.',
      retryable: true,
    };
    setReturnParameter('pay_7');
    const element = await mount();
    await oneEvent(element, 'pay-by-bank-failure');
    (await shown(element, '[part~="status"] button')).click();
    await oneEvent(element, 'pay-by-bank-ready');
  });

  it('shows expiry and lets the payer start again', async () => {
    merchant.options.statuses = ['expired'];
    setReturnParameter('pay_8');
    const element = await mount();
    const failure = await oneEvent(element, 'pay-by-bank-failure');
    expect(failure.detail.status).to.equal('expired');
    expect(failure.detail.error.code).to.equal('expired');
    await element.updateComplete;
    await shown(element, '[part="status"]', 'The link expired');
    query<HTMLButtonElement>(element, '[part="status"] button').click();
    await oneEvent(element, 'pay-by-bank-ready');
  });

  it('cancel() abandons a payment in progress and tells the page', async () => {
    merchant.options.statuses = ['awaiting_authorisation'];
    saveAttempt('pay_9');
    const element = await mount();
    await settle(element);
    setTimeout(() => element.cancel());
    const cancel = await oneEvent(element, 'pay-by-bank-cancel');
    expect(cancel.detail).to.deep.equal({ paymentId: 'pay_9', reason: 'cancelled_by_merchant' });
    expect(sessionStorage.getItem(ATTEMPT_KEY)).to.equal(null);
  });

  it('a payer who comes back after the link expired sees so, and a retry makes a new payment', async () => {
    merchant.options.statuses = ['created'];
    sessionStorage.setItem(
      ATTEMPT_KEY,
      JSON.stringify({
        paymentId: 'pay_old',
        idempotencyKey: 'old-key',
        bankId: 'alpha',
        flow: 'redirect',
        status: 'created',
        expiresAt: new Date(Date.now() - 60_000).toISOString(),
      }),
    );
    const element = await mount();
    const failure = await oneEvent(element, 'pay-by-bank-failure');
    expect(failure.detail).to.deep.include({ paymentId: 'pay_old', status: 'expired' });
    (await shown(element, '[part="status"] button', 'Start again')).click();
    await oneEvent(element, 'pay-by-bank-ready');
    const redirect = oneEvent(element, 'pay-by-bank-redirect');
    await payWith(element, 'alpha');
    expect((await redirect).detail.paymentId).to.equal('pay_1');
    expect(merchant.creates[0]?.headers.get('Idempotency-Key')).not.to.equal('old-key');
  });

  it('a reload while the payment was being created sends the same key again: no second payment', async () => {
    sessionStorage.setItem(
      ATTEMPT_KEY,
      JSON.stringify({
        idempotencyKey: 'pending-key',
        bankId: 'alpha',
        payer: {},
        flow: 'redirect',
        status: 'created',
      }),
    );
    const element = await mount();
    await oneEvent(element, 'pay-by-bank-ready');
    const redirect = oneEvent(element, 'pay-by-bank-redirect');
    await payWith(element, 'alpha');
    await redirect;
    expect(merchant.creates[0]?.headers.get('Idempotency-Key')).to.equal('pending-key');
  });

  it('a reload while the QR code is shown shows it again for the same payment', async () => {
    merchant.options.statuses = ['awaiting_authorisation'];
    sessionStorage.setItem(
      ATTEMPT_KEY,
      JSON.stringify({
        paymentId: 'pay_qr',
        idempotencyKey: 'k',
        bankId: 'alpha',
        flow: 'qr',
        status: 'created',
        authorizationUrl: 'https://bank.example/authorise?payment=pay_qr',
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
      }),
    );
    const element = await mount({ flow: 'qr' });
    await shown(element, '[part="qr"]');
    expect(merchant.creates).to.have.length(0);
  });

  it('a payer still at the bank after the link time is left to the provider', async () => {
    merchant.options.statuses = ['awaiting_authorisation', 'awaiting_authorisation', 'completed'];
    sessionStorage.setItem(
      ATTEMPT_KEY,
      JSON.stringify({
        paymentId: 'pay_slow',
        idempotencyKey: 'k',
        bankId: 'alpha',
        flow: 'redirect',
        status: 'awaiting_authorisation',
        expiresAt: new Date(Date.now() - 60_000).toISOString(),
      }),
    );
    const failures: unknown[] = [];
    document.addEventListener('pay-by-bank-failure', (event) => failures.push(event), {
      once: true,
    });
    const element = await mount();
    await oneEvent(element, 'pay-by-bank-success');
    expect(failures).to.deep.equal([]);
  });

  it('a reload while the bank window is open keeps waiting for it', async () => {
    merchant.options.statuses = ['awaiting_authorisation'];
    sessionStorage.setItem(
      ATTEMPT_KEY,
      JSON.stringify({
        paymentId: 'pay_popup',
        idempotencyKey: 'k',
        bankId: 'alpha',
        flow: 'popup',
        status: 'awaiting_authorisation',
        authorizationUrl: 'https://bank.example/authorise?payment=pay_popup',
      }),
    );
    const element = await mount({ flow: 'popup' });
    await shown(element, '[part="status"]', 'Continue in the window of your bank');
    expect(merchant.creates).to.have.length(0);
    merchant.options.statuses = ['completed'];
    window.postMessage({ type: 'pay-by-bank:returned', paymentId: 'pay_popup' }, location.origin);
    await oneEvent(element, 'pay-by-bank-success');
  });

  it('a failure the server does not know (404) ends tracking with a failure', async () => {
    setReturnParameter('pay_unknown');
    merchant.failNext({
      status: 404,
      body: { type: 'about:blank', title: 'Unknown payment', status: 404, code: 'unknown_payment' },
    });
    sinon.stub(console, 'error');
    const element = await mount();
    const failure = await oneEvent(element, 'pay-by-bank-failure');
    expect(failure.detail.error.code).to.equal('unknown_payment');
    expect(failure.detail.error.retryable).to.equal(true);
  });
});
