import { isSelectable, lastUsedFirst, sortBanks } from '../banks.js';
import { bankChoice } from '../checkout-state.js';
import type { CheckoutState, RetryableError } from '../checkout-state.js';
import type { BanksResponse } from '../protocol.js';

/**
 * The pure transitions of the bank list, one per event: each takes the state and the event and
 * returns the next state (the same object when the event changes nothing). The store applies them.
 */

/** A bank list was asked for: the spinner, and no error. */
export function banksRequested(state: CheckoutState): CheckoutState {
  return { ...bankChoice(state), view: 'loading' };
}

export interface BanksLoaded {
  answer: BanksResponse;
  /** The country asked for, when the server names none. */
  country: string | undefined;
  locale: string;
  preselectedBankId: string | undefined;
  /** The payer's last-used bank (`remember-bank`), listed first. */
  lastBankId?: string | undefined;
}

/** The bank list arrived: sorted, with the payer's earlier choice (or the page's) kept if selectable. */
export function banksLoaded(state: CheckoutState, event: BanksLoaded): CheckoutState {
  const banks = lastUsedFirst(sortBanks(event.answer.banks, event.locale), event.lastBankId);
  const wanted = state.selectedBankId ?? event.preselectedBankId;
  const preselected = banks.find((bank) => bank.id === wanted && isSelectable(bank));
  return {
    ...bankChoice(state),
    view: 'choose',
    country: event.answer.country || event.country,
    countries: event.answer.countries,
    banks,
    summary: event.answer.summary ?? [],
    ...(event.answer.payee ? { payee: event.answer.payee } : {}),
    ...(event.answer.reference ? { reference: event.answer.reference } : {}),
    selectedBankId: preselected?.id,
  };
}

/** A call to the merchant's server failed in a way the payer may retry. */
export function failedRetryably(state: CheckoutState, error: RetryableError): CheckoutState {
  return { ...bankChoice(state), view: 'error', error };
}

export function queryChanged(state: CheckoutState, query: string): CheckoutState {
  return { ...state, query };
}

/** Another country: its banks replace these, so the search and the choice start over. */
export function countryChanged(state: CheckoutState, country: string): CheckoutState {
  if (country === state.country) return state;
  return { ...state, country, query: '', selectedBankId: undefined };
}

/** The payer picked a bank: a selectable one other than the selected one; its fields start empty. */
export function bankSelected(state: CheckoutState, bankId: string): CheckoutState {
  const bank = state.banks.find((candidate) => candidate.id === bankId);
  if (!bank || !isSelectable(bank) || bank.id === state.selectedBankId) return state;
  return { ...state, selectedBankId: bank.id, payer: {}, payerProblems: {} };
}

/** The payer typed in a field of the bank: its value, and its problem is gone until the next check. */
export function payerFieldChanged(
  state: CheckoutState,
  { name, value }: { name: string; value: string },
): CheckoutState {
  const { [name]: _resolved, ...payerProblems } = state.payerProblems;
  return { ...state, payer: { ...state.payer, [name]: value }, payerProblems };
}

/** Pay found problems in the payer's fields. */
export function payerFieldsRejected(
  state: CheckoutState,
  payerProblems: CheckoutState['payerProblems'],
): CheckoutState {
  return { ...state, payerProblems };
}

/** The payer committed: a new attempt, with none of the last one's QR links used. */
export function paymentStarted(state: CheckoutState): CheckoutState {
  return { ...bankChoice(state), qrLinks: 0, view: 'creating' };
}

/** Back to the bank list for a new attempt, the payment forgotten; loading it if it never came. */
export function backToBanks(state: CheckoutState): CheckoutState {
  return { ...bankChoice(state), view: state.banks.length ? 'choose' : 'loading' };
}

/** A fresh bank list: no payment, no search, nothing entered. */
export function bankListReset(state: CheckoutState): CheckoutState {
  return { ...bankChoice(state), view: 'loading', query: '', payer: {}, payerProblems: {} };
}
