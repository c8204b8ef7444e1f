import type { BankWindow } from '../bank-window.js';
import type { CheckoutDependencies, CheckoutSetup } from '../checkout-context.js';
import type { Attempt, CheckoutState, HandOffView, PaymentSnapshot } from '../checkout-state.js';
import type { PaymentStatusResponse } from '../protocol.js';

/**
 * How the payer gets to the bank once the payment exists: by redirect, in a popup, by a QR code on
 * a phone, or not at all (no link: the payer authorises elsewhere). Each flow is one object with
 * this interface in a file of its own, so a new flow is that file plus its view
 * (docs/architecture.md, hand-off flows).
 */
export interface HandOff {
  /** The payment was just created: hand the payer to the bank at `authorizationUrl`. */
  start(payment: PaymentSnapshot, authorizationUrl: string): void;
  /** Picks the hand-off up again, in its own view (after a reload, or the element moved). */
  resume(payment: PaymentSnapshot): void;
  /** Stops the flow's timers and watches; tracking stops with them. */
  dispose(): void;
}

/** What a flow may use of the payment session it runs in. */
export interface HandOffContext {
  deps: CheckoutDependencies;
  setup(): CheckoutSetup;
  state(): CheckoutState;
  /** Applies a transition to the state. */
  update(transition: (state: CheckoutState) => CheckoutState): void;
  /** Calls the listener with the payment id the bank window's return page reports. */
  onBankWindowReturn(listener: (paymentId: string) => void): () => void;
  /** The bank's window, opened inside the payer's click; the session closes it at the end. */
  bankWindow: { current: BankWindow | undefined; close(): void };
  /** Tracks the payment's status, shown in `view`. */
  startTracking(payment: PaymentSnapshot, view: 'tracking' | HandOffView): void;
  stopTracking(): void;
  /** Applies one status answer, as tracking does. */
  applyPayment(answer: PaymentStatusResponse): void;
  /** The payment reached an outcome: the outcome view and its one event. */
  finish(payment: PaymentSnapshot): void;
  /** Creates another payment for a new attempt; quietly, in the view shown. */
  createQuietly(attempt: Attempt): Promise<void>;
  /** Leaves for the bank in this tab, as the redirect flow does. */
  leaveByRedirect(payment: PaymentSnapshot, authorizationUrl: string): void;
}
