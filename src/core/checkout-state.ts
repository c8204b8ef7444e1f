import type { Bank, Flow, Money, PaymentError, PaymentReceipt, SummaryLine } from './protocol.js';
import type { PaymentStatus } from './status.js';

/**
 * The state of one checkout: the bank list the payer chooses from, which stays while a payment is
 * made, and one view with exactly what that view needs (docs/architecture.md, the element). It
 * changes only through the pure transitions in `transitions/`.
 */

export type Outcome = 'completed' | 'failed' | 'cancelled' | 'expired' | 'pending';

/** What the element shows about the payment in progress. */
export interface PaymentSnapshot {
  paymentId: string;
  status: PaymentStatus;
  amount?: Money;
  reference?: string;
  /** When the provider last changed the status: the receipt's date and time. */
  updatedAt?: string;
  error?: PaymentError;
  /** A completed bill payment's receipt (BBPS). */
  receipt?: PaymentReceipt;
  /** A bill payment: the biller who confirms it, so that a pending one says who will. */
  biller?: string;
  /**
   * The chosen bank's name for the receipt, kept with the payment (and its saved attempt), because
   * after the redirect back the bank list is not loaded again.
   */
  bankName?: string;
}

/** A merchant-server error the payer may retry; `operation` says what "Try again" repeats. */
export interface RetryableError extends PaymentError {
  operation: 'banks' | 'create';
}

/** One try at paying: a new one gets a new Idempotency-Key; a retry of the same one keeps it. */
export interface Attempt {
  idempotencyKey: string;
  bankId: string;
  payer: Record<string, string>;
  flow: Flow;
}

/** The bank list and what the payer entered in it; kept while a payment is made, for "start again". */
export interface BankChoice {
  country: string | undefined;
  countries: string[];
  banks: Bank[];
  /** The bill or order being paid, when the merchant's server provides one. */
  summary: SummaryLine[];
  /** Who is paid, from the merchant's server: shown before the hand-off to the bank. */
  payee?: string;
  /** The checkout's reference, from the merchant's server: shown before the hand-off too. */
  reference?: string;
  query: string;
  selectedBankId: string | undefined;
  payer: Record<string, string>;
  payerProblems: Record<string, 'required' | 'invalid'>;
  /** How many QR links the attempt in progress has used; a new one comes when the last expires. */
  qrLinks: number;
}

/** A payment that exists at the provider, and where the payer authorises it, until when. */
export interface PaymentInProgress {
  payment: PaymentSnapshot;
  authorizationUrl: string | undefined;
  expiresAt: string | undefined;
}

/** The views whose status is being tracked; a failed status request shows as trouble, not an error. */
export interface TrackedPayment extends PaymentInProgress {
  /** The last status request failed (offline, server down); tracking goes on. */
  connectionTrouble: boolean;
}

export type HandOffView =
  /** Waiting while the payer authorises in the bank's window. */
  | 'popup'
  /** The browser blocked the bank's window: one more click opens it. */
  | 'popup-blocked'
  /** The payer closed the bank's window before authorising. */
  | 'popup-closed'
  | 'qr';

/** One variant per view that tracks the payment's status. */
type Tracked<View> = View extends unknown ? { view: View } & TrackedPayment : never;

export type CheckoutPhase =
  | { view: 'loading' }
  | { view: 'choose' }
  | { view: 'error'; error: RetryableError }
  | { view: 'creating' }
  /** A payment that left for the bank is being picked up again (the return page, a reload). */
  | { view: 'resuming' }
  /** This page is the return page inside the bank's window, which has handed back and closes. */
  | { view: 'handed-back' }
  /** The payment exists; the hand-off flow is choosing its view, in the same task. */
  | ({ view: 'handing-off' } & PaymentInProgress)
  | ({ view: 'redirecting' } & PaymentInProgress)
  | Tracked<'tracking' | HandOffView>
  | { view: 'outcome'; outcome: Outcome; payment: PaymentSnapshot | undefined };

export type CheckoutState = BankChoice & CheckoutPhase;
export type CheckoutView = CheckoutPhase['view'];

/** A state of the given view. */
export type StateIn<View extends CheckoutView> = CheckoutState & { view: View };

export const INITIAL_STATE: CheckoutState = {
  view: 'loading',
  country: undefined,
  countries: [],
  banks: [],
  summary: [],
  query: '',
  selectedBankId: undefined,
  payer: {},
  payerProblems: {},
  qrLinks: 0,
};

/** The bank list part of a state, without its view. */
export function bankChoice(state: CheckoutState): BankChoice {
  const { country, countries, banks, summary, query, selectedBankId, payer, payerProblems } = state;
  return {
    country,
    countries,
    banks,
    summary,
    ...(state.payee ? { payee: state.payee } : {}),
    ...(state.reference ? { reference: state.reference } : {}),
    query,
    selectedBankId,
    payer,
    payerProblems,
    qrLinks: state.qrLinks,
  };
}
