/** @jsxImportSource preact */
import type {} from '../../src/frameworks/preact.js';

export const valid = (
  <pay-by-bank
    endpoint="/api/pay-by-bank"
    flow="qr"
    onpay-by-bank-success={(event) => void event.detail.reference.toUpperCase()}
    onpay-by-bank-status={(event) => void event.detail.previous}
  />
);
// @ts-expect-error: flow takes only auto, redirect, popup or qr
export const badFlow = <pay-by-bank endpoint="/api" flow="carrier-pigeon" />;
export const badDetail = (
  <pay-by-bank
    endpoint="/api"
    // @ts-expect-error: the cancel event's detail has no amount
    onpay-by-bank-cancel={(event) => event.detail.amount}
  />
);
