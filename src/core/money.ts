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

/** One formatter per locale and currency: each costs milliseconds to make, the first one tens. */
const formatters = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale} ${currency}`;
  const format =
    formatters.get(key) ?? new Intl.NumberFormat(locale, { style: 'currency', currency });
  formatters.set(key, format);
  return format;
}

/**
 * Formats a decimal string without going through a binary float, so 99999999.99 prints exactly.
 * Intl.NumberFormat takes numeric strings as exact decimals.
 */
export function formatMoney(value: string, currency: string, locale: string): string {
  return moneyFormat(currency, locale).format(value as Intl.StringNumericLiteral);
}
