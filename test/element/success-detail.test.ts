import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { FakeMerchant } from '../support/fake-merchant.js';
import { mountReady, payWith, settle } from '../support/element.js';
import { browserEffects } from '../../src/element/browser-effects.js';

describe('<pay-by-bank> success detail', () => {
  let merchant: FakeMerchant;
  let merchantFetch: typeof window.fetch;

  beforeEach(() => {
    sessionStorage.clear();
    merchant = new FakeMerchant({ authorizationUrl: null, statuses: ['completed'] });
    merchantFetch = window.fetch;
    sinon.stub(browserEffects, 'navigate');
    sinon.stub(console, 'error');
  });
  afterEach(() => {
    window.fetch = merchantFetch;
    merchant.restore();
    sinon.restore();
  });

  it('always carries amount and reference: a completed answer without them is a failure', async () => {
    // A merchant server that leaves out what docs/protocol.md says every payment answer carries.
    window.fetch = async (input, init) => {
      const response = await merchantFetch(input, init);
      if (!new URL(new Request(input, init).url).pathname.includes('/payments')) return response;
      const { amount: _amount, reference: _reference, ...rest } = await response.json();
      return new Response(JSON.stringify(rest), {
        status: response.status,
        headers: { 'content-type': 'application/json' },
      });
    };
    const element = await mountReady();
    const successes: Event[] = [];
    element.addEventListener('pay-by-bank-success', (event) => successes.push(event));
    const failure = oneEvent(element, 'pay-by-bank-failure');
    await payWith(element, 'alpha');
    const { detail } = await failure;
    await settle(element);
    expect(successes).to.have.length(0);
    expect(detail.paymentId).to.equal('pay_1');
    expect(detail.error).to.include({ code: 'malformed_response', retryable: false });
  });
});
