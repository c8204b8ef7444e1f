import type { PaymentStatus } from '../../../core/status.js';
import type { ProviderStatus } from '../../provider.js';
import { isRecord, malformed, stringField } from '../../provider-http.js';

/**
 * Non-terminal codes seen or expected; the full list is not public (see `docs/protocol.md`), so terminality is
 * decided by `status.terminal` alone and an unknown open code counts as still awaiting the payer.
 */
const OPEN_CODES: Readonly<Record<string, PaymentStatus>> = {
  Created: 'created',
  Preparing: 'created',
  Authorizing: 'awaiting_authorisation',
  AwaitingAuthorization: 'awaiting_authorisation',
  AwaitingUserAction: 'awaiting_authorisation',
  AwaitingFurtherApprovals: 'awaiting_authorisation',
  Authorized: 'authorised',
  Scheduled: 'authorised',
  Pending: 'processing',
  Processing: 'processing',
};

/**
 * `status { terminal, code, details }`: Succeeded is completed; any other terminal code is a failure
 * whose reason is in `details` (a cancel or expiry code is told apart where the code says so).
 */
export function mapMastercardStatus(status: unknown): ProviderStatus {
  if (!isRecord(status) || typeof status.terminal !== 'boolean')
    throw malformed('payment has no status');
  const code = stringField(status, 'code') ?? stringField(status, 'codeV2');
  if (!code) throw malformed('payment status has no code');
  if (code === 'Succeeded') return { status: 'completed', rawStatus: code };
  if (!status.terminal)
    return { status: OPEN_CODES[code] ?? 'awaiting_authorisation', rawStatus: code };
  const reason = reasonOf(status.details);
  const final: PaymentStatus = /^cancel/i.test(code)
    ? 'cancelled'
    : /^expire/i.test(code)
      ? 'expired'
      : 'failed';
  return { status: final, rawStatus: code, ...(reason ? { reason } : {}) };
}

function reasonOf(details: unknown): string | undefined {
  if (typeof details === 'string') return details.slice(0, 200);
  if (!isRecord(details)) return undefined;
  const reason =
    stringField(details, 'reason') ??
    stringField(details, 'code') ??
    stringField(details, 'message');
  return (reason ?? JSON.stringify(details)).slice(0, 200);
}

/** The payment object, bare or inside `{ payment }` as the public collection shows it. */
export function unwrapPayment(body: unknown): Record<string, unknown> {
  const payment = isRecord(body) && isRecord(body.payment) ? body.payment : body;
  if (!isRecord(payment)) throw malformed('payment is not an object');
  return payment;
}
