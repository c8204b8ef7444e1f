/**
 * Preact typings for `<pay-by-bank>`: attributes and `onpay-by-bank-*` listeners (Preact passes
 * props that start with `on` to `addEventListener` with the rest of the name as it is).
 * Opt in once: `import type {} from 'pay-by-bank/types/preact';`.
 */
import type { JSX } from 'preact';
import type { PayByBankAttributes, PayByBankEventAttributes } from '../element/framework-types.js';
import type { PayByBank } from '../element/pay-by-bank.js';

export type PayByBankPreactProps = JSX.HTMLAttributes<PayByBank> &
  PayByBankAttributes &
  PayByBankEventAttributes & {
    requestInit?: RequestInit;
  };

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'pay-by-bank': PayByBankPreactProps;
    }
  }
}
