import type { PaymentStatus } from '../../../core/status.js';
import type {
  IdempotencyAttempt,
  PaymentHistoryEntry,
  StatusChangeDelivery,
  StatusChangeSource,
  StoredPayment,
} from '../../payment-store.js';

/** The payment is kept whole as jsonb; the columns beside it exist to be indexed and locked. */
export interface PaymentRow {
  record: StoredPayment;
  last_sequence: number;
}

export interface HistoryRow {
  payment_id: string;
  sequence: number;
  event_id: string;
  status: string;
  previous: string | null;
  source: string;
  provider_status: string;
  provider_reason: string | null;
  webhook_event_id: string | null;
  body_sha256: string | null;
  at: Date;
}

export interface OutboxRow {
  position: string;
  event_id: string;
  payment_id: string;
  sequence: number;
  status: string;
  previous: string | null;
  payment: StoredPayment;
  created_at: Date;
  attempts: number;
  last_error: string | null;
}

export interface IdempotencyRow {
  fingerprint: string;
  payment_id: string | null;
  attempt_payment_id: string | null;
  attempt_provider_payment_id: string | null;
  attempt_payment: StoredPayment | null;
}

/** What the holder of a key recorded (`recordIdempotencyAttempt`), if anything. */
export function attemptOf(row: IdempotencyRow): IdempotencyAttempt | undefined {
  if (row.attempt_payment_id === null) return undefined;
  return {
    paymentId: row.attempt_payment_id,
    ...(row.attempt_provider_payment_id === null
      ? {}
      : { providerPaymentId: row.attempt_provider_payment_id }),
    ...(row.attempt_payment === null ? {} : { payment: row.attempt_payment }),
  };
}

/** The indexed columns of a payment, checked so that a bad timestamp fails before it is stored. */
export function paymentValues(payment: StoredPayment): unknown[] {
  const checkedAt = new Date(payment.checkedAt);
  if (!Number.isFinite(checkedAt.getTime()))
    throw new TypeError(`payment ${payment.id} has no valid checkedAt`);
  return [
    payment.id,
    payment.provider,
    payment.providerPaymentId,
    payment.status,
    checkedAt,
    JSON.stringify(payment),
  ];
}

/** What a stored payment reads back as: what JSON keeps of it, as the other stores answer. */
export function asStored(payment: StoredPayment): StoredPayment {
  return JSON.parse(JSON.stringify(payment)) as StoredPayment;
}

export function historyValues(entry: PaymentHistoryEntry): unknown[] {
  return [
    entry.sequence,
    entry.eventId,
    entry.status,
    entry.previous,
    entry.source,
    entry.providerStatus,
    entry.providerReason ?? null,
    entry.webhookEventId ?? null,
    entry.bodySha256 ?? null,
    new Date(entry.at),
  ];
}

export function historyEntryOf(row: HistoryRow): PaymentHistoryEntry {
  const entry: PaymentHistoryEntry = {
    eventId: row.event_id,
    paymentId: row.payment_id,
    sequence: row.sequence,
    status: row.status as PaymentStatus,
    previous: row.previous as PaymentStatus | null,
    source: row.source as StatusChangeSource,
    providerStatus: row.provider_status,
    at: row.at.toISOString(),
  };
  if (row.provider_reason !== null) entry.providerReason = row.provider_reason;
  if (row.webhook_event_id !== null) entry.webhookEventId = row.webhook_event_id;
  if (row.body_sha256 !== null) entry.bodySha256 = row.body_sha256;
  return entry;
}

export function deliveryOf(row: OutboxRow): StatusChangeDelivery {
  const delivery: StatusChangeDelivery = {
    eventId: row.event_id,
    paymentId: row.payment_id,
    sequence: row.sequence,
    status: row.status as PaymentStatus,
    previous: row.previous as PaymentStatus | null,
    payment: row.payment,
    attempts: row.attempts,
    createdAt: row.created_at.toISOString(),
  };
  if (row.last_error !== null) delivery.lastError = row.last_error;
  return delivery;
}
