import type { CreatePaymentRequest, Flow } from '../core/protocol.js';
import { ProblemError } from './problem.js';

const FLOWS: readonly Flow[] = ['redirect', 'popup', 'qr'];
const KNOWN_FIELDS = new Set(['bankId', 'checkout', 'returnUrl', 'flow', 'locale', 'payer']);
const LOCALE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const PAYER_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

function invalid(detail: string): ProblemError {
  return new ProblemError(400, 'invalid_request', detail);
}

function optionalString(value: unknown, name: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > max)
    throw invalid(`${name} must be a string of at most ${max} characters.`);
  return value;
}

/** Checks the body of `POST payments` field by field; unknown fields are refused, not ignored. */
export function validateCreateRequest(body: unknown): CreatePaymentRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalid('The body must be a JSON object.');
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !KNOWN_FIELDS.has(key));
  if (unknown.length > 0) throw invalid(`Unknown field: ${unknown[0]?.slice(0, 40)}.`);

  const bankId = optionalString(record.bankId, 'bankId', 128);
  if (!bankId) throw invalid('bankId is required.');
  const returnUrl = optionalString(record.returnUrl, 'returnUrl', 2048);
  if (!returnUrl) throw invalid('returnUrl is required.');
  const flow = record.flow;
  if (typeof flow !== 'string' || !FLOWS.includes(flow as Flow))
    throw invalid('flow must be redirect, popup or qr.');
  const checkout = optionalString(record.checkout, 'checkout', 1024);
  const locale = optionalString(record.locale, 'locale', 35);
  if (locale !== undefined && !LOCALE.test(locale))
    throw invalid('locale must be a language tag such as "de" or "en-GB".');

  const request: CreatePaymentRequest = { bankId, returnUrl, flow: flow as Flow };
  if (checkout !== undefined) request.checkout = checkout;
  if (locale !== undefined) request.locale = locale;
  if (record.payer !== undefined && record.payer !== null)
    request.payer = validatePayer(record.payer);
  return request;
}

function validatePayer(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid('payer must be an object.');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 10) throw invalid('payer may have at most 10 fields.');
  const payer: Record<string, string> = {};
  for (const [name, field] of entries) {
    if (!PAYER_FIELD_NAME.test(name)) throw invalid('payer field names must be identifiers.');
    if (typeof field !== 'string' || field.length > 256)
      throw invalid(`payer.${name} must be a string of at most 256 characters.`);
    payer[name] = field;
  }
  return payer;
}
