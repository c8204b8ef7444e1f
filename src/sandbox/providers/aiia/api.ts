import type { ApiContext } from '../../api-context.js';
import { toProviderObject } from '../../catalogue/provider-object.js';
import { isRecord, json, readJson } from '../../http.js';
import { SANDBOX_DEFAULTS } from '../../options.js';
import type { SandboxPayment } from '../../sandbox-payment.js';
import { acceptRequest } from '../../schemas/aiia/index.js';
import { problemsByField } from '../../schemas/check.js';

/** ASP.NET-style problem bodies with an `errorCode`; Aiia's exact error shape is not public. */
function error(
  status: number,
  errorCode: string,
  title: string,
  errors?: Record<string, string[]>,
): Response {
  return json(
    { type: 'about:blank', title, status, errorCode, ...(errors ? { errors } : {}) },
    status,
  );
}

/**
 * Aiia Pay accept-payments (Aiia Pay's documentation; see `docs/protocol.md`), below `{sandbox}/aiia`: `POST /v2/payments/accept`,
 * `GET /v2/payments/accept/{id}`, and the bank list at `GET /v1/providers`.
 */
export async function aiiaApi(
  context: ApiContext,
  request: Request,
  path: string,
): Promise<Response> {
  if (!authenticated(context, request))
    return error(401, 'Unauthorized', 'Invalid client credentials.');
  const method = request.method.toUpperCase();
  if (path === '/v1/providers' && method === 'GET') {
    const updated = context.engine.now().toISOString();
    const logos = { mode: context.options.logos, base: context.publicUrl(request) };
    return json(context.engine.banks.map((bank) => toProviderObject(bank, updated, logos)));
  }
  if (path === '/v2/payments/accept' && method === 'POST') return accept(context, request);
  const match = /^\/v2\/payments\/accept\/([^/]+)$/.exec(path);
  if (match?.[1] && method === 'GET') {
    const payment = context.engine.get('aiia', decodeURIComponent(match[1]));
    if (!payment) return error(404, 'PaymentNotFound', 'No payment with this id.');
    return json(paymentObject(payment));
  }
  return error(404, 'NotFound', 'No such endpoint.');
}

function authenticated(context: ApiContext, request: Request): boolean {
  const expected = { ...SANDBOX_DEFAULTS.aiia, ...context.options.aiia };
  const mode = context.options.aiia?.auth ?? 'either';
  const basic = `Basic ${Buffer.from(`${expected.clientId}:${expected.clientSecret}`).toString('base64')}`;
  const byBasic = request.headers.get('authorization') === basic;
  const byHeaders =
    request.headers.get('x-client-id') === expected.clientId &&
    request.headers.get('x-client-secret') === expected.clientSecret;
  return mode === 'basic' ? byBasic : mode === 'client-headers' ? byHeaders : byBasic || byHeaders;
}

async function accept(context: ApiContext, request: Request): Promise<Response> {
  const body = await readJson(request);
  if (!isRecord(body)) return error(400, 'InvalidRequest', 'The body must be a JSON object.');
  const destinations = context.options.aiia?.destinationIds ?? [
    SANDBOX_DEFAULTS.aiia.destinationId,
  ];
  const problems = context.schemas.check(acceptRequest, body);
  if (Number(body.amount) <= 0) problems.push({ field: 'amount', message: 'must be above zero' });
  if (problems.length > 0) {
    return error(
      400,
      'ValidationError',
      'One or more validation errors occurred.',
      problemsByField(problems),
    );
  }
  if (!destinations.includes(String(body.destinationId))) {
    return error(400, 'DestinationNotFound', 'The destination is not onboarded for this client.');
  }
  const payment = context.engine.create({
    provider: 'aiia',
    amount: { value: String(body.amount), currency: String(body.currency) },
    reference: String(body.reference),
    creditorName: 'Sandbox Merchant',
    redirectUrl: String(body.redirectUrl),
    request: body,
  });
  const link = new URL(`${context.publicUrl(request)}/aiia/authorize`);
  link.searchParams.set('token', payment.token);
  return json({ paymentId: payment.id, authorizationUrl: link.href });
}

function paymentObject(payment: SandboxPayment): Record<string, unknown> {
  return {
    paymentId: payment.id,
    status: payment.status,
    amount: payment.amount.value,
    currency: payment.amount.currency,
    reference: payment.reference ?? null,
    createdAt: payment.createdAt.toISOString(),
    updatedAt: payment.updatedAt.toISOString(),
    ...(typeof payment.details?.statusReason === 'string'
      ? { statusReason: payment.details.statusReason }
      : {}),
  };
}
