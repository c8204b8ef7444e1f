import { RETURN_PARAMETER } from './protocol.js';

/** The page the bank should send the payer back to: this page, without a previous payment's marker. */
export function defaultReturnUrl(location: Location): string {
  const url = new URL(location.href);
  url.searchParams.delete(RETURN_PARAMETER);
  url.hash = '';
  return url.href;
}

export interface ReturnedPayment {
  paymentId: string;
  claim(): void;
}

/**
 * The payment id the server kit's return route added to the address. `claim()` removes it from the
 * address bar (so a bookmark or a shared link does not carry it) once a widget takes it.
 */
export function returnedPayment(location: Location, history: History): ReturnedPayment | undefined {
  const paymentId = new URL(location.href).searchParams.get(RETURN_PARAMETER);
  if (!paymentId) return undefined;
  return {
    paymentId,
    claim() {
      const url = new URL(location.href);
      url.searchParams.delete(RETURN_PARAMETER);
      history.replaceState(history.state, '', url.href);
    },
  };
}
