import { expect, oneEvent } from '@open-wc/testing';
import '../support/setup.js';
import { mount, mountReady, payWith, query } from '../support/element.js';
import type { PayByBank } from '../../src/element/pay-by-bank.js';

/**
 * The element against the real server kit and provider sandbox (mounted by the test runner's dev
 * server, as `npm start` mounts them). The test plays the payer at the sandbox bank over HTTP.
 */

type Decision = 'approve' | 'reject' | 'cancel';

/** Leaves for the bank (the page takes over navigation) and returns the authorization URL. */
async function createPayment(
  element: PayByBank,
): Promise<{ paymentId: string; authorizationUrl: string }> {
  element.addEventListener('pay-by-bank-redirect', (event) => event.preventDefault(), {
    once: true,
  });
  const redirect = oneEvent(element, 'pay-by-bank-redirect');
  const firstBank = query(element, '[role="option"][aria-disabled="false"]').dataset.bankId ?? '';
  await payWith(element, firstBank);
  return (await redirect).detail;
}

/** What a payer does at the sandbox bank: submit its form with a decision; returns where it lands. */
async function decideAtBank(authorizationUrl: string, decision: Decision): Promise<URL> {
  const page = new DOMParser().parseFromString(
    await (await fetch(authorizationUrl)).text(),
    'text/html',
  );
  const form = page.querySelector('form');
  if (!form) throw new Error('the sandbox bank page has no form');
  const body = new URLSearchParams();
  for (const input of form.querySelectorAll<HTMLInputElement>(
    'input[type="hidden"], input:checked',
  )) {
    body.set(input.name, input.value);
  }
  body.set('decision', decision);
  const landed = await fetch(new URL(form.getAttribute('action') ?? '', authorizationUrl), {
    method: 'POST',
    body,
  });
  return new URL(landed.url);
}

function returnTo(landing: URL) {
  history.replaceState(null, '', `${location.pathname}${landing.search}`);
}

for (const provider of ['aiia-pay', 'mastercard-open-finance']) {
  describe(`<pay-by-bank> with the server kit and the ${provider} sandbox`, () => {
    const testPage = location.href;
    before(() => {
      document.cookie = `pay_by_bank_provider=${provider}; path=/`;
    });
    beforeEach(() => sessionStorage.clear());
    afterEach(() => history.replaceState(null, '', testPage));

    it('lists the sandbox banks with a popular one first', async () => {
      const element = await mountReady({ country: 'DE' });
      const first = query(element, '[role="option"]');
      expect(first.textContent).to.contain('Popular');
    });

    const outcomes: Array<[Decision, string]> = [
      ['approve', 'pay-by-bank-success'],
      ['reject', 'pay-by-bank-failure'],
      ['cancel', 'pay-by-bank-cancel'],
    ];
    for (const [decision, event] of outcomes) {
      it(`"${decision}" at the bank ends with ${event} on the return page`, async () => {
        const element = await mountReady({ country: 'DE' });
        const { paymentId, authorizationUrl } = await createPayment(element);
        expect(paymentId).to.match(/^[A-Za-z0-9_-]{22,}$/);

        const landing = await decideAtBank(authorizationUrl, decision);
        expect(landing.searchParams.get('pay_by_bank_payment')).to.equal(paymentId);
        element.remove();
        returnTo(landing);
        const returned = await mount({ country: 'DE' });
        const outcome = await oneEvent(returned, event);
        expect(outcome.detail.paymentId).to.equal(paymentId);
        if (event === 'pay-by-bank-success') {
          expect(outcome.detail.amount).to.deep.equal({ value: '42.00', currency: 'EUR' });
          expect(outcome.detail.reference).to.equal('ORDER-123');
        }
      });
    }
  });
}
