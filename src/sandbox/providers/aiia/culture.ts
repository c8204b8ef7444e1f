/**
 * The `culture` values Aiia's hosted pages take (Aiia's public sample app offers these; see
 * `docs/protocol.md`, "Where the payer's language goes"). Others are ignored, as Aiia falls back
 * to its default: the page then follows the payer's browser.
 */
export const AIIA_CULTURES: readonly string[] = [
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
];

/** The language `?culture=` asks for, if it is one Aiia takes. */
export function aiiaCultureOf(url: URL): string | undefined {
  const culture = url.searchParams.get('culture');
  return culture && AIIA_CULTURES.includes(culture) ? culture : undefined;
}
