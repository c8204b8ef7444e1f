import type { SupportedLocale } from '../../locales/index.js';
import { en, type BankTexts } from './bank-texts.js';
import { BANK_TEXTS } from './catalogs.js';

export interface BankLanguage {
  /** The BCP 47 tag the page is in, for `<html lang>`. */
  tag: SupportedLocale;
  dir: 'ltr' | 'rtl';
  texts: BankTexts;
}

// The same two as the element's `localeDirection` (test/sandbox/bank-language.test.ts holds them equal).
const RIGHT_TO_LEFT: ReadonlySet<string> = new Set(['ar', 'he']);

const BY_LOWER_CASE = new Map(
  (Object.keys(BANK_TEXTS) as SupportedLocale[]).map((tag) => [tag.toLowerCase(), tag]),
);

export const ENGLISH: BankLanguage = { tag: 'en', dir: 'ltr', texts: en };

function language(tag: SupportedLocale): BankLanguage {
  return { tag, dir: RIGHT_TO_LEFT.has(tag) ? 'rtl' : 'ltr', texts: BANK_TEXTS[tag] };
}

/**
 * The supported tag a requested one falls to, by lookup: the tag itself, its language and region,
 * then its language alone (`pt-PT` finds `pt`, `nb-NO` and `no` find `nb`, `zh-Hans-CN` finds `zh-CN`).
 */
export function matchBankLocale(requested: string): SupportedLocale | undefined {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(requested.trim());
  } catch {
    return undefined;
  }
  const lang = locale.language === 'no' || locale.language === 'nn' ? 'nb' : locale.language;
  const maximized = locale.maximize();
  const candidates = [locale.baseName, locale.region ? `${lang}-${locale.region}` : '', lang];
  // Simplified Chinese without a region (`zh`, `zh-Hans`) is the mainland's.
  if (lang === 'zh' && maximized.script === 'Hans') candidates.push('zh-CN');
  for (const candidate of candidates) {
    const found = candidate && BY_LOWER_CASE.get(candidate.toLowerCase());
    if (found) return found;
  }
  return undefined;
}

/** `Accept-Language`'s tags, the most preferred first (`q=0` ones dropped). */
function acceptedLanguages(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => tag && tag !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);
}

/**
 * The language of a bank page: the one the provider's request asked for, when the sandbox speaks it;
 * else the first of the payer's browser languages it speaks (a real bank's page does the same);
 * else English. Never an error: an unknown tag is skipped.
 */
export function bankLanguage(
  asked: string | null | undefined,
  request: Pick<Request, 'headers'>,
): BankLanguage {
  for (const tag of [asked ?? '', ...acceptedLanguages(request.headers.get('accept-language'))]) {
    const found = tag ? matchBankLocale(tag) : undefined;
    if (found) return language(found);
  }
  return ENGLISH;
}
