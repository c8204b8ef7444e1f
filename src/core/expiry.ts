/** A link is treated as expired this long after its `expiresAt`, to allow for clock skew. */
const EXPIRY_GRACE_MS = 5_000;

/** Whether a link that ran until `expiresAt` has surely run out by `now`; false without a time. */
export function isPastExpiry(expiresAt: string | undefined, now: number): boolean {
  const time = expiresAt ? Date.parse(expiresAt) : NaN;
  return Number.isFinite(time) && now > time + EXPIRY_GRACE_MS;
}
