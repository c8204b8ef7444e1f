export { cashfreeBbps, type CashfreeBbpsProvider } from './adapter.js';
export type { CashfreeBbpsOptions } from './options.js';
export { bbpsCheckout, type BbpsBill, type BbpsFlow, type BillFetchInput } from './bill.js';
export type { BbpsRetryCategory, BbpsRetryTable } from './errors.js';
export { BILL_FETCH_SCHEDULE_MS } from './bill-fetch.js';
export { toPaise, fromPaise, BBPS_INR } from './paise.js';
export { DEFAULT_BBPS_PAYMENT_MODES, VPA_PATTERN, type BbpsPaymentMode } from './payment-modes.js';
export { CASHFREE_BBPS_STATUSES } from './status.js';
export { signCashfreeWebhook } from './webhook-signature.js';
