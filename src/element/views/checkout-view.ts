import type { CheckoutState, CheckoutView, StateIn } from '../../core/checkout-state.js';
import type { MessageKey, Translate } from '../../core/i18n.js';
import type { Money } from '../../core/protocol.js';
import type { PaymentStatus } from '../../core/status.js';
import type { LazyView, LazyViews } from '../controllers/lazy-views.js';
import { errorView } from './error-view.js';
import { progressView } from './progress-view.js';

/** What the views need from the element: words, the lazily loaded views, and the payer's actions. */
export interface CheckoutViewContext {
  translate: Translate;
  views: LazyViews;
  /** The selected bank's name, or "your bank". */
  bankName: string;
  displayAmount(money: Money | undefined): string | undefined;
  secondsLeft(expiresAt: string | undefined): number | undefined;
  /** The bank list, which the element renders itself: it owns the listbox. */
  choose(): unknown;
  onRetry(): void;
  onStartAgain(): void;
  onFocusWindow(): void;
  onOpenWindow(): void;
  onPayOnThisDevice(): void;
}

/** What the spinner says while the status is tracked, by the payment's status. */
const TRACKING_MESSAGE: Partial<Record<PaymentStatus, MessageKey>> = {
  authorised: 'statusAuthorised',
  processing: 'statusProcessing',
};

function progress(message: MessageKey) {
  return (_state: CheckoutState, { translate }: CheckoutViewContext) =>
    progressView(translate, translate(message));
}

/** A view of the chunk loaded after the bank list; a spinner until it has arrived. */
function afterPay(render: (views: LazyView<'payment'>) => unknown) {
  return (context: CheckoutViewContext) => {
    const views = context.views.get('payment');
    return views
      ? render(views)
      : progressView(context.translate, context.translate('statusWaiting'));
  };
}

function bankWindow(
  state: StateIn<'popup' | 'popup-blocked' | 'popup-closed'>,
  context: CheckoutViewContext,
) {
  return afterPay((views) =>
    views.bankWindowView({
      view: state.view,
      bankName: context.bankName,
      translate: context.translate,
      onFocusWindow: context.onFocusWindow,
      onOpenWindow: context.onOpenWindow,
      onChooseAnotherBank: context.onStartAgain,
    }),
  )(context);
}

/** One renderer per view: the state narrowed to that view, and the element's context. */
const RENDERERS: {
  [View in CheckoutView]: (state: StateIn<View>, context: CheckoutViewContext) => unknown;
} = {
  loading: progress('loadingBanks'),
  choose: (_state, context) => context.choose(),
  error: (state, context) => errorView(context.translate, state.error.code, context.onRetry),
  creating: progress('creating'),
  'handing-off': progress('creating'),
  resuming: progress('statusWaiting'),
  'handed-back': (_state, context) =>
    afterPay((views) => views.handedBackView(context.translate))(context),
  redirecting: (_state, { translate, bankName }) =>
    progressView(translate, translate('redirecting', { bank: bankName })),
  tracking: (state, { translate }) =>
    progressView(
      translate,
      translate(TRACKING_MESSAGE[state.payment.status] ?? 'statusWaiting'),
      state.connectionTrouble ? 'offline' : undefined,
    ),
  popup: bankWindow,
  'popup-blocked': bankWindow,
  'popup-closed': bankWindow,
  qr: (state, context) => {
    const views = context.views.get('qr');
    if (!views) return progressView(context.translate, context.translate('creating'));
    return views.qrView({
      authorizationUrl: state.authorizationUrl ?? '',
      bankName: context.bankName,
      secondsLeft: context.secondsLeft(state.expiresAt),
      translate: context.translate,
      onPayOnThisDevice: context.onPayOnThisDevice,
    });
  },
  outcome: (state, context) =>
    afterPay((views) =>
      views.outcomeView({
        outcome: state.outcome,
        payment: state.payment,
        displayAmount: context.displayAmount(state.payment?.amount),
        translate: context.translate,
        onStartAgain: context.onStartAgain,
      }),
    )(context),
};

/** The view the state is in. */
export function checkoutView(state: CheckoutState, context: CheckoutViewContext): unknown {
  const render = RENDERERS[state.view] as (
    state: CheckoutState,
    context: CheckoutViewContext,
  ) => unknown;
  return render(state, context);
}
