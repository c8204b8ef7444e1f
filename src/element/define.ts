import { PayByBank } from './pay-by-bank.js';
import type { PayByBankEventMap } from './framework-types.js';

export { PayByBank };
export type * from './framework-types.js';

/** Pages load scripts twice (a CMS plugin and a theme, say): the second registration does nothing. */
if (!customElements.get('pay-by-bank')) {
  customElements.define('pay-by-bank', PayByBank);
}

declare global {
  interface HTMLElementTagNameMap {
    'pay-by-bank': PayByBank;
  }
  // Declaration merging needs interfaces, even empty ones.
  /* eslint-disable @typescript-eslint/no-empty-object-type */
  interface HTMLElementEventMap extends PayByBankEventMap {}
  interface DocumentEventMap extends PayByBankEventMap {}
  interface WindowEventMap extends PayByBankEventMap {}
  /* eslint-enable @typescript-eslint/no-empty-object-type */
}
