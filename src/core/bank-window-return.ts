import { BANK_WINDOW_NAME, RETURN_MESSAGE } from './bank-window.js';

/**
 * Both ends of the bank window's return: a module of its own, which only the payment session
 * imports, so it loads with it (or with a payment coming back), not with the first paint.
 */

/** Listens for the bank window's return message, trusting only this page's own origin. */
export function onBankWindowReturn(listener: (paymentId: string) => void): () => void {
  const receive = (event: MessageEvent) => {
    if (event.origin !== window.location.origin) return;
    const data = event.data as { type?: unknown; paymentId?: unknown } | null;
    if (data?.type === RETURN_MESSAGE && typeof data.paymentId === 'string')
      listener(data.paymentId);
  };
  window.addEventListener('message', receive);
  return () => window.removeEventListener('message', receive);
}

/**
 * On the return page inside the bank window: tells the shop's page which payment came back (same
 * origin only) and closes. False when this page is not our bank window.
 */
export function returnToOpener(paymentId: string): boolean {
  const opener = window.opener as Window | null;
  if (!opener || window.name !== BANK_WINDOW_NAME) return false;
  try {
    opener.postMessage({ type: RETURN_MESSAGE, paymentId }, window.location.origin);
  } catch {
    return false;
  }
  window.close();
  return true;
}
