import { createHash, timingSafeEqual } from 'node:crypto';
import { ReturnRejectedError, ReturnRepeatedError } from '../../provider-error.js';
import type { ProviderData } from '../../provider.js';

/** The `state` the bank must echo: the one in the `scaRedirect` link, else the consent's request id. */
export function expectedState(scaRedirect: string, consentRequestId: string): string {
  return new URL(scaRedirect).searchParams.get('state') || consentRequestId;
}

/**
 * Throws unless this return may redeem the payment's consent: the `state` is the one issued for this
 * payment (compared in constant time, else `ReturnRejectedError`) and no earlier return redeemed or
 * closed it (else `ReturnRepeatedError`: the payer's own return again, a reload of the return page).
 */
export function checkReturn(query: URLSearchParams, data: ProviderData | undefined): void {
  const expected = data?.state;
  const given = query.get('state');
  if (!expected || !given || !sameSecret(expected, given))
    throw new ReturnRejectedError('state does not match the payment');
  if (data?.returnedAt) throw new ReturnRepeatedError('the consent was already redeemed or closed');
}

function sameSecret(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}
