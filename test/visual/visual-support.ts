import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { BankWindow } from '../../src/core/bank-window.js';
import type { Bank } from '../../src/core/protocol.js';
import type { PayByBank } from '../../src/element/pay-by-bank.js';
import sinon from 'sinon';
import { browserEffects } from '../../src/element/browser-effects.js';
import { bankLogo } from '../../src/sandbox/catalogue/logo.js';
import type { FakeMerchant } from '../support/fake-merchant.js';
import { shadow } from '../support/element.js';
import type { Clip, Comparison } from './visual-diff-plugin.js';

/**
 * What every screenshot test in test/visual shares (CONTRIBUTING.md): fonts Debian installs with
 * Chromium's fontconfig (DejaVu Sans, else Liberation Sans), no animation, a fixed clock and time
 * zone, logos as inline SVG, device pixels at 1x.
 */

export const NOW = new Date('2026-12-01T10:30:00Z');
export const FONTS = "'DejaVu Sans', 'Liberation Sans', sans-serif";

export const BANKS: Bank[] = [
  {
    id: 'nordhafen',
    name: 'Nordhafen Sparkasse',
    country: 'DE',
    status: 'available',
    popular: true,
    logo: bankLogo('Nordhafen Sparkasse', '#d4001a'),
  },
  {
    id: 'handelsbank',
    name: 'Deutsche Handelsbank',
    country: 'DE',
    status: 'available',
    popular: true,
    logo: bankLogo('Deutsche Handelsbank', '#0a3d91'),
  },
  { id: 'rheintal', name: 'Volksbank Rheintal eG', country: 'DE', status: 'available' },
  { id: 'kredit', name: 'Bayerische Kreditanstalt', country: 'DE', status: 'degraded' },
  { id: 'privat', name: 'Münchner Privatbank', country: 'DE', status: 'unavailable' },
];

/** Still: no spinner turning, no mark drawing in, no caret blinking. */
const STILL = new CSSStyleSheet();
STILL.replaceSync(
  '*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }',
);

/** A bank window that stays open and does nothing, so the popup view stays as it is. */
export class StillBankWindow implements BankWindow {
  load() {}
  isClosed() {
    return false;
  }
  focus() {}
  close() {}
}

/** The element's box in whole device pixels. */
function clipOf(element: Element): Clip {
  const box = element.getBoundingClientRect();
  const x = Math.floor(box.left);
  const y = Math.floor(box.top);
  return {
    x,
    y,
    width: Math.ceil(box.right) - x,
    height: Math.ceil(box.bottom) - y,
  };
}

/** Stills the element, lets its logos decode, and compares its box with the baseline `name`. */
export async function expectLooksLike(element: PayByBank, name: string): Promise<void> {
  await Promise.all([...shadow(element).querySelectorAll('img')].map((image) => image.decode()));
  await document.fonts.ready;
  const root = shadow(element);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, STILL];
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const result = await executeServerCommand<Comparison, unknown>('visual-compare', {
    name,
    clip: clipOf(element),
  });
  expect(result?.ok, result?.message).to.equal(true);
}

/**
 * The page every screenshot is taken on: white and without margins, a fixed clock, no navigation, a
 * bank window that stays, and the test's merchant (set on the returned slot) restored after it.
 */
export function useScreenshotPage(): { merchant: FakeMerchant | undefined } {
  const page: { merchant: FakeMerchant | undefined } = { merchant: undefined };
  before(() => {
    document.body.style.margin = '0';
    document.documentElement.style.background = '#ffffff';
  });
  beforeEach(() => {
    sessionStorage.clear();
    sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
    sinon.stub(browserEffects, 'navigate');
    sinon.stub(browserEffects, 'device').returns({ finePointer: true, framed: false });
    sinon.stub(browserEffects, 'openBankWindow').returns(new StillBankWindow());
    sinon.stub(console, 'error');
  });
  afterEach(() => {
    page.merchant?.restore();
    page.merchant = undefined;
    sinon.restore();
  });
  return page;
}
