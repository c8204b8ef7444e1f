import type { HandlerContext } from './context.js';
import { isPaymentId } from './payment-id.js';
import type { StoredPayment } from './payment-store.js';
import { ProblemError } from './problem.js';

/** The payment of this handler's provider with this id; 404 `unknown_payment` if there is none. */
export async function findPayment(
  context: HandlerContext,
  paymentId: string,
): Promise<StoredPayment> {
  const payment = isPaymentId(paymentId) ? await context.store.get(paymentId) : undefined;
  if (!payment || payment.provider !== context.provider.name) {
    throw new ProblemError(404, 'unknown_payment', 'No payment has this id.');
  }
  return payment;
}
