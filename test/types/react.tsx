/** @jsxImportSource react */
// Type tests, checked by `npm run typecheck`: each `@ts-expect-error` fails the check if it is not an error.
import type {} from '../../src/frameworks/react.js';
import type { Money } from '../../src/core/protocol.js';

export const valid = (
  <pay-by-bank
    endpoint="/api/pay-by-bank"
    checkout="order-1"
    amount="42.00"
    currency="EUR"
    flow="popup"
    theme="dark"
    return-url="https://shop.example/return"
    disabled
    requestInit={{ credentials: 'include' }}
    onpay-by-bank-success={(event) => {
      const amount: Money = event.detail.amount;
      const reference: string = event.detail.reference;
      void [amount, reference];
    }}
    onpay-by-bank-failure={(event) => void event.detail.error.retryable}
    onpay-by-bank-redirect={(event) => event.preventDefault()}
  />
);

// @ts-expect-error: flow takes only auto, redirect, popup or qr
export const badFlow = <pay-by-bank endpoint="/api" flow="carrier-pigeon" />;
// @ts-expect-error: theme takes only light, dark or auto
export const badTheme = <pay-by-bank endpoint="/api" theme="sepia" />;
// @ts-expect-error: endpoint is required
export const noEndpoint = <pay-by-bank checkout="order-1" />;
export const badDetail = (
  <pay-by-bank
    endpoint="/api"
    // @ts-expect-error: the ready event's detail has no paymentId
    onpay-by-bank-ready={(event) => event.detail.paymentId}
  />
);
