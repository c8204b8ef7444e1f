import type { MessageKey } from './en.js';

const BANK_COUNT_BY_PLURAL: Readonly<Record<Intl.LDMLPluralRule, MessageKey>> = {
  zero: 'bankCountZero',
  one: 'bankCountOne',
  two: 'bankCountTwo',
  few: 'bankCountFew',
  many: 'bankCountMany',
  other: 'bankCountOther',
};

/** The "{count} banks" message for the plural category `Intl.PluralRules#select` gave. */
export function bankCountKey(category: Intl.LDMLPluralRule): MessageKey {
  return BANK_COUNT_BY_PLURAL[category];
}
