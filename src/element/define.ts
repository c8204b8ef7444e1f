import { PayByBank } from './pay-by-bank.js';
import type { PayByBankEventDetails } from '../core/checkout-events.js';

export { PayByBank };
export type { PayByBankEventDetails };

/** Pages load scripts twice (a CMS plugin and a theme, say): the second registration does nothing. */
if (!customElements.get('pay-by-bank')) {
  customElements.define('pay-by-bank', PayByBank);
}

type PayByBankEvents = {
  [Name in keyof PayByBankEventDetails]: CustomEvent<PayByBankEventDetails[Name]>;
};

declare global {
  interface HTMLElementTagNameMap {
    'pay-by-bank': PayByBank;
  }
  // Declaration merging needs interfaces, even empty ones.
  /* eslint-disable @typescript-eslint/no-empty-object-type */
  interface HTMLElementEventMap extends PayByBankEvents {}
  interface DocumentEventMap extends PayByBankEvents {}
  interface WindowEventMap extends PayByBankEvents {}
  /* eslint-enable @typescript-eslint/no-empty-object-type */
}
