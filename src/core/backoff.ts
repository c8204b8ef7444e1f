export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor: number;
  /** Fraction of the delay to spread either way, so that many payers do not poll in lockstep. */
  jitter: number;
}

export const POLL_BACKOFF: BackoffOptions = {
  initialMs: 1000,
  maxMs: 10_000,
  factor: 1.5,
  jitter: 0.2,
};

/** The delay before the `attempt`-th retry (0-based), with exponential growth, a cap and jitter. */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number,
): number {
  const base = Math.min(options.maxMs, options.initialMs * options.factor ** attempt);
  const spread = base * options.jitter * (random() * 2 - 1);
  return Math.round(base + spread);
}
