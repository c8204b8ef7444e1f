import { canAdvance } from '../core/status.js';
import type { HandlerContext } from './context.js';
import type { StatusChangeMeta, StoredPayment } from './payment-store.js';
import type { ProviderPaymentRef, ProviderStatus } from './provider.js';
import { payerErrorFor } from './payer-errors.js';

/**
 * Records what the provider said. The status only moves forward: a late, duplicate or reordered update
 * never moves a payment back (docs/protocol.md, "Status model"). `meta` says where the update came from, for the
 * audit trail; default: a poll.
 */
export async function applyProviderStatus(
  context: HandlerContext,
  paymentId: string,
  update: ProviderStatus,
  meta?: StatusChangeMeta,
): Promise<StoredPayment | undefined> {
  let advanced = false;
  const checkedAt = context.now().toISOString();
  const payment = await context.store.update(
    paymentId,
    (current) => {
      const providerData = update.providerData
        ? { providerData: { ...current.providerData, ...update.providerData } }
        : {};
      if (!canAdvance(current.status, update.status)) {
        // A receipt that came after its success (a webhook said success first) is still kept.
        const late =
          update.receipt && current.status === 'completed' && !current.receipt
            ? { receipt: update.receipt }
            : {};
        return { ...current, ...providerData, ...late, checkedAt };
      }
      advanced = true;
      const error = update.error ?? payerErrorFor(update.status);
      const next: StoredPayment = {
        ...current,
        ...providerData,
        status: update.status,
        providerStatus: update.rawStatus,
        updatedAt: checkedAt,
        checkedAt,
      };
      if (update.reason) next.providerReason = update.reason;
      if (error) next.error = error;
      if (update.receipt && update.status === 'completed') next.receipt = update.receipt;
      return next;
    },
    meta,
  );
  if (advanced && payment) {
    context.logger.info('payment status changed', {
      paymentId,
      status: payment.status,
      providerStatus: payment.providerStatus,
    });
    context.watchers.notify(paymentId);
    context.statusStored();
  }
  return payment;
}

/** What an adapter is told of a stored payment: its ids and the data it asked the kit to keep. */
export function providerRefOf(payment: StoredPayment): ProviderPaymentRef {
  return {
    paymentId: payment.id,
    providerPaymentId: payment.providerPaymentId,
    ...(payment.providerData ? { providerData: { ...payment.providerData } } : {}),
  };
}
