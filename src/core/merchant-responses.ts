import { CheckoutError } from './checkout-error.js';
import { isDecimalAmount } from './money.js';
import type {
  Bank,
  BanksResponse,
  CreatePaymentResponse,
  Money,
  PayerField,
  PaymentError,
  PaymentStatusResponse,
  Problem,
  SummaryLine,
} from './protocol.js';
import { isPaymentStatus } from './status.js';

/**
 * The merchant's server is outside the element: every answer is checked before it is trusted, and
 * anything unexpected becomes one retryable `malformed_response` error instead of a crash later.
 */

type Json = Record<string, unknown>;

function malformed(what: string): CheckoutError {
  return new CheckoutError('malformed_response', `The merchant server sent ${what}.`, true);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function optionalText(value: unknown): string | undefined {
  return isText(value) ? value : undefined;
}

function parseMoney(value: unknown): Money | undefined {
  if (!isObject(value)) return undefined;
  const { value: amount, currency } = value;
  if (typeof amount !== 'string' || !isDecimalAmount(amount) || !isText(currency)) return undefined;
  return { value: amount, currency };
}

function parseField(value: unknown): PayerField | undefined {
  if (!isObject(value) || !isText(value.name) || !isText(value.label)) return undefined;
  return { name: value.name, label: value.label, pattern: optionalText(value.pattern) };
}

function parseBank(value: unknown): Bank | undefined {
  if (!isObject(value) || !isText(value.id) || !isText(value.name)) return undefined;
  const status =
    value.status === 'degraded' || value.status === 'unavailable' ? value.status : 'available';
  const fields = Array.isArray(value.fields)
    ? value.fields.map(parseField).filter((field): field is PayerField => field !== undefined)
    : [];
  return {
    id: value.id,
    name: value.name,
    country: optionalText(value.country) ?? '',
    status,
    popular: value.popular === true,
    logo: optionalText(value.logo),
    fields,
  };
}

function parseSummary(value: unknown): SummaryLine[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const lines = value.filter(
    (line): line is SummaryLine => isObject(line) && isText(line.label) && isText(line.value),
  );
  return lines.length ? lines.map(({ label, value }) => ({ label, value })) : undefined;
}

export function parseBanksResponse(json: unknown): BanksResponse {
  if (!isObject(json) || !Array.isArray(json.banks)) throw malformed('a bank list without banks');
  const banks = json.banks.map(parseBank).filter((bank): bank is Bank => bank !== undefined);
  const countries = Array.isArray(json.countries) ? json.countries.filter(isText) : [];
  return {
    country: optionalText(json.country) ?? '',
    countries,
    banks,
    summary: parseSummary(json.summary),
  };
}

function parsePaymentError(value: unknown): PaymentError | undefined {
  if (!isObject(value) || !isText(value.code)) return undefined;
  return {
    code: value.code,
    message: optionalText(value.message) ?? '',
    retryable: value.retryable === true,
  };
}

export function parsePaymentStatusResponse(json: unknown): PaymentStatusResponse {
  if (!isObject(json) || !isText(json.paymentId) || !isPaymentStatus(json.status)) {
    throw malformed('a payment without an id or a known status');
  }
  return {
    paymentId: json.paymentId,
    status: json.status,
    amount: parseMoney(json.amount),
    reference: optionalText(json.reference),
    updatedAt: optionalText(json.updatedAt),
    error: parsePaymentError(json.error),
  };
}

export function parseCreatePaymentResponse(json: unknown): CreatePaymentResponse {
  const payment = parsePaymentStatusResponse(json);
  const { authorizationUrl, expiresAt } = json as Json;
  if (authorizationUrl !== undefined && !isText(authorizationUrl)) {
    throw malformed('an authorization URL that is not a string');
  }
  return {
    ...payment,
    authorizationUrl,
    expiresAt: optionalText(expiresAt),
    summary: parseSummary((json as Json).summary),
  };
}

/** Reads a problem+json body if there is one; a merchant server may also answer HTML or nothing. */
export function parseProblem(json: unknown): Partial<Problem> {
  if (!isObject(json)) return {};
  return {
    code: optionalText(json.code),
    title: optionalText(json.title),
    detail: optionalText(json.detail),
  };
}
