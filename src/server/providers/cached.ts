/** Remembers one loaded value for `ttlMs`; concurrent callers share one load, and a failed load is not kept. */
export function cached<T>(
  load: () => Promise<T>,
  ttlMs: number,
  now: () => number = Date.now,
): () => Promise<T> {
  let entry: { value: Promise<T>; until: number } | undefined;
  return () => {
    if (entry && entry.until > now()) return entry.value;
    const value = load();
    const current = { value, until: now() + ttlMs };
    entry = current;
    value.catch(() => {
      if (entry === current) entry = undefined;
    });
    return value;
  };
}
