import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { FakeMerchant } from '../support/fake-merchant.js';
import { mountReady, payWith, query, settle } from '../support/element.js';
import { browserEffects } from '../../src/element/browser-effects.js';

describe('<pay-by-bank> layout', () => {
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

  it('fills the width of its container, down to 280 px', async () => {
    const element = await mountReady();
    const card = document.createElement('div');
    card.style.inlineSize = '466px';
    document.body.append(card);
    card.append(element);
    expect(element.getBoundingClientRect().width).to.equal(466);
    card.style.inlineSize = '200px';
    expect(element.getBoundingClientRect().width).to.equal(280);
    card.remove();
  });

  it('keeps the height of the bank list when the list gives way to progress', async () => {
    const element = await mountReady();
    const base = query(element, '[part="base"]');
    const listHeight = base.getBoundingClientRect().height;
    const redirect = oneEvent(element, 'pay-by-bank-redirect');
    await payWith(element, 'alpha');
    await redirect;
    await settle(element);
    expect(query(element, '.spinner')).to.exist;
    expect(base.getBoundingClientRect().height).to.equal(listHeight);
  });

  it('drops its frame when frameless, or with --pay-by-bank-border-width: 0', async () => {
    const element = await mountReady();
    const base = query(element, '[part="base"]');
    expect(getComputedStyle(base).borderTopWidth).to.equal('1px');
    element.style.setProperty('--pay-by-bank-border-width', '0');
    expect(getComputedStyle(base).borderTopWidth).to.equal('0px');
    element.style.removeProperty('--pay-by-bank-border-width');
    element.frameless = true;
    await element.updateComplete;
    expect(element.hasAttribute('frameless')).to.equal(true);
    expect(getComputedStyle(base).borderTopWidth).to.equal('0px');
  });
});
