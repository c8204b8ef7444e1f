import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { FakeMerchant } from '../support/fake-merchant.js';
import { mountReady, query, setReturnParameter, mount, shown } from '../support/element.js';
import { browserEffects } from '../../src/element/browser-effects.js';
import type { PayByBank } from '../../src/element/pay-by-bank.js';
import { styles } from '../../src/element/styles.js';
import { paymentStyles } from '../../src/element/views/payment-styles.js';
import { loadCatalog } from '../../src/locales/index.js';

/**
 * Arabic lays the element out right to left (docs/architecture.md, "Languages"): checked on the
 * computed layout in Chromium, where a mirrored part must sit.
 */

const box = (element: PayByBank, selector: string) =>
  query(element, selector).getBoundingClientRect();

describe('<pay-by-bank locale="ar"> reads right to left', () => {
  let merchant: FakeMerchant;
  const testPage = location.href;

  beforeEach(() => {
    sessionStorage.clear();
    merchant = new FakeMerchant({ summary: [{ label: 'رقم الفاتورة', value: 'INV-2041' }] });
    sinon.stub(browserEffects, 'navigate');
  });
  afterEach(() => {
    merchant.restore();
    sinon.restore();
    history.replaceState(null, '', testPage);
  });

  async function arabic(): Promise<PayByBank> {
    const element = await mountReady({ locale: 'ar' });
    const { searchLabel } = await loadCatalog('ar');
    await shown(element, 'label[for$="-search"]', searchLabel);
    return element;
  }

  it('mirrors the bank list: labels and text start on the right, each logo right of its name', async () => {
    const element = await arabic();
    element.style.inlineSize = '360px';
    const base = query(element, '[part="base"]');
    expect(base.dir).to.equal('rtl');
    expect(getComputedStyle(base).direction).to.equal('rtl');
    const outer = base.getBoundingClientRect();
    const label = query(element, 'label[for$="-search"]');
    const range = document.createRange();
    range.selectNodeContents(label);
    const words = range.getBoundingClientRect();
    // The label's words hug the right edge (less its padding), not the left one.
    expect(outer.right - words.right).to.be.below(20);
    expect(words.left - outer.left).to.be.above(60);
    const logo = box(element, '[data-bank-id="alpha"] .logo');
    const name = box(element, '[data-bank-id="alpha"] .name');
    expect(logo.left).to.be.at.least(name.right);
    // The summary's label on the right, its value on the left.
    expect(box(element, '[part="summary"] dt').left).to.be.above(
      box(element, '[part="summary"] dd').right,
    );
    await expect(element).to.be.accessible();
  });

  it('keeps ids and amounts left to right inside Arabic sentences', async () => {
    const element = await arabic();
    expect(query(element, '[part="summary"] dd').getAttribute('dir')).to.equal('auto');
    query(element, '[data-bank-id="alpha"]').click();
    await element.updateComplete;
    const pay = query(element, 'button[type="submit"]').textContent ?? '';
    // Amount and bank name are isolated (U+2068 … U+2069), so "Alpha Bank" keeps its order.
    expect(pay).to.contain('\u2068Alpha Bank\u2069');
    expect(pay).to.match(/\u2068[^\u2069]*42[^\u2069]*\u2069/);
  });

  it('shows the reference of a completed payment left to right', async () => {
    merchant.options.statuses = ['completed'];
    setReturnParameter('pay_rtl');
    const element = await mount({ locale: 'ar' });
    const { successTitle } = await loadCatalog('ar');
    const outcome = await shown(element, '[part="status"]', successTitle);
    expect(query(element, '[part="base"]').dir).to.equal('rtl');
    // In the receipt: each value isolated (<bdi>), so an id reads left to right on a right-to-left page.
    const reference = [...outcome.querySelectorAll('dd bdi')].find((value) =>
      value.textContent?.includes('INV'),
    );
    expect(reference, 'the reference in the receipt').to.exist;
    expect(getComputedStyle(reference as Element).direction).to.equal('ltr');
  });

  it('styles by logical sides only, so every rule mirrors by itself', () => {
    const physical =
      /(?:^|[\s;{])(?:left|right|(?:margin|padding|border)-(?:left|right)[\w-]*|float|text-align:\s*(?:left|right))\s*:/;
    for (const sheet of [styles, paymentStyles]) {
      expect(sheet.cssText).not.to.match(physical);
      expect(sheet.cssText).not.to.match(/text-align:\s*(?:left|right)/);
    }
  });
});
