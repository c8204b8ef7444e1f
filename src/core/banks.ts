import type { Bank } from './protocol.js';
import { isRootCollated, rootSortKey } from './root-collation.js';
import { foldForSearch } from './text.js';

const collators = new Map<string, Intl.Collator>();

/**
 * The payer's language's collator, one per page: the first one loads the language's collation data,
 * tens of milliseconds that the checkout spends while the bank list is on its way.
 */
export function collatorFor(locale: string): Intl.Collator {
  const collator = collators.get(locale) ?? new Intl.Collator(locale, { sensitivity: 'base' });
  collators.set(locale, collator);
  return collator;
}

const popularFirst = (a: Bank, b: Bank) => Number(b.popular === true) - Number(a.popular === true);
const byKey = (a: string, b: string) => Number(a > b) - Number(a < b);

/** Each bank with its root collation key, or undefined if a name needs the collator. */
function rootKeyed(banks: readonly Bank[]): { bank: Bank; key: string }[] | undefined {
  const keyed = [];
  for (const bank of banks) {
    const key = rootSortKey(bank.name);
    if (key === undefined) return undefined;
    keyed.push({ bank, key });
  }
  return keyed;
}

/**
 * Popular banks first, then by name in the payer's language: by root collation keys where they give
 * the collator's order (root-collation.ts), else by the collator.
 */
export function sortBanks(banks: readonly Bank[], locale: string): Bank[] {
  const keyed = isRootCollated(locale) ? rootKeyed(banks) : undefined;
  if (keyed) {
    keyed.sort((a, b) => popularFirst(a.bank, b.bank) || byKey(a.key, b.key));
    return keyed.map(({ bank }) => bank);
  }
  const collator = collatorFor(locale);
  return [...banks].sort((a, b) => popularFirst(a, b) || collator.compare(a.name, b.name));
}

/** Each bank's name as searched, folded once per bank list rather than once per keystroke. */
const foldedNames = new WeakMap<Bank, string>();

function foldedName(bank: Bank): string {
  const folded = foldedNames.get(bank) ?? foldForSearch(bank.name);
  foldedNames.set(bank, folded);
  return folded;
}

/** Banks whose name contains every word of the query, ignoring case and accents. */
export function filterBanks(banks: readonly Bank[], query: string): Bank[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...banks];
  return banks.filter((bank) => {
    const name = foldedName(bank);
    return words.every((word) => name.includes(word));
  });
}

export function isSelectable(bank: Bank): boolean {
  return bank.status !== 'unavailable';
}

/** The payer's last-used bank first, while it is listed and selectable; the others keep their order. */
export function lastUsedFirst(banks: Bank[], bankId: string | undefined): Bank[] {
  const last = banks.find((bank) => bank.id === bankId && isSelectable(bank));
  return last ? [last, ...banks.filter((bank) => bank !== last)] : banks;
}

/** Checks the payer's inputs for a bank's `fields`: a map of field name to the problem, empty when valid. */
export function validatePayerFields(
  bank: Bank,
  payer: Readonly<Record<string, string>>,
): Record<string, 'required' | 'invalid'> {
  const problems: Record<string, 'required' | 'invalid'> = {};
  for (const field of bank.fields ?? []) {
    const value = (payer[field.name] ?? '').trim();
    if (!value) problems[field.name] = 'required';
    else if (field.pattern && !matchesWhole(field.pattern, value)) problems[field.name] = 'invalid';
  }
  return problems;
}

function matchesWhole(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    // A pattern this browser cannot compile must not block the payer; the server validates again.
    return true;
  }
}
