import { bankChoice } from '../checkout-state.js';
import { linkOf, paymentOf } from '../state-payment.js';
import type {
  CheckoutState,
  HandOffView,
  Outcome,
  PaymentInProgress,
  PaymentSnapshot,
} from '../checkout-state.js';
import type {
  CreatePaymentResponse,
  Flow,
  PaymentError,
  PaymentStatusResponse,
} from '../protocol.js';
import type { PaymentStatus } from '../status.js';
import { canAdvance } from '../status.js';

/**
 * The pure transitions of a payment, one per event, from its creation to its outcome. Each takes the
 * state and the event and returns the next state (the same object when the event changes nothing).
 * The payment session applies them and does the effects: timers, windows, events.
 */

const WAITING_FOR_PAYER: ReadonlySet<PaymentStatus> = new Set([
  'created',
  'awaiting_authorisation',
]);
const HAND_OFF_VIEWS: ReadonlySet<string> = new Set<HandOffView>([
  'popup',
  'popup-blocked',
  'popup-closed',
  'qr',
]);

/** "Try again" after creating the payment failed: the same attempt, sent again. */
export function creationRetried(state: CheckoutState): CheckoutState {
  return { ...bankChoice(state), view: 'creating' };
}

/** On the return page inside the bank's window, which hands back to the shop's page and closes. */
export function handedBack(state: CheckoutState): CheckoutState {
  return { ...bankChoice(state), view: 'handed-back' };
}

/** A payment that left for the bank is being picked up again. */
export function resuming(state: CheckoutState): CheckoutState {
  return { ...bankChoice(state), view: 'resuming' };
}

/** The merchant's server created the payment; a QR attempt has used one more link. */
export function paymentCreated(
  state: CheckoutState,
  { created, flow }: { created: CreatePaymentResponse; flow: Flow },
): CheckoutState {
  const { paymentId, status, amount, reference, authorizationUrl, expiresAt, biller } = created;
  const bankName = state.banks.find((bank) => bank.id === state.selectedBankId)?.name;
  return {
    ...bankChoice(state),
    summary: created.summary ?? state.summary,
    qrLinks: state.qrLinks + (flow === 'qr' ? 1 : 0),
    view: 'handing-off',
    payment: {
      paymentId,
      status,
      amount,
      reference,
      ...(biller ? { biller } : {}),
      ...(bankName ? { bankName } : {}),
    },
    authorizationUrl,
    expiresAt,
  };
}

/** Status tracking starts (or starts again) in `view`, for `payment` and the link in `state`. */
export function trackingStarted(
  state: CheckoutState,
  event: { view: 'tracking' | HandOffView; payment: PaymentSnapshot } & Partial<PaymentInProgress>,
): CheckoutState {
  const link = 'authorizationUrl' in event ? event : linkOf(state);
  const same = paymentOf(state)?.paymentId === event.payment.paymentId;
  return {
    ...bankChoice(state),
    view: event.view,
    payment: event.payment,
    authorizationUrl: link.authorizationUrl,
    expiresAt: link.expiresAt,
    connectionTrouble: same && 'connectionTrouble' in state && state.connectionTrouble,
  };
}

/**
 * A status answer for the payment shown: its status moves forward only; once the payer is done at
 * the bank, a hand-off view gives way to tracking. Answers for another payment change nothing.
 */
export function statusChanged(state: CheckoutState, answer: PaymentStatusResponse): CheckoutState {
  if (!('connectionTrouble' in state) || state.payment.paymentId !== answer.paymentId) return state;
  const current = state.payment;
  const payment: PaymentSnapshot = {
    ...current,
    status: canAdvance(current.status, answer.status) ? answer.status : current.status,
    amount: answer.amount ?? current.amount,
    reference: answer.reference ?? current.reference,
    updatedAt: answer.updatedAt ?? current.updatedAt,
    error: answer.error ?? current.error,
    ...(answer.receipt ? { receipt: answer.receipt } : {}),
    ...(answer.biller ? { biller: answer.biller } : {}),
  };
  const payerDone = !WAITING_FOR_PAYER.has(payment.status);
  const view = payerDone && HAND_OFF_VIEWS.has(state.view) ? 'tracking' : state.view;
  return { ...state, view, payment, connectionTrouble: false };
}

/** A status request failed; tracking goes on and says so. */
export function connectionLost(state: CheckoutState): CheckoutState {
  return 'connectionTrouble' in state ? { ...state, connectionTrouble: true } : state;
}

/** The payment reached an outcome. */
export function finished(state: CheckoutState, payment: PaymentSnapshot): CheckoutState {
  return { ...bankChoice(state), view: 'outcome', outcome: payment.status as Outcome, payment };
}

/** Something the payer cannot retry went wrong with the payment shown (an unsafe link, a 4xx). */
export function failedForGood(state: CheckoutState, error: PaymentError): CheckoutState {
  const payment = paymentOf(state);
  return {
    ...bankChoice(state),
    view: 'outcome',
    outcome: 'failed',
    payment: payment && { ...payment, error },
  };
}

/** Tracking ran out of time before the payment was final. */
export function trackingGaveUp(state: CheckoutState): CheckoutState {
  return { ...bankChoice(state), view: 'outcome', outcome: 'pending', payment: paymentOf(state) };
}

/** The merchant abandoned the payment shown. */
export function cancelled(state: CheckoutState): CheckoutState {
  return { ...bankChoice(state), view: 'outcome', outcome: 'cancelled', payment: paymentOf(state) };
}

function withPayment(state: CheckoutState, view: HandOffView): CheckoutState {
  const payment = paymentOf(state);
  if (!payment) return state;
  return { ...bankChoice(state), view, payment, ...linkOf(state), connectionTrouble: false };
}

/** The payer is on the way to the bank in this tab (or the page took the redirect over). */
export function leftForBank(state: CheckoutState): CheckoutState {
  const payment = paymentOf(state);
  return payment ? { ...bankChoice(state), view: 'redirecting', payment, ...linkOf(state) } : state;
}

/** The browser blocked the bank's window. */
export function bankWindowBlocked(state: CheckoutState): CheckoutState {
  return withPayment(state, 'popup-blocked');
}

/** The payer closed the bank's window before authorising. */
export function bankWindowClosed(state: CheckoutState): CheckoutState {
  return withPayment(state, 'popup-closed');
}
