import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { FakeMerchant, UPI_BANK } from '../support/fake-merchant.js';
import {
  flushIo,
  mount,
  mountReady,
  payWith,
  query,
  settle,
  setReturnParameter,
} from '../support/element.js';
import { browserEffects } from '../../src/element/browser-effects.js';
import type { PayByBank } from '../../src/element/pay-by-bank.js';

for (const theme of ['light', 'dark'] as const) {
  describe(`<pay-by-bank> is accessible (${theme})`, () => {
    let merchant: FakeMerchant;
    const testPage = location.href;

    beforeEach(() => {
      sessionStorage.clear();
      merchant = new FakeMerchant();
      sinon.stub(browserEffects, 'navigate');
      sinon.stub(console, 'error');
      document.body.style.background = theme === 'dark' ? '#000' : '#fff';
    });
    afterEach(() => {
      merchant.restore();
      sinon.restore();
      history.replaceState(null, '', testPage);
    });

    it('while loading banks', async () => {
      merchant.failNext('hang');
      const element = await mount({ theme });
      await expect(element).to.be.accessible();
    });

    it('with the bank list, a bank selected and payer fields with a problem', async () => {
      merchant.options.banks = [...merchant.options.banks, UPI_BANK];
      const element = await mountReady({ theme });
      await expect(element).to.be.accessible();
      query(element, '[data-bank-id="upi"]').click();
      await element.updateComplete;
      query<HTMLButtonElement>(element, 'button[type="submit"]').click();
      await settle(element);
      await expect(element).to.be.accessible();
    });

    it('while creating and redirecting', async () => {
      const element = await mountReady({ theme });
      merchant.failNext('hang');
      await payWith(element, 'alpha');
      await element.updateComplete;
      expect(query(element, '[part="status"]').textContent).to.contain('Preparing');
      await expect(element).to.be.accessible();
    });

    it('while tracking the status', async () => {
      merchant.options.statuses = ['processing'];
      setReturnParameter('pay_1');
      const element = await mount({ theme });
      await flushIo(element);
      await expect(element).to.be.accessible();
    });

    for (const status of ['completed', 'failed', 'cancelled', 'expired'] as const) {
      it(`on the ${status} outcome`, async () => {
        merchant.options.statuses = [status];
        setReturnParameter(`pay_${status}`);
        const element = await mount({ theme });
        await settle(element);
        await expect(element).to.be.accessible();
      });
    }

    it('on a retryable server error', async () => {
      merchant.failNext('http500');
      const element = await mount({ theme });
      await settle(element);
      expect(query(element, '[part="error"]')).to.exist;
      await expect(element).to.be.accessible();
    });

    it('on a configuration error', async () => {
      const element = await fixture<PayByBank>(html`<pay-by-bank theme=${theme}></pay-by-bank>`);
      await expect(element).to.be.accessible();
    });
  });
}

describe('<pay-by-bank> keyboard only', () => {
  let merchant: FakeMerchant;
  beforeEach(() => {
    sessionStorage.clear();
    merchant = new FakeMerchant();
  });
  afterEach(() => {
    merchant.restore();
    sinon.restore();
  });

  it('pays with arrows and Enter, and moves focus to the outcome', async () => {
    merchant.options.authorizationUrl = null;
    merchant.options.statuses = ['completed'];
    const element = await mountReady();
    const list = query(element, '[role="listbox"]');
    list.focus();
    list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    list.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await oneEvent(element, 'pay-by-bank-success');
    // The outcome view may still be on its way as a lazy chunk when the event fires.
    await element.loadComplete;
    expect(element.shadowRoot?.activeElement?.textContent).to.contain('Payment complete');
  });

  it('applies the dark theme through the custom properties', async () => {
    const element = await mountReady({ theme: 'dark' });
    const background = getComputedStyle(query(element, '[part="base"]')).backgroundColor;
    expect(background).to.equal('rgb(17, 24, 39)');
    element.theme = 'light';
    await element.updateComplete;
    expect(getComputedStyle(query(element, '[part="base"]')).backgroundColor).to.equal(
      'rgb(255, 255, 255)',
    );
    element.style.setProperty('--pay-by-bank-color-background', 'rgb(1, 2, 3)');
    expect(getComputedStyle(query(element, '[part="base"]')).backgroundColor).to.equal(
      'rgb(1, 2, 3)',
    );
  });
});
