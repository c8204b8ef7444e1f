import { en } from '../locales/en.js';
import type { Catalog, MessageKey } from '../locales/en.js';

export type { Catalog, MessageKey };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The language to speak: the element's `locale`, else the nearest `lang` in the page, else the browser's. */
export function resolveLocale(
  explicit: string | undefined,
  host: Element,
  navigatorLanguage: string,
): string {
  const candidates = [
    explicit,
    host.closest('[lang]')?.getAttribute('lang'),
    navigatorLanguage,
    'en',
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(candidate);
      if (canonical) return canonical;
    } catch {
      // not a valid language tag; try the next source
    }
  }
  return 'en';
}

export function createTranslator(catalog: Catalog = en): Translate {
  return (key, params = {}) =>
    catalog[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in params ? String(params[name]) : placeholder,
    );
}

/** "1 bank", "12 banks", with the locale's plural rules. */
export function countBanks(translate: Translate, locale: string, count: number): string {
  const form = new Intl.PluralRules(locale).select(count);
  return translate(form === 'one' ? 'bankCountOne' : 'bankCountOther', { count });
}
