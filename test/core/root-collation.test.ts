import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import '../support/setup.js';
import { sortBanks } from '../../src/core/banks.js';
import { isRootCollated } from '../../src/core/root-collation.js';
import type { Bank } from '../../src/core/protocol.js';

/** The order sortBanks must give: popular first, then the payer's language's collator. */
function collatorOrder(banks: readonly Bank[], locale: string): string[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return [...banks]
    .sort((a, b) => Number(b.popular) - Number(a.popular) || collator.compare(a.name, b.name))
    .map((bank) => bank.id);
}

const ROOT_LOCALES = ['en', 'en-GB', 'de', 'de-AT', 'fr', 'fr-CA', 'it', 'nl', 'pt', 'pt-BR'];

/** Every printable ASCII character, accented letters (precomposed and combining), ß, and a few names need a collator for. */
const printable = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index));
const accented = [
  'é',
  'È',
  'ü',
  'Ö',
  'ç',
  'ñ',
  'å',
  'Â',
  'e\u0301',
  'o\u0308',
  'a\u0363',
  'ß',
  'ẞ',
];
const others = ['ß', 'ø', 'Æ', 'ł', 'ı', 'İ', 'Ω', 'ж', '中', 'ﬁ'];

const name = (alphabet: string[]) =>
  fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((chars) => chars.join(''));

const banksOf = (alphabet: string[]) =>
  fc.array(fc.tuple(name(alphabet), fc.boolean()), { minLength: 2, maxLength: 40 }).map((entries) =>
    entries.map(([bankName, popular], index) => ({
      id: `bank-${index}`,
      name: bankName,
      country: 'DE',
      status: 'available' as const,
      popular,
      fields: [],
    })),
  );

describe('sorting banks without a collator', () => {
  it('gives the collator’s order, ties included, for any ASCII or accented names, ß included', () => {
    for (const locale of ROOT_LOCALES) {
      fc.assert(
        fc.property(banksOf([...printable, ...printable.slice(65, 91), ...accented]), (banks) => {
          const sorted = sortBanks(banks, locale).map((bank) => bank.id);
          expect(sorted, locale).to.deep.equal(collatorOrder(banks, locale));
        }),
        { numRuns: 200 },
      );
    }
  });

  it('gives the collator’s order for names that need one, and makes no collator when none does', () => {
    const made = sinon.spy(Intl, 'Collator');
    try {
      fc.assert(
        fc.property(banksOf([...printable.slice(65, 91), ...others]), (banks) => {
          expect(sortBanks(banks, 'de').map((bank) => bank.id)).to.deep.equal(
            collatorOrder(banks, 'de'),
          );
        }),
        { numRuns: 100 },
      );
      made.resetHistory();
      sortBanks(
        [
          { id: 'b', name: 'Société Générale', country: 'FR', status: 'available', fields: [] },
          { id: 'a', name: "Caisse d'Épargne", country: 'FR', status: 'available', fields: [] },
          {
            id: 'c',
            name: 'Sparkasse Gießen-Friedberg',
            country: 'DE',
            status: 'available',
            fields: [],
          },
        ],
        'fr-FR',
      );
      expect(made.callCount).to.equal(0);
    } finally {
      made.restore();
    }
  });

  it('leaves tailored languages, and tags that could change the order, to the collator', () => {
    // Lithuanian sorts y with i, Estonian z after s, Czech ch after h; -u-kn sorts digits numerically.
    for (const locale of [
      'lt',
      'et',
      'cs',
      'sv',
      'es',
      'tr',
      'en-u-kn',
      'de-u-co-phonebk',
      'en-US-posix',
    ]) {
      expect(isRootCollated(locale), locale).to.equal(false);
    }
    // Lithuanian: y is a kind of i, before j.
    const lithuanian = ['Jura bankas', 'Yra bankas'].map((bankName, index) => ({
      id: `lt-${index}`,
      name: bankName,
      country: 'LT',
      status: 'available' as const,
      fields: [],
    }));
    expect(sortBanks(lithuanian, 'lt').map((bank) => bank.name)).to.deep.equal([
      'Yra bankas',
      'Jura bankas',
    ]);
  });
});
