import type { HandlerContext } from './context.js';
import { isPaymentId } from './payment-id.js';
import type { StoredPayment } from './payment-store.js';
import { readPaymentSnapshot } from './payment-snapshot.js';
import { ProblemError } from './problem.js';

/**
 * The payment of this handler's provider with this id, read-only (a store's frozen snapshot where it
 * keeps one); 404 `unknown_payment` if there is none.
 */
export async function findPayment(
  context: HandlerContext,
  paymentId: string,
): Promise<StoredPayment> {
  const payment = isPaymentId(paymentId)
    ? await readPaymentSnapshot(context.store, paymentId)
    : undefined;
  if (!payment || payment.provider !== context.provider.name) {
    throw new ProblemError(404, 'unknown_payment', 'No payment has this id.');
  }
  return payment;
}
