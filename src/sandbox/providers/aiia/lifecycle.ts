import { randomUUID } from 'node:crypto';
import type { PaymentLifecycle } from '../../engine.js';
import type { WebhookOutbox } from '../../webhook-outbox.js';

/**
 * Aiia Pay's accept payment: approve passes through Authorized to Executed (two updates, two webhooks);
 * "pending" leaves it authorised but not settled. Every change sends a webhook carrying only the id, and
 * the link expires unopened after one minute (see `docs/protocol.md`).
 */
export function aiiaLifecycle(
  outbox: WebhookOutbox,
  options: { cancelStatus: string; linkLifetimeMs: number },
): PaymentLifecycle {
  return {
    newId: () => randomUUID(),
    statesAfter(step) {
      switch (step) {
        case 'created':
          return [{ status: 'Initiated', terminal: false }];
        case 'opened':
          return [{ status: 'AwaitingAuthorization', terminal: false }];
        case 'approve':
          return [
            { status: 'Authorized', terminal: false },
            { status: 'Executed', terminal: true },
          ];
        case 'reject':
          return [
            { status: 'Rejected', terminal: true, details: { statusReason: 'RejectedByBank' } },
          ];
        case 'cancel':
          return [
            {
              status: options.cancelStatus,
              terminal: true,
              details: { statusReason: 'CancelledByPayer' },
            },
          ];
        case 'pending':
          return [{ status: 'Authorized', terminal: false }];
        case 'expire':
          return [{ status: 'Expired', terminal: true }];
      }
    },
    changed(payment, change) {
      outbox.send({
        event: change === 'created' ? 'PaymentCreated' : 'PaymentUpdated',
        paymentId: payment.id,
      });
    },
    expiry: { status: 'Initiated', afterMs: options.linkLifetimeMs },
  };
}
