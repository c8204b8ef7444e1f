import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../support/setup.js';
import '../../src/element/define.js';
import type { PayByBank } from '../../src/element/pay-by-bank.js';
import { FakeMerchant } from '../support/fake-merchant.js';
import { payWith, shadow, shown } from '../support/element.js';
import { BANKS, FONTS, expectLooksLike, useScreenshotPage } from './visual-support.js';

/**
 * Every view of the element, light and dark, at 320, 480 and 768 px, against the PNGs in
 * test/visual/baselines/ (CONTRIBUTING.md); test/visual/locales.test.ts does right to left and long
 * words.
 */

const WIDTHS = [320, 480, 768] as const;
const THEMES = ['light', 'dark'] as const;

interface View {
  name: string;
  merchant?: ConstructorParameters<typeof FakeMerchant>[0];
  flow?: string;
  endpoint?: string;
  /** From the first render to the view. */
  reach(element: PayByBank, merchant: FakeMerchant): Promise<unknown>;
}

const pay = async (element: PayByBank) => {
  await oneEvent(element, 'pay-by-bank-ready');
  await element.updateComplete;
  await payWith(element, 'nordhafen');
};

const VIEWS: View[] = [
  {
    name: 'loading',
    merchant: {},
    // The spinner is there before the words too: wait for the en-GB catalog, which says "Loading".
    async reach(element) {
      await element.loadComplete;
      await shown(element, '.spinner');
    },
  },
  {
    name: 'choose',
    merchant: { payee: 'Nordlicht Audio', reference: 'ORDER-123' },
    async reach(element) {
      await oneEvent(element, 'pay-by-bank-ready');
      await element.updateComplete;
      shadow(element).querySelector<HTMLElement>('[data-bank-id="nordhafen"]')?.click();
      await element.updateComplete;
    },
  },
  {
    name: 'error',
    merchant: {},
    reach: (element) => shown(element, '[part="error"] button'),
  },
  {
    name: 'redirecting',
    merchant: { statuses: ['awaiting_authorisation'] },
    async reach(element) {
      await pay(element);
      await shown(element, '[part="status"]', 'Taking you to');
    },
  },
  {
    name: 'popup',
    flow: 'popup',
    merchant: { statuses: ['awaiting_authorisation'] },
    async reach(element) {
      await pay(element);
      await shown(element, '[part="status"] button');
    },
  },
  {
    name: 'qr',
    flow: 'qr',
    merchant: { statuses: ['awaiting_authorisation'] },
    async reach(element) {
      await pay(element);
      await shown(element, '[part="qr"]');
    },
  },
  ...(
    [
      ['success', 'completed', '.receipt'],
      ['failed', 'failed', '.outcome-failed button'],
      ['cancelled', 'cancelled', '.outcome-cancelled button'],
      ['expired', 'expired', '.outcome-expired button'],
    ] as const
  ).map(([name, status, selector]): View => ({
    name,
    merchant: {
      authorizationUrl: null,
      statuses: [status],
      ...(status === 'failed'
        ? {
            error: {
              code: 'rejected',
              message: 'Your bank declined the payment.',
              retryable: true,
            },
          }
        : {}),
    },
    async reach(element) {
      await pay(element);
      await shown(element, selector);
    },
  })),
  {
    name: 'not-set-up',
    endpoint: 'javascript:alert(1)',
    reach: (element) => shown(element, '[part="error"]'),
  },
];

async function mountFor(view: View, theme: string): Promise<PayByBank> {
  return fixture<PayByBank>(
    html`<pay-by-bank
      endpoint=${view.endpoint ?? '/api/pay-by-bank'}
      checkout="order-123"
      amount="1200.00"
      currency="EUR"
      locale="en-GB"
      flow=${view.flow ?? 'redirect'}
      theme=${theme}
      style="--pay-by-bank-font-family: ${FONTS}"
    ></pay-by-bank>`,
  );
}

describe('visual regression: every view x theme x width', () => {
  const page = useScreenshotPage();

  for (const view of VIEWS) {
    for (const theme of THEMES) {
      for (const width of WIDTHS) {
        const name = `${view.name}-${theme}-${width}`;
        it(name, async () => {
          await executeServerCommand('visual-viewport', { width, height: 1000 });
          const merchant = new FakeMerchant({ banks: BANKS, ...view.merchant });
          page.merchant = merchant;
          if (view.name === 'loading') merchant.failNext('hang');
          if (view.name === 'error') merchant.failNext('http500');
          const element = await mountFor(view, theme);
          await view.reach(element, merchant);
          await expectLooksLike(element, name);
          // axe in both themes, colour contrast included (4.5:1 for every text), once per view and theme.
          if (width === 480) await expect(element).to.be.accessible();
        });
      }
    }
  }
});
