import { map } from 'nanostores';
import type { MapStore } from 'nanostores';
import type { AttemptStorage } from './attempt-storage.js';
import { isSelectable, sortBanks, validatePayerFields } from './banks.js';
import { CheckoutError } from './checkout-error.js';
import type { CheckoutEvents } from './checkout-events.js';
import type { FlowSetting } from './config.js';
import type { MerchantClient } from './merchant-client.js';
import type { PageEnvironment } from './page-environment.js';
import type {
  Bank,
  CreatePaymentResponse,
  Flow,
  Money,
  PaymentError,
  PaymentStatusResponse,
  SummaryLine,
} from './protocol.js';
import type { PaymentStatus } from './status.js';
import { canAdvance, isTerminal } from './status.js';
import type { StatusTracker } from './status-tracker.js';
import { trackStatus } from './status-tracker.js';
import { isSafeAuthorizationUrl } from './url-safety.js';

export type CheckoutView =
  'loading' | 'choose' | 'creating' | 'redirecting' | 'tracking' | 'outcome' | 'error';

export type Outcome = 'completed' | 'failed' | 'cancelled' | 'expired' | 'pending';

/** What the element shows about the payment in progress. */
export interface PaymentSnapshot {
  paymentId: string;
  status: PaymentStatus;
  amount?: Money;
  reference?: string;
  error?: PaymentError;
}

/** A merchant-server error the payer may retry; `operation` says what "Try again" repeats. */
export interface RetryableError extends PaymentError {
  operation: 'banks' | 'create';
}

export interface CheckoutState {
  view: CheckoutView;
  country: string | undefined;
  countries: string[];
  banks: Bank[];
  /** The bill or order being paid, when the merchant's server provides one. */
  summary: SummaryLine[];
  query: string;
  selectedBankId: string | undefined;
  payer: Record<string, string>;
  payerProblems: Record<string, 'required' | 'invalid'>;
  payment: PaymentSnapshot | undefined;
  outcome: Outcome | undefined;
  error: RetryableError | undefined;
  /** The last status request failed (offline, server down); tracking goes on. */
  connectionTrouble: boolean;
}

/** Everything the checkout needs from outside core: the merchant, the page, and where events go. */
export interface CheckoutDependencies {
  environment: PageEnvironment;
  events: CheckoutEvents;
  navigate(url: string): void;
  newIdempotencyKey(): string;
  pollBudgetMs?: number;
  random?: () => number;
}

/** What the page configured; it changes when the element's attributes do. */
export interface CheckoutSetup {
  client: MerchantClient;
  attempts: AttemptStorage;
  checkout: string | undefined;
  returnUrl: string;
  flow: FlowSetting;
  locale: string;
  preferredCountry: string | undefined;
  preselectedBankId: string | undefined;
  allowedAuthorizationOrigins?: readonly string[];
}

interface Attempt {
  idempotencyKey: string;
  bankId: string;
  payer: Record<string, string>;
}

const INITIAL_STATE: CheckoutState = {
  view: 'loading',
  country: undefined,
  countries: [],
  banks: [],
  summary: [],
  query: '',
  selectedBankId: undefined,
  payer: {},
  payerProblems: {},
  payment: undefined,
  outcome: undefined,
  error: undefined,
  connectionTrouble: false,
};

/** Until popup and QR hand-offs arrive, every flow leaves for the bank by redirect. */
function handOffFlow(_setting: FlowSetting): Flow {
  return 'redirect';
}

function asCheckoutError(error: unknown): CheckoutError {
  return error instanceof CheckoutError
    ? error
    : new CheckoutError('network_error', 'The merchant server could not be reached.', true);
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * One checkout: the bank list, the payer's choice, the payment attempt and its tracking. The element
 * renders `$state` and calls the actions; all decisions live here. One store per element instance.
 */
export function createCheckoutStore(deps: CheckoutDependencies) {
  const $state: MapStore<CheckoutState> = map({ ...INITIAL_STATE });
  let setup: CheckoutSetup | undefined;
  let banksRequest: AbortController | undefined;
  let creation: Promise<void> | undefined;
  let attempt: Attempt | undefined;
  let tracker: StatusTracker | undefined;

  const state = () => $state.get();
  const configured = (): CheckoutSetup => {
    if (!setup) throw new Error('<pay-by-bank>: the checkout store was used before configure().');
    return setup;
  };
  const selectedBank = () => state().banks.find((bank) => bank.id === state().selectedBankId);

  async function loadBanks(country: string | undefined) {
    banksRequest?.abort();
    const controller = new AbortController();
    banksRequest = controller;
    $state.set({ ...state(), view: 'loading', error: undefined });
    try {
      const { client, checkout } = configured();
      const answer = await client.getBanks(country, checkout, controller.signal);
      if (controller.signal.aborted) return;
      const banks = sortBanks(answer.banks, setup?.locale ?? 'en');
      const wanted = state().selectedBankId ?? setup?.preselectedBankId;
      const preselected = banks.find((bank) => bank.id === wanted && isSelectable(bank));
      $state.set({
        ...state(),
        view: 'choose',
        country: answer.country || country,
        countries: answer.countries,
        banks,
        summary: answer.summary ?? [],
        selectedBankId: preselected?.id,
      });
      deps.events.ready({ country: answer.country || country || '', banks: banks.length });
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) return;
      showRetryableError(asCheckoutError(error), 'banks');
    } finally {
      if (banksRequest === controller) banksRequest = undefined;
    }
  }

  function showRetryableError(error: CheckoutError, operation: RetryableError['operation']) {
    console.error(`<pay-by-bank>: ${error.message} (${error.code})`);
    $state.set({ ...state(), view: 'error', error: { ...error.toPaymentError(), operation } });
  }

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
    $state.set({ ...state(), payment, connectionTrouble: false });
    if (!advanced) return;
    emitStatus(payment.paymentId, payment.status, current.status);
    if (isTerminal(payment.status)) finish(payment);
    else saveProgress(payment);
  }

  function saveProgress(payment: PaymentSnapshot) {
    const saved = configured().attempts.load();
    if (saved?.paymentId === payment.paymentId)
      configured().attempts.save({ ...saved, status: payment.status });
  }

  function finish(payment: PaymentSnapshot) {
    tracker?.stop();
    tracker = undefined;
    configured().attempts.clear();
    attempt = undefined;
    const outcome = payment.status as Outcome;
    $state.set({ ...state(), view: 'outcome', outcome, payment });
    const { paymentId, status } = payment;
    if (status === 'completed') {
      if (configured().attempts.claimOutcome(paymentId, 'success')) {
        deps.events.success({
          paymentId,
          status,
          amount: payment.amount,
          reference: payment.reference,
        });
      }
    } else if (status === 'cancelled') {
      if (configured().attempts.claimOutcome(paymentId, 'cancel')) {
        deps.events.cancel({ paymentId, reason: payment.error?.code ?? 'cancelled' });
      }
    } else if (configured().attempts.claimOutcome(paymentId, 'failure')) {
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
    tracker?.stop();
    tracker = undefined;
    configured().attempts.clear();
    attempt = undefined;
    console.error(`<pay-by-bank>: ${error.message} (${error.code})`);
    const payment = state().payment;
    $state.set({
      ...state(),
      view: 'outcome',
      outcome: 'failed',
      payment: payment ? { ...payment, error: error.toPaymentError() } : undefined,
    });
    if (!paymentId || configured().attempts.claimOutcome(paymentId, 'failure')) {
      deps.events.failure({ paymentId, error: error.toPaymentError() });
    }
  }

  function startTracking(payment: PaymentSnapshot) {
    tracker?.stop();
    $state.set({ ...state(), view: 'tracking', payment, outcome: undefined, error: undefined });
    tracker = trackStatus({
      status: payment.status,
      environment: deps.environment,
      budgetMs: deps.pollBudgetMs,
      random: deps.random,
      fetchStatus: (query, signal) =>
        configured().client.getPayment(payment.paymentId, query, signal),
      onUpdate: applyPayment,
      onTransientError: () => $state.setKey('connectionTrouble', true),
      onFatalError: (error) => failWithoutRetry(payment.paymentId, error),
      onBudgetExhausted: () => {
        tracker = undefined;
        configured().attempts.clear();
        const current = state().payment ?? payment;
        $state.set({ ...state(), view: 'outcome', outcome: 'pending' });
        if (configured().attempts.claimOutcome(current.paymentId, 'pending')) {
          deps.events.pending({ paymentId: current.paymentId, status: current.status });
        }
      },
    });
  }

  function handOff(created: CreatePaymentResponse, made: Attempt, flow: Flow) {
    const payment: PaymentSnapshot = {
      paymentId: created.paymentId,
      status: created.status,
      amount: created.amount,
      reference: created.reference,
    };
    attempt = undefined;
    if (created.summary) $state.setKey('summary', created.summary);
    emitStatus(payment.paymentId, payment.status, null);
    if (isTerminal(payment.status)) {
      $state.set({ ...state(), payment });
      finish(payment);
      return;
    }
    const { authorizationUrl } = created;
    if (
      authorizationUrl &&
      !isSafeAuthorizationUrl(authorizationUrl, setup?.allowedAuthorizationOrigins)
    ) {
      $state.set({ ...state(), payment });
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
    configured().attempts.save({
      paymentId: payment.paymentId,
      idempotencyKey: made.idempotencyKey,
      bankId: made.bankId,
      flow,
      status: payment.status,
      expiresAt: created.expiresAt,
      amount: payment.amount,
      reference: payment.reference,
    });
    if (!authorizationUrl) {
      startTracking(payment);
      return;
    }
    $state.set({ ...state(), view: 'redirecting', payment });
    const proceed = deps.events.redirect({ paymentId: payment.paymentId, authorizationUrl, flow });
    if (proceed) deps.navigate(authorizationUrl);
  }

  async function create(current: Attempt) {
    const bank = state().banks.find((candidate) => candidate.id === current.bankId);
    if (!bank) return;
    const flow = handOffFlow(configured().flow);
    $state.set({ ...state(), view: 'creating', error: undefined });
    try {
      const created = await configured().client.createPayment(
        {
          bankId: bank.id,
          checkout: configured().checkout,
          returnUrl: configured().returnUrl,
          flow,
          locale: configured().locale,
          payer: Object.keys(current.payer).length ? current.payer : undefined,
        },
        current.idempotencyKey,
      );
      handOff(created, current, flow);
    } catch (error) {
      showRetryableError(asCheckoutError(error), 'create');
    }
  }

  return {
    $state,

    /** Sets what the page asked for; reloads the banks when the endpoint, checkout or country changed. */
    configure(next: CheckoutSetup, reloadBanks: boolean) {
      setup = next;
      const { view } = state();
      if (reloadBanks && (view === 'loading' || view === 'choose' || view === 'error')) {
        void loadBanks(next.preferredCountry ?? state().country);
      }
    },

    /**
     * The first run after configure: resumes a payment that left for the bank (the return URL's id,
     * else the saved attempt), or shows the bank list.
     */
    start(returnedPaymentId: string | undefined) {
      const saved = configured().attempts.load();
      const paymentId = returnedPaymentId ?? saved?.paymentId;
      if (!paymentId) {
        void loadBanks(configured().preferredCountry);
        return;
      }
      const fromSaved = saved?.paymentId === paymentId ? saved : undefined;
      startTracking({
        paymentId,
        status:
          fromSaved && fromSaved.status !== 'created' ? fromSaved.status : 'awaiting_authorisation',
        amount: fromSaved?.amount,
        reference: fromSaved?.reference,
      });
    },

    setQuery(query: string) {
      $state.setKey('query', query);
    },

    setCountry(country: string) {
      if (country === state().country) return;
      $state.set({ ...state(), country, query: '', selectedBankId: undefined });
      void loadBanks(country);
    },

    selectBank(bankId: string) {
      const bank = state().banks.find((candidate) => candidate.id === bankId);
      if (!bank || !isSelectable(bank) || bank.id === state().selectedBankId) return;
      $state.set({ ...state(), selectedBankId: bank.id, payer: {}, payerProblems: {} });
      deps.events.select({ bank: { id: bank.id, name: bank.name, country: bank.country } });
    },

    setPayerField(name: string, value: string) {
      const { [name]: _resolved, ...payerProblems } = state().payerProblems;
      $state.set({ ...state(), payer: { ...state().payer, [name]: value }, payerProblems });
    },

    /**
     * The payer commits: create the payment. A second call while one is being created returns the
     * same promise, so a double click makes one payment.
     */
    pay(): Promise<void> {
      if (creation) return creation;
      const bank = selectedBank();
      if (!bank || !setup || state().view !== 'choose') return Promise.resolve();
      const payerProblems = validatePayerFields(bank, state().payer);
      if (Object.keys(payerProblems).length) {
        $state.setKey('payerProblems', payerProblems);
        return Promise.resolve();
      }
      const payer = Object.fromEntries(
        (bank.fields ?? []).map((field) => [field.name, (state().payer[field.name] ?? '').trim()]),
      );
      attempt = { idempotencyKey: deps.newIdempotencyKey(), bankId: bank.id, payer };
      creation = create(attempt).finally(() => (creation = undefined));
      return creation;
    },

    /** "Try again" on an error: repeats the same operation; a payment retry keeps its Idempotency-Key. */
    retry(): Promise<void> {
      const error = state().error;
      if (!error) return Promise.resolve();
      if (error.operation === 'create' && attempt) {
        if (creation) return creation;
        creation = create(attempt).finally(() => (creation = undefined));
        return creation;
      }
      return loadBanks(state().country ?? setup?.preferredCountry);
    },

    /** Back to the bank list for a new attempt (a new payment, a new Idempotency-Key). */
    startAgain() {
      tracker?.stop();
      tracker = undefined;
      attempt = undefined;
      $state.set({ ...state(), payment: undefined, outcome: undefined, error: undefined });
      if (state().banks.length) $state.setKey('view', 'choose');
      else void loadBanks(state().country ?? setup?.preferredCountry);
    },

    /** The merchant abandons the payment in progress: tracking stops and the page hears `cancel`. */
    cancel() {
      const payment = state().payment;
      tracker?.stop();
      tracker = undefined;
      configured().attempts.clear();
      if (payment && !isTerminal(payment.status)) {
        $state.set({ ...state(), view: 'outcome', outcome: 'cancelled' });
        if (configured().attempts.claimOutcome(payment.paymentId, 'cancel')) {
          deps.events.cancel({ paymentId: payment.paymentId, reason: 'cancelled_by_merchant' });
        }
        return;
      }
      this.startAgain();
    },

    /** Back to a fresh bank list: no payment, no saved attempt, no event. */
    reset() {
      tracker?.stop();
      tracker = undefined;
      attempt = undefined;
      configured().attempts.clear();
      $state.set({
        ...state(),
        payment: undefined,
        outcome: undefined,
        error: undefined,
        query: '',
        payer: {},
        payerProblems: {},
      });
      void loadBanks(state().country ?? setup?.preferredCountry);
    },

    /** Stops all timers and requests; the element calls it when it leaves the page. */
    dispose() {
      tracker?.stop();
      tracker = undefined;
      banksRequest?.abort();
    },

    /** Restarts tracking after `dispose` if a payment was under way (the element moved in the DOM). */
    reconnect() {
      const payment = state().payment;
      if (state().view === 'tracking' && payment && !tracker) startTracking(payment);
      else if (state().view === 'loading' && !banksRequest) {
        void loadBanks(state().country ?? setup?.preferredCountry);
      }
    },
  };
}

export type CheckoutStore = ReturnType<typeof createCheckoutStore>;
