import { en, type Catalog } from './en.js';

/**
 * British English: the English catalog with British spelling and usage where they differ; the same keys
 * and placeholders.
 */
export const enGB: Catalog = {
  ...en,
  errorNetwork: 'We could not reach the shop. Please check your connection and try again.',
  offline: 'You are offline. We will check again as soon as you are back online.',
  expiredTitle: 'The link has expired',
  expiredReason: 'The payment timed out before it was approved. Please try again.',
  pendingTitle: 'Payment not yet confirmed',
  pendingReason:
    'Your bank has not yet confirmed the payment. The shop will let you know when it does, so please do not pay again.',
  handedBack: 'All done. You can close this window and return to the shop.',
  reasonTooManyAttempts: 'Too many attempts. Please wait a moment, then try again.',
  reasonInvalidBillDetails: 'The biller did not recognise these details. Check them and try again.',
};
