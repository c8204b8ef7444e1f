import type { GlobalComponents } from 'vue';
import type {} from '../../src/frameworks/vue.js';
import type { PayByBankVueProps } from '../../src/frameworks/vue.js';

// What vue-tsc checks a template against: `@pay-by-bank-success` is the prop `onPayByBankSuccess`.
type Registered = GlobalComponents['pay-by-bank'];
export const registered: Registered | undefined = undefined;

export const valid: PayByBankVueProps = {
  endpoint: '/api/pay-by-bank',
  flow: 'redirect',
  onPayByBankSuccess: (event) => void event.detail.reference.length,
  onPayByBankFailure: (event) => void event.detail.error.code,
};
// @ts-expect-error: flow takes only auto, redirect, popup or qr
export const badFlow: PayByBankVueProps = { endpoint: '/api', flow: 'carrier-pigeon' };
export const badDetail: PayByBankVueProps = {
  endpoint: '/api',
  // @ts-expect-error: the select event's detail has no status
  onPayByBankSelect: (event) => event.detail.status,
};
