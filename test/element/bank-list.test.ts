import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { BANKS, FakeMerchant, UPI_BANK } from '../support/fake-merchant.js';
import {
  mount,
  mountReady,
  optionNames,
  options,
  press,
  query,
  settle,
  shadow,
  shown,
} from '../support/element.js';
import { browserEffects } from '../../src/element/browser-effects.js';
import type { PayByBank } from '../../src/element/pay-by-bank.js';

describe('<pay-by-bank> bank list', () => {
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

  it('loads the banks from ENDPOINT/banks and announces them with pay-by-bank-ready', async () => {
    const element = await mount({ country: 'NL' });
    const ready = await oneEvent(element, 'pay-by-bank-ready');
    expect(ready.detail).to.deep.equal({ country: 'NL', banks: BANKS.length });
    expect(ready.bubbles && ready.composed).to.equal(true);
    const [request] = merchant.requestsTo('/banks');
    expect(request?.url.pathname).to.equal('/api/pay-by-bank/banks');
    expect(request?.url.searchParams.get('country')).to.equal('NL');
  });

  it('lists popular banks first, then by name', async () => {
    const element = await mountReady();
    expect(optionNames(element)).to.deep.equal([
      'Alpha Bank',
      'Bravo Sparkasse',
      'Closed Bank',
      'Delta Bank',
      'Société Générale',
    ]);
  });

  it('searches ignoring case and accents', async () => {
    const element = await mountReady();
    const search = query<HTMLInputElement>(element, '[part="search"]');
    search.value = 'SOCIETE gen';
    search.dispatchEvent(new Event('input'));
    await element.updateComplete;
    expect(optionNames(element)).to.deep.equal(['Société Générale']);
    expect(query(element, '[role="status"]').textContent).to.contain('1 bank');

    search.value = 'zzz';
    search.dispatchEvent(new Event('input'));
    await element.updateComplete;
    expect(options(element)).to.have.length(0);
    expect(query(element, '[role="status"]').textContent).to.contain('No bank matches “zzz”');
  });

  it('shows unavailable banks disabled with the reason, and marks degraded ones', async () => {
    const element = await mountReady();
    const closed = query(element, '[data-bank-id="closed"]');
    expect(closed.getAttribute('aria-disabled')).to.equal('true');
    expect(closed.textContent).to.contain('Unavailable right now');
    closed.click();
    await element.updateComplete;
    expect(closed.getAttribute('aria-selected')).to.equal('false');
    expect(query<HTMLButtonElement>(element, '[part="button"]').disabled).to.equal(true);
    expect(query(element, '[data-bank-id="bravo"]').textContent).to.contain('May be slow');
  });

  it('falls back to initials when a logo is absent or fails to load', async () => {
    const element = await mountReady();
    expect(query(element, '[data-bank-id="alpha"] .logo').textContent).to.equal('AB');
    const broken = query<HTMLImageElement>(element, '[data-bank-id="delta"] img');
    broken.dispatchEvent(new Event('error'));
    await element.updateComplete;
    expect(query(element, '[data-bank-id="delta"] .logo').tagName).to.equal('SPAN');
    expect(query(element, '[data-bank-id="delta"] .logo').textContent).to.equal('DB');
  });

  it('never loads a logo from a javascript: URL', async () => {
    merchant.options.banks = [
      {
        id: 'evil',
        name: 'Evil Bank',
        country: 'DE',
        status: 'available',
        logo: 'javascript:alert(1)',
      },
    ];
    const element = await mountReady();
    expect(shadow(element).querySelector('img')).to.equal(null);
  });

  it('switches country from the countries the server offers', async () => {
    const element = await mountReady();
    const select = query<HTMLSelectElement>(element, 'select');
    expect([...select.options].map((option) => option.value)).to.deep.equal(['DE', 'NL']);
    select.value = 'NL';
    select.dispatchEvent(new Event('change'));
    const ready = await oneEvent(element, 'pay-by-bank-ready');
    expect(ready.detail.country).to.equal('NL');
    expect(merchant.requestsTo('/banks').at(-1)?.url.searchParams.get('country')).to.equal('NL');
  });

  it('picks a bank with the mouse and tells the page', async () => {
    const element = await mountReady();
    setTimeout(() => query(element, '[data-bank-id="sg"]').click());
    const selected = await oneEvent(element, 'pay-by-bank-select');
    expect(selected.detail).to.deep.equal({
      bank: { id: 'sg', name: 'Société Générale', country: 'DE' },
    });
    await element.updateComplete;
    expect(query(element, '[part="button"]').textContent).to.contain(
      'Pay €42.00 with Société Générale',
    );
  });

  it('follows the listbox keyboard pattern: arrows, Home, End, type-ahead', async () => {
    const element = await mountReady();
    const list = query(element, '[role="listbox"]');
    const selected = () => query(element, '[aria-selected="true"]').dataset.bankId;
    const active = () => list.getAttribute('aria-activedescendant');
    press(list, 'ArrowDown');
    await element.updateComplete;
    expect(selected()).to.equal('alpha');
    expect(active()).to.match(/-bank-alpha$/);
    press(list, 'ArrowDown');
    await element.updateComplete;
    expect(selected()).to.equal('bravo');
    press(list, 'End');
    await element.updateComplete;
    expect(selected()).to.equal('sg');
    press(list, 'Home');
    await element.updateComplete;
    expect(selected()).to.equal('alpha');
    press(list, 'd');
    await element.updateComplete;
    expect(selected()).to.equal('delta');
    press(list, 'ArrowUp');
    await element.updateComplete;
    // Closed Bank is active (its reason is read out) but cannot be selected.
    expect(active()).to.match(/-bank-closed$/);
    expect(selected()).to.equal('delta');
  });

  it('moves from the search field into the list with ArrowDown', async () => {
    const element = await mountReady();
    const search = query(element, '[part="search"]');
    search.focus();
    press(search, 'ArrowDown');
    await element.updateComplete;
    expect(shadow(element).activeElement).to.equal(query(element, '[role="listbox"]'));
    expect(query(element, '[aria-selected="true"]').dataset.bankId).to.equal('alpha');
  });

  it('sends the checkout with the bank request and shows the bill summary the server returns', async () => {
    merchant.options.summary = [
      { label: 'Customer', value: 'A. Payer' },
      { label: 'Due', value: '30 Nov 2026' },
      { label: 'Broken', value: '' },
    ];
    const element = await mountReady();
    expect(merchant.requestsTo('/banks')[0]?.url.searchParams.get('checkout')).to.equal(
      'order-123',
    );
    const summary = query(element, '[part="summary"]');
    expect([...summary.querySelectorAll('dt')].map((term) => term.textContent)).to.deep.equal([
      'Customer',
      'Due',
    ]);
    expect(summary.querySelector('dd')?.textContent).to.equal('A. Payer');
    await expect(element).to.be.accessible();
  });

  for (const [locale, amount, date, payee] of [
    ['en-IN', '₹1,200.00', '11 Dec 2026', 'Payee'],
    ['de', '1.200,00 ₹', '11.12.2026', 'Empfänger'],
  ] as const) {
    it(`formats typed summary values and shows the payee in ${locale}`, async () => {
      merchant.options.payee = 'Nordlicht Audio';
      merchant.options.summary = [
        { label: 'Amount due', value: '1200.00', type: 'money', currency: 'INR' },
        { label: 'Due date', value: '2026-12-11', type: 'date' },
        { label: 'Bill period', value: 'Monthly' },
      ];
      const element = await mountReady({ locale });
      // The catalog of a language other than English loads first.
      const summary = await shown(element, '[part="summary"]');
      const rows = [...summary.querySelectorAll('div')].map((row) => [
        row.querySelector('dt')?.textContent?.trim(),
        row.querySelector('dd')?.textContent?.trim().replace(/\s/g, ' '),
      ]);
      expect(rows).to.deep.equal([
        [payee, 'Nordlicht Audio'],
        ['Amount due', amount],
        ['Due date', date],
        ['Bill period', 'Monthly'],
      ]);
    });
  }

  it('preselects the bank named by the bank attribute', async () => {
    const element = await mountReady({ bank: 'bravo' });
    expect(query(element, '[aria-selected="true"]').dataset.bankId).to.equal('bravo');
  });

  it('shows only the first 100 banks of a long list and says how to narrow it', async () => {
    merchant.options.banks = Array.from({ length: 250 }, (_, index) => ({
      id: `bank-${index}`,
      name: `Bank ${String(index).padStart(3, '0')}`,
      country: 'DE',
      status: 'available' as const,
    }));
    const element = await mountReady();
    expect(options(element)).to.have.length(100);
    expect(query(element, '[role="status"]').textContent).to.contain('Showing 100 of 250');
  });

  describe('a long list', () => {
    beforeEach(() => {
      merchant.options.banks = Array.from({ length: 250 }, (_, index) => ({
        id: `bank-${index}`,
        name: `Bank ${String(index).padStart(3, '0')}`,
        country: 'DE',
        status: 'available' as const,
      }));
    });

    /** How many options the shadow root had when options first appeared in it, and the summary then. */
    async function firstFrameOptions(bank?: string): Promise<{ first: number; summary: string }> {
      const element = document.createElement('pay-by-bank') as PayByBank;
      Object.assign(element, { endpoint: '/api/pay-by-bank', amount: '42.00', currency: 'EUR' });
      if (bank) element.bank = bank;
      document.body.append(element);
      try {
        const root = shadow(element);
        const shown = await new Promise<{ first: number; summary: string }>((resolve) => {
          const observer = new MutationObserver(() => {
            const first = root.querySelectorAll('[role="option"]').length;
            if (first === 0) return;
            observer.disconnect();
            resolve({ first, summary: query(element, '[role="status"]').textContent ?? '' });
          });
          observer.observe(root, { childList: true, subtree: true });
        });
        await element.updateComplete;
        expect(options(element)).to.have.length(100);
        return shown;
      } finally {
        element.remove();
      }
    }

    it('renders its first 20 options in the first frame and the rest after it is painted', async () => {
      const { first, summary } = await firstFrameOptions();
      expect(first).to.equal(20);
      // The count the payer hears is the whole list's from the start.
      expect(summary).to.contain('Showing 100 of 250');
    });

    it('renders every option at once when the chosen bank is further down', async () => {
      const { first } = await firstFrameOptions('bank-50');
      expect(first).to.equal(100);
    });

    it('renders every option at once on a hidden page, which paints no frame', async () => {
      sinon.stub(document, 'visibilityState').get(() => 'hidden');
      const { first } = await firstFrameOptions();
      expect(first).to.equal(100);
    });
  });

  it('asks for payer fields and validates them before paying', async () => {
    merchant.options.banks = [UPI_BANK];
    const element = await mountReady();
    query(element, '[data-bank-id="upi"]').click();
    await element.updateComplete;
    const input = query<HTMLInputElement>(element, 'input[name="vpa"]');
    query<HTMLButtonElement>(element, 'button[type="submit"]').click();
    await settle(element);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(query(element, '.field-problem').textContent).to.contain('Enter your UPI ID');
    expect(merchant.creates).to.have.length(0);

    input.value = 'not a vpa';
    input.dispatchEvent(new Event('input'));
    query<HTMLButtonElement>(element, 'button[type="submit"]').click();
    await settle(element);
    expect(query(element, '.field-problem').textContent).to.contain('not in the expected format');
    expect(merchant.creates).to.have.length(0);

    query<HTMLInputElement>(element, 'input[name="vpa"]').value = 'payer@okbank';
    query(element, 'input[name="vpa"]').dispatchEvent(new Event('input'));
    query<HTMLButtonElement>(element, 'button[type="submit"]').click();
    await settle(element);
    expect(merchant.creates).to.have.length(1);
    expect((merchant.creates[0]?.body as { payer: unknown }).payer).to.deep.equal({
      vpa: 'payer@okbank',
    });
  });

  it('Enter on a bank with fields moves to its first field instead of paying', async () => {
    merchant.options.banks = [UPI_BANK];
    const element = await mountReady();
    const list = query(element, '[role="listbox"]');
    press(list, 'ArrowDown');
    press(list, 'Enter');
    await settle(element);
    expect(shadow(element).activeElement).to.equal(query(element, 'input[name="vpa"]'));
    expect(merchant.creates).to.have.length(0);
  });

  it('is disabled entirely by the disabled attribute', async () => {
    const element = await mountReady();
    element.disabled = true;
    await element.updateComplete;
    expect(query<HTMLInputElement>(element, '[part="search"]').disabled).to.equal(true);
    query(element, '[data-bank-id="alpha"]').click();
    press(query(element, '[role="listbox"]'), 'ArrowDown');
    await element.updateComplete;
    expect(shadow(element).querySelector('[aria-selected="true"]')).to.equal(null);
    await element.start();
    expect(merchant.creates).to.have.length(0);
  });
});
