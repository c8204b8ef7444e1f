import type { ApiContext } from '../../api-context.js';
import { toProviderObject } from '../../catalogue/provider-object.js';
import { DECIMAL_AMOUNT, isHttpUrl, isRecord, json, readJson } from '../../http.js';
import { SANDBOX_DEFAULTS } from '../../options.js';
import type { SandboxPayment } from '../../sandbox-payment.js';

/** `{ "error", "details": { "reason", "validationErrors" } }`, Open Finance Europe's error envelope. */
function error(
  status: number,
  code: string,
  reason: string,
  validationErrors?: Record<string, string[]>,
): Response {
  return json(
    { error: code, details: { reason, ...(validationErrors ? { validationErrors } : {}) } },
    status,
  );
}

/**
 * Mastercard Open Finance Europe payment initiation (Mastercard's public Postman collection; see `docs/protocol.md`), below `{sandbox}/mastercard`:
 * `GET /v1/providers`, `POST /v1/payments/create[/session]`, `GET /v1/payments/{id}`,
 * `POST /v1/payments/{id}/refresh-status`. Every call needs `X-Client-Id` and `X-Client-Secret`.
 */
export async function mastercardApi(
  context: ApiContext,
  request: Request,
  path: string,
): Promise<Response> {
  const expected = { ...SANDBOX_DEFAULTS.mastercard, ...context.options.mastercard };
  if (
    request.headers.get('x-client-id') !== expected.clientId ||
    request.headers.get('x-client-secret') !== expected.clientSecret
  ) {
    return error(401, 'Unauthorized', 'Missing or invalid X-Client-Id / X-Client-Secret.');
  }
  const method = request.method.toUpperCase();
  if (path === '/v1/providers' && method === 'GET') {
    const updated = context.engine.now().toISOString();
    const logos = { mode: context.options.logos, base: context.publicUrl(request) };
    return json(context.engine.banks.map((bank) => toProviderObject(bank, updated, logos)));
  }
  if (
    (path === '/v1/payments/create' || path === '/v1/payments/create/session') &&
    method === 'POST'
  ) {
    return create(context, request);
  }
  const match = /^\/v1\/payments\/([^/]+)(\/refresh-status)?$/.exec(path);
  if (match?.[1] && ((method === 'GET' && !match[2]) || (method === 'POST' && match[2]))) {
    const payment = context.engine.get('mastercard', decodeURIComponent(match[1]));
    if (!payment) return error(404, 'PaymentNotFound', 'No payment with this id.');
    return json({ payment: paymentObject(payment) });
  }
  return error(404, 'NotFound', 'No such endpoint.');
}

async function create(context: ApiContext, request: Request): Promise<Response> {
  const body = await readJson(request);
  if (!isRecord(body)) return error(400, 'InvalidInput', 'The body must be a JSON object.');
  const problems: Record<string, string[]> = {};
  const paymentRequest = isRecord(body.request) ? body.request : undefined;
  const destination =
    paymentRequest && isRecord(paymentRequest.destination) ? paymentRequest.destination : undefined;
  const amount =
    paymentRequest && isRecord(paymentRequest.amount) ? paymentRequest.amount : undefined;
  if (typeof body.userHash !== 'string' || body.userHash.length === 0)
    problems.userHash = ['Required.'];
  if (!paymentRequest) problems.request = ['Required.'];
  if (
    !destination ||
    !['iban', 'bban', 'ownAccount', 'inpaymentForm'].some((kind) => destination[kind])
  ) {
    problems['request.destination'] = [
      'One of iban, bban, ownAccount or inpaymentForm is required.',
    ];
  }
  if (
    !amount ||
    typeof amount.value !== 'string' ||
    !DECIMAL_AMOUNT.test(amount.value) ||
    Number(amount.value) <= 0
  ) {
    problems['request.amount.value'] = ['A positive decimal string such as "2.00" is required.'];
  }
  if (!amount || typeof amount.currency !== 'string' || !/^[A-Z]{3}$/.test(amount.currency)) {
    problems['request.amount.currency'] = ['An ISO 4217 currency code is required.'];
  }
  if (!isHttpUrl(body.redirectUrl)) problems.redirectUrl = ['An absolute http(s) URL is required.'];
  const providerId = typeof body.providerId === 'string' ? body.providerId : undefined;
  const bank = providerId ? context.engine.bank(providerId) : undefined;
  if (providerId && !bank) problems.providerId = ['Unknown provider.'];
  if (Object.keys(problems).length > 0)
    return error(400, 'InvalidInput', 'The request is invalid.', problems);
  if (bank?.status === 'unavailable')
    return error(400, 'ProviderUnavailable', `${bank.name} is unavailable.`);

  const payment = context.engine.create({
    provider: 'mastercard',
    ...(bank ? { bankId: bank.id } : {}),
    amount: { value: String(amount?.value), currency: String(amount?.currency) },
    ...(typeof paymentRequest?.transactionText === 'string'
      ? { reference: paymentRequest.transactionText }
      : {}),
    creditorName: typeof destination?.name === 'string' ? destination.name : 'Merchant',
    redirectUrl: String(body.redirectUrl),
    request: paymentRequest ?? {},
  });
  const start = new URL(`${context.publicUrl(request)}/mastercard/start/payment`);
  start.searchParams.set('startToken', payment.token);
  start.searchParams.set('paymentId', payment.id);
  return json({ redirectUrl: start.href, paymentId: payment.id, sessionId: payment.token });
}

/** The payment object of the public collection: `status { terminal, code, codeV2, lastUpdated, details }`. */
function paymentObject(payment: SandboxPayment): Record<string, unknown> {
  return {
    paymentId: payment.id,
    providerId: payment.bankId ?? null,
    providerPaymentId: null,
    request: payment.request,
    status: {
      terminal: payment.terminal,
      code: payment.status,
      codeV2: payment.status,
      lastUpdated: payment.updatedAt.toISOString(),
      details: payment.details ?? null,
    },
    state: payment.status,
    created: payment.createdAt.toISOString(),
    execution: { type: 'Normal', date: null },
  };
}
