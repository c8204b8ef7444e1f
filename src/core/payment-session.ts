import type { MapStore } from 'nanostores';
import type { SavedAttempt } from './attempt-storage.js';
import type { BankWindow } from './bank-window.js';
import { CheckoutError } from './checkout-error.js';
import type {
  Attempt,
  CheckoutDependencies,
  CheckoutSetup,
  CheckoutState,
  CheckoutView,
  Outcome,
  PaymentSnapshot,
} from './checkout-store.js';
import { asCheckoutError, isPastExpiry } from './checkout-store.js';
import type { CreatePaymentResponse, PaymentStatusResponse } from './protocol.js';
import type { PaymentStatus } from './status.js';
import { canAdvance, isTerminal } from './status.js';
import type { StatusTracker } from './status-tracker.js';
import { trackStatus } from './status-tracker.js';
import { isSafeAuthorizationUrl } from './url-safety.js';

/**
 * A payment from its creation (or its resumption on the return page) to its outcome: the hand-off to
 * the bank by redirect, popup or QR code, status tracking, and the one outcome event. Loaded when
 * the bank list is shown, so the first paint of the bank list does not wait for it.
 */

/** At most this many QR links for one attempt, each valid as long as the provider says. */
export const MAX_QR_LINKS = 5;
const BANK_WINDOW_CHECK_MS = 500;

const WAITING_FOR_PAYER: ReadonlySet<PaymentStatus> = new Set([
  'created',
  'awaiting_authorisation',
]);
const HAND_OFF_VIEWS: ReadonlySet<CheckoutView> = new Set([
  'popup',
  'popup-blocked',
  'popup-closed',
  'qr',
]);

export interface SessionContext {
  $state: MapStore<CheckoutState>;
  deps: CheckoutDependencies;
  setup(): CheckoutSetup;
  /** The payment exists: the attempt is spent, and the next Pay is a new attempt. */
  onCreated(): void;
  /** Creating the payment failed: the checkout shows a retryable error and keeps the attempt. */
  onCreateFailed(attempt: Attempt, error: CheckoutError): void;
}

export function createPaymentSession(context: SessionContext) {
  const { $state, deps, setup } = context;
  const state = () => $state.get();
  let tracker: StatusTracker | undefined;
  let bankWindow: BankWindow | undefined;
  let bankWindowWatch: ReturnType<typeof setInterval> | undefined;
  let linkExpiry: ReturnType<typeof setTimeout> | undefined;
  let stopListening: (() => void) | undefined;

  function emitStatus(paymentId: string, status: PaymentStatus, previous: PaymentStatus | null) {
    deps.events.status({ paymentId, status, previous });
  }

  /** Applies a status answer; moves forward only, and finishes the checkout on a terminal status. */
  function applyPayment(answer: PaymentStatusResponse) {
    const current = state().payment;
    if (!current || current.paymentId !== answer.paymentId) return;
    const advanced = canAdvance(current.status, answer.status);
    const payment: PaymentSnapshot = {
      ...current,
      status: advanced ? answer.status : current.status,
      amount: answer.amount ?? current.amount,
      reference: answer.reference ?? current.reference,
      error: answer.error ?? current.error,
    };
    const payerDone = !WAITING_FOR_PAYER.has(payment.status);
    const view = payerDone && HAND_OFF_VIEWS.has(state().view) ? 'tracking' : state().view;
    $state.set({ ...state(), payment, view, connectionTrouble: false });
    if (advanced) emitStatus(payment.paymentId, payment.status, current.status);
    if (isTerminal(payment.status)) {
      if (advanced) finish(payment);
    } else if (
      answer.status === 'created' &&
      view !== 'qr' &&
      isPastExpiry(state().expiresAt, Date.now())
    ) {
      // The link ran out before the payer opened it, and the provider has not said so yet. A payer
      // already at the bank (awaiting_authorisation) may take longer: the provider decides then.
      finish({ ...payment, status: 'expired' });
    } else if (advanced) {
      saveProgress(payment);
    }
  }

  function saveProgress(payment: PaymentSnapshot) {
    const saved = setup().attempts.load();
    if (saved?.paymentId === payment.paymentId)
      setup().attempts.save({ ...saved, status: payment.status });
  }

  /** Stops tracking, the bank-window watch and the QR link timer; keeps the window itself. */
  function stopTracking() {
    tracker?.stop();
    tracker = undefined;
    clearInterval(bankWindowWatch);
    bankWindowWatch = undefined;
    clearTimeout(linkExpiry);
    linkExpiry = undefined;
    stopListening?.();
    stopListening = undefined;
  }

  function closeBankWindow() {
    bankWindow?.close();
    bankWindow = undefined;
  }

  function finish(payment: PaymentSnapshot) {
    stopTracking();
    closeBankWindow();
    setup().attempts.clear();
    const outcome = payment.status as Outcome;
    $state.set({ ...state(), view: 'outcome', outcome, payment });
    const { paymentId, status, amount, reference } = payment;
    if (status === 'completed') {
      // docs/protocol.md: a payment answer carries its amount and reference; a success the page
      // cannot reconcile is a merchant-server bug, reported as one rather than as a vague success.
      if (!amount || reference === undefined) {
        failWithoutRetry(
          paymentId,
          new CheckoutError(
            'malformed_response',
            'The merchant server reported a completed payment without its amount and reference.',
            false,
          ),
        );
        return;
      }
      if (setup().attempts.claimOutcome(paymentId, 'success')) {
        deps.events.success({ paymentId, status, amount, reference });
      }
    } else if (status === 'cancelled') {
      if (setup().attempts.claimOutcome(paymentId, 'cancel')) {
        deps.events.cancel({ paymentId, reason: payment.error?.code ?? 'cancelled' });
      }
    } else if (setup().attempts.claimOutcome(paymentId, 'failure')) {
      const error =
        payment.error ??
        (status === 'expired'
          ? {
              code: 'expired',
              message: 'The payment expired before it was authorised.',
              retryable: true,
            }
          : { code: 'payment_failed', message: 'The payment failed.', retryable: false });
      deps.events.failure({ paymentId, status, error });
    }
  }

  function failWithoutRetry(paymentId: string | undefined, error: CheckoutError) {
    stopTracking();
    closeBankWindow();
    setup().attempts.clear();
    console.error(`<pay-by-bank>: ${error.message} (${error.code})`);
    const payment = state().payment;
    $state.set({
      ...state(),
      view: 'outcome',
      outcome: 'failed',
      payment: payment ? { ...payment, error: error.toPaymentError() } : undefined,
    });
    if (!paymentId || setup().attempts.claimOutcome(paymentId, 'failure')) {
      deps.events.failure({ paymentId, error: error.toPaymentError() });
    }
  }

  function startTracking(payment: PaymentSnapshot, view: CheckoutView = 'tracking') {
    stopTracking();
    $state.set({ ...state(), view, payment, outcome: undefined, error: undefined });
    stopListening = deps.onBankWindowReturn((paymentId) => {
      if (paymentId === state().payment?.paymentId) tracker?.pollNow();
    });
    tracker = trackStatus({
      status: payment.status,
      environment: deps.environment,
      budgetMs: deps.pollBudgetMs,
      random: deps.random,
      fetchStatus: (query, signal) => setup().client.getPayment(payment.paymentId, query, signal),
      onUpdate: applyPayment,
      onTransientError: () => $state.setKey('connectionTrouble', true),
      onFatalError: (error) => failWithoutRetry(payment.paymentId, error),
      onBudgetExhausted: () => {
        stopTracking();
        setup().attempts.clear();
        const current = state().payment ?? payment;
        $state.set({ ...state(), view: 'outcome', outcome: 'pending' });
        if (setup().attempts.claimOutcome(current.paymentId, 'pending')) {
          deps.events.pending({ paymentId: current.paymentId, status: current.status });
        }
      },
    });
  }

  function handOff(created: CreatePaymentResponse, made: Attempt) {
    const payment: PaymentSnapshot = {
      paymentId: created.paymentId,
      status: created.status,
      amount: created.amount,
      reference: created.reference,
    };
    context.onCreated();
    const { authorizationUrl, expiresAt } = created;
    $state.set({
      ...state(),
      payment,
      authorizationUrl,
      expiresAt,
      summary: created.summary ?? state().summary,
    });
    emitStatus(payment.paymentId, payment.status, null);
    if (isTerminal(payment.status)) {
      finish(payment);
      return;
    }
    if (
      authorizationUrl &&
      !isSafeAuthorizationUrl(authorizationUrl, setup().allowedAuthorizationOrigins)
    ) {
      failWithoutRetry(
        payment.paymentId,
        new CheckoutError(
          'unsafe_authorization_url',
          `Refused to open the authorization URL "${authorizationUrl}": only https: (or http: on localhost) is allowed.`,
          false,
        ),
      );
      return;
    }
    saveAttempt({ ...made, paymentId: payment.paymentId, status: payment.status });
    if (!authorizationUrl) startTracking(payment);
    else if (made.flow === 'qr') showQr(payment);
    else if (made.flow === 'popup') leaveByPopup(payment, authorizationUrl);
    else leaveByRedirect(payment, authorizationUrl);
  }

  function saveAttempt(saved: Omit<SavedAttempt, 'expiresAt' | 'authorizationUrl'>) {
    const { amount, reference } = state().payment ?? {};
    setup().attempts.save({
      ...saved,
      expiresAt: state().expiresAt,
      authorizationUrl: state().authorizationUrl,
      amount,
      reference,
    });
  }

  function leaveByRedirect(payment: PaymentSnapshot, authorizationUrl: string) {
    closeBankWindow();
    const saved = setup().attempts.load();
    if (saved) setup().attempts.save({ ...saved, flow: 'redirect' });
    $state.set({ ...state(), view: 'redirecting' });
    const proceed = deps.events.redirect({
      paymentId: payment.paymentId,
      authorizationUrl,
      flow: 'redirect',
    });
    if (proceed) deps.navigate(authorizationUrl);
  }

  function leaveByPopup(payment: PaymentSnapshot, authorizationUrl: string) {
    if (!bankWindow) {
      // Blocked. An explicit popup flow asks for one more click; auto goes by redirect instead.
      if (setup().flow === 'popup') $state.setKey('view', 'popup-blocked');
      else leaveByRedirect(payment, authorizationUrl);
      return;
    }
    const proceed = deps.events.redirect({
      paymentId: payment.paymentId,
      authorizationUrl,
      flow: 'popup',
    });
    if (!proceed) {
      closeBankWindow();
      $state.setKey('view', 'redirecting');
      return;
    }
    bankWindow.load(authorizationUrl);
    watchBankWindow(payment);
  }

  /** While the payer is in the bank's window: track the status, and notice if they close it. */
  function watchBankWindow(payment: PaymentSnapshot) {
    startTracking(payment, 'popup');
    const watched = bankWindow;
    bankWindowWatch = setInterval(() => {
      if (!watched?.isClosed()) return;
      clearInterval(bankWindowWatch);
      bankWindowWatch = undefined;
      if (bankWindow === watched) bankWindow = undefined;
      void checkAfterBankWindowClosed();
    }, BANK_WINDOW_CHECK_MS);
  }

  /** The window closed: one status check says whether the payer finished or gave up. */
  async function checkAfterBankWindowClosed() {
    const payment = state().payment;
    if (!payment || state().view !== 'popup') return;
    try {
      applyPayment(await setup().client.getPayment(payment.paymentId));
    } catch {
      // Unknown: the payer can still reopen the window or choose another bank.
    }
    if (state().view !== 'popup') return;
    stopTracking();
    $state.setKey('view', 'popup-closed');
  }

  function showQr(payment: PaymentSnapshot) {
    startTracking(payment, 'qr');
    const expiresAt = Date.parse(state().expiresAt ?? '');
    if (Number.isFinite(expiresAt)) {
      linkExpiry = setTimeout(() => void renewQr(), Math.max(0, expiresAt - Date.now()));
    }
  }

  /** The QR link ran out while the payer looked at it: a new payment and link, at most a few times. */
  async function renewQr() {
    const current = state().payment;
    const saved = setup().attempts.load();
    if (!current || state().view !== 'qr') return;
    if (state().qrLinks >= MAX_QR_LINKS || !saved) {
      finish({ ...current, status: 'expired' });
      return;
    }
    stopTracking();
    const next: Attempt = {
      idempotencyKey: deps.newIdempotencyKey(),
      bankId: saved.bankId,
      payer: saved.payer ?? {},
      flow: 'qr',
    };
    await create(next, { quiet: true });
  }

  async function create(current: Attempt, { quiet = false } = {}) {
    setup().attempts.save({ ...current, status: 'created' });
    if (!quiet) $state.set({ ...state(), view: 'creating', error: undefined });
    try {
      const created = await setup().client.createPayment(
        {
          bankId: current.bankId,
          checkout: setup().checkout,
          returnUrl: setup().returnUrl,
          flow: current.flow,
          locale: setup().locale,
          payer: Object.keys(current.payer).length ? current.payer : undefined,
        },
        current.idempotencyKey,
      );
      if (current.flow === 'qr') $state.setKey('qrLinks', state().qrLinks + 1);
      handOff(created, current);
    } catch (error) {
      closeBankWindow();
      context.onCreateFailed(current, asCheckoutError(error));
    }
  }

  return {
    /** Creates the payment for an attempt and hands off to the bank; `opened` is the popup, if any. */
    create(attempt: Attempt, opened: BankWindow | undefined): Promise<void> {
      closeBankWindow();
      bankWindow = opened;
      return create(attempt);
    },

    /** Resumes tracking a payment that left for the bank, from the return page or a reload. */
    resume(paymentId: string, saved: SavedAttempt | undefined, returned: boolean) {
      $state.set({
        ...state(),
        authorizationUrl: saved?.authorizationUrl,
        expiresAt: saved?.expiresAt,
      });
      const payment: PaymentSnapshot = {
        paymentId,
        status: saved && saved.status !== 'created' ? saved.status : 'awaiting_authorisation',
        amount: saved?.amount,
        reference: saved?.reference,
      };
      const showable =
        !returned && saved?.authorizationUrl && !isPastExpiry(saved.expiresAt, Date.now());
      if (showable && saved.flow === 'qr') showQr(payment);
      else if (showable && saved.flow === 'popup') startTracking(payment, 'popup');
      else startTracking(payment);
    },

    /** The bank's window was blocked or closed: open it again, from this click, or go by redirect. */
    openBankWindowAgain() {
      const { payment, authorizationUrl, expiresAt } = state();
      if (!payment || !authorizationUrl) return;
      if (isPastExpiry(expiresAt, Date.now())) {
        finish({ ...payment, status: 'expired' });
        return;
      }
      closeBankWindow();
      bankWindow = deps.openBankWindow(authorizationUrl);
      if (bankWindow) watchBankWindow(payment);
      else leaveByRedirect(payment, authorizationUrl);
    },

    /** Brings the bank's window to the front, for a payer who lost it behind the shop's page. */
    focusBankWindow() {
      bankWindow?.focus();
    },

    /** From the QR code: authorise on this device instead, by redirect, with the same payment. */
    payOnThisDevice() {
      const { payment, authorizationUrl } = state();
      if (!payment || !authorizationUrl) return;
      stopTracking();
      leaveByRedirect(payment, authorizationUrl);
    },

    /** The merchant abandons the payment in progress: the page hears `cancel`. */
    cancel() {
      const payment = state().payment;
      stopTracking();
      closeBankWindow();
      setup().attempts.clear();
      if (!payment || isTerminal(payment.status)) return false;
      $state.set({ ...state(), view: 'outcome', outcome: 'cancelled' });
      if (setup().attempts.claimOutcome(payment.paymentId, 'cancel')) {
        deps.events.cancel({ paymentId: payment.paymentId, reason: 'cancelled_by_merchant' });
      }
      return true;
    },

    /** Stops timers and requests, and closes the bank's window. */
    stop() {
      stopTracking();
      closeBankWindow();
    },

    /** Stops timers and requests only: the element left the page, maybe to come back. */
    pause: stopTracking,

    /** Restarts tracking after `pause` if a payment was under way (the element moved in the DOM). */
    reconnect() {
      const { payment, view } = state();
      if (!payment || tracker) return;
      if (view === 'qr') showQr(payment);
      else if (view === 'tracking' || view === 'popup') startTracking(payment, view);
    },
  };
}

export type PaymentSession = ReturnType<typeof createPaymentSession>;
