import type { PaymentStatus } from '../../../core/status.js';
import { payerErrorForReason } from '../../iso-reason-codes.js';
import { malformed } from '../../provider-http.js';
import type { ProviderStatus } from '../../provider.js';

/** ISO 20022 transaction statuses as Open Banking Connect answers them (see `docs/protocol.md`). */
export const OPEN_BANKING_CONNECT_STATUSES: Readonly<Record<string, PaymentStatus>> = {
  RCVD: 'awaiting_authorisation',
  PATC: 'awaiting_authorisation',
  ACTC: 'authorised',
  ACCP: 'authorised',
  ACFC: 'authorised',
  ACWC: 'authorised',
  PDNG: 'processing',
  ACSP: 'processing',
  ACWP: 'processing',
  ACSC: 'completed',
  ACCC: 'completed',
  RJCT: 'failed',
  CANC: 'cancelled',
};

/** A status and its `statusReasonCode`: the code stays on the server, the payer gets a safe error. */
export function mapOpenBankingConnectStatus(
  transactionStatus: string,
  statusReasonCode?: string,
): ProviderStatus {
  const status = OPEN_BANKING_CONNECT_STATUSES[transactionStatus.toUpperCase()];
  if (!status) throw malformed(`unknown transaction status ${transactionStatus.slice(0, 40)}`);
  const reason = statusReasonCode?.slice(0, 40);
  const error = status === 'failed' ? payerErrorForReason(reason) : undefined;
  return {
    status,
    rawStatus: transactionStatus,
    ...(reason ? { reason } : {}),
    ...(error ? { error } : {}),
  };
}
