import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { FakeMerchant } from '../support/fake-merchant.js';
import { mountReady, payWith, press, query, shadow, shown } from '../support/element.js';
import { browserEffects } from '../../src/element/browser-effects.js';
import type { PayByBank } from '../../src/element/pay-by-bank.js';

/** What WCAG 2.2 (2.5.8, AA) asks of a pointer target: at least 24 by 24 CSS pixels. */
const MINIMUM_TARGET = 24;

function targets(element: PayByBank): HTMLElement[] {
  return [
    ...shadow(element).querySelectorAll<HTMLElement>(
      'button, input, select, a[href], [role="option"], [role="listbox"]',
    ),
  ];
}

function expectTargetsAtLeast24(element: PayByBank, view: string) {
  const found = targets(element);
  expect(found.length, `${view}: something to press`).to.be.greaterThan(0);
  for (const target of found) {
    const { width, height } = target.getBoundingClientRect();
    const name = `${view}: ${target.tagName.toLowerCase()} “${target.textContent?.trim() ?? ''}”`;
    expect(width, `${name} width`).to.be.at.least(MINIMUM_TARGET);
    expect(height, `${name} height`).to.be.at.least(MINIMUM_TARGET);
  }
}

describe('<pay-by-bank> before the hand-off (UK Open Banking CEG, WCAG 2.2 AA)', () => {
  let merchant: FakeMerchant;

  beforeEach(() => {
    sessionStorage.clear();
    sinon.stub(browserEffects, 'navigate');
  });
  afterEach(() => {
    merchant.restore();
    sinon.restore();
  });

  it('shows amount, currency, payee, reference and the chosen bank on the step before the bank', async () => {
    merchant = new FakeMerchant({ payee: 'Nordlicht Audio', reference: 'ORDER-123' });
    const element = await mountReady({ amount: '1200.00', currency: 'EUR', locale: 'en-GB' });
    // en-GB's catalog loads first.
    (await shown(element, '[data-bank-id="alpha"]')).click();
    await element.updateComplete;
    expect(merchant.creates).to.have.length(0);

    const rows = [...query(element, '[part="summary"]').querySelectorAll('div')].map((row) => [
      row.querySelector('dt')?.textContent?.trim(),
      row.querySelector('dd')?.textContent?.trim(),
    ]);
    expect(rows).to.deep.equal([
      ['Payee', 'Nordlicht Audio'],
      ['Reference', 'ORDER-123'],
    ]);
    const pay = query<HTMLButtonElement>(element, 'button[type="submit"]');
    expect(pay.textContent?.trim()).to.equal('Pay €1,200.00 with Alpha Bank');
    expect(pay.disabled).to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('leaves out what the server does not know rather than showing it empty', async () => {
    merchant = new FakeMerchant({ reference: 'ORDER-123' });
    const element = await mountReady();
    const terms = [...query(element, '[part="summary"]').querySelectorAll('dt')];
    expect(terms.map((term) => term.textContent?.trim())).to.deep.equal(['Reference']);
  });

  it('gives every control of the bank list, the outcome and the error a 24 x 24 px target at 320 px', async () => {
    merchant = new FakeMerchant({
      authorizationUrl: null,
      statuses: ['failed'],
      error: { code: 'rejected', message: 'Your bank declined the payment.', retryable: true },
    });
    const element = await mountReady();
    element.style.inlineSize = '320px';
    await element.updateComplete;
    expectTargetsAtLeast24(element, 'bank list');

    const failure = oneEvent(element, 'pay-by-bank-failure');
    await payWith(element, 'alpha');
    await failure;
    await shown(element, '.outcome-failed button');
    expectTargetsAtLeast24(element, 'failed');

    query<HTMLButtonElement>(element, '.outcome-failed button').click();
    await shown(element, '[role="listbox"]');
    merchant.failNext('http500');
    await payWith(element, 'alpha');
    await shown(element, '[part="error"] button');
    expectTargetsAtLeast24(element, 'error');
  });

  it('never hides the active bank: keys scroll it wholly into the list', async () => {
    const many = Array.from({ length: 30 }, (_, index) => ({
      id: `bank-${index}`,
      name: `Bank ${String(index).padStart(2, '0')}`,
      country: 'DE',
      status: 'available' as const,
    }));
    merchant = new FakeMerchant({ banks: many });
    const element = await mountReady();
    const list = query(element, '[role="listbox"]');
    list.focus();
    for (let step = 0; step < 25; step++) {
      press(list, 'ArrowDown');
      await element.updateComplete;
    }
    press(list, 'End');
    await element.updateComplete;
    const active = query(element, '[role="option"].active');
    expect(list.getAttribute('aria-activedescendant')).to.equal(active.id);
    const box = list.getBoundingClientRect();
    const option = active.getBoundingClientRect();
    expect(option.top).to.be.at.least(box.top);
    expect(option.bottom).to.be.at.most(box.bottom);
    expect(list.scrollTop).to.be.greaterThan(0);

    press(list, 'Home');
    await element.updateComplete;
    const first = query(element, '[role="option"].active').getBoundingClientRect();
    expect(first.top).to.be.at.least(list.getBoundingClientRect().top);
  });

  it('gives the phone its steps beside the QR code', async () => {
    merchant = new FakeMerchant({ statuses: ['awaiting_authorisation'] });
    const element = await mountReady({ flow: 'qr' });
    await payWith(element, 'alpha');
    await shown(element, '[part="qr"]');
    const steps = [...shadow(element).querySelectorAll('ol.steps li')].map((step) =>
      step.textContent?.trim(),
    );
    expect(steps).to.deep.equal([
      'Point your phone camera at the code to open Alpha Bank and approve the payment.',
      'Keep this page open: it moves on by itself once your bank confirms.',
    ]);
    expectTargetsAtLeast24(element, 'qr');
    await expect(element).to.be.accessible();
  });
});
