import type { HandlerContext } from '../context.js';
import type { StoredPayment } from '../payment-store.js';
import { ProblemError } from '../problem.js';
import { logProviderFailure } from '../refresh-status.js';
import { withPaymentParameter } from '../return-url.js';
import { applyProviderStatus } from '../status-updates.js';
import { findPayment } from './payment-status.js';

/**
 * `GET return`: the bank sends the payer here. Finish the provider's part, then 303 to the page's
 * returnUrl. A provider failure does not strand the payer: the element keeps tracking the status.
 */
export async function handleReturn(context: HandlerContext, request: Request): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const payment = await paymentOfReturn(context, query);
  const ref = { paymentId: payment.id, providerPaymentId: payment.providerPaymentId };
  try {
    const status = context.provider.completeReturn
      ? await context.provider.completeReturn(query, ref)
      : await context.provider.readStatus(ref);
    await applyProviderStatus(context, payment.id, status);
  } catch (error) {
    logProviderFailure(context, 'return completion failed', payment.id, error);
  }
  return new Response(null, {
    status: 303,
    headers: {
      location: withPaymentParameter(payment.returnUrl, payment.id),
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    },
  });
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
