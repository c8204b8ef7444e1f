import { randomBytes } from 'node:crypto';
import type { PaymentLifecycle } from '../../engine.js';

/**
 * Open Finance Europe's payment, in its own `status.code` words: a terminal code ends it, and
 * "pending" leaves it open at Pending (see `docs/protocol.md`).
 */
export const mastercardLifecycle: PaymentLifecycle = {
  newId: mastercardPaymentId,
  statesAfter(step) {
    switch (step) {
      case 'created':
        return [{ status: 'Preparing', terminal: false }];
      case 'opened':
        return [{ status: 'Authorizing', terminal: false }];
      case 'approve':
        return [{ status: 'Succeeded', terminal: true }];
      case 'reject':
        return [{ status: 'Failed', terminal: true, details: { reason: 'PaymentRejectedByBank' } }];
      case 'cancel':
        return [{ status: 'Cancelled', terminal: true, details: { reason: 'CancelledByUser' } }];
      case 'pending':
        return [{ status: 'Pending', terminal: false }];
      case 'expire':
        return [{ status: 'Expired', terminal: true, details: { reason: 'AuthorizationExpired' } }];
    }
  },
};

/** Shaped like the public collection's ids: `20240101.6459d4k3xjor9cusbcpcjiatuw`. */
function mastercardPaymentId(date: Date): string {
  const day = date.toISOString().slice(0, 10).replaceAll('-', '');
  const suffix = [...randomBytes(26)].map((byte) => (byte % 36).toString(36)).join('');
  return `${day}.${suffix}`;
}
