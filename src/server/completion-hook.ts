import type { Logger } from './logger.js';
import { toPaymentRecord, type StatusChangeEvent } from './payment-record.js';
import type { PaymentStore, StatusChangeDelivery } from './payment-store.js';

export interface HookDispatcherOptions {
  store: PaymentStore;
  hook: (change: StatusChangeEvent) => void | Promise<void>;
  logger: Logger;
  now: () => Date;
  /** How long one call may take before it counts as failed. */
  timeoutMs: number;
  /** How often the outbox is read when nothing told this process of a change. Default 1000 ms. */
  pollMs?: number;
  /** Deliveries claimed at a time, at most one per payment. Default 20. */
  batchSize?: number;
}

export interface HookDispatcher {
  /** A change was stored: deliver now instead of at the next poll. */
  wake(): void;
  /** Stops polling and waits for the calls under way. */
  close(): Promise<void>;
}

/** The first retry after a second, then twice as long each time, up to ten minutes. */
export function hookRetryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 10 * 60 * 1000);
}

/**
 * Calls the merchant's completion hook from the store's outbox: claims due deliveries (the store hands
 * out a payment's changes one at a time, in order), calls the hook, and completes each delivery or
 * fails it with backoff. A delivery claimed by a process that died is claimed again once its lease runs
 * out, so every stored change reaches the hook at least once (docs/architecture.md, "What the
 * merchant's own server learns").
 */
export function createHookDispatcher(options: HookDispatcherOptions): HookDispatcher {
  const { store, hook, logger, now, timeoutMs } = options;
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 20;
  // Longer than a call may take, so a live dispatcher never has its delivery taken from it.
  const leaseMs = timeoutMs + 30_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  function schedule(delayMs: number): void {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(start, delayMs);
    // Background work never keeps a process alive on its own.
    timer.unref();
  }

  function start(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error: unknown) => {
        logger.warn('completion hook: the outbox could not be read', {
          error: error instanceof Error ? error.name : typeof error,
        });
      })
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule(0);
        } else schedule(pollMs);
      });
  }

  async function drain(): Promise<void> {
    // Bounded: each turn delivers or fails what it claimed, and failed deliveries are not due again
    // before their backoff, so the loop ends when nothing is due.
    while (!closed) {
      const claimed = await store.claimDeliveries({ limit: batchSize, leaseMs });
      if (claimed.length === 0) return;
      await Promise.all(claimed.map(deliver));
    }
  }

  async function deliver(delivery: StatusChangeDelivery): Promise<void> {
    const change: StatusChangeEvent = {
      eventId: delivery.eventId,
      payment: toPaymentRecord(delivery.payment),
      previous: delivery.previous,
    };
    try {
      await withTimeout(
        Promise.resolve().then(() => hook(change)),
        timeoutMs,
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const retryAt = new Date(now().getTime() + hookRetryDelayMs(delivery.attempts));
      logger.warn('completion hook failed; it will be called again', {
        eventId: delivery.eventId,
        paymentId: delivery.paymentId,
        attempts: delivery.attempts,
        retryAt: retryAt.toISOString(),
      });
      await store.failDelivery(delivery.eventId, retryAt, reason.slice(0, 500));
      return;
    }
    await store.completeDelivery(delivery.eventId);
  }

  schedule(0);
  return {
    wake: () => {
      if (!closed) start();
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the hook did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
