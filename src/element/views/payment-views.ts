import type { ReactiveControllerHost } from 'lit';
import type { StateIn } from '../../core/checkout-state.js';
import type { CountdownController } from '../controllers/countdown-controller.js';
import type { MessageKey } from '../../core/i18n.js';
import type { PaymentStatus } from '../../core/status.js';
import { progressView } from './progress-view.js';
import { bankWindowView, handedBackView } from './bank-window-view.js';
import type { CheckoutViewContext } from './checkout-view.js';
import { outcomeView } from './outcome-view.js';

export { payerMessageKey } from '../../locales/message-keys.js';
export { paymentStyles as styles } from './payment-styles.js';

/**
 * The views after the payer commits, in a chunk of their own: fetched while the bank list is shown,
 * so the first paint of the bank list does not wait for them.
 */

export type PaymentViewState = StateIn<
  | 'redirecting'
  | 'tracking'
  | 'handed-back'
  | 'popup'
  | 'popup-blocked'
  | 'popup-closed'
  | 'qr'
  | 'outcome'
>;

/** What the spinner says while the status is tracked, by the payment's status. */
const TRACKING_MESSAGE: Partial<Record<PaymentStatus, MessageKey>> = {
  authorised: 'statusAuthorised',
  processing: 'statusProcessing',
};

/** Each element's QR countdown: a controller of the element from its first QR code on. */
const countdowns = new WeakMap<ReactiveControllerHost, CountdownController>();

function secondsLeft(
  { host, store }: CheckoutViewContext,
  Countdown: typeof CountdownController,
  expiresAt: string | undefined,
): number | undefined {
  let countdown = countdowns.get(host);
  if (!countdown) {
    countdown = new Countdown(host, () => store.$state.get().view === 'qr');
    countdowns.set(host, countdown);
  }
  return countdown.secondsUntil(expiresAt);
}

export function paymentView(state: PaymentViewState, context: CheckoutViewContext): unknown {
  const { translate, bankName } = context;
  switch (state.view) {
    case 'redirecting':
      return progressView(translate, translate('redirecting', { bank: bankName }));
    case 'tracking':
      return progressView(
        translate,
        translate(TRACKING_MESSAGE[state.payment.status] ?? 'statusWaiting'),
        state.connectionTrouble ? 'offline' : undefined,
      );
    case 'handed-back':
      return handedBackView(translate);
    case 'outcome':
      return outcomeView({
        outcome: state.outcome,
        payment: state.payment,
        displayAmount: context.displayAmount(state.payment?.amount),
        // The payment's own record first: after the redirect back there is no bank list.
        bankName: state.payment?.bankName ?? (state.selectedBankId ? bankName : undefined),
        locale: context.locale,
        translate,
        onStartAgain: context.onStartAgain,
      });
    case 'qr': {
      const qr = context.views.get('qr');
      if (!qr) return progressView(translate, translate('creating'));
      return qr.qrView({
        authorizationUrl: state.authorizationUrl ?? '',
        bankName,
        secondsLeft: secondsLeft(context, qr.CountdownController, state.expiresAt),
        translate,
        onPayOnThisDevice: () => context.store.payOnThisDevice(),
      });
    }
    default:
      return bankWindowView({
        view: state.view,
        bankName,
        translate,
        onFocusWindow: () => context.store.focusBankWindow(),
        onOpenWindow: () => context.store.openBankWindowAgain(),
        onChooseAnotherBank: context.onStartAgain,
      });
  }
}
