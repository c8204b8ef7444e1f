import type { PaymentStatusResponse } from '../core/protocol.js';
import type { StoredPayment } from './payment-store.js';

/** What a status answer may reveal: status, amount, reference, time, a payer-safe error, a bill's biller and receipt. */
export function toStatusResponse(payment: StoredPayment): PaymentStatusResponse {
  return {
    paymentId: payment.id,
    status: payment.status,
    amount: payment.amount,
    reference: payment.reference,
    updatedAt: payment.updatedAt,
    ...(payment.error ? { error: payment.error } : {}),
    ...(payment.receipt ? { receipt: payment.receipt } : {}),
    ...(payment.biller ? { biller: payment.biller } : {}),
  };
}
