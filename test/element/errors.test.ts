import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { FakeMerchant } from '../support/fake-merchant.js';
import {
  flushIo,
  mount,
  mountReady,
  payWith,
  query,
  settle,
  shadow,
  shown,
} from '../support/element.js';
import { browserEffects } from '../../src/element/browser-effects.js';
import type { PayByBank } from '../../src/element/pay-by-bank.js';

describe('<pay-by-bank> bad input and failing servers', () => {
  let merchant: FakeMerchant;
  let consoleError: sinon.SinonStub;

  beforeEach(() => {
    sessionStorage.clear();
    merchant = new FakeMerchant();
    sinon.stub(browserEffects, 'navigate');
    consoleError = sinon.stub(console, 'error');
  });
  afterEach(() => {
    merchant.restore();
    sinon.restore();
  });

  const invalid: Array<[string, string, RegExp]> = [
    ['a missing endpoint', '', /"endpoint" attribute is required/],
    ['a javascript: endpoint', 'javascript:alert(1)', /"endpoint" must be an http\(s\) URL/],
  ];
  for (const [name, endpoint, message] of invalid) {
    it(`shows an error view and logs one clear error for ${name}`, async () => {
      const element = await fixture<PayByBank>(
        html`<pay-by-bank endpoint=${endpoint}></pay-by-bank>`,
      );
      expect(query(element, '[part="error"]').textContent).to.contain(
        'Pay by bank is not available',
      );
      await waitUntil(() => consoleError.called, 'no console error');
      await settle(element);
      expect(consoleError).to.have.been.calledOnce;
      expect(consoleError.firstCall.args[0]).to.match(message);
      expect(merchant.requests).to.have.length(0);
    });
  }

  it('rejects an invalid amount or currency with a message naming the attribute', async () => {
    const element = await fixture<PayByBank>(
      html`<pay-by-bank endpoint="/api/pay-by-bank" amount="12,50" currency="EURO"></pay-by-bank>`,
    );
    expect(shadow(element).querySelector('[part="error"]')).not.to.equal(null);
    await waitUntil(() => consoleError.called, 'no console error');
    await settle(element);
    expect(consoleError).to.have.been.calledOnce;
    const logged = String(consoleError.firstCall.args[0]);
    expect(logged).to.contain('"amount" must be a decimal');
    expect(logged).to.contain('"currency" must be an ISO 4217 code');
  });

  it('rejects an unknown flow, and recovers once the attribute is fixed', async () => {
    const element = await fixture<PayByBank>(
      html`<pay-by-bank endpoint="/api/pay-by-bank" flow="teleport"></pay-by-bank>`,
    );
    await waitUntil(() => consoleError.called, 'no console error');
    expect(String(consoleError.firstCall.args[0])).to.contain(
      '"flow" must be one of auto, redirect, popup, qr',
    );
    element.flow = 'redirect';
    await oneEvent(element, 'pay-by-bank-ready');
  });

  it('falls back to the light theme for an unknown theme', async () => {
    const element = await mountReady({ theme: 'neon' });
    expect(element.getAttribute('theme')).to.equal('light');
    expect(String(consoleError.firstCall.args[0])).to.contain(
      '"theme" must be light, dark or auto',
    );
  });

  // The words once the error's own have loaded (`loadComplete`): a 5xx's check, like the error
  // words of the views after Pay, comes in a lazily loaded chunk, so the time it takes varies. The
  // 500's problem code is one the catalog does not word (`internal`): the generic reason.
  const faults = [
    ['answers 500', 'http500', 'The payment could not be completed'],
    ['answers garbage', 'garbage', 'The shop sent an answer we could not read'],
    ['cannot be reached', 'network', 'We could not reach the shop'],
  ] as const;
  for (const [name, fault, text] of faults) {
    it(`shows a retryable error when the merchant server ${name} for the bank list`, async () => {
      merchant.failNext(fault);
      const element = await mount();
      await shown(element, '[part="error"]');
      await element.loadComplete;
      expect(query(element, '[part="error"]').textContent).to.contain(text);
      query<HTMLButtonElement>(element, '[part="error"] button').click();
      await oneEvent(element, 'pay-by-bank-ready');
    });
  }

  it('shows a retryable error when creating the payment answers 4xx', async () => {
    const element = await mountReady();
    merchant.failNext({
      status: 422,
      body: { title: 'Unknown checkout', status: 422, code: 'unknown_checkout' },
    });
    await payWith(element, 'alpha');
    expect((await shown(element, '[part="error"]')).textContent).to.contain('Try again');
    expect(String(consoleError.lastCall.args[0])).to.contain('unknown_checkout');
  });

  it('gives up on a merchant server that does not answer within 15 s', async () => {
    const element = await mountReady();
    const clock = sinon.useFakeTimers({
      shouldAdvanceTime: false,
      toFake: ['setTimeout', 'clearTimeout'],
    });
    merchant.failNext('hang');
    await payWith(element, 'alpha');
    await flushIo(element);
    await clock.tickAsync(14_999);
    expect(query(element, '[part="status"]').textContent).to.contain('Preparing your payment');
    await clock.tickAsync(1);
    clock.restore();
    await shown(element, '[part="error"]', 'took too long');
  });

  it('treats a status answer with an unknown status as malformed, and keeps tracking', async () => {
    merchant.options.authorizationUrl = null;
    const element = await mountReady();
    merchant.options.statuses = ['completed'];
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    merchant.failNext({ status: 201, body: { paymentId: 'pay_1', status: 'created' } });
    merchant.failNext({ status: 200, body: { paymentId: 'pay_1', status: 'teleported' } });
    await payWith(element, 'alpha');
    await flushIo(element);
    await clock.tickAsync(0);
    await flushIo(element);
    expect(query(element, '[part="status"]').textContent).to.contain('offline');
    const success = oneEvent(element, 'pay-by-bank-success');
    await clock.tickAsync(2_000);
    clock.restore();
    await success;
  });
});
