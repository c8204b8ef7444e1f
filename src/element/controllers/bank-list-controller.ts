import { isServer } from 'lit';
import { filterBanks, isSelectable } from '../../core/banks.js';
import type { CheckoutState } from '../../core/checkout-state.js';
import type { CheckoutStore } from '../../core/checkout-store.js';
import type { Translate } from '../../core/i18n.js';
import type { Bank } from '../../core/protocol.js';
import { isSafeImageUrl } from '../../core/url-safety.js';
import { afterPaint } from '../paint-timing.js';
import { chooseView, MAX_VISIBLE_BANKS } from '../views/choose-view.js';
import type { ChooseViewModel } from '../views/choose-view.js';
import { ListboxController } from './listbox-controller.js';
import type { ListboxHost } from './listbox-controller.js';

export interface BankListHost extends ListboxHost {
  readonly disabled: boolean;
  readonly updateComplete: Promise<boolean>;
  /** Pays with the selected bank, as the Pay button does. */
  start(): Promise<void>;
}

/** What the bank list shows that the element knows: the amount, the language, the words. */
export interface BankListLook {
  displayAmount: string | undefined;
  locale: string;
  translate: Translate;
  billAndFields: ChooseViewModel['billAndFields'];
}

/**
 * How many options a new list's first frame renders: the 20 that always lay out (styles.ts), more
 * than the list shows at once. The rest follow once that frame is painted (docs/architecture.md,
 * "The element's first paint").
 */
const FIRST_FRAME_OPTIONS = 20;

/**
 * The bank list's behaviour: the banks shown (at most MAX_VISIBLE_BANKS of those matching the
 * search), the listbox over them, logos that failed, the payer's fields, and Pay.
 */
export class BankListController {
  readonly #listbox: ListboxController;
  #brokenLogos: ReadonlySet<string> = new Set();

  constructor(
    private readonly host: BankListHost,
    private readonly store: CheckoutStore,
    private readonly idPrefix: string,
  ) {
    this.#listbox = new ListboxController(host, {
      options: () => this.#visibleBanks.visible.map((bank) => ({ id: bank.id, label: bank.name })),
      selectedId: () => this.#state.selectedBankId,
      disabled: () => host.disabled,
      optionElementId: (id) => `${idPrefix}-bank-${id}`,
      onActivate: (id) => store.selectBank(id),
      onEnter: (id) => this.#payFromList(id),
    });
  }

  get #state(): CheckoutState {
    return this.store.$state.get();
  }

  #shown: { banks: readonly Bank[]; query: string; matching: Bank[]; visible: Bank[] } | undefined;

  /** The banks matching the search, filtered once per list and query (the listbox asks too). */
  get #visibleBanks() {
    const { banks, query } = this.#state;
    if (this.#shown?.banks !== banks || this.#shown.query !== query) {
      const matching = filterBanks(banks, query);
      this.#shown = { banks, query, matching, visible: matching.slice(0, MAX_VISIBLE_BANKS) };
    }
    return this.#shown;
  }

  /** The list whose every shown option has been rendered, after its first frame. */
  #wholeListFor: readonly Bank[] | undefined;
  #rest: Promise<void> | undefined;

  /** Resolves once the options held back from a new list's first frame are rendered too. */
  get restRendered(): Promise<void> | undefined {
    return this.#rest;
  }

  /**
   * The options to render now: a new list's first frame has only the first of them, unless the
   * payer's selected or active bank is further down or no frame will be painted soon.
   */
  #rendered(visible: readonly Bank[]): readonly Bank[] {
    const state = this.#state;
    const first = visible.slice(0, FIRST_FRAME_OPTIONS);
    const inFirst = (id: string | undefined) => !id || first.some((bank) => bank.id === id);
    const holdBack =
      !isServer &&
      this.#wholeListFor !== state.banks &&
      visible.length > first.length &&
      inFirst(state.selectedBankId) &&
      inFirst(this.#listbox.activeId) &&
      document.visibilityState !== 'hidden';
    if (!holdBack) {
      this.#wholeListFor = state.banks;
      return visible;
    }
    this.#rest ??= new Promise((resolve) =>
      afterPaint(() => {
        this.#wholeListFor = this.#state.banks;
        this.#rest = undefined;
        this.host.requestUpdate();
        resolve();
      }),
    );
    return first;
  }

  /** Focus on the list, e.g. back from a payment to choose another bank. */
  focus(): void {
    this.#listbox.focus();
  }

  render(look: BankListLook) {
    const state = this.#state;
    const { matching, visible } = this.#visibleBanks;
    const brokenLogos = new Set(this.#brokenLogos);
    for (const bank of visible) {
      if (bank.logo && !isSafeImageUrl(bank.logo, document.baseURI)) brokenLogos.add(bank.id);
    }
    return chooseView(
      {
        ...look,
        state,
        visibleBanks: this.#rendered(visible),
        shownCount: visible.length,
        matchingCount: matching.length,
        selectedBank: state.banks.find((bank) => bank.id === state.selectedBankId),
        activeBankId: this.#listbox.activeId,
        brokenLogos,
        disabled: this.host.disabled,
        idPrefix: this.idPrefix,
      },
      this.#actions,
    );
  }

  /** Enter on a bank in the list: on to its payer fields if it has any, else pay. */
  #payFromList(bankId: string): boolean {
    const bank = this.#state.banks.find((candidate) => candidate.id === bankId);
    if (!bank || !isSelectable(bank)) return false;
    const firstField = bank.fields?.[0];
    if (firstField) {
      void this.host.updateComplete.then(() =>
        this.host.renderRoot
          .querySelector<HTMLInputElement>(`input[name="${firstField.name}"]`)
          ?.focus(),
      );
    } else {
      void this.host.start();
    }
    return true;
  }

  readonly #actions = {
    onCountry: (event: Event) => {
      this.#listbox.clear();
      this.store.setCountry((event.target as HTMLSelectElement).value);
    },
    onSearch: (event: Event) => {
      this.#listbox.clear();
      this.store.setQuery((event.target as HTMLInputElement).value);
    },
    onSearchKeydown: (event: KeyboardEvent) => this.#listbox.onSearchKeydown(event),
    onListKeydown: (event: KeyboardEvent) => this.#listbox.onListKeydown(event),
    onListClick: (event: Event) => {
      const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
      if (option?.dataset.bankId) this.#listbox.pick(option.dataset.bankId);
    },
    onLogoError: (bankId: string) => {
      this.#brokenLogos = new Set([...this.#brokenLogos, bankId]);
      this.host.requestUpdate();
    },
    onField: (event: Event) => {
      const input = event.target as HTMLInputElement;
      this.store.setPayerField(input.name, input.value);
    },
    onSubmit: (event: Event) => {
      event.preventDefault();
      void this.host
        .start()
        .then(() =>
          this.host.renderRoot.querySelector<HTMLElement>('input[aria-invalid="true"]')?.focus(),
        );
    },
  };
}
