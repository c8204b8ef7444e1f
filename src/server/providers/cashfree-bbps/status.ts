import type { PaymentStatus } from '../../../core/status.js';
import { isRecord, malformed, stringField } from '../../provider-http.js';
import type { PaymentReceipt } from '../../../core/protocol.js';
import type { ProviderData, ProviderStatus } from '../../provider.js';
import { fromPaise } from './paise.js';
import { retryableForCode, type BbpsRetryTable } from './errors.js';

/** `data.status` of the payment response (lower case) and of the acknowledgement (PROCESSING). */
export const CASHFREE_BBPS_STATUSES: Readonly<Record<string, PaymentStatus>> = {
  processing: 'processing',
  success: 'completed',
  failed: 'failed',
};

/**
 * Maps `data` of a bill-payment response or webhook; the reason code stays on the server. The
 * failure's code is `compliance_resp_cd` (else `response_code`) of
 * `data.response.bill_payment_response.reason` (see `docs/protocol.md`, "Cashfree BBPS").
 */
export function mapCashfreeBbpsPayment(
  data: Record<string, unknown>,
  retryTable: BbpsRetryTable = {},
): ProviderStatus {
  const rawStatus = stringField(data, 'status');
  const status = rawStatus ? CASHFREE_BBPS_STATUSES[rawStatus.toLowerCase()] : undefined;
  if (!rawStatus || !status) throw malformed(`unknown bill payment status ${rawStatus ?? ''}`);
  if (status !== 'failed') return { status, rawStatus };
  const reason = reasonOf(data);
  const code =
    reason && (stringField(reason, 'compliance_resp_cd') ?? stringField(reason, 'response_code'));
  return {
    status,
    rawStatus,
    ...(code ? { reason: code.slice(0, 60) } : {}),
    error: {
      code: 'payment_failed',
      message: 'The bill payment did not go through.',
      // A code the merchant's table does not list may well pass on a new attempt: let the payer try.
      retryable: retryableForCode(retryTable, code) ?? true,
    },
  };
}

function reasonOf(data: Record<string, unknown>): Record<string, unknown> | undefined {
  const response = isRecord(data.response) ? data.response : undefined;
  const payment =
    response && isRecord(response.bill_payment_response)
      ? response.bill_payment_response
      : undefined;
  return payment && isRecord(payment.reason) ? payment.reason : undefined;
}

/** The transaction of a response or webhook `data`: beside the status, or in `response…txn`. */
export function transactionRefIdOf(data: Record<string, unknown>): string | undefined {
  const direct = stringField(data, 'transaction_ref_id');
  if (direct) return direct;
  const response = isRecord(data.response) ? data.response : undefined;
  const payment =
    response && isRecord(response.bill_payment_response)
      ? response.bill_payment_response
      : undefined;
  const txn = payment && isRecord(payment.txn) ? payment.txn : undefined;
  return txn && stringField(txn, 'transaction_ref_id');
}

/**
 * The receipt of a successful bill payment: the biller and bill number kept at creation, and the
 * approval reference number of `bill_payment_response.reason.approval_ref_num` (the BBPS name of
 * the field; an assumption, docs/protocol.md). None without an approval reference: a receipt
 * without it is not one.
 */
export function receiptOf(
  data: Record<string, unknown>,
  kept: ProviderData | undefined,
  paidAt: Date,
): PaymentReceipt | undefined {
  const reason = reasonOf(data);
  const approvalReference = reason && stringField(reason, 'approval_ref_num');
  if (!approvalReference || !kept?.biller || !kept.amountPaise) return undefined;
  return {
    biller: kept.biller,
    ...(kept.billNumber ? { billNumber: kept.billNumber } : {}),
    amount: { value: fromPaise(kept.amountPaise), currency: 'INR' },
    approvalReference: approvalReference.slice(0, 40),
    paidAt: paidAt.toISOString(),
  };
}
