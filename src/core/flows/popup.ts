import { isPastExpiry } from '../expiry.js';
import { linkOf, paymentOf } from '../state-payment.js';
import type { PaymentSnapshot } from '../checkout-state.js';
import { bankWindowBlocked, bankWindowClosed, leftForBank } from '../transitions/payment.js';
import type { HandOff, HandOffContext } from './hand-off.js';

const BANK_WINDOW_CHECK_MS = 500;

export interface PopupHandOff extends HandOff {
  /** The bank's window was blocked or closed: open it again, from this click, or go by redirect. */
  openAgain(): void;
  /** Brings the bank's window to the front, for a payer who lost it behind the shop's page. */
  focus(): void;
}

/**
 * The payer authorises in the bank's window, opened blank inside their click; the shop's page
 * stays as it was, tracks the status, and notices when the window closes.
 */
export function popupHandOff(context: HandOffContext): PopupHandOff {
  const { deps, setup, bankWindow } = context;
  let watch: ReturnType<typeof setInterval> | undefined;
  let stopWatchingReturn: (() => void) | undefined;
  // The return page in the window reported back: the payer finished at the bank.
  let returned = false;

  /** While the payer is in the bank's window: track the status, and notice if they close it. */
  function watchBankWindow(payment: PaymentSnapshot) {
    context.startTracking(payment, 'popup');
    returned = false;
    stopWatchingReturn = context.onBankWindowReturn((paymentId) => {
      if (paymentId === payment.paymentId) returned = true;
    });
    const watched = bankWindow.current;
    watch = setInterval(() => {
      if (!watched?.isClosed()) return;
      clearInterval(watch);
      watch = undefined;
      if (bankWindow.current === watched) bankWindow.current = undefined;
      void checkAfterBankWindowClosed();
    }, BANK_WINDOW_CHECK_MS);
  }

  /** The window closed: one status check says whether the payer finished or gave up. */
  async function checkAfterBankWindowClosed() {
    const payment = paymentOf(context.state());
    if (!payment || context.state().view !== 'popup') return;
    if (returned) return trackAfterReturn(payment);
    let known = true;
    try {
      context.applyPayment(await setup().client.getPayment(payment.paymentId));
    } catch {
      // Unknown (this page offline, the server down): the payer may have approved before closing
      // the window, so tracking goes on while they can reopen it or choose another bank.
      known = false;
    }
    if (context.state().view !== 'popup') return;
    // The return page posts, then closes: its message may land after the close was seen.
    if (returned) return trackAfterReturn(payment);
    if (known) context.stopTracking();
    context.update(bankWindowClosed);
  }

  /**
   * Closed by the return page: the bank has the payer's answer, which the merchant's server may not
   * know yet. Tracked here, as after a redirect back.
   */
  function trackAfterReturn(payment: PaymentSnapshot) {
    context.startTracking(payment, 'tracking');
  }

  return {
    start(payment, authorizationUrl) {
      const opened = bankWindow.current;
      if (!opened) {
        // Blocked. An explicit popup flow asks for one more click; auto goes by redirect instead.
        if (setup().flow === 'popup') context.update(bankWindowBlocked);
        else context.leaveByRedirect(payment, authorizationUrl);
        return;
      }
      const proceed = deps.events.redirect({
        paymentId: payment.paymentId,
        authorizationUrl,
        flow: 'popup',
      });
      if (!proceed) {
        bankWindow.close();
        context.update(leftForBank);
        return;
      }
      opened.load(authorizationUrl);
      watchBankWindow(payment);
    },

    // After a reload the window is out of reach; its return page still reports back.
    resume: (payment) => context.startTracking(payment, 'popup'),

    dispose() {
      clearInterval(watch);
      watch = undefined;
      stopWatchingReturn?.();
      stopWatchingReturn = undefined;
    },

    openAgain() {
      const state = context.state();
      const payment = paymentOf(state);
      const { authorizationUrl, expiresAt } = linkOf(state);
      if (!payment || !authorizationUrl) return;
      if (isPastExpiry(expiresAt, Date.now())) {
        context.finish({ ...payment, status: 'expired' });
        return;
      }
      bankWindow.close();
      bankWindow.current = deps.openBankWindow(authorizationUrl);
      if (bankWindow.current) watchBankWindow(payment);
      else context.leaveByRedirect(payment, authorizationUrl);
    },

    focus() {
      bankWindow.current?.focus();
    },
  };
}
