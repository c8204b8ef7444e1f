import { map } from 'nanostores';
import type { MapStore } from 'nanostores';
import type { AttemptStorage } from './attempt-storage.js';
import type { BankWindow } from './bank-window.js';
import { isSelectable, sortBanks, validatePayerFields } from './banks.js';
import { asCheckoutError } from './checkout-error.js';
import type { CheckoutError } from './checkout-error.js';
import type { CheckoutEvents } from './checkout-events.js';
import type { FlowSetting } from './config.js';
import type { DeviceTraits } from './flow.js';
import { resolveFlow } from './flow.js';
import type { MerchantClient } from './merchant-client.js';
import type { PageEnvironment } from './page-environment.js';
import type { PaymentSession } from './payment-session.js';
import type { Bank, Flow, Money, PaymentError, SummaryLine } from './protocol.js';
import type { PaymentStatus } from './status.js';

export type CheckoutView =
  | 'loading'
  | 'choose'
  | 'creating'
  | 'redirecting'
  /** Waiting while the payer authorises in the bank's window. */
  | 'popup'
  /** The browser blocked the bank's window: one more click opens it. */
  | 'popup-blocked'
  /** The payer closed the bank's window before authorising. */
  | 'popup-closed'
  | 'qr'
  /** This page is the return page inside the bank's window, which has handed back and closes. */
  | 'handed-back'
  | 'tracking'
  | 'outcome'
  | 'error';

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
  /** Where the payer authorises the payment in progress, and until when. */
  authorizationUrl: string | undefined;
  expiresAt: string | undefined;
  /** How many QR links this attempt has used; a new one comes when the last expires. */
  qrLinks: number;
}

/** Everything the checkout needs from outside core: the merchant, the page, and where events go. */
export interface CheckoutDependencies {
  environment: PageEnvironment;
  events: CheckoutEvents;
  navigate(url: string): void;
  newIdempotencyKey(): string;
  device: DeviceTraits;
  openBankWindow(url?: string): BankWindow | undefined;
  /** Calls the listener with the payment id the bank window's return page reports. */
  onBankWindowReturn(listener: (paymentId: string) => void): () => void;
  /** On a return page inside the bank window: hands the payment to the opener; false elsewhere. */
  returnToOpener(paymentId: string): boolean;
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

/** One try at paying: a new one gets a new Idempotency-Key; a retry of the same one keeps it. */
export interface Attempt {
  idempotencyKey: string;
  bankId: string;
  payer: Record<string, string>;
  flow: Flow;
}

function sameAttempt(attempt: Attempt | undefined, next: Omit<Attempt, 'idempotencyKey'>) {
  return (
    attempt !== undefined &&
    attempt.bankId === next.bankId &&
    attempt.flow === next.flow &&
    JSON.stringify(attempt.payer) === JSON.stringify(next.payer)
  );
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
  authorizationUrl: undefined,
  expiresAt: undefined,
  qrLinks: 0,
};

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
  let session: PaymentSession | undefined;
  let sessionLoading: Promise<PaymentSession> | undefined;

  const state = () => $state.get();
  const configured = (): CheckoutSetup => {
    if (!setup) throw new Error('<pay-by-bank>: the checkout store was used before configure().');
    return setup;
  };
  const selectedBank = () => state().banks.find((bank) => bank.id === state().selectedBankId);

  /** The payment half of the checkout, in a chunk of its own; fetched as soon as banks are shown. */
  function loadSession(): Promise<PaymentSession> {
    sessionLoading ??= import('./payment-session.js').then(({ createPaymentSession }) => {
      session = createPaymentSession({
        $state,
        deps,
        setup: configured,
        onCreated: () => (attempt = undefined),
        onCreateFailed(failed, error) {
          attempt = failed;
          showRetryableError(error, 'create');
        },
      });
      return session;
    });
    return sessionLoading;
  }

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
      void loadSession();
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

  /** Drops the payment in progress, its saved attempt and its window, without an event. */
  function forgetPayment() {
    session?.stop();
    attempt = undefined;
    configured().attempts.clear();
    $state.set({
      ...state(),
      payment: undefined,
      outcome: undefined,
      error: undefined,
      authorizationUrl: undefined,
      expiresAt: undefined,
    });
  }

  /**
   * Opens the bank's window now, inside the payer's click (a window opened after the server answers
   * is blocked), then creates the payment with the session once it is loaded.
   */
  function send(current: Attempt): Promise<void> {
    const opened = current.flow === 'popup' ? deps.openBankWindow() : undefined;
    creation = loadSession()
      .then((loaded) => loaded.create(current, opened))
      .finally(() => (creation = undefined));
    return creation;
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
     * The first run after configure. On the return page inside the bank's window: hand back to the
     * shop's page. Otherwise resume a payment that left for the bank (the return URL's id, if it is
     * this widget's or no widget's, else the saved attempt), or show the bank list.
     */
    start(returned: { paymentId: string; claim(): void } | undefined) {
      if (returned && deps.returnToOpener(returned.paymentId)) {
        $state.setKey('view', 'handed-back');
        return;
      }
      const { attempts } = configured();
      const saved = attempts.load();
      const claimed =
        returned &&
        (saved?.paymentId === returned.paymentId || !attempts.isAnyones(returned.paymentId));
      if (claimed) returned.claim();
      const paymentId = claimed ? returned.paymentId : saved?.paymentId;
      if (!paymentId) {
        // A reload while the payment was being created: the next Pay sends the same key again.
        if (saved) attempt = { ...saved, payer: saved.payer ?? {} };
        void loadBanks(configured().preferredCountry);
        return;
      }
      $state.setKey('view', 'tracking');
      const fromSaved = saved?.paymentId === paymentId ? saved : undefined;
      void loadSession().then((loaded) => loaded.resume(paymentId, fromSaved, Boolean(claimed)));
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
      const flow = resolveFlow(setup.flow, deps.device);
      const next = { bankId: bank.id, payer, flow };
      const current: Attempt =
        attempt && sameAttempt(attempt, next)
          ? attempt
          : { ...next, idempotencyKey: deps.newIdempotencyKey() };
      attempt = current;
      $state.set({ ...state(), qrLinks: 0, view: 'creating', error: undefined });
      return send(current);
    },

    /** "Try again" on an error: repeats the same operation; a payment retry keeps its Idempotency-Key. */
    retry(): Promise<void> {
      const error = state().error;
      if (!error) return Promise.resolve();
      if (error.operation === 'create' && attempt) {
        if (creation) return creation;
        $state.set({ ...state(), view: 'creating', error: undefined });
        return send(attempt);
      }
      return loadBanks(state().country ?? setup?.preferredCountry);
    },

    openBankWindowAgain: () => session?.openBankWindowAgain(),
    focusBankWindow: () => session?.focusBankWindow(),
    payOnThisDevice: () => session?.payOnThisDevice(),

    /** Back to the bank list for a new attempt (a new payment, a new Idempotency-Key). */
    startAgain() {
      forgetPayment();
      if (state().banks.length) $state.setKey('view', 'choose');
      else void loadBanks(state().country ?? setup?.preferredCountry);
    },

    /** The merchant abandons the payment in progress: tracking stops and the page hears `cancel`. */
    cancel() {
      if (!session?.cancel()) this.startAgain();
    },

    /** Back to a fresh bank list: no payment, no saved attempt, no event. */
    reset() {
      forgetPayment();
      $state.set({ ...state(), query: '', payer: {}, payerProblems: {} });
      void loadBanks(state().country ?? setup?.preferredCountry);
    },

    /** Stops all timers and requests; the element calls it when it leaves the page. */
    dispose() {
      session?.pause();
      banksRequest?.abort();
    },

    /** Restarts tracking after `dispose` if a payment was under way (the element moved in the DOM). */
    reconnect() {
      session?.reconnect();
      if (state().view === 'loading' && !banksRequest) {
        void loadBanks(state().country ?? setup?.preferredCountry);
      }
    },
  };
}

export type CheckoutStore = ReturnType<typeof createCheckoutStore>;
