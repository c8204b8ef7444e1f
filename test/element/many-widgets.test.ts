import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { FakeMerchant } from '../support/fake-merchant.js';
import { query, shown, setReturnParameter } from '../support/element.js';
import { browserEffects } from '../../src/element/browser-effects.js';
import type { PayByBank } from '../../src/element/pay-by-bank.js';

const ENDPOINT = new URL('/api/pay-by-bank', location.href).href;

async function twoWidgets(first: string, second: string, ids: [string, string] = ['', '']) {
  const page = await fixture<HTMLElement>(
    html`<div>
      <pay-by-bank
        id=${ids[0] || 'first'}
        endpoint="/api/pay-by-bank"
        checkout=${first}
        flow="redirect"
      ></pay-by-bank>
      <pay-by-bank
        id=${ids[1] || 'second'}
        endpoint="/api/pay-by-bank"
        checkout=${second}
        flow="redirect"
      ></pay-by-bank>
    </div>`,
  );
  const [a, b] = [...page.querySelectorAll('pay-by-bank')] as PayByBank[];
  if (!a || !b) throw new Error('two widgets expected');
  return [a, b] as const;
}

describe('<pay-by-bank> many widgets on one page', () => {
  let merchant: FakeMerchant;
  const testPage = location.href;
  beforeEach(() => {
    sessionStorage.clear();
    merchant = new FakeMerchant({ statuses: ['completed'] });
    sinon.stub(browserEffects, 'navigate');
  });
  afterEach(() => {
    merchant.restore();
    sinon.restore();
    history.replaceState(null, '', testPage);
  });

  it('share no state, saved attempt or event', async () => {
    const [a, b] = await twoWidgets('order-1', 'order-2');
    await shown(a, '[role="listbox"]');
    await shown(b, '[role="listbox"]');
    const heardByB: string[] = [];
    for (const name of ['pay-by-bank-select', 'pay-by-bank-redirect', 'pay-by-bank-status']) {
      b.addEventListener(name, () => heardByB.push(name));
    }
    query(a, '[data-bank-id="alpha"]').click();
    await a.updateComplete;
    const redirect = oneEvent(a, 'pay-by-bank-redirect');
    query<HTMLButtonElement>(a, 'button[type="submit"]').click();
    await redirect;
    expect(heardByB).to.deep.equal([]);
    expect(query(b, '[role="listbox"]')).to.exist;
    expect(b.shadowRoot?.querySelector('[aria-selected="true"]')).to.equal(null);
    const saved = Object.keys(sessionStorage).filter((key) =>
      key.startsWith('pay-by-bank:attempt:'),
    );
    expect(saved).to.deep.equal([`pay-by-bank:attempt:${ENDPOINT}|order-1#first`]);
  });

  it('on the return page, only the widget that made the payment takes it up', async () => {
    sessionStorage.setItem(
      `pay-by-bank:attempt:${ENDPOINT}|order-2#second`,
      JSON.stringify({
        paymentId: 'pay_42',
        idempotencyKey: 'k',
        bankId: 'alpha',
        flow: 'redirect',
        status: 'created',
      }),
    );
    setReturnParameter('pay_42');
    const successes: string[] = [];
    const record = (event: Event) => successes.push((event.target as HTMLElement).id);
    document.addEventListener('pay-by-bank-success', record);
    const [a, b] = await twoWidgets('order-1', 'order-2');
    await shown(b, '[part="status"]', 'Payment complete');
    await shown(a, '[role="listbox"]');
    document.removeEventListener('pay-by-bank-success', record);
    expect(successes).to.deep.equal(['second']);
    expect(new URL(location.href).searchParams.has('pay_by_bank_payment')).to.equal(false);
  });

  it('keeps two widgets for one checkout apart by their ids', async () => {
    const [a, b] = await twoWidgets('order-1', 'order-1', ['left', 'right']);
    await shown(a, '[role="listbox"]');
    await shown(b, '[role="listbox"]');
    query(b, '[data-bank-id="alpha"]').click();
    await b.updateComplete;
    const redirect = oneEvent(b, 'pay-by-bank-redirect');
    query<HTMLButtonElement>(b, 'button[type="submit"]').click();
    await redirect;
    const saved = Object.keys(sessionStorage).filter((key) =>
      key.startsWith('pay-by-bank:attempt:'),
    );
    expect(saved).to.deep.equal([`pay-by-bank:attempt:${ENDPOINT}|order-1#right`]);
  });
});
