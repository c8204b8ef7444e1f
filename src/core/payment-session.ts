import type { WritableAtom } from 'nanostores';
import type { SavedAttempt } from './attempt-storage.js';
import type { BankWindow } from './bank-window.js';
import { onBankWindowReturn, returnToOpener } from './bank-window-return.js';
import { asCheckoutError, CheckoutError } from './checkout-error.js';
import type { CheckoutDependencies, CheckoutSetup } from './checkout-context.js';
import { linkOf, paymentOf } from './state-payment.js';
import type { Attempt, CheckoutState, PaymentSnapshot } from './checkout-state.js';
import { isPastExpiry } from './expiry.js';
import { browserPageEnvironment } from './page-environment.js';
import { protocolLocale } from './protocol-locale.js';
// The merchant client's payment calls, which it imports lazily: loaded with the session, ready by Pay.
import './merchant-payments.js';
import type { HandOff, HandOffContext } from './flows/hand-off.js';
import { noHandOff } from './flows/none.js';
import { popupHandOff } from './flows/popup.js';
import { qrHandOff } from './flows/qr.js';
import { redirectHandOff } from './flows/redirect.js';
import { upiIntentHandOff } from './flows/upi-intent.js';
import type { Bank, CreatePaymentResponse, Flow, PaymentStatusResponse } from './protocol.js';
import type { PaymentStatus } from './status.js';
import { isTerminal } from './status.js';
import type { StatusTracker } from './status-tracker.js';
import { trackStatus } from './status-tracker.js';
import {
  cancelled,
  connectionLost,
  creationRetried,
  failedForGood,
  finished,
  handedBack,
  paymentCreated,
  resuming,
  statusChanged,
  trackingGaveUp,
  trackingStarted,
} from './transitions/payment.js';
import type { ReturnedPayment } from './return-url.js';
import { isSafeAuthorizationUrl } from './authorization-url.js';

/**
 * A payment from its creation (or its resumption on the return page) to its outcome: the hand-off to
 * the bank by one of the flows in `flows/`, status tracking, and the one outcome event. Loaded when
 * the bank list is shown, so the first paint of the bank list does not wait for it.
 */

export interface SessionContext {
  $state: WritableAtom<CheckoutState>;
  deps: CheckoutDependencies;
  setup(): CheckoutSetup;
  /** Creating the payment failed: the checkout shows a retryable error; the session keeps the attempt. */
  onCreateFailed(error: CheckoutError): void;
}

function sameAttempt(attempt: Attempt, next: Omit<Attempt, 'idempotencyKey'>) {
  return (
    attempt.bankId === next.bankId &&
    attempt.flow === next.flow &&
    JSON.stringify(attempt.payer) === JSON.stringify(next.payer)
  );
}

export function createPaymentSession(context: SessionContext) {
  const { $state, deps, setup } = context;
  const state = () => $state.get();
  const update = (transition: (current: CheckoutState) => CheckoutState) =>
    $state.set(transition(state()));
  let tracker: StatusTracker | undefined;
  /** The attempt whose creation failed (or was cut short by a reload): the next Pay may send it again. */
  let attempt: Attempt | undefined;
  /** The bank of the payment in hand, remembered on success with `remember-bank`. */
  let bankId: string | undefined;
  let stopListening: (() => void) | undefined;
  // The browser's, unless the checkout brought its own (tests do); imported here, with Pay, so that
  // they stay out of the first paint (docs/architecture.md, "The element's first paint").
  const watchReturn = deps.onBankWindowReturn ?? onBankWindowReturn;
  const environment = deps.environment ?? browserPageEnvironment();
  const bankWindow = {
    current: undefined as BankWindow | undefined,
    close() {
      this.current?.close();
      this.current = undefined;
    },
  };

  const handOff: HandOffContext = {
    deps,
    onBankWindowReturn: watchReturn,
    setup,
    state,
    update,
    bankWindow,
    startTracking,
    stopTracking,
    applyPayment,
    finish,
    createQuietly: (attempt) => create(attempt, { quiet: true }),
    leaveByRedirect: (payment, authorizationUrl) => flows.redirect.start(payment, authorizationUrl),
  };
  const flows = {
    none: noHandOff(handOff),
    redirect: redirectHandOff(handOff),
    popup: popupHandOff(handOff),
    qr: qrHandOff(handOff),
    upiIntent: upiIntentHandOff(handOff),
  };
  const allFlows: readonly HandOff[] = Object.values(flows);

  function emitStatus(paymentId: string, status: PaymentStatus, previous: PaymentStatus | null) {
    deps.events.status({ paymentId, status, previous });
  }

  /** Applies a status answer; moves forward only, and finishes the checkout on a terminal status. */
  function applyPayment(answer: PaymentStatusResponse) {
    const before = state();
    const current = paymentOf(before);
    update((now) => statusChanged(now, answer));
    const after = state();
    const payment = paymentOf(after);
    if (after === before || !current || !payment) return;
    const advanced = payment.status !== current.status;
    if (advanced) emitStatus(payment.paymentId, payment.status, current.status);
    if (isTerminal(payment.status)) {
      if (advanced) finish(payment);
    } else if (
      answer.status === 'created' &&
      after.view !== 'qr' &&
      isPastExpiry(linkOf(after).expiresAt, Date.now())
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

  /** Stops tracking and every flow's timers and watches; keeps the bank's window itself. */
  function stopTracking() {
    tracker?.stop();
    tracker = undefined;
    for (const flow of allFlows) flow.dispose();
    stopListening?.();
    stopListening = undefined;
  }

  /** Stops everything, closes the bank's window, and forgets the saved attempt. */
  function end() {
    stopTracking();
    bankWindow.close();
    setup().attempts.clear();
  }

  function finish(payment: PaymentSnapshot) {
    end();
    update((now) => finished(now, payment));
    const { paymentId, status, amount, reference, receipt } = payment;
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
      if (bankId) setup().rememberedBank?.save(bankId);
      if (setup().attempts.claimOutcome(paymentId, 'success')) {
        deps.events.success({
          paymentId,
          status,
          amount,
          reference,
          ...(receipt ? { receipt } : {}),
        });
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
    end();
    console.error(`<pay-by-bank>: ${error.message} (${error.code})`);
    update((now) => failedForGood(now, error.toPaymentError()));
    if (!paymentId || setup().attempts.claimOutcome(paymentId, 'failure')) {
      deps.events.failure({ paymentId, error: error.toPaymentError() });
    }
  }

  function startTracking(payment: PaymentSnapshot, view: 'tracking' | 'popup' | 'qr') {
    stopTracking();
    update((now) => trackingStarted(now, { view, payment }));
    stopListening = watchReturn((paymentId) => {
      if (paymentId === paymentOf(state())?.paymentId) tracker?.pollNow();
    });
    tracker = trackStatus({
      status: payment.status,
      environment,
      budgetMs: deps.pollBudgetMs,
      random: deps.random,
      fetchStatus: (query, signal) => setup().client.getPayment(payment.paymentId, query, signal),
      onUpdate: applyPayment,
      onTransientError: () => update(connectionLost),
      onFatalError: (error) => failWithoutRetry(payment.paymentId, error),
      onBudgetExhausted: () => {
        stopTracking();
        setup().attempts.clear();
        const current = paymentOf(state()) ?? payment;
        update(trackingGaveUp);
        if (setup().attempts.claimOutcome(current.paymentId, 'pending')) {
          deps.events.pending({ paymentId: current.paymentId, status: current.status });
        }
      },
    });
  }

  function handOffTo(answer: CreatePaymentResponse, made: Attempt) {
    // UPI intent: a phone (the redirect flow) opens the UPI app by its link; anywhere else the payer
    // scans the same `upi://pay` link as a QR code, with the QR flow's countdown and renewal.
    const upi = answer.handOff === 'upi_intent';
    const byQr = upi && made.flow !== 'redirect';
    const created: CreatePaymentResponse =
      byQr && answer.qrPayload ? { ...answer, authorizationUrl: answer.qrPayload } : answer;
    if (byQr) {
      bankWindow.close();
      made = { ...made, flow: 'qr' };
    }
    // The payment exists: the attempt is spent, and the next Pay is a new attempt.
    attempt = undefined;
    update((now) => paymentCreated(now, { created, flow: made.flow }));
    const { authorizationUrl, expiresAt } = created;
    const payment = paymentOf(state()) as PaymentSnapshot;
    emitStatus(payment.paymentId, payment.status, null);
    if (isTerminal(payment.status)) {
      finish(payment);
      return;
    }
    if (
      authorizationUrl &&
      !isSafeAuthorizationUrl(
        authorizationUrl,
        setup().allowedAuthorizationOrigins,
        created.handOff,
      )
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
    const { amount, reference, bankName } = payment;
    setup().attempts.save({
      ...made,
      paymentId: payment.paymentId,
      status: payment.status,
      expiresAt,
      authorizationUrl,
      amount,
      reference,
      bankName,
    });
    // Without a link there is nothing to hand off: the payer authorises elsewhere, and we track. The
    // window opened at the click, for a bank the list did not say so of, is not needed.
    if (authorizationUrl && upi && !byQr) flows.upiIntent.start(payment, authorizationUrl);
    else if (authorizationUrl) flows[made.flow].start(payment, authorizationUrl);
    else {
      bankWindow.close();
      flows.none.resume(payment);
    }
  }

  /** Creates the payment for an attempt and hands off to the bank; `opened` is the popup, if any. */
  function send(current: Attempt, opened: BankWindow | undefined): Promise<void> {
    bankWindow.close();
    bankWindow.current = opened;
    bankId = current.bankId;
    return create(current);
  }

  async function create(current: Attempt, { quiet = false } = {}) {
    setup().attempts.save({ ...current, status: 'created' });
    if (!quiet) update(creationRetried);
    try {
      const created = await setup().client.createPayment(
        {
          bankId: current.bankId,
          checkout: setup().checkout,
          returnUrl: setup().returnUrl,
          flow: current.flow,
          locale: protocolLocale(setup().locale),
          payer: Object.keys(current.payer).length ? current.payer : undefined,
        },
        current.idempotencyKey,
      );
      handOffTo(created, current);
    } catch (error) {
      bankWindow.close();
      attempt = current;
      context.onCreateFailed(asCheckoutError(error));
    }
  }

  return {
    /**
     * The payer committed with `bank`: the same attempt as the last, which failed to be created, if
     * nothing changed (its Idempotency-Key kept), else a new one; `opened` is the popup, if any.
     */
    pay(bank: Bank, flow: Flow, opened: BankWindow | undefined): Promise<void> {
      const payer = Object.fromEntries(
        (bank.fields ?? []).map((field) => [field.name, (state().payer[field.name] ?? '').trim()]),
      );
      const next = { bankId: bank.id, payer, flow };
      return send(
        attempt && sameAttempt(attempt, next)
          ? attempt
          : { ...next, idempotencyKey: deps.newIdempotencyKey() },
        opened,
      );
    },

    /** Whether "Try again" after an error can send the attempt whose creation failed. */
    retryable: () => attempt !== undefined,

    /** Sends the attempt whose creation failed again, with its Idempotency-Key. */
    retry(): Promise<void> {
      if (!attempt) return Promise.resolve();
      const bank = state().banks.find((candidate) => candidate.id === attempt?.bankId);
      const popup = attempt.flow === 'popup' && !bank?.handOff;
      return send(attempt, popup ? deps.openBankWindow() : undefined);
    },

    /**
     * The checkout's first run when there may be a payment to resume. On the return page inside the
     * bank's window: hand back to the shop's page. Otherwise resume a payment that left for the bank
     * (the return URL's id, if it is this widget's or no widget's, else the saved attempt), or show
     * the bank list, keeping an attempt saved before it had a payment.
     */
    start(returned: ReturnedPayment | undefined, loadBanks: () => void) {
      if (returned && (deps.returnToOpener ?? returnToOpener)(returned.paymentId)) {
        update(handedBack);
        return;
      }
      const { attempts } = setup();
      const saved = attempts.load();
      const claimed =
        returned &&
        (saved?.paymentId === returned.paymentId || !attempts.isAnyones(returned.paymentId));
      if (claimed) returned.claim();
      const paymentId = claimed ? returned.paymentId : saved?.paymentId;
      if (!paymentId) {
        // A reload while the payment was being created: the next Pay sends the same key again.
        if (saved) attempt = { ...saved, payer: saved.payer ?? {} };
        loadBanks();
        return;
      }
      update(resuming);
      this.resume(paymentId, saved?.paymentId === paymentId ? saved : undefined, Boolean(claimed));
    },

    /** Resumes tracking a payment that left for the bank, from the return page or a reload. */
    resume(paymentId: string, saved: SavedAttempt | undefined, returned: boolean) {
      bankId = saved?.bankId;
      const payment: PaymentSnapshot = {
        paymentId,
        status: saved && saved.status !== 'created' ? saved.status : 'awaiting_authorisation',
        amount: saved?.amount,
        reference: saved?.reference,
        ...(saved?.bankName ? { bankName: saved.bankName } : {}),
      };
      const link = { authorizationUrl: saved?.authorizationUrl, expiresAt: saved?.expiresAt };
      update((now) => trackingStarted(now, { view: 'tracking', payment, ...link }));
      const showable =
        !returned && saved?.authorizationUrl && !isPastExpiry(saved.expiresAt, Date.now());
      if (showable && saved.flow === 'qr') flows.qr.resume(payment);
      else if (showable && saved.flow === 'popup') flows.popup.resume(payment);
      else flows.redirect.resume(payment);
    },

    openBankWindowAgain: () => flows.popup.openAgain(),
    focusBankWindow: () => flows.popup.focus(),
    payOnThisDevice: () => flows.qr.payOnThisDevice(),

    /** The merchant abandons the payment in progress: the page hears `cancel`. */
    cancel() {
      const payment = paymentOf(state());
      end();
      if (!payment || isTerminal(payment.status)) return false;
      update(cancelled);
      if (setup().attempts.claimOutcome(payment.paymentId, 'cancel')) {
        deps.events.cancel({ paymentId: payment.paymentId, reason: 'cancelled_by_merchant' });
      }
      return true;
    },

    /** Stops timers and requests, closes the bank's window and forgets the attempt. */
    stop() {
      stopTracking();
      bankWindow.close();
      attempt = undefined;
    },

    /** Stops timers and requests only: the element left the page, maybe to come back. */
    pause: stopTracking,

    /** Restarts tracking after `pause` if a payment was under way (the element moved in the DOM). */
    reconnect() {
      const current = state();
      const payment = paymentOf(current);
      if (!payment || tracker) return;
      if (current.view === 'qr') flows.qr.resume(payment);
      else if (current.view === 'popup') flows.popup.resume(payment);
      else if (current.view === 'tracking') flows.none.resume(payment);
    },
  };
}

export type PaymentSession = ReturnType<typeof createPaymentSession>;
