import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/element/define.js';
import type { PayByBank } from '../../src/element/pay-by-bank.js';

export interface MountOptions {
  endpoint?: string;
  checkout?: string;
  amount?: string;
  currency?: string;
  country?: string;
  bank?: string;
  flow?: string;
  theme?: string;
  locale?: string;
  rememberBank?: boolean;
}

/** Mounts the element and waits until its bank list is shown. */
export async function mountReady(options: MountOptions = {}): Promise<PayByBank> {
  const element = await mount(options);
  await oneEvent(element, 'pay-by-bank-ready');
  await element.updateComplete;
  return element;
}

export async function mount(options: MountOptions = {}): Promise<PayByBank> {
  const settings: MountOptions = {
    endpoint: '/api/pay-by-bank',
    checkout: 'order-123',
    ...options,
  };
  return fixture<PayByBank>(
    html`<pay-by-bank
      endpoint=${settings.endpoint ?? ''}
      checkout=${settings.checkout ?? ''}
      amount=${settings.amount ?? '42.00'}
      currency=${settings.currency ?? 'EUR'}
      .country=${settings.country}
      .bank=${settings.bank}
      flow=${settings.flow ?? 'redirect'}
      theme=${settings.theme ?? 'light'}
      .locale=${settings.locale}
      ?remember-bank=${settings.rememberBank ?? false}
    ></pay-by-bank>`,
  );
}

export function shadow(element: PayByBank): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

export function query<T extends Element = HTMLElement>(element: PayByBank, selector: string): T {
  const found = shadow(element).querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function options(element: PayByBank): HTMLElement[] {
  return [...shadow(element).querySelectorAll<HTMLElement>('[role="option"]')];
}

export function optionNames(element: PayByBank): string[] {
  return options(element).map((option) => option.querySelector('.name')?.textContent?.trim() ?? '');
}

export function press(target: HTMLElement, key: string) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
}

/** Lets pending promises (fetch stubs, Lit updates) settle. */
export async function settle(element: PayByBank, rounds = 5) {
  for (let round = 0; round < rounds; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
}

/** Selects a bank by clicking it, then clicks Pay. */
export async function payWith(element: PayByBank, bankId: string) {
  query(element, `[data-bank-id="${bankId}"]`).click();
  await element.updateComplete;
  query<HTMLButtonElement>(element, 'button[type="submit"]').click();
}

/** Real macrotask turns (MessageChannel, which fake timers leave alone) for the fetch stub's I/O. */
export async function flushIo(element: PayByBank, rounds = 10) {
  for (let round = 0; round < rounds; round++) {
    await new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    });
    await element.updateComplete;
  }
}

/** Waits until the element shows `selector` (containing `text`, if given), e.g. after a lazy chunk loads. */
export async function shown<T extends HTMLElement = HTMLElement>(
  element: PayByBank,
  selector: string,
  text?: string,
): Promise<T> {
  let found: T | null = null;
  await waitUntil(
    () => {
      found = shadow(element).querySelector<T>(selector);
      return found !== null && (text === undefined || (found.textContent ?? '').includes(text));
    },
    `the element never showed ${selector}${text ? ` with "${text}"` : ''}`,
    { timeout: 4000 },
  );
  return found as unknown as T;
}

/** Puts the server kit's return marker in the address, as the bank's redirect back would. */
export function setReturnParameter(paymentId: string) {
  const url = new URL(location.href);
  url.searchParams.set('pay_by_bank_payment', paymentId);
  history.replaceState(null, '', url);
}
