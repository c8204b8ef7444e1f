import { canAdvance } from '../../core/status.js';
import type {
  PaymentHistoryEntry,
  StatusChangeDelivery,
  StatusChangeMeta,
  StoredPayment,
} from '../payment-store.js';

/** What an update without meta records: most changes are found by asking the provider. */
export const DEFAULT_CHANGE_META: StatusChangeMeta = { source: 'poll' };

/** Stable per change, the same in every store and on every retry of its delivery. */
export function statusEventId(paymentId: string, sequence: number): string {
  return `${paymentId}.${sequence}`;
}

/** A store's last defence of the forward-only rule; `applyProviderStatus` decides before it. */
export function assertStatusMovesForward(current: StoredPayment, next: StoredPayment): void {
  if (next.status !== current.status && !canAdvance(current.status, next.status))
    throw new Error(`payment status cannot move from ${current.status} to ${next.status}`);
}

/** The history entry and the outbox delivery one stored status change causes. */
export function statusChange(
  payment: StoredPayment,
  previous: StoredPayment['status'] | null,
  sequence: number,
  meta: StatusChangeMeta,
  at: string,
): { entry: PaymentHistoryEntry; delivery: StatusChangeDelivery } {
  const eventId = statusEventId(payment.id, sequence);
  const entry: PaymentHistoryEntry = {
    eventId,
    paymentId: payment.id,
    sequence,
    status: payment.status,
    previous,
    source: meta.source,
    providerStatus: payment.providerStatus,
    at,
  };
  if (payment.providerReason !== undefined) entry.providerReason = payment.providerReason;
  if (meta.webhookEventId !== undefined) entry.webhookEventId = meta.webhookEventId;
  if (meta.bodySha256 !== undefined) entry.bodySha256 = meta.bodySha256;
  const delivery: StatusChangeDelivery = {
    eventId,
    paymentId: payment.id,
    sequence,
    status: payment.status,
    previous,
    payment,
    attempts: 0,
    createdAt: at,
  };
  return { entry, delivery };
}
