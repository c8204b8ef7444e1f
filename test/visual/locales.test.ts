import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../support/setup.js';
import '../../src/element/define.js';
import type { PayByBankEventName } from '../../src/core/checkout-events.js';
import type { PayByBank } from '../../src/element/pay-by-bank.js';
import { FakeMerchant } from '../support/fake-merchant.js';
import type { FakeMerchantOptions } from '../support/fake-merchant.js';
import { payWith, query, shadow } from '../support/element.js';
import { BANKS, FONTS, expectLooksLike, useScreenshotPage } from './visual-support.js';

/**
 * The element in other words than English's (CONTRIBUTING.md): Arabic right to left (the bank
 * list, the step before the bank, the hand-off and the outcomes) and the two languages with the
 * longest words, German and Finnish, at 320 px, where nothing may stick out of the element.
 *
 * Each cell waits on the element's own signals, never on a timeout: the event of the step it
 * reaches (created before the step can happen), then `loadComplete`, which also waits for the lazy
 * catalog of the language and the chunk of the views after Pay. `updateComplete` alone resolves
 * while a first catalog is still on its way, on a wordless spinner.
 */

interface View {
  name: string;
  flow?: string;
  merchant?: FakeMerchantOptions;
  /** The event the element sends once it is in the view (the last step of `reach`). */
  event: PayByBankEventName;
  /** Pay, if the view is after Pay. */
  pays?: boolean;
}

const outcome = (
  name: string,
  status: 'completed' | 'failed' | 'cancelled',
  event: PayByBankEventName,
): View => ({
  name,
  event,
  pays: true,
  merchant: {
    authorizationUrl: null,
    statuses: [status],
    ...(status === 'failed'
      ? { error: { code: 'rejected', message: 'Declined.', retryable: true } }
      : {}),
  },
});

const VIEWS = {
  /** The bank list with a bank chosen: what the payer sees before the bank (payee, reference). */
  choose: { name: 'choose', event: 'pay-by-bank-ready' },
  redirecting: {
    name: 'redirecting',
    event: 'pay-by-bank-redirect',
    pays: true,
    merchant: { statuses: ['awaiting_authorisation'] },
  },
  popup: {
    name: 'popup',
    flow: 'popup',
    event: 'pay-by-bank-redirect',
    pays: true,
    merchant: { statuses: ['awaiting_authorisation'] },
  },
  qr: {
    name: 'qr',
    flow: 'qr',
    event: 'pay-by-bank-status',
    pays: true,
    merchant: { statuses: ['awaiting_authorisation'] },
  },
  success: outcome('success', 'completed', 'pay-by-bank-success'),
  failed: outcome('failed', 'failed', 'pay-by-bank-failure'),
  cancelled: outcome('cancelled', 'cancelled', 'pay-by-bank-cancel'),
} satisfies Record<string, View>;

interface Cell {
  locale: string;
  view: View;
  width: number;
  theme: 'light' | 'dark';
}

const CELLS: Cell[] = [
  ...[VIEWS.choose, VIEWS.redirecting, VIEWS.success, VIEWS.failed].flatMap((view) =>
    [320, 480].map((width): Cell => ({ locale: 'ar', view, width, theme: 'light' })),
  ),
  ...[VIEWS.choose, VIEWS.success].map((view): Cell => ({
    locale: 'ar',
    view,
    width: 480,
    theme: 'dark',
  })),
  ...['de', 'fi'].flatMap((locale) =>
    [VIEWS.choose, VIEWS.popup, VIEWS.qr, VIEWS.failed, VIEWS.cancelled, VIEWS.success].map(
      (view): Cell => ({ locale, view, width: 320, theme: 'light' }),
    ),
  ),
];

/** The element, its listener for `pay-by-bank-ready` attached before the banks can arrive. */
function mount(cell: Cell): { element: PayByBank; ready: Promise<Event> } {
  const element = fixtureSync<PayByBank>(
    html`<pay-by-bank
      endpoint="/api/pay-by-bank"
      checkout="order-123"
      amount="1200.00"
      currency="EUR"
      locale=${cell.locale}
      flow=${cell.view.flow ?? 'redirect'}
      theme=${cell.theme}
      style="--pay-by-bank-font-family: ${FONTS}"
    ></pay-by-bank>`,
  );
  return { element, ready: oneEvent(element, 'pay-by-bank-ready') };
}

async function reach(cell: Cell): Promise<PayByBank> {
  const { element, ready } = mount(cell);
  await ready;
  await element.loadComplete;
  if (cell.view.pays) {
    const next = oneEvent(element, cell.view.event);
    await payWith(element, 'nordhafen');
    await next;
  } else {
    query(element, '[data-bank-id="nordhafen"]').click();
  }
  await element.loadComplete;
  return element;
}

/** What sticks out of the element's box, or holds more than its own box shows. */
function overflowing(element: PayByBank): string[] {
  const base = query(element, '[part="base"]');
  const outer = base.getBoundingClientRect();
  const name = (part: Element) =>
    `<${part.localName}${part.getAttribute('part') ? ` part="${part.getAttribute('part')}"` : ''}${part.className && typeof part.className === 'string' ? ` class="${part.className}"` : ''}> "${(part.textContent ?? '').trim().slice(0, 40)}"`;
  const found: string[] = [];
  for (const part of [base, ...base.querySelectorAll('*')]) {
    const box = part.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.left < outer.left - 0.5 || box.right > outer.right + 0.5)
      found.push(
        `${name(part)} sticks out: ${box.left}..${box.right} of ${outer.left}..${outer.right}`,
      );
    if (part instanceof HTMLElement && part.clientWidth > 0 && part.scrollWidth > part.clientWidth)
      found.push(`${name(part)} is wider inside: ${part.scrollWidth} > ${part.clientWidth} px`);
  }
  return found;
}

describe('visual regression: right to left and long words', () => {
  const page = useScreenshotPage();

  for (const cell of CELLS) {
    const name = `${cell.locale}-${cell.view.name}-${cell.theme}-${cell.width}`;
    it(name, async () => {
      await executeServerCommand('visual-viewport', { width: cell.width, height: 1000 });
      page.merchant = new FakeMerchant({
        banks: BANKS,
        payee: 'Nordlicht Audio',
        reference: 'ORDER-123',
        ...cell.view.merchant,
      });
      const element = await reach(cell);
      expect(query(element, '[part="base"]').lang).to.equal(cell.locale);
      expect(shadow(element).querySelector('.spinner') === null || cell.view.pays).to.equal(true);
      if (cell.width === 320) expect(overflowing(element)).to.deep.equal([]);
      await expectLooksLike(element, name);
      if (cell.width === 480 || cell.locale !== 'ar') await expect(element).to.be.accessible();
    });
  }

  it('finds a part that sticks out (the check above can fail)', async () => {
    page.merchant = new FakeMerchant({ banks: BANKS });
    const element = await reach({ locale: 'de', view: VIEWS.choose, width: 320, theme: 'light' });
    const wide = document.createElement('span');
    wide.style.display = 'inline-block';
    wide.style.inlineSize = '2000px';
    wide.textContent = 'Zahlungsauslösedienstleister';
    query(element, '[part="bank-list"] .name').append(wide);
    expect(overflowing(element).join('\n')).to.contain('sticks out');
  });
});
