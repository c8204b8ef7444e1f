/**
 * The bank list's order without an `Intl.Collator`, where one would give the same order: a page's
 * first collator costs ~10 ms of collation data, on the list's critical path when the answer is
 * quick (docs/architecture.md, "The element's first paint").
 *
 * The languages below sort Latin letters by the Unicode root collation (CLDR tailors none of them).
 * At the collator's `sensitivity: 'base'` only primary weights count, so case and accents do not,
 * and each printable ASCII character has a primary weight of its own: the space and punctuation (in
 * the order below), then digits, then letters. A name of those characters, accented or not, thus
 * sorts by its lower-cased ASCII with the space and punctuation renumbered below the digits
 * (test/core/root-collation.test.ts checks it against `Intl.Collator`). A list with any other name
 * (ß, ø, ł, another script) is left to the collator.
 */
/** The space and ASCII punctuation in root order; digits come after them, then letters. */
const PUNCTUATION = ` _-,;:!?.'"()[]{}@*/\\&#%\`^+<=>|~$`;

/** A language tag with a language of root collation and at most a region: no -u-co- and the like. */
const ROOT_COLLATED = /^(?:de|en|fr|it|nl|pt)(?:-(?:[a-z]{2}|\d{3}))?$/i;

/** The combining accents (U+0300 to U+0362) that weigh nothing at the base strength. */
const ACCENTS = /[\u0300-\u0362]/g;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** A space or punctuation character as one below "0", in root order. */
const punctuationKey = (char: string) => String.fromCharCode(1 + PUNCTUATION.indexOf(char));

/** The name's key under root collation at base strength, or undefined when only a collator can tell. */
function rootKey(name: string): string | undefined {
  const plain = PRINTABLE_ASCII.test(name) ? name : name.normalize('NFD').replace(ACCENTS, '');
  if (!PRINTABLE_ASCII.test(plain)) return undefined;
  return plain.toLowerCase().replace(/[^0-9a-z]/g, punctuationKey);
}

/**
 * The names' sort keys, compared with `<` as `Intl.Collator(locale, { sensitivity: 'base' })` would
 * compare the names; undefined when the locale or any name needs the collator itself.
 */
export function rootSortKeys(names: readonly string[], locale: string): string[] | undefined {
  if (!isRootCollated(locale)) return undefined;
  const keys: string[] = [];
  for (const name of names) {
    const key = rootKey(name);
    if (key === undefined) return undefined;
    keys.push(key);
  }
  return keys;
}

/** Whether a list in this locale may sort without a collator, if its names allow (rootSortKeys). */
export function isRootCollated(locale: string): boolean {
  return ROOT_COLLATED.test(locale);
}
