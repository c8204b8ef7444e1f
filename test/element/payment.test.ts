import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { FakeMerchant } from '../support/fake-merchant.js';
import { mountReady, payWith, query, settle, shadow, shown } from '../support/element.js';
import { browserEffects } from '../../src/element/browser-effects.js';

describe('<pay-by-bank> payment', () => {
  let merchant: FakeMerchant;
  let navigate: sinon.SinonStub;

  beforeEach(() => {
    sessionStorage.clear();
    merchant = new FakeMerchant();
    navigate = sinon.stub(browserEffects, 'navigate');
  });
  afterEach(() => {
    merchant.restore();
    sinon.restore();
  });

  it('creates the payment only when the payer commits, then redirects to the bank', async () => {
    const element = await mountReady();
    query(element, '[data-bank-id="alpha"]').click();
    await settle(element);
    expect(merchant.creates).to.have.length(0);

    const redirect = oneEvent(element, 'pay-by-bank-redirect');
    query<HTMLButtonElement>(element, 'button[type="submit"]').click();
    const event = await redirect;
    expect(event.detail).to.deep.equal({
      paymentId: 'pay_1',
      authorizationUrl: 'https://bank.example/authorise?payment=pay_1',
      flow: 'redirect',
    });
    expect(event.cancelable).to.equal(true);
    await settle(element);
    expect(navigate).to.have.been.calledOnceWith('https://bank.example/authorise?payment=pay_1');

    const [create] = merchant.creates;
    expect(create?.url.pathname).to.equal('/api/pay-by-bank/payments');
    expect(create?.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(create?.headers.get('Content-Type')).to.equal('application/json');
    expect(create?.body).to.deep.equal({
      bankId: 'alpha',
      checkout: 'order-123',
      returnUrl: window.location.href.split('#')[0],
      flow: 'redirect',
      locale: 'en',
    });
    await shown(element, '[part="status"]', 'Taking you to Alpha Bank');
  });

  it('saves the attempt in sessionStorage before leaving', async () => {
    const element = await mountReady();
    const redirect = oneEvent(element, 'pay-by-bank-redirect');
    await payWith(element, 'alpha');
    await redirect;
    const key = Object.keys(sessionStorage).find((name) => name.startsWith('pay-by-bank:attempt:'));
    expect(key).to.contain('/api/pay-by-bank|order-123');
    const saved = JSON.parse(sessionStorage.getItem(key ?? '') ?? '{}');
    expect(saved).to.include({
      paymentId: 'pay_1',
      bankId: 'alpha',
      flow: 'redirect',
      status: 'created',
    });
  });

  it('lets the page take over navigation with preventDefault', async () => {
    const element = await mountReady();
    element.addEventListener('pay-by-bank-redirect', (event) => event.preventDefault());
    const redirect = oneEvent(element, 'pay-by-bank-redirect');
    await payWith(element, 'alpha');
    await redirect;
    await settle(element);
    expect(merchant.creates).to.have.length(1);
    expect(navigate).not.to.have.been.called;
  });

  it('creates one payment on a double click', async () => {
    const element = await mountReady();
    query(element, '[data-bank-id="alpha"]').click();
    await element.updateComplete;
    const pay = query<HTMLButtonElement>(element, 'button[type="submit"]');
    pay.click();
    pay.click();
    await Promise.all([element.start(), element.start()]);
    await settle(element);
    expect(merchant.creates).to.have.length(1);
  });

  it('reuses the Idempotency-Key on a retry of the same attempt, and a new one for a new attempt', async () => {
    const element = await mountReady();
    sinon.stub(console, 'error');
    merchant.failNext('network');
    await payWith(element, 'alpha');
    expect((await shown(element, '[part="error"]')).textContent).to.contain(
      'could not reach the shop',
    );

    const redirect = oneEvent(element, 'pay-by-bank-redirect');
    query<HTMLButtonElement>(element, '[part="error"] button').click();
    await redirect;
    const [first, retry] = merchant.creates;
    expect(retry?.headers.get('Idempotency-Key')).to.equal(first?.headers.get('Idempotency-Key'));
    expect(navigate).to.have.been.calledOnce;

    element.reset();
    await oneEvent(element, 'pay-by-bank-ready');
    const second = oneEvent(element, 'pay-by-bank-redirect');
    await payWith(element, 'alpha');
    await second;
    const fresh = merchant.creates[2];
    expect(fresh?.headers.get('Idempotency-Key')).not.to.equal(
      first?.headers.get('Idempotency-Key'),
    );
  });

  it('tracks a payment without authorizationUrl straight away and reports success once', async () => {
    merchant.options.authorizationUrl = null;
    merchant.options.statuses = ['processing', 'completed'];
    const element = await mountReady();
    const statuses: string[] = [];
    element.addEventListener('pay-by-bank-status', (event) => statuses.push(event.detail.status));
    const successes: CustomEvent[] = [];
    element.addEventListener('pay-by-bank-success', (event) => successes.push(event));
    await payWith(element, 'alpha');
    await oneEvent(element, 'pay-by-bank-success');
    await settle(element);
    expect(navigate).not.to.have.been.called;
    expect(statuses).to.deep.equal(['created', 'processing', 'completed']);
    expect(successes).to.have.length(1);
    expect(successes[0]?.detail).to.deep.equal({
      paymentId: 'pay_1',
      status: 'completed',
      amount: { value: '42.00', currency: 'EUR' },
      reference: 'INV-123',
    });
    await shown(element, '[part="status"]', 'Payment complete');
    await shown(element, '[part="status"]', '€42.00 paid');
    // The reference is a row of the receipt now (it was a "Reference: INV-123" line).
    const receipt = await shown(element, '[part="status"] .receipt');
    const rows = [...receipt.querySelectorAll('div')].map((row) => [
      row.querySelector('dt')?.textContent?.trim(),
      row.querySelector('dd')?.textContent?.trim(),
    ]);
    expect(rows.slice(0, 2)).to.deep.equal([
      ['Paid', '€42.00'],
      ['Reference', 'INV-123'],
    ]);
    expect(rows.map(([label]) => label)).to.deep.equal(['Paid', 'Reference', 'Bank', 'Date']);
    expect(
      Object.keys(sessionStorage).some((name) => name.startsWith('pay-by-bank:attempt:')),
    ).to.equal(false);
  });

  it('refuses an authorization URL that is not https and reports a failure', async () => {
    merchant.options.authorizationUrl = 'javascript:alert(document.cookie)';
    const element = await mountReady();
    const errors = sinon.stub(console, 'error');
    const failure = oneEvent(element, 'pay-by-bank-failure');
    await payWith(element, 'alpha');
    const event = await failure;
    errors.restore();
    await settle(element);
    expect(navigate).not.to.have.been.called;
    expect(event.detail.paymentId).to.equal('pay_1');
    expect(event.detail.error).to.include({ code: 'unsafe_authorization_url', retryable: false });
    await shown(element, '[part~="error"]', 'Payment failed');
  });

  it('refuses plain http to a host other than localhost', async () => {
    merchant.options.authorizationUrl = 'http://bank.example/authorise';
    const element = await mountReady();
    sinon.stub(console, 'error');
    const failure = oneEvent(element, 'pay-by-bank-failure');
    await payWith(element, 'alpha');
    expect((await failure).detail.error.code).to.equal('unsafe_authorization_url');
    expect(navigate).not.to.have.been.called;
  });

  it('sends the merchant requestInit headers with every call', async () => {
    const element = await mountReady();
    element.requestInit = { headers: { 'X-CSRF-Token': 'token-1' } };
    await oneEvent(element, 'pay-by-bank-ready');
    await payWith(element, 'alpha');
    await settle(element);
    expect(merchant.requestsTo('/banks').at(-1)?.headers.get('X-CSRF-Token')).to.equal('token-1');
    expect(merchant.creates[0]?.headers.get('X-CSRF-Token')).to.equal('token-1');
    expect(shadow(element).querySelector('[part="error"]')).to.equal(null);
  });
});
