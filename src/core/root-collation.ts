/**
 * The bank list's order without an `Intl.Collator`, where one would give the same order: a page's
 * first collator costs 10-25 ms of ICU's locale data, on the list's critical path
 * (docs/architecture.md, "The element's first paint").
 *
 * The languages below sort Latin letters by the Unicode root collation (CLDR tailors none of them).
 * At the collator's `sensitivity: 'base'` only primary weights count, so case and accents do not,
 * and each printable ASCII character has a primary weight of its own: the space and punctuation (in
 * the order below), then digits, then letters. A name of those characters, accented or not, thus
 * sorts by its lower-cased ASCII with the punctuation renumbered between the space and the digits
 * (test/core/root-collation.test.ts checks it against `Intl.Collator`), and ß as ss. A list with
 * any other name (ø, ł, another script) is left to the collator.
 */
/** ASCII punctuation in root order, after the space and before the digits (then letters). */
const PUNCTUATION = `_-,;:!?.'"()[]{}@*/\\&#%\`^+<=>|~$`;

/** A language tag with a language of root collation and at most a region: no -u-co- and the like. */
const ROOT_COLLATED = /^(?:de|en|fr|it|nl|pt)(?:-(?:[a-z]{2}|\d{3}))?$/i;

/** Whether a list in this locale may sort without a collator, if its names allow (rootSortKey). */
export function isRootCollated(locale: string): boolean {
  return ROOT_COLLATED.test(locale);
}

/**
 * The name's key, compared with `<` as a root collator at base strength compares names, or
 * undefined when only a collator can tell. The accents dropped (U+0300 to U+0362) weigh nothing at
 * that strength, and ß weighs what ss does (German lists have it). The space, digits and letters
 * are in root order in ASCII already; a punctuation mark becomes `!` (above the space, below the
 * digits) and its place in PUNCTUATION, so that a list of plain names (the most common) needs no
 * replacing at all.
 */
export function rootSortKey(name: string): string | undefined {
  // Most names are letters, digits and spaces: nothing to decompose or replace.
  if (/^[ 0-9a-z]*$/i.test(name)) return name.toLowerCase();
  const plain = name
    .normalize('NFD')
    .replace(/[\u0300-\u0362]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss');
  if (/^[ 0-9a-z]*$/.test(plain)) return plain;
  if (/^[ -~]*$/.test(plain))
    return plain.replace(
      /[^ 0-9a-z]/g,
      (char) => `!${String.fromCharCode(33 + PUNCTUATION.indexOf(char))}`,
    );
}
