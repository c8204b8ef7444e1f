/** Wakes long-polling status requests when a payment changes in this process. One set per handler. */
export interface StatusWatchers {
  /** Resolves on the next change of `paymentId`, after `timeoutMs`, or when `signal` aborts. */
  next(paymentId: string, timeoutMs: number, signal?: AbortSignal): Promise<void>;
  notify(paymentId: string): void;
  /** Wakes every waiter, to re-read: changes may have been missed (a shared store's feed reconnected). */
  notifyAll(): void;
}

export function createStatusWatchers(): StatusWatchers {
  const waiting = new Map<string, Set<() => void>>();

  return {
    next(paymentId, timeoutMs, signal) {
      return new Promise<void>((resolve) => {
        const listeners = waiting.get(paymentId) ?? new Set();
        waiting.set(paymentId, listeners);
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          listeners.delete(done);
          if (listeners.size === 0 && waiting.get(paymentId) === listeners)
            waiting.delete(paymentId);
          resolve();
        };
        const timer = setTimeout(done, Math.max(0, timeoutMs));
        signal?.addEventListener('abort', done, { once: true });
        listeners.add(done);
        if (signal?.aborted) done();
      });
    },
    notify(paymentId) {
      for (const wake of [...(waiting.get(paymentId) ?? [])]) wake();
    },
    notifyAll() {
      for (const listeners of [...waiting.values()]) for (const wake of [...listeners]) wake();
    },
  };
}
