import type { CreatePaymentRequest, CreatePaymentResponse } from '../../core/protocol.js';
import type { HandlerContext } from '../context.js';
import { fingerprint, readIdempotencyKey } from '../idempotency.js';
import { jsonResponse } from '../json-response.js';
import { claimPayOnce } from '../pay-once.js';
import { newPaymentId } from '../payment-id.js';
import type { StoredPayment } from '../payment-store.js';
import { ProblemError } from '../problem.js';
import type { ProviderPaymentCreated, ResolvedCheckout } from '../provider.js';
import { payeeOf, typedSummary, type SummaryAnswer } from '../summary.js';
import { readJsonBody } from '../request-body.js';
import { checkReturnUrl } from '../return-url.js';
import { publicOrigin, returnRouteUrl } from '../public-urls.js';
import { validateCreateRequest } from '../validate-create-request.js';
import type { KitRequest } from '../kit-request.js';
import type { KitAnswer } from '../kit-answer.js';
import { adoptAttempt, insertOnce } from './adopt-attempt.js';

const BODY_LIMIT = 16 * 1024;

/** `POST payments`: one payment per Idempotency-Key, whatever the number of retries or their timing. */
export async function createPayment(
  context: HandlerContext,
  request: KitRequest,
): Promise<KitAnswer> {
  const key = readIdempotencyKey(request);
  const body = validateCreateRequest(await readJsonBody(request, BODY_LIMIT));
  const print = fingerprint(body);

  // Checked and set with no await between: concurrent retries in this process share one attempt.
  const running = context.creating.get(key);
  if (running) {
    const result = await running;
    if (result.fingerprint !== print) throw keyReused();
    return jsonResponse(result.response, 201, { 'idempotent-replayed': 'true' });
  }
  const attempt = createOnce(context, request, key, body, print);
  context.creating.set(key, attempt);
  try {
    const result = await attempt;
    return jsonResponse(
      result.response,
      201,
      result.replayed ? { 'idempotent-replayed': 'true' } : {},
    );
  } finally {
    context.creating.delete(key);
  }
}

async function createOnce(
  context: HandlerContext,
  request: KitRequest,
  key: string,
  body: CreatePaymentRequest,
  print: string,
): Promise<{ fingerprint: string; response: CreatePaymentResponse; replayed: boolean }> {
  const allowed = context.allowedReturnOrigins ?? new Set([publicOrigin(context, request)]);
  const returnUrl = checkReturnUrl(body.returnUrl, allowed);

  const { store } = context;
  const claim = await store.claimIdempotencyKey(key, print, {
    leaseMs: context.idempotencyLeaseMs,
  });
  if (claim.outcome === 'existing') {
    if (claim.fingerprint !== print) throw keyReused();
    const existing = claim.paymentId ? await store.get(claim.paymentId) : undefined;
    if (!existing) {
      throw new ProblemError(
        409,
        'idempotency_request_in_progress',
        'This attempt is still being created. Retry shortly.',
        {
          'retry-after': '1',
        },
      );
    }
    return { fingerprint: print, response: toCreateResponse(existing), replayed: true };
  }

  // The previous holder of this key died before it answered (its lease ran out): adopt what it stored.
  const adopted = claim.takeover ? await adoptAttempt(context, key, claim.attempt) : undefined;
  if (adopted) return { fingerprint: print, response: toCreateResponse(adopted), replayed: true };

  let answered = false;
  let payOnceKey: string | undefined;
  try {
    const checkout = await resolveCheckout(context, body.checkout, request);
    await checkBank(context, body.bankId);
    if (checkout.payOnce)
      payOnceKey = await claimPayOnce(store, checkout.payOnce, context.idempotencyLeaseMs);
    // A holder that died before the provider's answer was recorded leaves only its payment id: the new
    // attempt reuses it, so the provider gets the same reference (docs/protocol.md, "A create cut short").
    const paymentId = claim.attempt?.paymentId ?? newPaymentId();
    // Recorded before the provider is called, and again with its answer, so that a retry taking over
    // from a holder that died finds the payment it made (docs/architecture.md, "Where payments live").
    await store.recordIdempotencyAttempt(key, { paymentId });
    const created = await context.provider.createPayment({
      paymentId,
      bankId: body.bankId,
      checkout,
      redirectUrl: returnRouteUrl(context, request, paymentId),
      flow: body.flow,
      ...(body.locale ? { locale: body.locale } : {}),
      ...(body.payer ? { payer: body.payer } : {}),
    });
    const payment = newPaymentRecord(context, { paymentId, body, checkout, returnUrl, created });
    await store.recordIdempotencyAttempt(key, {
      paymentId,
      providerPaymentId: created.providerPaymentId,
      payment,
    });
    answered = true;
    const stored = await insertOnce(context, payment);
    await store.completeIdempotencyKey(key, paymentId);
    if (payOnceKey) await store.completeIdempotencyKey(payOnceKey, paymentId);
    context.logger.info('payment created', {
      paymentId,
      provider: stored.provider,
      status: stored.status,
    });
    return { fingerprint: print, response: toCreateResponse(stored), replayed: stored !== payment };
  } catch (error) {
    // Once the provider's answer is recorded, the key keeps it: a retry past the lease adopts that
    // provider payment rather than making a second one.
    if (answered) throw error;
    // Nothing was stored: a retry with this key starts afresh. The handler words the problem. When the
    // store itself failed, freeing the key may fail too; its lease then frees it.
    await store.releaseIdempotencyKey(key).catch((releaseError: unknown) => {
      context.logger.warn('the Idempotency-Key could not be freed; its lease will free it', {
        error: releaseError instanceof Error ? releaseError.name : typeof releaseError,
      });
    });
    // No payment of the checkout was stored either: it may be paid by the next create.
    if (payOnceKey) await store.releaseIdempotencyKey(payOnceKey).catch(() => undefined); // or its lease will
    throw error;
  }
}

/** The payment as the kit stores it, from the request and the provider's answer. */
function newPaymentRecord(
  context: HandlerContext,
  input: {
    paymentId: string;
    body: CreatePaymentRequest;
    checkout: ResolvedCheckout;
    returnUrl: string;
    created: ProviderPaymentCreated;
  },
): StoredPayment {
  const { paymentId, body, checkout, returnUrl, created } = input;
  const now = context.now().toISOString();
  const payment: StoredPayment = {
    id: paymentId,
    provider: context.provider.name,
    providerPaymentId: created.providerPaymentId,
    status: created.status,
    providerStatus: created.rawStatus,
    amount: checkout.amount,
    reference: checkout.reference,
    bankId: body.bankId,
    flow: body.flow,
    returnUrl,
    createdAt: now,
    updatedAt: now,
    checkedAt: now,
  };
  if (body.checkout !== undefined) payment.checkout = body.checkout;
  if (created.authorizationUrl) payment.authorizationUrl = created.authorizationUrl;
  if (created.expiresAt) payment.expiresAt = created.expiresAt;
  if (created.handOff) payment.handOff = created.handOff;
  if (created.qrPayload) payment.qrPayload = created.qrPayload;
  if (created.biller) payment.biller = created.biller;
  if (created.reason) payment.providerReason = created.reason;
  if (created.error) payment.error = created.error;
  if (created.providerData) payment.providerData = { ...created.providerData };
  if (checkout.summary?.length) payment.summary = typedSummary(checkout.summary);
  const payee = payeeOf(checkout.payee);
  // Kept with the payment, so that a replayed create (after a restart, too) answers it again.
  if (payee) payment.payee = payee;
  return payment;
}

/** The bank must be one the provider lists, and not marked unavailable: otherwise no provider call. */
async function checkBank(context: HandlerContext, bankId: string): Promise<void> {
  const bank = (await context.provider.listBanks()).find((candidate) => candidate.id === bankId);
  if (!bank) {
    throw new ProblemError(422, 'unknown_bank', 'The payment provider lists no bank with this id.');
  }
  if (bank.status === 'unavailable') {
    throw new ProblemError(
      409,
      'bank_unavailable',
      'This bank cannot take payments right now. Choose another bank or try again later.',
    );
  }
}

export async function resolveCheckout(
  context: HandlerContext,
  checkout: string | undefined,
  request: KitRequest,
): Promise<ResolvedCheckout> {
  let resolved: ResolvedCheckout | null | undefined;
  try {
    resolved = await context.resolveCheckout(checkout, request);
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    resolved = undefined;
  }
  if (!resolved)
    throw new ProblemError(
      422,
      'unknown_checkout',
      'This checkout is unknown or can no longer be paid.',
    );
  if (!isValidCheckout(resolved)) {
    context.logger.error('resolveCheckout answered an invalid amount or reference', {});
    throw new ProblemError(500, 'internal_error', 'The merchant could not price this checkout.');
  }
  return resolved;
}

function isValidCheckout(checkout: ResolvedCheckout): boolean {
  return (
    isValidSummary(checkout.summary) &&
    typeof checkout.amount?.value === 'string' &&
    /^\d{1,12}(?:\.\d{1,4})?$/.test(checkout.amount.value) &&
    Number(checkout.amount.value) > 0 &&
    typeof checkout.amount.currency === 'string' &&
    /^[A-Z]{3}$/.test(checkout.amount.currency) &&
    typeof checkout.reference === 'string' &&
    checkout.reference.length > 0 &&
    checkout.reference.length <= 140
  );
}

/** At most 20 short lines of text: the element renders them as they are. */
function isValidSummary(summary: ResolvedCheckout['summary']): boolean {
  if (summary === undefined) return true;
  return (
    Array.isArray(summary) &&
    summary.length <= 20 &&
    summary.every(
      (item) =>
        typeof item?.label === 'string' &&
        typeof item.value === 'string' &&
        item.label.length <= 80 &&
        item.value.length <= 200,
    )
  );
}

function toCreateResponse(payment: StoredPayment): CreatePaymentResponse & SummaryAnswer {
  return {
    paymentId: payment.id,
    ...(payment.authorizationUrl ? { authorizationUrl: payment.authorizationUrl } : {}),
    ...(payment.expiresAt ? { expiresAt: payment.expiresAt } : {}),
    ...(payment.handOff ? { handOff: payment.handOff } : {}),
    ...(payment.qrPayload ? { qrPayload: payment.qrPayload } : {}),
    ...(payment.biller ? { biller: payment.biller } : {}),
    status: payment.status,
    amount: payment.amount,
    reference: payment.reference,
    ...(payment.payee ? { payee: payment.payee } : {}),
    ...(payment.summary ? { summary: payment.summary } : {}),
  };
}

function keyReused(): ProblemError {
  return new ProblemError(
    422,
    'idempotency_key_reused',
    'This Idempotency-Key was used for a different request. Use a new key per attempt.',
  );
}
