import type { HandlerContext } from '../context.js';
import type { StoredPayment } from '../payment-store.js';
import { ProblemError } from '../problem.js';
import { ReturnRejectedError, ReturnRepeatedError } from '../provider-error.js';
import { logProviderFailure } from '../refresh-status.js';
import { withPaymentParameter } from '../return-url.js';
import { applyProviderStatus, providerRefOf } from '../status-updates.js';
import { findPayment } from '../find-payment.js';
import { urlOf, type KitRequest } from '../kit-request.js';
import type { KitAnswer } from '../kit-answer.js';

/**
 * `GET return`: the bank sends the payer here. Finish the provider's part, then 303 to the page's
 * returnUrl. A provider failure does not strand the payer: the element keeps tracking the status. A
 * return the provider refuses (a foreign `state`) is a problem and changes nothing; the payment's own
 * return again (the payer reloaded this page) changes nothing either, and sends the payer back.
 */
export async function handleReturn(
  context: HandlerContext,
  request: KitRequest,
): Promise<KitAnswer> {
  const url = urlOf(request);
  const payment = await paymentOfReturn(context, url.searchParams);
  await oneAtATime(context.returning, payment.id, () =>
    completeReturn(context, payment.id, url.searchParams, url.search.slice(1)),
  );
  return {
    status: 303,
    headers: {
      location: withPaymentParameter(payment.returnUrl, payment.id),
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    },
    body: null,
  };
}

async function completeReturn(
  context: HandlerContext,
  paymentId: string,
  query: URLSearchParams,
  rawQuery: string,
): Promise<void> {
  // Read after waiting our turn: an earlier return of the same payment may have redeemed its code.
  const payment = await findPayment(context, paymentId);
  const ref = providerRefOf(payment);
  try {
    const status = context.provider.completeReturn
      ? await context.provider.completeReturn(query, ref, rawQuery)
      : await context.provider.readStatus(ref);
    await applyProviderStatus(context, payment.id, status, { source: 'return' });
  } catch (error) {
    // A refused return changes nothing and is a problem (the handler words it); a repeated one changes
    // nothing and sends the payer back, like any other failure, which is logged: the element keeps
    // tracking the status (docs/protocol.md, "Mastercard Open Banking Connect").
    if (error instanceof ReturnRejectedError) throw error;
    if (error instanceof ReturnRepeatedError) {
      context.logger.info('return repeated: nothing to redeem', { paymentId: payment.id });
      return;
    }
    logProviderFailure(context, 'return completion failed', payment.id, error);
  }
}

/** Returns of one payment run one after the other in this process, so a code is redeemed once. */
async function oneAtATime(
  queue: Map<string, Promise<unknown>>,
  key: string,
  task: () => Promise<void>,
): Promise<void> {
  const run = (queue.get(key) ?? Promise.resolve()).then(task);
  const tail = run.catch(() => undefined);
  queue.set(key, tail);
  try {
    await run;
  } finally {
    if (queue.get(key) === tail) queue.delete(key);
  }
}

/** Our own `payment` parameter first; else the provider's `paymentId`, which some providers append. */
async function paymentOfReturn(
  context: HandlerContext,
  query: URLSearchParams,
): Promise<StoredPayment> {
  const own = query.get('payment');
  if (own) return findPayment(context, own);
  const providerPaymentId = query.get('paymentId');
  const payment = providerPaymentId
    ? await context.store.findByProviderPaymentId(context.provider.name, providerPaymentId)
    : undefined;
  if (!payment)
    throw new ProblemError(404, 'unknown_payment', 'The bank returned without a known payment.');
  return payment;
}
