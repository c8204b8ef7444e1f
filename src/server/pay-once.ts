import type { PaymentStatus } from '../core/status.js';
import type { PaymentStore } from './payment-store.js';
import { ProblemError } from './problem.js';

/** A payment in these states pays, or has paid, its checkout: a second one would pay it twice. */
const PAYING: ReadonlySet<PaymentStatus> = new Set(['authorised', 'processing', 'completed']);

/**
 * One payment at a time of a checkout that is paid once (`ResolvedCheckout.payOnce`, a bill): the
 * checkout's key in the idempotency table names its latest payment, claimed atomically in every store
 * (docs/protocol.md, "Cashfree BBPS"). A create is refused while that payment is being paid or once it
 * is paid; one that failed, was cancelled or expired, or was never approved (a UPI link left unpaid,
 * which a fresh QR code replaces) gives way. Answers the claimed key, to complete or release.
 */
export async function claimPayOnce(
  store: PaymentStore,
  payOnce: string,
  leaseMs: number,
): Promise<string> {
  const key = `pay-once:${payOnce}`;
  for (let round = 0; round < 3; round += 1) {
    const claim = await store.claimIdempotencyKey(key, 'pay-once', { leaseMs });
    if (claim.outcome === 'claimed') return key;
    // Another create of this checkout is at work: its payment may be the one that pays it.
    if (!claim.paymentId) throw beingPaid('is being started');
    const holder = await store.get(claim.paymentId);
    if (holder?.status === 'completed') throw beingPaid('is already paid');
    if (holder && PAYING.has(holder.status)) throw beingPaid('is being paid');
    await store.releaseIdempotencyKey(key);
  }
  throw beingPaid('is being started');
}

function beingPaid(what: string): ProblemError {
  return new ProblemError(
    409,
    'checkout_being_paid',
    `A payment of this checkout ${what}: it is not paid twice. Wait for its outcome.`,
  );
}
