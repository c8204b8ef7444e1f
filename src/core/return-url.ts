import { RETURN_PARAMETER } from './protocol.js';

/** The page the bank should send the payer back to: this page, without a previous payment's marker. */
export function defaultReturnUrl(location: Location): string {
  const url = new URL(location.href);
  url.searchParams.delete(RETURN_PARAMETER);
  url.hash = '';
  return url.href;
}

/**
 * Takes the payment id the server kit's return route added to the address, and removes it from the
 * address bar so that a bookmark or a shared link does not carry it.
 */
export function takeReturnedPaymentId(location: Location, history: History): string | undefined {
  const url = new URL(location.href);
  const paymentId = url.searchParams.get(RETURN_PARAMETER);
  if (!paymentId) return undefined;
  url.searchParams.delete(RETURN_PARAMETER);
  history.replaceState(history.state, '', url.href);
  return paymentId;
}
