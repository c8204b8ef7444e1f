/**
 * Svelte 5 typings for `<pay-by-bank>`: attributes, `requestInit`, and `onpay-by-bank-*` event
 * attributes (Svelte 5 listens for the event named after `on`) with each event's exact detail.
 * Opt in once: `import type {} from 'pay-by-bank/types/svelte';`.
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { PayByBankAttributes, PayByBankEventAttributes } from '../element/framework-types.js';
import type { PayByBank } from '../element/pay-by-bank.js';

export type PayByBankSvelteProps = HTMLAttributes<PayByBank> &
  PayByBankAttributes &
  PayByBankEventAttributes & {
    requestInit?: RequestInit;
  };

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'pay-by-bank': PayByBankSvelteProps;
  }
}
