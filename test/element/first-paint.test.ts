import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { FakeMerchant } from '../support/fake-merchant.js';
import { mountReady, options } from '../support/element.js';
import { browserEffects } from '../../src/element/browser-effects.js';

// The test page loads hundreds of modules; the default buffer of 250 entries would drop the ones asked for.
performance.setResourceTimingBufferSize(5000);

/** The modules this page has requested so far whose path contains `part`. */
const requested = (part: string) =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.includes(part));

const painted = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * What comes after Pay loads while the bank list is shown, never before its first paint
 * (docs/architecture.md, "The element's first paint"). Its own file: the page must not have loaded
 * the payment views for an earlier test.
 */
describe('<pay-by-bank> first paint', () => {
  let merchant: FakeMerchant;

  beforeEach(() => {
    sessionStorage.clear();
    merchant = new FakeMerchant();
    sinon.stub(browserEffects, 'navigate');
  });
  afterEach(() => {
    merchant.restore();
    sinon.restore();
  });

  it('renders the list before it asks for the payment chunks, then asks for them', async () => {
    const element = await mountReady();
    expect(options(element).length).to.be.greaterThan(0);
    // The options are in the shadow root; their first paint is still to come.
    const listRenderedAt = performance.now();
    await painted();
    const asked = () => requested('payment-views').length && requested('payment-session').length;
    for (let tries = 0; !asked() && tries < 100; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const [views] = requested('payment-views');
    const [session] = requested('payment-session');
    expect(views?.startTime).to.be.greaterThan(listRenderedAt);
    expect(session?.startTime).to.be.greaterThan(listRenderedAt);
  });
});
