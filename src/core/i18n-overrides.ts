import type { Catalog, MessageKey, Translate, Words } from './i18n.js';

export { loadCatalog } from '../locales/index.js';

/**
 * What a page in another language than English, or with the merchant's own wording, needs before
 * its first paint: the table of catalogs, the merchant's overrides (checked) and right-to-left
 * isolation. A chunk of its own, so that an English page paints without it.
 */

function placeholders(text: string): string[] {
  return text.match(/\{\w+\}/g) ?? [];
}

/** Values that read left to right in any language: a payment reference (IBAN-like), a m:ss time. */
const LEFT_TO_RIGHT: ReadonlySet<string> = new Set(['reference', 'time']);

/**
 * Fills placeholders. In right-to-left text each value is isolated (U+2066/U+2068 … U+2069), so a
 * Latin bank name, an amount or a reference keeps its own order inside an Arabic or Hebrew sentence.
 */
function fill(text: string, params: Record<string, string | number>, isolate: boolean): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    if (!(name in params)) return placeholder;
    const value = String(params[name]);
    if (!isolate) return value;
    return `${LEFT_TO_RIGHT.has(name) ? '\u2066' : '\u2068'}${value}\u2069`;
  });
}

/**
 * The merchant's wording of a key, when it keeps the catalog's placeholders: otherwise the payer
 * would read "Pay with" and no bank, so the catalog's words stay and the console says why.
 */
export function checkedOverride(
  key: MessageKey,
  override: string | undefined,
  catalogText: string,
): string | undefined {
  if (override === undefined) return undefined;
  // The same placeholders, except that a plural form may add or drop `{count}` ("1 bank").
  const names = (text: string) => placeholders(text.replace('{count}', '')).sort().join();
  if (names(override) === names(catalogText)) return override;
  console.error(
    `<pay-by-bank>: strings.${key} "${override}" must keep the placeholders of "${catalogText}"; using the catalog's words.`,
  );
  return undefined;
}

/** Words by key with their placeholders filled: the merchant's overrides first, then the catalog. */
export function createTranslator(
  words: Words,
  overrides: Readonly<Partial<Catalog>> = {},
  direction: 'ltr' | 'rtl' = 'ltr',
): Translate {
  const catalog = words as Partial<Catalog>;
  const checked = new Map<MessageKey, string | undefined>();
  return (key, params = {}) => {
    const text = catalog[key] ?? '';
    if (!checked.has(key)) checked.set(key, checkedOverride(key, overrides[key], text));
    return fill(checked.get(key) ?? text, params, direction === 'rtl');
  };
}
