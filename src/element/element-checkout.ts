import type { PropertyValues } from 'lit';
import { createAttemptStorage, sessionStorageOrUndefined } from '../core/attempt-storage.js';
import type { PayByBankEventDetails, PayByBankEventName } from '../core/checkout-events.js';
import { createCheckoutStore } from '../core/checkout-store.js';
import type { CheckoutSetup } from '../core/checkout-context.js';
import type { CheckoutStore } from '../core/checkout-store.js';
import type { CheckoutSettings } from '../core/config.js';
import { createMerchantClient } from '../core/merchant-client.js';
import { localStorageOrUndefined, rememberedBank } from '../core/remembered-bank.js';
import { defaultReturnUrl } from '../core/return-url.js';
import { browserEffects } from './browser-effects.js';
import { afterPaint } from './paint-timing.js';

/** Dispatches one `pay-by-bank-*` event on the element; false when a cancelable one was cancelled. */
export type EmitEvent = <Name extends PayByBankEventName>(
  name: Name,
  detail: PayByBankEventDetails[Name],
  cancelable?: boolean,
) => boolean;

/** The checkout of one element, wired to this browser page and to the element's events. */
export function createElementCheckout(emit: EmitEvent): CheckoutStore {
  return createCheckoutStore({
    navigate: (url) => browserEffects.navigate(url),
    newIdempotencyKey: () => crypto.randomUUID(),
    get device() {
      return browserEffects.device();
    },
    openBankWindow: (url) => browserEffects.openBankWindow(url),
    afterPaint,
    events: {
      ready: (detail) => emit('pay-by-bank-ready', detail),
      select: (detail) => emit('pay-by-bank-select', detail),
      // Cancelable: the page may navigate itself.
      redirect: (detail) => emit('pay-by-bank-redirect', detail, true),
      status: (detail) => emit('pay-by-bank-status', detail),
      success: (detail) => emit('pay-by-bank-success', detail),
      failure: (detail) => emit('pay-by-bank-failure', detail),
      cancel: (detail) => emit('pay-by-bank-cancel', detail),
      pending: (detail) => emit('pay-by-bank-pending', detail),
    },
  });
}

/** The element's settings that are not parsed: passed through as the page set them. */
export interface PassedThrough {
  id: string;
  checkout?: string | undefined;
  bank?: string | undefined;
  rememberBank?: boolean;
  requestInit?: RequestInit | undefined;
}

/** What the checkout needs from the element's (valid) settings. */
export function checkoutSetup(
  element: PassedThrough,
  settings: CheckoutSettings,
  locale: string,
): CheckoutSetup {
  // Two widgets for one checkout on a page keep apart by their ids.
  const scope = `${settings.endpoint.href}|${element.checkout ?? ''}${element.id ? `#${element.id}` : ''}`;
  return {
    client: createMerchantClient({ endpoint: settings.endpoint, requestInit: element.requestInit }),
    attempts: createAttemptStorage(scope, sessionStorageOrUndefined),
    checkout: element.checkout,
    returnUrl: settings.returnUrl ?? defaultReturnUrl(window.location),
    flow: settings.flow,
    locale,
    preferredCountry: settings.country,
    preselectedBankId: element.bank,
    rememberedBank: element.rememberBank ? rememberedBank(localStorageOrUndefined) : undefined,
  };
}

/** Whether new settings ask for another bank list: another merchant, checkout, country or fetch. */
export function reloadsBanks(
  previous: CheckoutSettings | undefined,
  next: CheckoutSettings,
  changed: PropertyValues,
): boolean {
  return (
    !previous ||
    previous.endpoint.href !== next.endpoint.href ||
    changed.has('checkout') ||
    changed.has('country') ||
    changed.has('requestInit')
  );
}
