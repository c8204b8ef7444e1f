import { leftForBank } from '../transitions/payment.js';
import type { PaymentSnapshot } from '../checkout-state.js';
import type { HandOff, HandOffContext } from './hand-off.js';

/**
 * UPI intent on a phone: the `upi://pay` link opens the payer's UPI app over this page, which stays
 * and tracks the status. In the sandbox the link is an https page playing the app, opened in a tab
 * of its own so that this page stays too (docs/protocol.md, "Cashfree BBPS").
 */
export function upiIntentHandOff(context: HandOffContext): HandOff {
  const { deps, bankWindow } = context;
  const track = (payment: PaymentSnapshot) => context.startTracking(payment, 'tracking');
  return {
    start(payment, authorizationUrl) {
      const proceed = deps.events.redirect({
        paymentId: payment.paymentId,
        authorizationUrl,
        flow: 'redirect',
      });
      if (!proceed) {
        bankWindow.close();
        context.update(leftForBank);
        return;
      }
      if (authorizationUrl.startsWith('upi:')) {
        bankWindow.close();
        deps.navigate(authorizationUrl);
      } else {
        const opened = bankWindow.current ?? deps.openBankWindow(authorizationUrl);
        if (opened === bankWindow.current) opened?.load(authorizationUrl);
        bankWindow.current = opened;
        if (!opened) deps.navigate(authorizationUrl);
      }
      track(payment);
    },
    resume: track,
    dispose() {},
  };
}
