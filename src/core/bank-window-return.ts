import { RETURN_MESSAGE } from './bank-window.js';

/**
 * Listens for the bank window's return message, trusting only this page's own origin. A module of
 * its own: only the payment session listens, so it loads with it, not with the first paint.
 */
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
