import { atom } from 'nanostores';
import type { WritableAtom } from 'nanostores';
import { collatorFor, validatePayerFields } from './banks.js';
import { asCheckoutError } from './checkout-error.js';
import type { CheckoutError } from './checkout-error.js';
import type { CheckoutDependencies, CheckoutSetup } from './checkout-context.js';
import { INITIAL_STATE } from './checkout-state.js';
import type { CheckoutState, RetryableError } from './checkout-state.js';
import { resolveFlow } from './flow.js';
import { isRootCollated } from './root-collation.js';
import type { PaymentSession } from './payment-session.js';
import type { ReturnedPayment } from './return-url.js';
import {
  bankListReset,
  bankSelected,
  banksLoaded,
  banksRequested,
  backToBanks,
  countryChanged,
  failedRetryably,
  payerFieldChanged,
  payerFieldsRejected,
  paymentStarted,
  queryChanged,
} from './transitions/bank-choice.js';

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * One checkout: the bank list, the payer's choice, the payment attempt and its tracking. The element
 * renders `$state` and calls the actions; all decisions live here, and every change of the state is
 * one of the pure transitions in `transitions/`. One store per element instance.
 */
export function createCheckoutStore(deps: CheckoutDependencies) {
  const $state: WritableAtom<CheckoutState> = atom(INITIAL_STATE);
  let setup: CheckoutSetup | undefined;
  let banksRequest: AbortController | undefined;
  let creation: Promise<void> | undefined;
  let session: PaymentSession | undefined;
  let sessionLoading: Promise<PaymentSession> | undefined;

  const state = () => $state.get();
  const update = (transition: (current: CheckoutState) => CheckoutState) =>
    $state.set(transition(state()));
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
        onCreateFailed: (error) => showRetryableError(error, 'create'),
      });
      return session;
    });
    return sessionLoading;
  }

  async function loadBanks(country: string | undefined) {
    banksRequest?.abort();
    const controller = new AbortController();
    banksRequest = controller;
    update(banksRequested);
    try {
      const { client, checkout, locale } = configured();
      const request = client.getBanks(country, checkout, controller.signal);
      // The collation data the list is sorted with loads while the request is out, not after it; a
      // list in a root-collated language may sort without it (root-collation.ts).
      if (!isRootCollated(locale)) collatorFor(locale);
      const answer = await request;
      if (controller.signal.aborted) return;
      update((now) =>
        banksLoaded(now, {
          answer,
          country,
          locale: setup?.locale ?? 'en',
          preselectedBankId: setup?.preselectedBankId,
          lastBankId: setup?.rememberedBank?.load(),
        }),
      );
      deps.events.ready({ country: state().country || '', banks: state().banks.length });
      (deps.afterPaint ?? ((run) => run()))(() => void loadSession());
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) return;
      showRetryableError(asCheckoutError(error), 'banks');
    } finally {
      if (banksRequest === controller) banksRequest = undefined;
    }
  }

  function showRetryableError(error: CheckoutError, operation: RetryableError['operation']) {
    console.error(`<pay-by-bank>: ${error.message} (${error.code})`);
    update((now) => failedRetryably(now, { ...error.toPaymentError(), operation }));
  }

  /** Drops the payment in progress, its saved attempt and its window, without an event. */
  function forgetPayment() {
    session?.stop();
    configured().attempts.clear();
  }

  /** Until the payment is created: a second Pay or "Try again" meanwhile gets the same promise. */
  function creating(created: Promise<void>): Promise<void> {
    creation = created.finally(() => (creation = undefined));
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
     * The first run after configure. With nothing to resume (no payment id in the address, no saved
     * attempt) the bank list; otherwise the payment session, loaded first, decides
     * (`PaymentSession.start`): hand back inside the bank's window, resume, or the bank list.
     */
    start(returned: ReturnedPayment | undefined) {
      if (!returned && !configured().attempts.load()) {
        void loadBanks(configured().preferredCountry);
        return;
      }
      void loadSession().then((loaded) =>
        loaded.start(returned, () => void loadBanks(configured().preferredCountry)),
      );
    },

    setQuery(query: string) {
      update((now) => queryChanged(now, query));
    },

    setCountry(country: string) {
      const before = state();
      update((now) => countryChanged(now, country));
      if (state() !== before) void loadBanks(country);
    },

    selectBank(bankId: string) {
      const before = state();
      update((now) => bankSelected(now, bankId));
      const bank = selectedBank();
      if (state() === before || !bank) return;
      deps.events.select({ bank: { id: bank.id, name: bank.name, country: bank.country } });
    },

    setPayerField(name: string, value: string) {
      update((now) => payerFieldChanged(now, { name, value }));
    },

    /**
     * The payer commits: create the payment. A second call while one is being created returns the
     * same promise, so a double click makes one payment. The bank's window opens now, inside the
     * payer's click (a window opened after the server answers is blocked); the session makes the
     * attempt and creates the payment once it is loaded. Not for a bank the list says is paid
     * elsewhere (a UPI app): its window would stay blank.
     */
    pay(): Promise<void> {
      if (creation) return creation;
      const bank = selectedBank();
      if (!bank || !setup || state().view !== 'choose') return Promise.resolve();
      const payerProblems = validatePayerFields(bank, state().payer);
      if (Object.keys(payerProblems).length) {
        update((now) => payerFieldsRejected(now, payerProblems));
        return Promise.resolve();
      }
      const flow = resolveFlow(setup.flow, deps.device);
      update(paymentStarted);
      const opened = flow === 'popup' && !bank.handOff ? deps.openBankWindow() : undefined;
      return creating(loadSession().then((loaded) => loaded.pay(bank, flow, opened)));
    },

    /** "Try again" on an error: repeats the same operation; a payment retry keeps its Idempotency-Key. */
    retry(): Promise<void> {
      const current = state();
      if (current.view !== 'error') return Promise.resolve();
      if (current.error.operation === 'create' && session?.retryable()) {
        return creation ?? creating(session.retry());
      }
      return loadBanks(state().country ?? setup?.preferredCountry);
    },

    openBankWindowAgain: () => session?.openBankWindowAgain(),
    focusBankWindow: () => session?.focusBankWindow(),
    payOnThisDevice: () => session?.payOnThisDevice(),

    /** Back to the bank list for a new attempt (a new payment, a new Idempotency-Key). */
    startAgain() {
      forgetPayment();
      update(backToBanks);
      if (state().view === 'loading') void loadBanks(state().country ?? setup?.preferredCountry);
    },

    /** The merchant abandons the payment in progress: tracking stops and the page hears `cancel`. */
    cancel() {
      if (!session?.cancel()) this.startAgain();
    },

    /** Back to a fresh bank list: no payment, no saved attempt, no event. */
    reset() {
      forgetPayment();
      update(bankListReset);
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
