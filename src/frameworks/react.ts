/**
 * React 19 typings for `<pay-by-bank>`: its attributes, `requestInit` (React 19 sets objects on custom
 * elements as properties) and `onpay-by-bank-*` listeners with each event's exact detail.
 * Opt in once: `import type {} from 'pay-by-bank/types/react';`. React 18: use `pay-by-bank/react`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PayByBankAttributes, PayByBankEventAttributes } from '../element/framework-types.js';
import type { PayByBank } from '../element/pay-by-bank.js';

export type PayByBankReactProps = DetailedHTMLProps<HTMLAttributes<PayByBank>, PayByBank> &
  PayByBankAttributes &
  PayByBankEventAttributes & {
    requestInit?: RequestInit;
  };

declare module 'react' {
  // React's own JSX namespace is how React 19 documents typing custom elements.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'pay-by-bank': PayByBankReactProps;
    }
  }
}
