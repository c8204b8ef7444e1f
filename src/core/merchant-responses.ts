import { isDecimalAmount } from './money.js';
import { CheckoutError } from './checkout-error.js';
import type { Bank, BanksResponse, PayerField, SummaryLine } from './protocol.js';

/**
 * The merchant's server is outside the element: every answer is checked before it is trusted, and
 * anything unexpected becomes one retryable `malformed_response` error instead of a crash later.
 */

export type Json = Record<string, unknown>;

export function malformed(what: string): CheckoutError {
  return new CheckoutError('malformed_response', `The merchant server sent ${what}.`, true);
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

export function optionalText(value: unknown): string | undefined {
  return isText(value) ? value : undefined;
}

function parseField(value: unknown): PayerField | undefined {
  if (!isObject(value) || !isText(value.name) || !isText(value.label)) return undefined;
  return { name: value.name, label: value.label, pattern: optionalText(value.pattern) };
}

function parseBank(value: unknown): Bank | undefined {
  if (!isObject(value) || !isText(value.id) || !isText(value.name)) return undefined;
  const status =
    value.status === 'degraded' || value.status === 'unavailable' ? value.status : 'available';
  const bank: Bank = {
    id: value.id,
    name: value.name,
    country: optionalText(value.country) ?? '',
    status,
    popular: value.popular === true,
    logo: optionalText(value.logo),
  };
  // Only a bank that asks for payer fields has them: a list of thousands allocates no empty ones.
  if (Array.isArray(value.fields)) {
    bank.fields = value.fields
      .map(parseField)
      .filter((field): field is PayerField => field !== undefined);
  }
  if (value.handOff === 'upi_intent' || value.handOff === 'upi_collect') {
    bank.handOff = value.handOff;
  }
  return bank;
}

export function parseSummary(value: unknown): SummaryLine[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const lines = value.filter(
    (line): line is SummaryLine => isObject(line) && isText(line.label) && isText(line.value),
  );
  return lines.length ? lines.map(summaryLine) : undefined;
}

/** A typed line keeps its type when the element can format it (a bad date or currency shows as sent). */
function summaryLine({ label, value, type, currency }: SummaryLine): SummaryLine {
  if (type === 'date') return { label, value, type };
  if (type === 'money' && isText(currency) && isDecimalAmount(value)) {
    return { label, value, type, currency };
  }
  return { label, value };
}

export function parseBanksResponse(json: unknown): BanksResponse {
  if (!isObject(json) || !Array.isArray(json.banks)) throw malformed('a bank list without banks');
  const banks = json.banks.map(parseBank).filter((bank): bank is Bank => bank !== undefined);
  const countries = Array.isArray(json.countries) ? json.countries.filter(isText) : [];
  return {
    country: optionalText(json.country) ?? '',
    countries,
    banks,
    ...(isText(json.payee) ? { payee: json.payee } : {}),
    ...(isText(json.reference) ? { reference: json.reference } : {}),
    summary: parseSummary(json.summary),
  };
}
