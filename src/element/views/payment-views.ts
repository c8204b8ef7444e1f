import type { StateIn } from '../../core/checkout-state.js';
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
  'handed-back' | 'popup' | 'popup-blocked' | 'popup-closed' | 'qr' | 'outcome'
>;

export function paymentView(state: PaymentViewState, context: CheckoutViewContext): unknown {
  const { translate, bankName } = context;
  switch (state.view) {
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
        secondsLeft: context.secondsLeft(state.expiresAt),
        translate,
        onPayOnThisDevice: context.onPayOnThisDevice,
      });
    }
    default:
      return bankWindowView({
        view: state.view,
        bankName,
        translate,
        onFocusWindow: context.onFocusWindow,
        onOpenWindow: context.onOpenWindow,
        onChooseAnotherBank: context.onStartAgain,
      });
  }
}
