/**
 * Solid typings for `<pay-by-bank>`: attributes, `prop:requestInit`, and `on:pay-by-bank-*`
 * listeners (Solid's `on:` prefix listens for exactly the event named after it).
 * Opt in once: `import type {} from 'pay-by-bank/types/solid';`.
 */
import type { JSX } from 'solid-js';
import type { PayByBankAttributes, PayByBankSolidListeners } from '../element/framework-types.js';
import type { PayByBank } from '../element/pay-by-bank.js';

export type PayByBankSolidProps = JSX.HTMLAttributes<PayByBank> &
  PayByBankAttributes &
  PayByBankSolidListeners & {
    'prop:requestInit'?: RequestInit;
  };

declare module 'solid-js' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'pay-by-bank': PayByBankSolidProps;
    }
  }
}
