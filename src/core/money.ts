const DECIMAL = /^\d{1,15}(\.\d{1,4})?$/;
const CURRENCY = /^[A-Z]{3}$/;

/** A positive decimal amount in major units, as the protocol writes it: "42", "12.50". */
export function isDecimalAmount(value: string): boolean {
  return DECIMAL.test(value);
}

/**
 * A well-formed ISO 4217 code, the one check Intl.NumberFormat makes of a currency (it formats any
 * three letters). No formatter is made here: the first one costs tens of milliseconds of locale data,
 * which would delay the bank list's request (docs/architecture.md, "Performance").
 */
export function isCurrencyCode(value: string): boolean {
  return CURRENCY.test(value);
}

/**
 * Formats a decimal string without going through a binary float, so 99999999.99 prints exactly.
 * Intl.NumberFormat takes numeric strings as exact decimals.
 */
export function formatMoney(value: string, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  return format.format(value as Intl.StringNumericLiteral);
}
