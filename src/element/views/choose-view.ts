import { html, nothing } from 'lit';
import type { Bank } from '../../core/protocol.js';
import type { CheckoutState } from '../../core/checkout-state.js';
import type { Translate } from '../../core/i18n.js';
import { countBanks } from '../../core/i18n.js';
import { bankOption } from './bank-option.js';
import type { LazyView } from '../controllers/lazy-views.js';

/** Rendering thousands of options helps nobody; the payer narrows the list by searching. */
export const MAX_VISIBLE_BANKS = 100;

export interface ChooseViewModel {
  state: CheckoutState;
  /** The options rendered now: a new list's first frame has only its first few. */
  visibleBanks: readonly Bank[];
  /** How many the list shows once whole: at most MAX_VISIBLE_BANKS. */
  shownCount: number;
  matchingCount: number;
  selectedBank: Bank | undefined;
  activeBankId: string | undefined;
  brokenLogos: ReadonlySet<string>;
  displayAmount: string | undefined;
  disabled: boolean;
  locale: string;
  idPrefix: string;
  translate: Translate;
  /** The bill and payer fields' views, once their chunk is here (`bill-and-fields.ts`). */
  billAndFields: LazyView<'bill-and-fields'> | undefined;
}

export interface ChooseViewActions {
  onCountry(event: Event): void;
  onSearch(event: Event): void;
  onSearchKeydown(event: KeyboardEvent): void;
  onListKeydown(event: KeyboardEvent): void;
  /** A click in the list: on the option it landed in, if any. */
  onListClick(event: Event): void;
  onLogoError(bankId: string): void;
  onField(event: Event): void;
  onSubmit(event: Event): void;
}

function countryName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function countrySelect(model: ChooseViewModel, actions: ChooseViewActions) {
  const { countries, country } = model.state;
  if (countries.length < 2) return nothing;
  const id = `${model.idPrefix}-country`;
  return html`<div>
    <label for=${id}>${model.translate('country')}</label>
    <select
      id=${id}
      .value=${country ?? ''}
      ?disabled=${model.disabled}
      @change=${actions.onCountry}
    >
      ${countries.map(
        (code) =>
          html`<option value=${code} ?selected=${code === country}>
            ${countryName(model.locale, code)}
          </option>`,
      )}
    </select>
  </div>`;
}

function resultSummary(model: ChooseViewModel) {
  const { translate, state, matchingCount, shownCount, locale } = model;
  if (state.banks.length === 0) return translate('noBanks');
  if (matchingCount === 0) return translate('noMatch', { query: state.query });
  const count = countBanks(translate, locale, matchingCount);
  return matchingCount > shownCount
    ? `${count}. ${translate('moreResults', { shown: shownCount, total: matchingCount })}`
    : count;
}

function payLabel(model: ChooseViewModel): string {
  const bank = model.selectedBank;
  if (!bank) return model.translate('chooseBank');
  return model.displayAmount
    ? model.translate('payWithBank', { amount: model.displayAmount, bank: bank.name })
    : model.translate('continueWithBank', { bank: bank.name });
}

/** The bank list: country, search, the listbox, any payer fields, and the Pay button. */
export function chooseView(model: ChooseViewModel, actions: ChooseViewActions) {
  const { idPrefix, translate, state } = model;
  const listId = `${idPrefix}-banks`;
  const activeOption = model.activeBankId ? `${idPrefix}-bank-${model.activeBankId}` : undefined;
  return html`<form novalidate @submit=${actions.onSubmit}>
    <div class="stack">
      ${model.billAndFields?.summaryView(state.summary, model.locale, [
        [translate('payee'), state.payee],
        [translate('receiptReference'), state.reference],
      ])}
      ${countrySelect(model, actions)}
      <div>
        <label for="${idPrefix}-search">${translate('searchLabel')}</label>
        <input
          id="${idPrefix}-search"
          part="search"
          type="search"
          autocomplete="off"
          placeholder=${translate('searchPlaceholder')}
          aria-controls=${model.visibleBanks.length ? listId : nothing}
          aria-describedby="${idPrefix}-summary"
          .value=${state.query}
          ?disabled=${model.disabled}
          @input=${actions.onSearch}
          @keydown=${actions.onSearchKeydown}
        />
      </div>
      <p class="hint" id="${idPrefix}-summary" role="status">${resultSummary(model)}</p>
      ${
        model.visibleBanks.length
          ? html`<ul
              id=${listId}
              part="bank-list"
              role="listbox"
              tabindex=${model.disabled ? '-1' : '0'}
              aria-label=${translate('bankListLabel')}
              aria-activedescendant=${activeOption ?? nothing}
              aria-disabled=${model.disabled ? 'true' : 'false'}
              @keydown=${actions.onListKeydown}
              @click=${actions.onListClick}
            >
              ${model.visibleBanks.map((bank) =>
                bankOption({
                  bank,
                  optionId: `${idPrefix}-bank-${bank.id}`,
                  selected: bank.id === state.selectedBankId,
                  active: bank.id === model.activeBankId,
                  showLogo: !model.brokenLogos.has(bank.id),
                  translate,
                  onLogoError: actions.onLogoError,
                }),
              )}
            </ul>`
          : nothing
      }
      ${model.billAndFields?.payerFields(model, actions)}
      <button part="button" type="submit" ?disabled=${model.disabled || !model.selectedBank}>
        ${payLabel(model)}
      </button>
    </div>
  </form>`;
}
