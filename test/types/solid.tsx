/** @jsxImportSource solid-js */
import type {} from '../../src/frameworks/solid.js';

export const valid = () => (
  <pay-by-bank
    endpoint="/api/pay-by-bank"
    theme="auto"
    prop:requestInit={{ headers: { 'x-csrf-token': 't' } }}
    on:pay-by-bank-success={(event) => void event.detail.amount.currency}
  />
);
// @ts-expect-error: theme takes only light, dark or auto
export const badTheme = () => <pay-by-bank endpoint="/api" theme="sepia" />;
export const badDetail = () => (
  <pay-by-bank
    endpoint="/api"
    // @ts-expect-error: the pending event's detail has no reason
    on:pay-by-bank-pending={(event) => event.detail.reason}
  />
);
