/**
 * The page's language tag as the merchant protocol takes it (`locale`, docs/protocol.md): language,
 * script and region only. Extensions such as `-u-nu-latn` format numbers in the page but mean nothing
 * to a bank, and the kit refuses them; an unreadable tag is left out rather than failing the payment.
 */
export function protocolLocale(tag: string): string | undefined {
  try {
    const { language, script, region } = new Intl.Locale(tag);
    return [language, script, region].filter(Boolean).join('-');
  } catch {
    return undefined;
  }
}
