import { linkOf, paymentOf } from '../state-payment.js';
import type { PaymentSnapshot } from '../checkout-state.js';
import type { HandOff, HandOffContext } from './hand-off.js';

/** At most this many QR links for one attempt, each valid as long as the provider says. */
export const MAX_QR_LINKS = 5;

export interface QrHandOff extends HandOff {
  /** From the QR code: authorise on this device instead, by redirect, with the same payment. */
  payOnThisDevice(): void;
}

/**
 * The payer scans a QR code of the link with their phone; this page tracks the status, and fetches a
 * new link (a new payment) when the shown one runs out, a few times at most.
 */
export function qrHandOff(context: HandOffContext): QrHandOff {
  const { deps, setup } = context;
  let linkExpiry: ReturnType<typeof setTimeout> | undefined;

  function show(payment: PaymentSnapshot) {
    context.startTracking(payment, 'qr');
    const expiresAt = Date.parse(linkOf(context.state()).expiresAt ?? '');
    if (Number.isFinite(expiresAt)) {
      linkExpiry = setTimeout(() => void renew(), Math.max(0, expiresAt - Date.now()));
    }
  }

  /** The link ran out while the payer looked at it: a new payment and link, at most a few times. */
  async function renew() {
    const state = context.state();
    const current = paymentOf(state);
    const saved = setup().attempts.load();
    if (!current || state.view !== 'qr') return;
    if (state.qrLinks >= MAX_QR_LINKS || !saved) {
      context.finish({ ...current, status: 'expired' });
      return;
    }
    context.stopTracking();
    await context.createQuietly({
      idempotencyKey: deps.newIdempotencyKey(),
      bankId: saved.bankId,
      payer: saved.payer ?? {},
      flow: 'qr',
    });
  }

  return {
    start: show,
    resume: show,
    dispose() {
      clearTimeout(linkExpiry);
      linkExpiry = undefined;
    },
    payOnThisDevice() {
      const state = context.state();
      const payment = paymentOf(state);
      const { authorizationUrl } = linkOf(state);
      if (!payment || !authorizationUrl) return;
      context.stopTracking();
      context.leaveByRedirect(payment, authorizationUrl);
    },
  };
}
