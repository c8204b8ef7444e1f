import { randomBytes } from 'node:crypto';
import type { PaymentLifecycle } from '../../engine.js';
import type { MastercardStatusCodes } from '../../options.js';

/**
 * The codes no public source confirms: only `Preparing` (open) and `Succeeded` (terminal) are in
 * Mastercard's public examples. These are the sandbox's assumptions, changed with the
 * `mastercard.statusCodes` option (see `docs/protocol.md`, "Mastercard Open Finance Europe").
 */
export const ASSUMED_MASTERCARD_CODES: Required<MastercardStatusCodes> = {
  opened: 'Authorizing',
  reject: 'Failed',
  cancel: 'Cancelled',
  pending: 'Pending',
  expire: 'Expired',
};

/**
 * Open Finance Europe's payment, in its own `status.code` words: a terminal code ends it, and
 * "pending" leaves it open (see `docs/protocol.md`).
 */
export function mastercardLifecycle(overrides: MastercardStatusCodes = {}): PaymentLifecycle {
  const codes = { ...ASSUMED_MASTERCARD_CODES, ...overrides };
  return {
    newId: mastercardPaymentId,
    statesAfter(step) {
      switch (step) {
        case 'created':
          return [{ status: 'Preparing', terminal: false }];
        case 'opened':
          return [{ status: codes.opened, terminal: false }];
        case 'approve':
          return [{ status: 'Succeeded', terminal: true }];
        case 'reject':
          return [
            { status: codes.reject, terminal: true, details: { reason: 'PaymentRejectedByBank' } },
          ];
        case 'cancel':
          return [{ status: codes.cancel, terminal: true, details: { reason: 'CancelledByUser' } }];
        case 'pending':
          return [{ status: codes.pending, terminal: false }];
        case 'expire':
          return [
            { status: codes.expire, terminal: true, details: { reason: 'AuthorizationExpired' } },
          ];
      }
    },
  };
}

/** Shaped like the public collection's ids: `20240101.6459d4k3xjor9cusbcpcjiatuw`. */
function mastercardPaymentId(date: Date): string {
  const day = date.toISOString().slice(0, 10).replaceAll('-', '');
  const suffix = [...randomBytes(26)].map((byte) => (byte % 36).toString(36)).join('');
  return `${day}.${suffix}`;
}
