import type { CheckoutState, PaymentInProgress, PaymentSnapshot } from './checkout-state.js';

/**
 * What a state says of the payment in progress: read only from a payment on, so a module of the
 * payment session's chunk, not of the first paint.
 */

/** The payment a state shows, if any. */
export function paymentOf(state: CheckoutState): PaymentSnapshot | undefined {
  return 'payment' in state ? state.payment : undefined;
}

/** The link of the payment a state shows, if any. */
export function linkOf(state: CheckoutState): Omit<PaymentInProgress, 'payment'> {
  return 'authorizationUrl' in state
    ? { authorizationUrl: state.authorizationUrl, expiresAt: state.expiresAt }
    : { authorizationUrl: undefined, expiresAt: undefined };
}
