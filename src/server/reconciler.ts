import { isTerminal } from '../core/status.js';
import type { HandlerContext } from './context.js';
import { payerErrorFor } from './payer-errors.js';
import type { StoredPayment } from './payment-store.js';
import { logProviderFailure } from './refresh-status.js';
import { applyProviderStatus, providerRefOf } from './status-updates.js';

/** A payment with no `expiresAt` from its provider is given this long before it may expire. */
export const DEFAULT_PAYMENT_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Payments refreshed per turn; the least recently checked first. */
const BATCH = 50;
/** However long the provider fails, the reconciler tries again at least this often. */
const MAX_BACKOFF_MS = 15 * 60 * 1000;

export interface ReconcilerOptions {
  intervalMs: number;
  graceMs: number;
  random?: () => number;
}

export interface Reconciler {
  /** One turn now: what the timer does, for the tests and for a merchant's own scheduler. */
  runOnce(): Promise<{ refreshed: number; failed: number }>;
  close(): Promise<void>;
}

/**
 * Refreshes unfinished payments with the provider in the background, so a payer who closed the bank tab
 * with a provider that sends no webhooks still gets a final status (docs/architecture.md, "Background
 * work"). Every `intervalMs` with ±20 % jitter; while every refresh of a turn fails the provider is
 * taken for down and the next turn waits twice as long, up to 15 minutes. A payment past its expiry
 * plus `graceMs` that the provider still calls unfinished becomes `expired`.
 */
export function createReconciler(context: HandlerContext, options: ReconcilerOptions): Reconciler {
  const { intervalMs, graceMs } = options;
  const random = options.random ?? Math.random;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let failingTurns = 0;
  let closed = false;

  function schedule(): void {
    if (closed) return;
    const backoff = Math.min(intervalMs * 2 ** failingTurns, Math.max(intervalMs, MAX_BACKOFF_MS));
    timer = setTimeout(tick, backoff * (0.8 + 0.4 * random()));
    timer.unref();
  }

  function tick(): void {
    running = runOnce()
      .catch((error: unknown) => {
        context.logger.warn('reconciliation: the store could not be read', {
          error: error instanceof Error ? error.name : typeof error,
        });
      })
      .finally(() => {
        running = undefined;
        schedule();
      });
  }

  async function runOnce(): Promise<{ refreshed: number; failed: number }> {
    const now = context.now();
    const before = new Date(now.getTime() - intervalMs / 2);
    // Instances sharing a store claim their turn's payments, so that no payment is refreshed by two of
    // them in one interval (docs/architecture.md, "Many instances"); a store without claims is one
    // process's.
    const due = context.store.claimUnfinished
      ? await context.store.claimUnfinished({
          limit: BATCH,
          before,
          now,
          leaseMs: intervalMs,
          provider: context.provider.name,
        })
      : await context.store.listUnfinished({ limit: BATCH, before });
    let refreshed = 0;
    let failed = 0;
    for (const payment of due) {
      if (closed) break;
      // A store shared with handlers of other providers: each reconciles its own payments.
      if (payment.provider !== context.provider.name) continue;
      if (await reconcile(context, payment, graceMs)) refreshed += 1;
      else failed += 1;
    }
    failingTurns = failed > 0 && refreshed === 0 ? Math.min(failingTurns + 1, 20) : 0;
    return { refreshed, failed };
  }

  if (intervalMs > 0) schedule();
  return {
    runOnce,
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** Asks the provider once; answers false when the provider failed. */
async function reconcile(
  context: HandlerContext,
  payment: StoredPayment,
  graceMs: number,
): Promise<boolean> {
  const checkedAt = context.now().toISOString();
  try {
    const status = await context.provider.readStatus(providerRefOf(payment));
    const updated = await applyProviderStatus(context, payment.id, status, {
      source: 'reconcile',
    });
    if (updated && !isTerminal(updated.status) && isPastDeadline(context, updated, graceMs))
      await expire(context, updated.id);
    return true;
  } catch (error) {
    logProviderFailure(context, 'reconciliation refresh failed', payment.id, error);
    const current = await context.store.update(payment.id, (stored) => ({ ...stored, checkedAt }));
    // A provider that cannot say anything better about a long-dead payment does not keep it open.
    if (current && !isTerminal(current.status) && isPastDeadline(context, current, graceMs))
      await expire(context, current.id);
    return false;
  }
}

function isPastDeadline(context: HandlerContext, payment: StoredPayment, graceMs: number): boolean {
  const expiresAt = payment.expiresAt
    ? Date.parse(payment.expiresAt)
    : Date.parse(payment.createdAt) + DEFAULT_PAYMENT_LIFETIME_MS;
  return Number.isFinite(expiresAt) && context.now().getTime() > expiresAt + graceMs;
}

async function expire(context: HandlerContext, paymentId: string): Promise<void> {
  const at = context.now().toISOString();
  let expired = false;
  await context.store.update(
    paymentId,
    (current) => {
      if (isTerminal(current.status)) return undefined;
      expired = true;
      return {
        ...current,
        status: 'expired',
        providerReason: `past expiry; the provider still answered ${current.providerStatus}`,
        error: payerErrorFor('expired'),
        updatedAt: at,
        checkedAt: at,
      };
    },
    { source: 'reconcile' },
  );
  if (expired) {
    context.logger.info('payment expired by reconciliation', { paymentId });
    context.watchers.notify(paymentId);
    context.statusStored();
  }
}
