import { leftForBank } from '../transitions/payment.js';
import type { HandOff, HandOffContext } from './hand-off.js';

/**
 * The payer leaves for the bank in this tab, after the page's cancelable `pay-by-bank-redirect`;
 * the bank sends them back to the return URL, where the element resumes tracking.
 */
export function redirectHandOff(context: HandOffContext): HandOff {
  const { deps, setup } = context;
  return {
    start(payment, authorizationUrl) {
      context.bankWindow.close();
      const saved = setup().attempts.load();
      if (saved) setup().attempts.save({ ...saved, flow: 'redirect' });
      context.update(leftForBank);
      const proceed = deps.events.redirect({
        paymentId: payment.paymentId,
        authorizationUrl,
        flow: 'redirect',
      });
      if (proceed) deps.navigate(authorizationUrl);
    },
    resume: (payment) => context.startTracking(payment, 'tracking'),
    dispose() {},
  };
}
