import type { HandlerContext } from '../context.js';
import type { IdempotencyAttempt, StoredPayment } from '../payment-store.js';

/**
 * A takeover finds what the dead holder of its Idempotency-Key recorded (docs/architecture.md, "Where
 * payments live"). Its payment, when it was stored before the holder died, is this request's answer.
 * A provider answer the holder recorded but never stored is stored now, as the holder would have
 * stored it: the payer gets that provider payment, not a second one. A holder that died before the
 * provider's answer was recorded leaves nothing to adopt: undefined, and the request creates anew.
 */
export async function adoptAttempt(
  context: HandlerContext,
  key: string,
  attempt: IdempotencyAttempt | undefined,
): Promise<StoredPayment | undefined> {
  if (!attempt) return undefined;
  const { store, logger } = context;
  const adopted =
    (await store.get(attempt.paymentId)) ??
    (attempt.payment ? await insertOnce(context, attempt.payment) : undefined);
  if (!adopted) {
    logger.warn('an abandoned attempt left no provider answer; creating the payment again', {
      paymentId: attempt.paymentId,
      provider: context.provider.name,
    });
    return undefined;
  }
  await store.completeIdempotencyKey(key, adopted.id);
  logger.info('payment adopted from an abandoned attempt', {
    paymentId: adopted.id,
    provider: adopted.provider,
  });
  return adopted;
}

/**
 * Stores a new payment, or answers the one already stored under its id: a holder whose lease ran out
 * while it was only slow may store the same attempt as the request that took its key over.
 */
export async function insertOnce(
  context: HandlerContext,
  payment: StoredPayment,
): Promise<StoredPayment> {
  try {
    await context.store.insert(payment);
  } catch (error) {
    const stored = await context.store.get(payment.id).catch(() => undefined);
    if (stored) return stored;
    throw error;
  }
  context.statusStored();
  return payment;
}
