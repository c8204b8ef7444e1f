import type { PaymentStatus } from '../../../core/status.js';
import { isRecord, malformed, stringField } from '../../provider-http.js';
import type { ProviderStatus } from '../../provider.js';
import { retryableOf, retryCategoryOf } from './errors.js';

/** `data.status` of the payment response (lower case) and of the acknowledgement (PROCESSING). */
export const CASHFREE_BBPS_STATUSES: Readonly<Record<string, PaymentStatus>> = {
  processing: 'processing',
  success: 'completed',
  failed: 'failed',
};

/** Maps `data` of a bill-payment response or webhook; the reason code stays on the server. */
export function mapCashfreeBbpsPayment(data: Record<string, unknown>): ProviderStatus {
  const rawStatus = stringField(data, 'status');
  const status = rawStatus ? CASHFREE_BBPS_STATUSES[rawStatus.toLowerCase()] : undefined;
  if (!rawStatus || !status) throw malformed(`unknown bill payment status ${rawStatus ?? ''}`);
  if (status !== 'failed') return { status, rawStatus };
  const reason = reasonOf(data);
  const code = reason && (stringField(reason, 'response_code') ?? stringField(reason, 'code'));
  const retryable = retryableOf(retryCategoryOf(reason) ?? retryCategoryOf(data));
  return {
    status,
    rawStatus,
    ...(code ? { reason: code.slice(0, 60) } : {}),
    error: {
      code: 'payment_failed',
      message: 'The bill payment did not go through.',
      retryable: retryable ?? true,
    },
  };
}

/** `bill_payment_response.reason { response_code, response_reason }`, or a bare `reason`. */
function reasonOf(data: Record<string, unknown>): Record<string, unknown> | undefined {
  const response = isRecord(data.bill_payment_response) ? data.bill_payment_response : undefined;
  if (response && isRecord(response.reason)) return response.reason;
  return isRecord(data.reason) ? data.reason : undefined;
}
