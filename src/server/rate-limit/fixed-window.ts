/** One key's count in its current window. A window opens at the first hit after the last one ended. */
export interface RateWindow {
  /** Hits in this window, the latest included. */
  count: number;
  /** When the window ends and the count starts again from zero. */
  resetAt: Date;
}

/** The window after one more hit at `now`: the same window counted up, or a new one. */
export function countHit(current: RateWindow | undefined, windowMs: number, now: Date): RateWindow {
  if (!current || current.resetAt.getTime() <= now.getTime())
    return { count: 1, resetAt: new Date(now.getTime() + windowMs) };
  return { count: current.count + 1, resetAt: current.resetAt };
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Allowed while the window holds at most `max` hits; else how long, in whole seconds, to wait. */
export function verdictOf(window: RateWindow, max: number, now: Date): RateVerdict {
  if (window.count <= max) return { allowed: true };
  const waitMs = window.resetAt.getTime() - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}
