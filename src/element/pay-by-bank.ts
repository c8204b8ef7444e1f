import { LitElement, html, isServer } from 'lit';
import type { CSSResult, PropertyValues } from 'lit';
import type { PayByBankEventDetails, PayByBankEventName } from '../core/checkout-events.js';
import type { CheckoutState } from '../core/checkout-state.js';
import type { CheckoutStore } from '../core/checkout-store.js';
import { parseSettings, parseTheme } from '../core/config.js';
import type { CheckoutSettings, FlowSetting, SettingsProblem, Theme } from '../core/config.js';
import type { PayByBankStrings } from '../core/i18n.js';
import { formatMoney } from '../core/money.js';
import type { Money } from '../core/protocol.js';
import { returnedPayment } from '../core/return-url.js';
import { checkoutSetup, createElementCheckout, reloadsBanks } from './element-checkout.js';
import { afterPaint, whenIdle } from './paint-timing.js';
import { LazyViews } from './controllers/lazy-views.js';
import { LocaleController } from './controllers/locale-controller.js';
import { BankListController } from './controllers/bank-list-controller.js';
import { StoreController } from './controllers/store-controller.js';
import { payByBankEvent } from './pay-by-bank-event.js';
import { styles } from './styles.js';
import { checkoutView } from './views/checkout-view.js';
import { configErrorView } from './views/error-view.js';
import { progressView } from './views/progress-view.js';

/** Properties that only restyle or disable the element; a change to any other one is a new setting. */
const PRESENTATION: ReadonlySet<PropertyKey> = new Set([
  'theme',
  'disabled',
  'frameless',
  'strings',
]);

let instances = 0;

/** Whether a bank list has a bill to show above it, or a bank with payer fields. */
function showsBillOrFields(state: CheckoutState): boolean {
  return Boolean(
    state.summary.length ||
    state.payee ||
    state.reference ||
    state.banks.some((bank) => bank.fields?.length),
  );
}

/**
 * Pay by bank: the payer picks their bank, authorises at the bank, and the page learns the outcome.
 * The payment link comes from the merchant's server at `endpoint`; no secret is ever in the browser.
 *
 * @event {CustomEvent<PayByBankEventDetails['pay-by-bank-ready']>} pay-by-bank-ready - The bank list is shown. `detail: { country, banks }` (banks: how many).
 * @event {CustomEvent<PayByBankEventDetails['pay-by-bank-select']>} pay-by-bank-select - The payer picked a bank. `detail: { bank: { id, name, country } }`.
 * @event {CustomEvent<PayByBankEventDetails['pay-by-bank-redirect']>} pay-by-bank-redirect - About to leave for the bank; cancelable: call `preventDefault()` and navigate yourself. `detail: { paymentId, authorizationUrl, flow }`.
 * @event {CustomEvent<PayByBankEventDetails['pay-by-bank-status']>} pay-by-bank-status - The payment's status changed. `detail: { paymentId, status, previous }`.
 * @event {CustomEvent<PayByBankEventDetails['pay-by-bank-success']>} pay-by-bank-success - The payment completed. `detail: { paymentId, status, amount, reference }`.
 * @event {CustomEvent<PayByBankEventDetails['pay-by-bank-failure']>} pay-by-bank-failure - Failed, expired, or an error the payer cannot retry. `detail: { paymentId?, status?, error: { code, message, retryable } }`.
 * @event {CustomEvent<PayByBankEventDetails['pay-by-bank-cancel']>} pay-by-bank-cancel - The payer or the bank cancelled. `detail: { paymentId, reason }`.
 * @event {CustomEvent<PayByBankEventDetails['pay-by-bank-pending']>} pay-by-bank-pending - Still not final when the polling budget ended. `detail: { paymentId, status }`.
 *
 * @slot header - Above the element's content, e.g. a heading of the merchant's own.
 * @slot footer - Below the element's content, e.g. terms or a help link.
 * @slot success - Below the receipt once the payment completed: the merchant's next step (a link to the order, a button).
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
 * @cssproperty --pay-by-bank-border-width - Width of the element's own border; `0` drops it (see also `frameless`).
 * @cssproperty --pay-by-bank-radius - Corner radius.
 * @cssproperty --pay-by-bank-spacing - Space between parts.
 * @cssproperty --pay-by-bank-font-family - Font family.
 * @cssproperty --pay-by-bank-font-size - Base font size.
 * @cssproperty --pay-by-bank-list-max-height - Height of the bank list before it scrolls.
 */
export class PayByBank extends LitElement {
  static override styles = styles;

  // Declared once, without decorators (the script-tag build then carries no decorator runtime).
  // Every property here but the PRESENTATION ones is a setting of the checkout.
  static override properties = {
    endpoint: {},
    checkout: {},
    amount: {},
    currency: {},
    country: {},
    locale: {},
    strings: { attribute: false },
    flow: {},
    returnUrl: { attribute: 'return-url' },
    bank: {},
    theme: { reflect: true },
    disabled: { type: Boolean, reflect: true },
    frameless: { type: Boolean, reflect: true },
    rememberBank: { type: Boolean, attribute: 'remember-bank' },
    requestInit: { attribute: false },
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
  /**
   * Language and formatting locale; defaults to the element's or the page's `lang`, then the
   * browser's languages. Unsupported languages fall back by lookup (`pt-PT` speaks `pt`), then English.
   */
  declare locale?: string;
  /** The merchant's own wording of any message, per locale: `{ de: { payWithBank: 'Jetzt {amount} zahlen' } }`. */
  declare strings?: PayByBankStrings;
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
  /** Drops the element's own border, for a merchant card that draws its own frame. */
  declare frameless: boolean;
  /** Offers the payer's last-used bank first (kept in this origin's localStorage, never sent anywhere). */
  declare rememberBank?: boolean;
  /** Extra `fetch` options for calls to the merchant's server: headers (a CSRF token), credentials. */
  declare requestInit?: RequestInit;

  readonly #store: CheckoutStore = createElementCheckout((name, detail, cancelable) =>
    this.#emit(name, detail, cancelable),
  );
  readonly #checkoutState = new StoreController(this, this.#store.$state);
  readonly #idPrefix = `pay-by-bank-${++instances}`;
  readonly #views = new LazyViews(this, (views) => this.#adoptStyles(views));
  readonly #bankList = new BankListController(this, this.#store, this.#idPrefix);

  readonly #locale = new LocaleController(this);
  #settings: CheckoutSettings | undefined;
  #configProblems: readonly SettingsProblem[] = [];
  #started = false;
  #loggedProblems = '';
  #moveFocus = false;
  /** The locale the checkout was last configured with: the server kit passes it to the provider. */
  #configuredLocale: string | undefined;

  constructor() {
    super();
    this.flow = 'auto';
    this.theme = 'light';
    this.disabled = false;
    this.frameless = false;
  }

  /**
   * Resolves, like `updateComplete`, once the element has rendered, but also waits for the catalog
   * and the view chunks it has asked for and not received yet (never for the merchant's server).
   * After `pay-by-bank-ready`, or an outcome's event, the payer's words and view are then on screen:
   * what a screenshot or an end-to-end test should wait for instead of a timeout.
   */
  get loadComplete(): Promise<boolean> {
    return this.#loadComplete();
  }

  async #loadComplete(): Promise<boolean> {
    const arriving = () => [...this.#locale.arriving, ...this.#views.arriving];
    let complete = await this.updateComplete;
    while (arriving().length) {
      await Promise.allSettled(arriving());
      complete = await this.updateComplete;
    }
    return complete;
  }

  /** Also waits for the options a new bank list's first frame held back (bank-list-controller.ts). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let rest = this.#bankList.restRendered; rest; rest = this.#bankList.restRendered) {
      await rest;
      complete = await super.getUpdateComplete();
    }
    return complete;
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
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Server rendering (docs/frameworks/ssr.md) renders the first view only: no page, no storage,
    // no merchant calls there. The checkout starts when the element upgrades in the browser.
    if (isServer) return;
    this.#measureListBeforeLeaving();
    if (changed.has('theme') && parseTheme(this.theme) === undefined) {
      console.error(
        `<pay-by-bank>: "theme" must be light, dark or auto; got "${this.theme}". Using light.`,
      );
      this.theme = 'light';
    }
    if (changed.has('locale') || changed.has('strings')) this.#locale.update();
    const localeChanged = this.#configuredLocale !== this.#locale.formatting;
    const presentationOnly = [...changed.keys()].every((key) => PRESENTATION.has(key));
    if (this.#started && presentationOnly && !localeChanged) return;
    this.#applySettings(changed);
  }

  #applySettings(changed: PropertyValues<this>) {
    const result = parseSettings(this, document.baseURI);
    if (!result.ok) {
      this.#settings = undefined;
      this.#configProblems = result.problems;
      this.#logProblems(result.problems);
      return;
    }
    this.#configProblems = [];
    const previous = this.#settings;
    this.#settings = result.settings;
    this.#configuredLocale = this.#locale.formatting;
    // A checkout's bank list may bring its bill: its view is fetched alongside, not after it.
    if (this.checkout) this.#views.get('bill-and-fields');
    this.#store.configure(
      checkoutSetup(this, result.settings, this.#configuredLocale),
      this.#started && reloadsBanks(previous, result.settings, changed),
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
    const event = payByBankEvent(name, detail, cancelable);
    // `ready` means the bank list is shown (README, "Events"): in the payer's words, with its bill
    // and fields, so a language or their views still on the way hold it back until on screen.
    const billAndFields =
      name === 'pay-by-bank-ready' &&
      showsBillOrFields(this.#checkoutState.value) &&
      !this.#views.get('bill-and-fields');
    if (name === 'pay-by-bank-ready' && (!this.#locale.ready || billAndFields)) {
      void this.loadComplete.then(() => this.dispatchEvent(event));
      return true;
    }
    return this.dispatchEvent(event);
  }

  #formatAmount(money?: Money): string | undefined {
    const shown = money ?? this.#settings?.amount;
    if (!shown) return undefined;
    try {
      return formatMoney(shown.value, shown.currency, this.#locale.formatting);
    } catch {
      return `${shown.value} ${shown.currency}`;
    }
  }

  protected override render() {
    const locale = this.#locale;
    return html`<div
      part="base"
      role="group"
      aria-label=${locale.translate('title')}
      lang=${locale.language}
      dir=${locale.direction}
    >
      <slot name="header"></slot>
      ${this.#renderView()}
      <slot name="footer"></slot>
    </div>`;
  }

  #renderView() {
    const locale = this.#locale;
    const translate = locale.translate;
    // No words before the payer's language is here: a spinner, never English first.
    if (!locale.ready) return progressView(translate, '');
    if (this.#configProblems.length || !this.#settings) return configErrorView(translate);
    const state = this.#checkoutState.value;
    return checkoutView(state, {
      translate,
      locale: locale.formatting,
      wordsAfterPay: () => {
        locale.loadAll();
        return locale.complete;
      },
      payerMessage: (code) => {
        // The words by error code come with the views after Pay (and English's rest); until then
        // the shop's own errors, which the first paint has.
        const key = this.#views.get('payment')?.payerMessageKey(code);
        if (key && locale.complete) return translate(key);
        if (code === 'network_error') return translate('errorNetwork');
        return translate(code === 'timeout' ? 'errorTimeout' : 'errorServer');
      },
      views: this.#views,
      bankName:
        state.banks.find((bank) => bank.id === state.selectedBankId)?.name ?? translate('yourBank'),
      displayAmount: (money) => this.#formatAmount(money),
      choose: () => {
        this.#prepareAfterPay();
        return this.#bankList.render({
          // Only the Pay button of a chosen bank shows it: the first formatter waits until then.
          displayAmount: state.selectedBankId ? this.#formatAmount() : undefined,
          locale: locale.formatting,
          translate,
          billAndFields: this.#views.loaded('bill-and-fields'),
        });
      },
      onRetry: this.#onRetry,
      onStartAgain: this.#onStartAgain,
      host: this,
      store: this.#store,
    });
  }

  #preparing = false;

  /**
   * Once the bank list is painted: fetches the views and words after Pay, then, when the page is
   * idle, makes the money formatter (the first costs tens of milliseconds of locale data), so they
   * are there when the payer chooses a bank and commits.
   */
  #prepareAfterPay() {
    if (this.#preparing) return;
    this.#preparing = true;
    afterPaint(() => {
      this.#views.get('payment');
      this.#locale.loadAll();
      whenIdle(() => this.#formatAmount());
    });
  }

  /** A lazily loaded chunk's own styles join the element's when it arrives. */
  #adoptStyles(views: { styles?: CSSResult }) {
    const sheet = views.styles?.styleSheet;
    const root = this.renderRoot;
    if (sheet && root instanceof ShadowRoot)
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  protected override updated(): void {
    this.#keepHeight();
    if (!this.#moveFocus) return;
    const target = this.renderRoot.querySelector<HTMLElement>('[data-autofocus]');
    if (target) {
      this.#moveFocus = false;
      target.focus();
    }
  }

  /** Height of the bank list view, which the views after it keep, so the page does not jump. */
  #listHeight = 0;
  /** The view the shadow root shows now, until this update renders the next one. */
  #shownView: string | undefined;

  /**
   * The list's height is read as the list is left, not on every render of it: reading it forces a
   * layout, which on the list's first render would lay out every option before the first paint.
   */
  #measureListBeforeLeaving() {
    if (this.#shownView !== 'choose' || this.#checkoutState.value.view === 'choose') return;
    const base = this.renderRoot.querySelector<HTMLElement>('[part="base"]');
    if (base) this.#listHeight = base.getBoundingClientRect().height;
  }

  #keepHeight() {
    const base = this.renderRoot.querySelector<HTMLElement>('[part="base"]');
    if (!base) return;
    const view = this.#checkoutState.value.view;
    this.#shownView = view;
    if (view === 'choose') base.style.minBlockSize = '';
    else if (view !== 'loading' && this.#listHeight > 0) {
      base.style.minBlockSize = `${this.#listHeight}px`;
    }
  }

  readonly #onRetry = () => {
    this.#moveFocus = true;
    void this.#store.retry();
  };

  readonly #onStartAgain = () => {
    this.#store.startAgain();
    this.updateComplete.then(() => this.#bankList.focus());
  };
}
