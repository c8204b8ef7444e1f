const DECIMAL = /^\d{1,15}(\.\d{1,4})?$/;
const CURRENCY = /^[A-Z]{3}$/;

/** A positive decimal amount in major units, as the protocol writes it: "42", "12.50". */
export function isDecimalAmount(value: string): boolean {
  return DECIMAL.test(value);
}

/** An ISO 4217 code that this browser's Intl knows how to format. */
export function isCurrencyCode(value: string): boolean {
  if (!CURRENCY.test(value)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * Formats a decimal string without going through a binary float, so 99999999.99 prints exactly.
 * Intl.NumberFormat takes numeric strings as exact decimals.
 */
export function formatMoney(value: string, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  return format.format(value as Intl.StringNumericLiteral);
}
