/**
 * A deep copy of what a store keeps: JSON-like (it is what a durable store writes as JSON), so plain
 * objects and arrays are copied by hand, several times faster than `structuredClone`, which every
 * status read would pay (docs/architecture.md, "The hot path"); anything else goes through it.
 */
export function copyJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const copied: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    copied[key] = copyJson((value as Record<string, unknown>)[key]);
  return copied as T;
}

/**
 * A deep copy of what a store keeps, frozen all through: a snapshot the store can hand to every
 * reader as it is, since no reader can change it (docs/architecture.md, "The hot path").
 */
export function frozenJson<T>(value: T): T {
  return deepFreeze(copyJson(value));
}

/** Freezes `value` and everything in it, in place: for JSON just parsed, which nobody else holds. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
