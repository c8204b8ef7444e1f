import type { SvelteHTMLElements } from 'svelte/elements';
import type {} from '../../src/frameworks/svelte.js';

// What svelte-check checks `<pay-by-bank ...>` in markup against.
type Attributes = SvelteHTMLElements['pay-by-bank'];

export const valid: Attributes = {
  endpoint: '/api/pay-by-bank',
  theme: 'dark',
  'onpay-by-bank-success': (event) => void event.detail.amount.value,
};
// @ts-expect-error: flow takes only auto, redirect, popup or qr
export const badFlow: Attributes = { endpoint: '/api', flow: 'carrier-pigeon' };
export const badDetail: Attributes = {
  endpoint: '/api',
  // @ts-expect-error: the redirect event's detail has no reference
  'onpay-by-bank-redirect': (event) => event.detail.reference,
};
