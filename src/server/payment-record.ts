import type { Money, PaymentError, PaymentReceipt } from '../core/protocol.js';
import type { PaymentStatus } from '../core/status.js';
import type { StoredPayment } from './payment-store.js';

/**
 * A payment as the merchant's own server code reads it (`handler.getPayment`, the completion hook):
 * what was paid, through whom, and where it stands, with the provider's raw status beside the
 * normalized one. Server-side only: it carries the provider's reason, which the browser never sees.
 */
export interface PaymentRecord {
  id: string;
  status: PaymentStatus;
  amount: Money;
  reference: string;
  /** The element's `checkout` attribute the payment was created for, as `resolveCheckout` got it. */
  checkout: string | undefined;
  provider: string;
  providerPaymentId: string;
  providerStatus: string;
  providerReason?: string;
  /** The payer-safe error of a failed, cancelled or expired payment. */
  error?: PaymentError;
  /** A completed bill payment's receipt (BBPS), with the approval reference the payer was shown. */
  receipt?: PaymentReceipt;
  createdAt: string;
  updatedAt: string;
}

/** One stored status change, as the completion hook receives it (docs/architecture.md). */
export interface StatusChangeEvent {
  /** Stable per change, the same on every retry of its delivery: de-duplicate on it. */
  eventId: string;
  /** The payment as this change left it. */
  payment: PaymentRecord;
  /** The status before this change; null for the status the payment was created with. */
  previous: PaymentStatus | null;
}

export function toPaymentRecord(payment: StoredPayment): PaymentRecord {
  const record: PaymentRecord = {
    id: payment.id,
    status: payment.status,
    amount: { ...payment.amount },
    reference: payment.reference,
    checkout: payment.checkout,
    provider: payment.provider,
    providerPaymentId: payment.providerPaymentId,
    providerStatus: payment.providerStatus,
    createdAt: payment.createdAt,
    updatedAt: payment.updatedAt,
  };
  if (payment.providerReason !== undefined) record.providerReason = payment.providerReason;
  if (payment.error) record.error = { ...payment.error };
  if (payment.receipt)
    record.receipt = { ...payment.receipt, amount: { ...payment.receipt.amount } };
  return record;
}
