/**
 * The tags the element speaks, English first, in the first paint: the element matches the payer's
 * language against them before it fetches that language's catalog (`index.ts`).
 */
// prettier-ignore
export const SUPPORTED_LOCALES = Object.freeze([
  'en', 'en-GB', 'da', 'de', 'es', 'fi', 'fr', 'it', 'nb', 'nl', 'pl', 'pt', 'pt-BR', 'sv', 'cs',
  'sk', 'hu', 'ro', 'bg', 'hr', 'sl', 'el', 'et', 'lt', 'lv', 'ga', 'mt', 'is', 'tr', 'uk', 'ja',
  'zh-CN', 'hi', 'bn', 'ta', 'te', 'mr', 'ar', 'he',
] as const);

export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export type TextDirection = 'ltr' | 'rtl';

const RIGHT_TO_LEFT: ReadonlySet<string> = new Set<SupportedLocale>(['ar', 'he']);

export function isSupportedLocale(tag: string): tag is SupportedLocale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(tag);
}

/** The text direction of a supported tag (right to left for Arabic and Hebrew). */
export function localeDirection(tag: string): TextDirection {
  return RIGHT_TO_LEFT.has(tag) ? 'rtl' : 'ltr';
}
