import { LitElement, html, isServer } from 'lit';
import type { PropertyValues } from 'lit';
import { createAttemptStorage, sessionStorageOrUndefined } from '../core/attempt-storage.js';
import { filterBanks, isSelectable } from '../core/banks.js';
import type { PayByBankEventDetails, PayByBankEventName } from '../core/checkout-events.js';
import { createCheckoutStore } from '../core/checkout-store.js';
import type { CheckoutState, CheckoutStore } from '../core/checkout-store.js';
import { parseSettings, parseTheme } from '../core/config.js';
import type { CheckoutSettings, FlowSetting, SettingsProblem, Theme } from '../core/config.js';
import { createTranslator, resolveLocale } from '../core/i18n.js';
import type { Translate } from '../core/i18n.js';
import { createMerchantClient } from '../core/merchant-client.js';
import { formatMoney } from '../core/money.js';
import { browserPageEnvironment } from '../core/page-environment.js';
import type { Money } from '../core/protocol.js';
import { defaultReturnUrl, returnedPayment } from '../core/return-url.js';
import { onBankWindowReturn, openBankWindow, returnToOpener } from '../core/bank-window.js';
import { browserDeviceTraits } from '../core/flow.js';
import { isSafeImageUrl } from '../core/url-safety.js';
import { navigate, typeAhead } from './listbox-navigation.js';
import { payByBankEvent } from './pay-by-bank-event.js';
import { StoreController } from './store-controller.js';
import { styles } from './styles.js';
import { chooseView, MAX_VISIBLE_BANKS } from './views/choose-view.js';
import { configErrorView, errorView } from './views/error-view.js';
import { progressView } from './views/progress-view.js';
type PaymentViews = typeof import('./views/payment-views.js');

type QrView = typeof import('./views/qr-view.js').qrView;

/**
 * Seams for the few browser effects tests must observe without leaving the test page.
 * @internal
 */
export const browserEffects = {
  navigate: (url: string) => window.location.assign(url),
  openBankWindow,
  device: browserDeviceTraits,
};

const TYPE_AHEAD_RESET_MS = 500;
let instances = 0;

/**
 * Pay by bank: the payer picks their bank, authorises at the bank, and the page learns the outcome.
 * The payment link comes from the merchant's server at `endpoint`; no secret is ever in the browser.
 *
 * @event pay-by-bank-ready - The bank list is shown. `detail: { country, banks }` (banks: how many).
 * @event pay-by-bank-select - The payer picked a bank. `detail: { bank: { id, name, country } }`.
 * @event pay-by-bank-redirect - About to leave for the bank; cancelable: call `preventDefault()` and navigate yourself. `detail: { paymentId, authorizationUrl, flow }`.
 * @event pay-by-bank-status - The payment's status changed. `detail: { paymentId, status, previous }`.
 * @event pay-by-bank-success - The payment completed. `detail: { paymentId, status, amount, reference }`.
 * @event pay-by-bank-failure - Failed, expired, or an error the payer cannot retry. `detail: { paymentId?, status?, error: { code, message, retryable } }`.
 * @event pay-by-bank-cancel - The payer or the bank cancelled. `detail: { paymentId, reason }`.
 * @event pay-by-bank-pending - Still not final when the polling budget ended. `detail: { paymentId, status }`.
 *
 * @slot header - Above the element's content, e.g. a heading of the merchant's own.
 * @slot footer - Below the element's content, e.g. terms or a help link.
 *
 * @csspart base - The element's box.
 * @csspart search - The bank search field.
 * @csspart bank-list - The list of banks.
 * @csspart bank - One bank in the list.
 * @csspart button - The main action button (Pay, Try again, ...).
 * @csspart status - The progress and outcome messages.
 * @csspart error - Error messages.
 * @csspart qr - The QR code to scan with a phone.
 * @csspart summary - The bill or order being paid, when the merchant's server sends one.
 *
 * @cssproperty --pay-by-bank-color-primary - Buttons and the selected bank's border.
 * @cssproperty --pay-by-bank-color-on-primary - Text on the primary colour.
 * @cssproperty --pay-by-bank-color-text - Body text.
 * @cssproperty --pay-by-bank-color-muted - Secondary text.
 * @cssproperty --pay-by-bank-color-background - The element's background.
 * @cssproperty --pay-by-bank-color-surface - Hovered and selected banks, logo fallbacks.
 * @cssproperty --pay-by-bank-color-border - Borders of the box, fields and list.
 * @cssproperty --pay-by-bank-color-danger - Errors and failures.
 * @cssproperty --pay-by-bank-color-success - Success.
 * @cssproperty --pay-by-bank-color-warning - Degraded and unavailable banks.
 * @cssproperty --pay-by-bank-focus-ring - The focus indicator (a box-shadow).
 * @cssproperty --pay-by-bank-radius - Corner radius.
 * @cssproperty --pay-by-bank-spacing - Space between parts.
 * @cssproperty --pay-by-bank-font-family - Font family.
 * @cssproperty --pay-by-bank-font-size - Base font size.
 * @cssproperty --pay-by-bank-list-max-height - Height of the bank list before it scrolls.
 */
export class PayByBank extends LitElement {
  static override styles = styles;

  // Declared without decorators: the script-tag build then carries no decorator runtime.
  static override properties = {
    endpoint: {},
    checkout: {},
    amount: {},
    currency: {},
    country: {},
    locale: {},
    flow: {},
    returnUrl: { attribute: 'return-url' },
    bank: {},
    theme: { reflect: true },
    disabled: { type: Boolean, reflect: true },
    requestInit: { attribute: false },
    // Internal state: reactive, but no attribute (and so none in custom-elements.json).
    activeBankId: { attribute: false },
    brokenLogos: { attribute: false },
    configProblems: { attribute: false },
  };

  /** URL of the merchant's server kit (relative or absolute). Required. */
  declare endpoint?: string;
  /** Opaque checkout reference sent to the merchant's server, which decides amount and reference. */
  declare checkout?: string;
  /** Amount to show, in major units ("42.00"); display only, the server decides what is charged. */
  declare amount?: string;
  /** ISO 4217 currency of `amount`. */
  declare currency?: string;
  /** ISO 3166 country whose banks to list first; the payer can change it. */
  declare country?: string;
  /** Language and formatting locale; defaults to the page's `lang`, then the browser's. */
  declare locale?: string;
  /** How to hand off to the bank: `auto`, `redirect`, `popup` or `qr`. */
  declare flow: FlowSetting;
  /** Where the bank sends the payer back; defaults to this page. */
  declare returnUrl?: string;
  /** Id of a bank to preselect. */
  declare bank?: string;
  /** `light`, `dark` or `auto` (follows the system). */
  declare theme: Theme;
  /** Disables every control. */
  declare disabled: boolean;
  /** Extra `fetch` options for calls to the merchant's server: headers (a CSRF token), credentials. */
  declare requestInit?: RequestInit;

  declare private activeBankId: string | undefined;
  declare private brokenLogos: ReadonlySet<string>;
  declare private configProblems: readonly SettingsProblem[];

  readonly #store: CheckoutStore;
  readonly #checkoutState: StoreController<CheckoutState>;
  readonly #idPrefix = `pay-by-bank-${++instances}`;
  #settings: CheckoutSettings | undefined;
  #started = false;
  #loggedProblems = '';
  #typed = '';
  #typedAt = 0;
  #moveFocus = false;
  readonly #message: Translate = createTranslator();
  #resolvedLocale = 'en';

  constructor() {
    super();
    this.flow = 'auto';
    this.theme = 'light';
    this.disabled = false;
    this.brokenLogos = new Set();
    this.configProblems = [];
    this.#store = createCheckoutStore({
      environment: browserPageEnvironment(),
      navigate: (url) => browserEffects.navigate(url),
      newIdempotencyKey: () => crypto.randomUUID(),
      get device() {
        return browserEffects.device();
      },
      openBankWindow: (url) => browserEffects.openBankWindow(url),
      onBankWindowReturn,
      returnToOpener,
      events: {
        ready: (detail) => this.#emit('pay-by-bank-ready', detail),
        select: (detail) => this.#emit('pay-by-bank-select', detail),
        redirect: (detail) => this.#emit('pay-by-bank-redirect', detail, true),
        status: (detail) => this.#emit('pay-by-bank-status', detail),
        success: (detail) => this.#emit('pay-by-bank-success', detail),
        failure: (detail) => this.#emit('pay-by-bank-failure', detail),
        cancel: (detail) => this.#emit('pay-by-bank-cancel', detail),
        pending: (detail) => this.#emit('pay-by-bank-pending', detail),
      },
    });
    this.#checkoutState = new StoreController(this, this.#store.$state);
  }

  /** Commits the payment with the selected bank, as the Pay button does. */
  start(): Promise<void> {
    if (this.disabled || !this.#settings) return Promise.resolve();
    this.#moveFocus = true;
    return this.#store.pay();
  }

  /** Abandons the payment in progress; the page receives `pay-by-bank-cancel`. */
  cancel(): void {
    if (this.#settings) this.#store.cancel();
  }

  /** Back to a fresh bank list, forgetting any payment in progress, without an event. */
  reset(): void {
    if (this.#settings) this.#store.reset();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#started) this.#store.reconnect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#store.dispose();
    clearInterval(this.#countdown);
    this.#countdown = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Server rendering (docs/frameworks/ssr.md) renders the first view only: no page, no storage,
    // no merchant calls there. The checkout starts when the element upgrades in the browser.
    if (isServer) return;
    if (changed.has('theme') && parseTheme(this.theme) === undefined) {
      console.error(
        `<pay-by-bank>: "theme" must be light, dark or auto; got "${this.theme}". Using light.`,
      );
      this.theme = 'light';
    }
    if (changed.has('locale') || !this.#started) {
      this.#resolvedLocale = resolveLocale(this.locale, this, navigator.language);
    }
    const configKeys = [
      'endpoint',
      'checkout',
      'amount',
      'currency',
      'country',
      'flow',
      'returnUrl',
      'bank',
      'requestInit',
      'locale',
    ] as const;
    if (this.#started && !configKeys.some((key) => changed.has(key))) return;
    this.#applySettings(changed);
  }

  #applySettings(changed: PropertyValues<this>) {
    const result = parseSettings(
      {
        endpoint: this.endpoint,
        amount: this.amount,
        currency: this.currency,
        country: this.country,
        flow: this.flow,
        returnUrl: this.returnUrl,
      },
      document.baseURI,
    );
    if (!result.ok) {
      this.#settings = undefined;
      this.configProblems = result.problems;
      this.#logProblems(result.problems);
      return;
    }
    this.configProblems = [];
    const previous = this.#settings;
    const settings = result.settings;
    this.#settings = settings;
    // Two widgets for one checkout on a page keep apart by their ids.
    const scope = `${settings.endpoint.href}|${this.checkout ?? ''}${this.id ? `#${this.id}` : ''}`;
    this.#store.configure(
      {
        client: createMerchantClient({
          endpoint: settings.endpoint,
          requestInit: this.requestInit,
        }),
        attempts: createAttemptStorage(scope, sessionStorageOrUndefined),
        checkout: this.checkout,
        returnUrl: settings.returnUrl ?? defaultReturnUrl(window.location),
        flow: settings.flow,
        locale: this.#resolvedLocale,
        preferredCountry: settings.country,
        preselectedBankId: this.bank,
      },
      this.#started &&
        (!previous ||
          previous.endpoint.href !== settings.endpoint.href ||
          changed.has('checkout') ||
          changed.has('country') ||
          changed.has('requestInit')),
    );
    if (!this.#started) {
      this.#started = true;
      this.#store.start(returnedPayment(window.location, window.history));
    }
  }

  /** One console error per distinct set of problems, worded by a module loaded only then. */
  #logProblems(problems: readonly SettingsProblem[]) {
    const key = JSON.stringify(problems);
    if (key === this.#loggedProblems) return;
    this.#loggedProblems = key;
    void import('../core/config-problems.js').then(({ describeProblems }) =>
      console.error(describeProblems(problems)),
    );
  }

  #emit<Name extends PayByBankEventName>(
    name: Name,
    detail: PayByBankEventDetails[Name],
    cancelable = false,
  ): boolean {
    return this.dispatchEvent(payByBankEvent(name, detail, cancelable));
  }

  #formatAmount(money: Money | undefined): string | undefined {
    const shown = money ?? this.#settings?.amount;
    if (!shown) return undefined;
    try {
      return formatMoney(shown.value, shown.currency, this.#resolvedLocale);
    } catch {
      return `${shown.value} ${shown.currency}`;
    }
  }

  get #visibleBanks() {
    const { banks, query } = this.#checkoutState.value;
    const matching = filterBanks(banks, query);
    return { matching, visible: matching.slice(0, MAX_VISIBLE_BANKS) };
  }

  protected override render() {
    return html`<div part="base">
      <slot name="header"></slot>
      ${this.#renderView()}
      <slot name="footer"></slot>
    </div>`;
  }

  #renderView() {
    const translate = this.#message;
    if (this.configProblems.length || !this.#settings) return configErrorView(translate);
    const state = this.#checkoutState.value;
    const bankName =
      state.banks.find((bank) => bank.id === state.selectedBankId)?.name ?? translate('yourBank');
    switch (state.view) {
      case 'loading':
        return progressView(translate, translate('loadingBanks'));
      case 'creating':
        return progressView(translate, translate('creating'));
      case 'redirecting':
        return progressView(translate, translate('redirecting', { bank: bankName }));
      case 'tracking':
        return progressView(
          translate,
          translate(
            state.payment?.status === 'authorised'
              ? 'statusAuthorised'
              : state.payment?.status === 'processing'
                ? 'statusProcessing'
                : 'statusWaiting',
          ),
          state.connectionTrouble ? 'offline' : undefined,
        );
      case 'outcome':
      case 'popup':
      case 'popup-blocked':
      case 'popup-closed':
      case 'handed-back':
        return this.#renderPaymentView(state, bankName);
      case 'error':
        return errorView(translate, state.error?.code ?? '', this.#onRetry);
      case 'qr':
        return this.#renderQr(state, bankName);
      case 'choose':
        return this.#renderChoose(state);
    }
  }

  #renderChoose(state: CheckoutState) {
    this.#loadPaymentViews();
    const { matching, visible } = this.#visibleBanks;
    const selectedBank = state.banks.find((bank) => bank.id === state.selectedBankId);
    const activeBankId = visible.some((bank) => bank.id === this.activeBankId)
      ? this.activeBankId
      : selectedBank && visible.includes(selectedBank)
        ? selectedBank.id
        : undefined;
    const brokenLogos = new Set(this.brokenLogos);
    for (const bank of visible) {
      if (bank.logo && !isSafeImageUrl(bank.logo, document.baseURI)) brokenLogos.add(bank.id);
    }
    return chooseView(
      {
        state,
        visibleBanks: visible,
        matchingCount: matching.length,
        selectedBank,
        activeBankId,
        brokenLogos,
        displayAmount: this.#formatAmount(undefined),
        disabled: this.disabled,
        locale: this.#resolvedLocale,
        idPrefix: this.#idPrefix,
        translate: this.#message,
      },
      this.#chooseActions,
    );
  }

  #paymentViews: PaymentViews | undefined;

  /** Loads the views after the payer commits; called early, while the bank list is shown. */
  #loadPaymentViews() {
    if (this.#paymentViews) return;
    void import('./views/payment-views.js').then((views) => {
      this.#paymentViews = views;
      this.requestUpdate();
    });
  }

  #renderPaymentView(state: CheckoutState, bankName: string) {
    const views = this.#paymentViews;
    const translate = this.#message;
    if (!views) {
      this.#loadPaymentViews();
      return progressView(translate, translate('statusWaiting'));
    }
    if (state.view === 'handed-back') return views.handedBackView(translate);
    if (state.view === 'outcome') {
      return views.outcomeView({
        outcome: state.outcome ?? 'pending',
        payment: state.payment,
        displayAmount: this.#formatAmount(state.payment?.amount),
        translate,
        onStartAgain: this.#onStartAgain,
      });
    }
    return views.bankWindowView({
      view: state.view as 'popup' | 'popup-blocked' | 'popup-closed',
      bankName,
      translate,
      onFocusWindow: () => this.#store.focusBankWindow(),
      onOpenWindow: () => this.#store.openBankWindowAgain(),
      onChooseAnotherBank: this.#onStartAgain,
    });
  }

  /** The QR view and its encoder, loaded the first time a QR code is shown. */
  #qrView: QrView | undefined;
  #countdown: ReturnType<typeof setInterval> | undefined;

  #renderQr(state: CheckoutState, bankName: string) {
    if (!this.#qrView) {
      void import('./views/qr-view.js').then(({ qrView }) => {
        this.#qrView = qrView;
        this.requestUpdate();
      });
      return progressView(this.#message, this.#message('creating'));
    }
    const expiresAt = Date.parse(state.expiresAt ?? '');
    return this.#qrView({
      authorizationUrl: state.authorizationUrl ?? '',
      bankName,
      secondsLeft: Number.isFinite(expiresAt)
        ? Math.max(0, Math.ceil((expiresAt - Date.now()) / 1000))
        : undefined,
      translate: this.#message,
      onPayOnThisDevice: () => this.#store.payOnThisDevice(),
    });
  }

  /** The QR view's countdown re-renders once a second, only while it is shown. */
  #tickWhileQr() {
    const showing = this.#checkoutState.value.view === 'qr';
    if (showing && !this.#countdown) {
      this.#countdown = setInterval(() => this.requestUpdate(), 1000);
    } else if (!showing && this.#countdown) {
      clearInterval(this.#countdown);
      this.#countdown = undefined;
    }
  }

  protected override updated(changed: PropertyValues): void {
    this.#tickWhileQr();
    if (changed.has('activeBankId') && this.activeBankId) {
      this.renderRoot
        .querySelector(`#${this.#idPrefix}-bank-${CSS.escape(this.activeBankId)}`)
        ?.scrollIntoView({ block: 'nearest' });
    }
    if (this.#moveFocus) {
      const target = this.renderRoot.querySelector<HTMLElement>('[data-autofocus]');
      if (target) {
        this.#moveFocus = false;
        target.focus();
      }
    }
  }

  readonly #onRetry = () => {
    this.#moveFocus = true;
    void this.#store.retry();
  };

  readonly #onStartAgain = () => {
    this.#store.startAgain();
    this.updateComplete.then(() => this.#focusList());
  };

  #focusList() {
    this.renderRoot.querySelector<HTMLElement>('[role="listbox"]')?.focus();
  }

  #activate(bankId: string | undefined) {
    this.activeBankId = bankId;
    if (bankId) this.#store.selectBank(bankId);
  }

  readonly #chooseActions = {
    onCountry: (event: Event) => {
      this.activeBankId = undefined;
      this.#store.setCountry((event.target as HTMLSelectElement).value);
    },
    onSearch: (event: Event) => {
      this.activeBankId = undefined;
      this.#store.setQuery((event.target as HTMLInputElement).value);
    },
    onSearchKeydown: (event: KeyboardEvent) => {
      if (event.key !== 'ArrowDown') return;
      event.preventDefault();
      const first = this.#visibleBanks.visible[0];
      if (!this.activeBankId && first) this.#activate(first.id);
      this.#focusList();
    },
    onListKeydown: (event: KeyboardEvent) => this.#onListKeydown(event),
    onPick: (bankId: string) => {
      if (this.disabled) return;
      this.#activate(bankId);
      this.#focusList();
    },
    onLogoError: (bankId: string) => {
      this.brokenLogos = new Set([...this.brokenLogos, bankId]);
    },
    onField: (event: Event) => {
      const input = event.target as HTMLInputElement;
      this.#store.setPayerField(input.name, input.value);
    },
    onSubmit: (event: Event) => {
      event.preventDefault();
      void this.start().then(() => this.#focusFirstProblem());
    },
  };

  #focusFirstProblem() {
    this.renderRoot.querySelector<HTMLElement>('input[aria-invalid="true"]')?.focus();
  }

  #onListKeydown(event: KeyboardEvent) {
    if (this.disabled) return;
    const banks = this.#visibleBanks.visible;
    const options = banks.map((bank) => ({ id: bank.id, label: bank.name }));
    const state = this.#checkoutState.value;
    const current = banks.findIndex(
      (bank) => bank.id === (this.activeBankId ?? state.selectedBankId),
    );
    let next = navigate(event.key, options, current);
    if (
      next === undefined &&
      event.key.length === 1 &&
      event.key !== ' ' &&
      !event.ctrlKey &&
      !event.metaKey
    ) {
      const now = Date.now();
      this.#typed = now - this.#typedAt > TYPE_AHEAD_RESET_MS ? event.key : this.#typed + event.key;
      this.#typedAt = now;
      next = typeAhead(this.#typed, options, current);
    }
    if (next !== undefined) {
      event.preventDefault();
      this.#activate(banks[next]?.id);
      return;
    }
    const active = banks[current];
    if (event.key === ' ' && active) {
      event.preventDefault();
      this.#activate(active.id);
    } else if (event.key === 'Enter' && active && isSelectable(active)) {
      event.preventDefault();
      this.#activate(active.id);
      if (active.fields?.length) {
        this.updateComplete.then(() =>
          this.renderRoot
            .querySelector<HTMLInputElement>(`input[name="${active.fields?.[0]?.name}"]`)
            ?.focus(),
        );
      } else {
        void this.start();
      }
    }
  }
}
