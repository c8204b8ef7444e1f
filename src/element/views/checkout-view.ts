import { html } from 'lit';
import type { ReactiveControllerHost } from 'lit';
import type { CheckoutState } from '../../core/checkout-state.js';
import type { CheckoutStore } from '../../core/checkout-store.js';
import type { MessageKey, Translate } from '../../core/i18n.js';
import type { Money } from '../../core/protocol.js';
import type { LazyViews } from '../controllers/lazy-views.js';
import { errorView } from './error-view.js';
import { progressView } from './progress-view.js';

/** What the views need from the element: words, the lazily loaded views, and the payer's actions. */
export interface CheckoutViewContext {
  translate: Translate;
  /** The payer's locale, for Intl. */
  locale: string;
  /** Whether the words of the views after Pay are here (asks for them if not). */
  wordsAfterPay(): boolean;
  /** What the payer reads for an error code: always the catalog's words, never the developer's. */
  payerMessage(code: string | undefined): string;
  views: LazyViews;
  /** The selected bank's name, or "your bank". */
  bankName: string;
  displayAmount(money: Money | undefined): string | undefined;
  /** The bank list, which the element renders itself: it owns the listbox. */
  choose(): unknown;
  onRetry(): void;
  onStartAgain(): void;
  /** The element, which the QR code's countdown re-renders each second. */
  host: ReactiveControllerHost;
  /** The checkout: the views after Pay read its state and call its actions on the bank window. */
  store: CheckoutStore;
}

/** What the spinner says in the views that are only a spinner. */
const PROGRESS: Record<'loading' | 'creating' | 'handing-off' | 'resuming', MessageKey> = {
  loading: 'loadingBanks',
  creating: 'creating',
  'handing-off': 'creating',
  resuming: 'statusWaiting',
};

/**
 * The bank list's bold typefaces (its labels and Pay button, its initials), laid out unseen while
 * the list is on its way: a typeface's first use looks it up in the system's fonts, milliseconds
 * each that the list's first frame would spend otherwise (docs/architecture.md, "The element's
 * first paint").
 */
const listTypefaces = html`<span class="typefaces" aria-hidden="true"
  >A<span class="logo">A</span></span
>`;

/**
 * The view the state is in. The bank list and the spinners up to the payment are here; the views
 * after it (redirect, tracking, bank window, QR code, outcome) come with the lazily loaded
 * `payment-views` chunk, a spinner until then.
 */
export function checkoutView(state: CheckoutState, context: CheckoutViewContext): unknown {
  const { translate } = context;
  // Past the bank list, the words of what follows (English's come in a chunk of their own).
  if (state.view !== 'loading' && state.view !== 'choose') context.wordsAfterPay();
  switch (state.view) {
    case 'loading':
      return [progressView(translate, translate(PROGRESS.loading)), listTypefaces];
    case 'creating':
    case 'handing-off':
    case 'resuming':
      return progressView(translate, translate(PROGRESS[state.view]));
    case 'choose':
      return context.choose();
    case 'error':
      return errorView(translate, context.payerMessage(state.error.code), context.onRetry);
  }
  // The QR code's encoder is a chunk of its own: asked for now, alongside these views.
  if (state.view === 'qr') context.views.get('qr');
  const views = context.views.get('payment');
  return views && context.wordsAfterPay()
    ? views.paymentView(state, context)
    : progressView(translate, translate('statusWaiting'));
}
