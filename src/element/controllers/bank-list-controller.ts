import { filterBanks, isSelectable } from '../../core/banks.js';
import type { CheckoutState } from '../../core/checkout-state.js';
import type { CheckoutStore } from '../../core/checkout-store.js';
import type { Translate } from '../../core/i18n.js';
import type { Bank } from '../../core/protocol.js';
import { isSafeImageUrl } from '../../core/url-safety.js';
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
        visibleBanks: visible,
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
