import type { ApiContext } from '../../api-context.js';
import { toProviderObject } from '../../catalogue/provider-object.js';
import { isRecord, json, readJson } from '../../http.js';
import { SANDBOX_DEFAULTS } from '../../options.js';
import type { SandboxPayment } from '../../sandbox-payment.js';
import { problemsByField } from '../../schemas/check.js';
import { createPaymentRequest } from '../../schemas/mastercard/index.js';

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
  const problems = context.schemas.check(createPaymentRequest, body);
  if (problems.length > 0)
    return error(400, 'InvalidInput', 'The request is invalid.', problemsByField(problems));
  const paymentRequest = body.request as Record<string, unknown>;
  const destination = paymentRequest.destination as Record<string, unknown>;
  const amount = paymentRequest.amount as { value: string; currency: string };
  if (Number(amount.value) <= 0)
    return error(400, 'InvalidInput', 'The request is invalid.', {
      'request.amount.value': ['must be above zero'],
    });
  const providerId = typeof body.providerId === 'string' ? body.providerId : undefined;
  const bank = providerId ? context.engine.bank(providerId) : undefined;
  if (providerId && !bank)
    return error(400, 'InvalidInput', 'The request is invalid.', {
      providerId: ['Unknown provider.'],
    });
  if (bank?.status === 'unavailable')
    return error(400, 'ProviderUnavailable', `${bank.name} is unavailable.`);

  const payment = context.engine.create({
    provider: 'mastercard',
    ...(bank ? { bankId: bank.id } : {}),
    amount: { value: amount.value, currency: amount.currency },
    ...(typeof paymentRequest.transactionText === 'string'
      ? { reference: paymentRequest.transactionText }
      : {}),
    creditorName: typeof destination.name === 'string' ? destination.name : 'Merchant',
    redirectUrl: String(body.redirectUrl),
    request: paymentRequest,
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
