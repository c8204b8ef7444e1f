import type { PaymentStatus } from '../../../core/status.js';
import type { ProviderStatus } from '../../provider.js';
import { malformed } from '../../provider-http.js';

/**
 * Aiia Pay v2 accept-payment statuses, all in this one table (see `docs/protocol.md`; not confirmed by official
 * docs). `Cancelled` is not in the public list; it is mapped in case the payer's cancel shows as such.
 */
export const AIIA_STATUSES: Readonly<Record<string, PaymentStatus>> = {
  Initiated: 'created',
  AwaitingAuthorization: 'awaiting_authorisation',
  Authorized: 'authorised',
  Executed: 'completed',
  Failed: 'failed',
  Rejected: 'failed',
  Expired: 'expired',
  Cancelled: 'cancelled',
};

export function mapAiiaStatus(rawStatus: string, reason?: string): ProviderStatus {
  const status = AIIA_STATUSES[rawStatus];
  if (!status) throw malformed(`unknown Aiia status ${rawStatus.slice(0, 40)}`);
  return { status, rawStatus, ...(reason ? { reason } : {}) };
}
