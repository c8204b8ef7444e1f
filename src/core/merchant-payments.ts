import { CheckoutError } from './checkout-error.js';
import { isDecimalAmount } from './money.js';
import { isObject, isText, malformed, optionalText, parseSummary } from './merchant-responses.js';
import type { Json } from './merchant-responses.js';
import type { MerchantRequest, StatusQuery } from './merchant-client.js';
import type {
  CreatePaymentRequest,
  CreatePaymentResponse,
  Money,
  PaymentError,
  PaymentStatusResponse,
  Problem,
} from './protocol.js';
import { MAX_WAIT_SECONDS } from './protocol.js';
import { retryAfterMs } from './retry-after.js';
import { isPaymentStatus } from './status.js';

/**
 * The merchant protocol's payment calls, and the checks of their answers (checked like every answer,
 * see `merchant-responses.ts`). Needed only once the payer commits, so they load with the payment
 * session, not with the bank list. `createMerchantClient` is their one caller; it also reads an
 * error answer here (`httpError`), of the bank list too, so that the first paint does not carry it.
 */

/** Reads a problem+json body if there is one; a merchant server may also answer HTML or nothing. */
export function parseProblem(json: unknown): Partial<Problem> {
  if (!isObject(json)) return {};
  return {
    code: optionalText(json.code),
    title: optionalText(json.title),
    detail: optionalText(json.detail),
  };
}

/**
 * A non-2xx answer (`json` its body, if JSON) as a retryable error. A 429 or 503 keeps its
 * `Retry-After`, which the status tracker waits out (docs/protocol.md, rate limits).
 */
export function httpError(response: Response, json: unknown): CheckoutError {
  const problem = parseProblem(json);
  const detail = problem.detail ?? problem.title ?? response.statusText;
  const throttled = response.status === 429 || response.status === 503;
  return new CheckoutError(
    problem.code ?? (response.status >= 500 ? 'server_error' : `http_${response.status}`),
    `The merchant server answered ${response.status}${detail ? `: ${detail}` : ''}.`,
    true,
    response.status,
    throttled ? retryAfterMs(response.headers.get('retry-after')) : undefined,
  );
}

function parseMoney(value: unknown): Money | undefined {
  if (!isObject(value)) return undefined;
  const { value: amount, currency } = value;
  if (typeof amount !== 'string' || !isDecimalAmount(amount) || !isText(currency)) return undefined;
  return { value: amount, currency };
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

export async function createPayment(
  request: MerchantRequest,
  body: CreatePaymentRequest,
  idempotencyKey: string,
  signal?: AbortSignal,
): Promise<CreatePaymentResponse> {
  const init: RequestInit = {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(body),
  };
  return parseCreatePaymentResponse(await request('payments', {}, init, 0, signal));
}

export async function getPayment(
  request: MerchantRequest,
  paymentId: string,
  query: StatusQuery = {},
  signal?: AbortSignal,
): Promise<PaymentStatusResponse> {
  const wait = Math.min(Math.max(0, Math.floor(query.waitSeconds ?? 0)), MAX_WAIT_SECONDS);
  const json = await request(
    `payments/${encodeURIComponent(paymentId)}`,
    { wait: wait > 0 ? String(wait) : undefined, since: wait > 0 ? query.since : undefined },
    {},
    wait * 1000,
    signal,
  );
  return parsePaymentStatusResponse(json);
}
