/**
 * The languages Aiia's hosted pages take as `?culture=` on their links. Aiia's accept-payment body
 * has no language field; its public sample app appends `culture` to Aiia's hosted URLs with these
 * values (see `docs/protocol.md`, "Where the payer's language goes").
 */
const AIIA_CULTURES: ReadonlySet<string> = new Set([
  'da',
  'de',
  'en',
  'et',
  'fi',
  'fr',
  'lt',
  'nl',
  'no',
  'sv',
]);

/** Aiia's culture for the payer's locale (`nb-NO` is `no`), or none when Aiia does not speak it. */
export function aiiaCulture(locale: string | undefined): string | undefined {
  const language = locale?.split('-')[0]?.toLowerCase();
  if (!language) return undefined;
  const culture = language === 'nb' || language === 'nn' ? 'no' : language;
  return AIIA_CULTURES.has(culture) ? culture : undefined;
}

/** The authorization link with the payer's culture, so that Aiia's pages open in their language. */
export function withAiiaCulture(authorizationUrl: string, locale: string | undefined): string {
  const culture = aiiaCulture(locale);
  if (!culture) return authorizationUrl;
  const url = new URL(authorizationUrl);
  url.searchParams.set('culture', culture);
  return url.href;
}
