import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { FakeMerchant } from '../support/fake-merchant.js';
import { mountReady, optionNames, payWith } from '../support/element.js';
import { browserEffects } from '../../src/element/browser-effects.js';
import type { PaymentStatus } from '../../src/core/status.js';

const KEY = 'pay-by-bank:last-bank';
const SORTED = ['Alpha Bank', 'Bravo Sparkasse', 'Closed Bank', 'Delta Bank', 'Société Générale'];

describe('<pay-by-bank remember-bank>', () => {
  let merchant: FakeMerchant;

  function merchantAnswering(...statuses: PaymentStatus[]) {
    merchant?.restore();
    merchant = new FakeMerchant({ authorizationUrl: null, statuses });
  }

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    merchantAnswering('completed');
    sinon.stub(browserEffects, 'navigate');
  });
  afterEach(() => {
    merchant.restore();
    localStorage.clear();
    sinon.restore();
  });

  it('offers the bank of the last successful payment first, and never sends what it keeps', async () => {
    const first = await mountReady({ rememberBank: true });
    expect(optionNames(first)).to.deep.equal(SORTED);
    const success = oneEvent(first, 'pay-by-bank-success');
    await payWith(first, 'delta');
    await success;
    expect(localStorage.getItem(KEY)).to.equal('delta');
    first.remove();

    const before = merchant.requestsTo('/banks').length;
    const again = await mountReady({ rememberBank: true });
    expect(optionNames(again)).to.deep.equal([
      'Delta Bank',
      'Alpha Bank',
      'Bravo Sparkasse',
      'Closed Bank',
      'Société Générale',
    ]);
    // Not preselected: offered first, the payer still chooses.
    expect(again.shadowRoot?.querySelector('[aria-selected="true"]')).to.equal(null);
    const asked = merchant.requestsTo('/banks').slice(before);
    expect(asked).to.have.length(1);
    for (const request of asked) {
      expect(request.url.search).not.to.contain('delta');
      expect([...request.headers.values()].join(' ')).not.to.contain('delta');
    }
  });

  it('keeps nothing and reorders nothing without the attribute', async () => {
    const element = await mountReady();
    const success = oneEvent(element, 'pay-by-bank-success');
    await payWith(element, 'delta');
    await success;
    expect(localStorage.getItem(KEY)).to.equal(null);

    localStorage.setItem(KEY, 'delta');
    element.remove();
    expect(optionNames(await mountReady())).to.deep.equal(SORTED);
  });

  it('does not remember a bank whose payment failed', async () => {
    merchantAnswering('failed');
    const element = await mountReady({ rememberBank: true });
    const failure = oneEvent(element, 'pay-by-bank-failure');
    await payWith(element, 'delta');
    await failure;
    expect(localStorage.getItem(KEY)).to.equal(null);
  });

  it('leaves an unavailable or unlisted remembered bank where it is', async () => {
    localStorage.setItem(KEY, 'closed');
    expect(optionNames(await mountReady({ rememberBank: true }))).to.deep.equal(SORTED);
    localStorage.setItem(KEY, 'gone');
    expect(optionNames(await mountReady({ rememberBank: true }))).to.deep.equal(SORTED);
  });
});
