import type { AbortState } from './kit-request.js';

/** Wakes long-polling status requests when a payment changes in this process. One set per handler. */
export interface StatusWatchers {
  /**
   * Wakes `waiter` once: on the next change of its payment, after `timeoutMs` (a little later:
   * deadlines share ticks of {@link WAKE_TICK_MS}), or soon after its signal aborts (checked every
   * {@link ABORT_SWEEP_MS}; at once if it has already).
   */
  hold(waiter: Waiter, timeoutMs: number): void;
  notify(paymentId: string): void;
  /** Wakes every waiter, to re-read: changes may have been missed (a shared store's feed reconnected). */
  notifyAll(): void;
}

/** Deadlines are rounded up to this, so that waiters share one timer per tick, not one each. */
export const WAKE_TICK_MS = 25;
/** How often waiters whose request went away are let go: their answer has no reader. */
export const ABORT_SWEEP_MS = 1000;

/**
 * What waits: a held long-poll is its own waiter (`src/server/routes/status-wait.ts`), so that holding
 * it here costs no record, promise or closure besides it (docs/architecture.md, "Many instances").
 */
export interface Waiter {
  readonly paymentId: string;
  readonly signal?: AbortState | undefined;
  /** The tick it is due at, set by the watchers while they hold it. */
  tick: number;
  /** Called once, from inside the watchers' own loop: a waiter with work to do defers it. */
  wake(): void;
}

/**
 * One long-poll costs its own waiter here, not a timer and an abort listener of its own: an instance
 * holds thousands of them (docs/architecture.md, "Many instances"). A single timer fires at
 * the earliest tick due, and every {@link ABORT_SWEEP_MS} at the latest to let aborted waiters go; it
 * keeps running while anyone waits, as one timer per waiter did.
 */
export function createStatusWatchers(): StatusWatchers {
  const byPayment = new Map<string, Set<Waiter>>();
  const byTick = new Map<number, Set<Waiter>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Infinity;
  let nextSweep = 0;

  const add = <K>(map: Map<K, Set<Waiter>>, key: K, waiter: Waiter) => {
    const set = map.get(key);
    if (set) set.add(waiter);
    else map.set(key, new Set([waiter]));
  };
  const remove = <K>(map: Map<K, Set<Waiter>>, key: K, waiter: Waiter) => {
    const set = map.get(key);
    if (set?.delete(waiter) && set.size === 0) map.delete(key);
  };
  const wake = (waiter: Waiter) => {
    remove(byPayment, waiter.paymentId, waiter);
    remove(byTick, waiter.tick, waiter);
    waiter.wake();
  };

  /** Makes the timer fire by `at`; a timer that finds nothing due just sets the next one. */
  const fireBy = (at: number) => {
    if (timer !== undefined && timerAt <= at) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(fire, Math.max(0, at - Date.now()));
  };

  const fire = () => {
    timer = undefined;
    timerAt = Infinity;
    const now = Date.now();
    for (const [tick, waiters] of [...byTick])
      if (tick <= now) for (const w of [...waiters]) wake(w);
    if (now >= nextSweep) {
      for (const waiters of [...byTick.values()])
        for (const waiter of [...waiters]) if (waiter.signal?.aborted) wake(waiter);
      nextSweep = now + ABORT_SWEEP_MS;
    }
    if (byTick.size === 0) return;
    let earliest = nextSweep;
    for (const tick of byTick.keys()) if (tick < earliest) earliest = tick;
    fireBy(earliest);
  };

  return {
    hold(waiter, timeoutMs) {
      if (waiter.signal?.aborted) {
        waiter.wake();
        return;
      }
      const due = Date.now() + Math.max(0, timeoutMs);
      waiter.tick = Math.ceil(due / WAKE_TICK_MS) * WAKE_TICK_MS;
      if (timer === undefined) nextSweep = Date.now() + ABORT_SWEEP_MS;
      add(byPayment, waiter.paymentId, waiter);
      add(byTick, waiter.tick, waiter);
      fireBy(Math.min(waiter.tick, nextSweep));
    },
    notify(paymentId) {
      for (const waiter of [...(byPayment.get(paymentId) ?? [])]) wake(waiter);
    },
    notifyAll() {
      for (const waiters of [...byPayment.values()])
        for (const waiter of [...waiters]) wake(waiter);
    },
  };
}
