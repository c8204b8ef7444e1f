import { enBankList } from '../locales/en-bank-list.js';
import type { BankListKey, Catalog, MessageKey } from '../locales/en.js';
import { bankCountKey } from '../locales/plural-keys.js';
import { isSupportedLocale } from '../locales/supported-locales.js';
import type { SupportedLocale } from '../locales/supported-locales.js';

export type { BankListKey, Catalog, MessageKey, SupportedLocale };

/** The words of one language: a whole catalog, or English's bank-list part before the rest loads. */
export type Words = Catalog | typeof enBankList;

export type Translate<Key extends MessageKey = MessageKey> = (
  key: Key,
  params?: Record<string, string | number>,
) => string;

/** The merchant's own wording, per locale and key: `{ de: { payWithBank: 'Jetzt {amount} zahlen' } }`. */
export type PayByBankStrings = { readonly [Tag in SupportedLocale]?: Readonly<Partial<Catalog>> };

/**
 * Each element from `host` up to the document's root, crossing shadow roots (where `closest`
 * stops): where a `lang` may be, nearest first.
 */
export function langAncestors(host: Element): Element[] {
  const chain: Element[] = [];
  for (let node: Element | null = host; node;) {
    chain.push(node);
    const parent: Element | null = node.parentElement;
    const root = node.getRootNode();
    node = parent ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return chain;
}

function canonical(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined; // not a valid language tag; the next source is asked
  }
}

/**
 * The languages asked for, most wanted first: the element's `locale`, its own or the nearest
 * ancestor's `lang`, then the browser's languages. Invalid tags are skipped.
 */
export function requestedLocales(
  explicit: string | undefined,
  host: Element,
  navigatorLanguages: string | readonly string[],
): string[] {
  const browser =
    typeof navigatorLanguages === 'string' ? [navigatorLanguages] : navigatorLanguages;
  const withLang = langAncestors(host).find((element) => element.hasAttribute('lang'));
  return [explicit, withLang?.getAttribute('lang'), ...browser]
    .map(canonical)
    .filter((tag): tag is string => tag !== undefined);
}

/** The language to speak and format in: the first valid tag asked for, else English. */
export function resolveLocale(
  explicit: string | undefined,
  host: Element,
  navigatorLanguages: string | readonly string[],
): string {
  return requestedLocales(explicit, host, navigatorLanguages)[0] ?? 'en';
}

/**
 * Tags whose catalog goes by another name: Norwegian is written in Bokmål, and Chinese in simplified
 * script (`zh-Hans-CN`, `zh-SG`) reads the `zh-CN` catalog.
 */
const ALIASES: Readonly<Record<string, SupportedLocale>> = {
  no: 'nb',
  zh: 'zh-CN',
  'zh-Hans': 'zh-CN',
};

/** BCP 47 lookup: the tag, then shorter prefixes (pt-PT -> pt, nb-NO -> nb, en-IN -> en). */
function matchOne(tag: string): SupportedLocale | undefined {
  for (let prefix = tag; prefix; prefix = prefix.slice(0, Math.max(0, prefix.lastIndexOf('-')))) {
    if (isSupportedLocale(prefix)) return prefix;
    if (Object.hasOwn(ALIASES, prefix)) return ALIASES[prefix];
  }
  return undefined;
}

export interface LocaleMatch {
  /** The catalog to speak, with its plural rules and direction. */
  language: SupportedLocale;
  /** The tag to format money, dates and country names with (`pt-PT` formats as Portugal does). */
  formatting: string;
}

/** The first asked-for tag the element speaks, by lookup; English when none is, never an error. */
export function matchLocale(requested: readonly string[]): LocaleMatch {
  for (const tag of requested) {
    const language = matchOne(tag);
    if (language) return { language, formatting: tag };
  }
  return { language: 'en', formatting: 'en' };
}

/** Words by key with their placeholders filled (the merchant's wording: `i18n-overrides.ts`). */
export function createTranslator(words: Words = enBankList): Translate {
  const catalog = words as Partial<Catalog>;
  return (key, params = {}) =>
    (catalog[key] ?? '').replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in params ? String(params[name]) : placeholder,
    );
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** "1 bank", "12 banks", "3 banki", with the locale's plural rules (made once per locale). */
export function countBanks(translate: Translate, locale: string, count: number): string {
  const rules = pluralRules.get(locale) ?? new Intl.PluralRules(locale);
  pluralRules.set(locale, rules);
  return translate(bankCountKey(rules.select(count)), { count });
}
