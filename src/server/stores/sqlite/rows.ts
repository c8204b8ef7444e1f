import type { PaymentStatus } from '../../../core/status.js';
import type {
  IdempotencyAttempt,
  PaymentHistoryEntry,
  StatusChangeDelivery,
  StatusChangeSource,
  StoredPayment,
} from '../../payment-store.js';

/** The payment is kept whole as JSON; the columns beside it exist to be indexed. */
export interface PaymentRow {
  record: string;
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
  at: string;
}

export interface OutboxRow {
  event_id: string;
  payment_id: string;
  sequence: number;
  status: string;
  previous: string | null;
  payment: string;
  created_at: string;
  attempts: number;
  last_error: string | null;
}

export interface IdempotencyRow {
  fingerprint: string;
  payment_id: string | null;
  attempt_payment_id: string | null;
  attempt_provider_payment_id: string | null;
  attempt_payment: string | null;
  lease_ms: number | null;
  lease_until_ms: number | null;
}

/** What the holder of a key recorded (`recordIdempotencyAttempt`), if anything. */
export function attemptOf(row: IdempotencyRow): IdempotencyAttempt | undefined {
  if (row.attempt_payment_id === null) return undefined;
  return {
    paymentId: row.attempt_payment_id,
    ...(row.attempt_provider_payment_id === null
      ? {}
      : { providerPaymentId: row.attempt_provider_payment_id }),
    ...(row.attempt_payment === null
      ? {}
      : { payment: JSON.parse(row.attempt_payment) as StoredPayment }),
  };
}

export function paymentOf(row: PaymentRow): StoredPayment {
  return JSON.parse(row.record) as StoredPayment;
}

/** The indexed columns of a payment, checked so that a bad timestamp fails before it is stored. */
export function paymentColumns(payment: StoredPayment) {
  const checkedAtMs = Date.parse(payment.checkedAt);
  if (!Number.isFinite(checkedAtMs))
    throw new TypeError(`payment ${payment.id} has no valid checkedAt`);
  return {
    id: payment.id,
    provider: payment.provider,
    provider_payment_id: payment.providerPaymentId,
    status: payment.status,
    checked_at_ms: checkedAtMs,
    record: JSON.stringify(payment),
  };
}

export function historyColumns(entry: PaymentHistoryEntry): HistoryRow {
  return {
    payment_id: entry.paymentId,
    sequence: entry.sequence,
    event_id: entry.eventId,
    status: entry.status,
    previous: entry.previous,
    source: entry.source,
    provider_status: entry.providerStatus,
    provider_reason: entry.providerReason ?? null,
    webhook_event_id: entry.webhookEventId ?? null,
    body_sha256: entry.bodySha256 ?? null,
    at: entry.at,
  };
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
    at: row.at,
  };
  if (row.provider_reason !== null) entry.providerReason = row.provider_reason;
  if (row.webhook_event_id !== null) entry.webhookEventId = row.webhook_event_id;
  if (row.body_sha256 !== null) entry.bodySha256 = row.body_sha256;
  return entry;
}

export function outboxColumns(delivery: StatusChangeDelivery, nextAttemptAtMs: number) {
  return {
    event_id: delivery.eventId,
    payment_id: delivery.paymentId,
    sequence: delivery.sequence,
    status: delivery.status,
    previous: delivery.previous,
    payment: JSON.stringify(delivery.payment),
    created_at: delivery.createdAt,
    next_attempt_at_ms: nextAttemptAtMs,
  };
}

export function deliveryOf(row: OutboxRow): StatusChangeDelivery {
  const delivery: StatusChangeDelivery = {
    eventId: row.event_id,
    paymentId: row.payment_id,
    sequence: row.sequence,
    status: row.status as PaymentStatus,
    previous: row.previous as PaymentStatus | null,
    payment: JSON.parse(row.payment) as StoredPayment,
    attempts: row.attempts,
    createdAt: row.created_at,
  };
  if (row.last_error !== null) delivery.lastError = row.last_error;
  return delivery;
}
