import { ProviderError } from '../../provider-error.js';

/**
 * Waits between attempts at redeeming the bank's code, after a first one that failed for a reason
 * trying again may cure: about a second and a half in all, while the payer waits at the return.
 */
export const REDEEM_RETRY_DELAYS_MS: readonly number[] = [250, 1000];

/** The provider's refusal of a code it already redeemed (the sandbox's `AUTHORIZATION_ALREADY_USED`). */
const ALREADY_USED = /ALREADY_USED|ALREADY_REDEEMED/i;

/**
 * The failures after which the code may still be unredeemed: no answer in time, no connection, a
 * gateway error, or an error the provider calls `Recoverable`.
 */
function mayTryAgain(error: unknown): error is ProviderError {
  return (
    error instanceof ProviderError &&
    (error.kind === 'provider_unavailable' || error.retryable === true)
  );
}

/**
 * Redeems the code, trying again with backoff after a failure that leaves its fate open (see
 * `docs/protocol.md`, "Mastercard Open Banking Connect"). Trying again cannot pay twice: a code is
 * redeemed once, and the provider refuses it the second time. That refusal after an attempt whose
 * answer never came means the first attempt did redeem it: the payment exists, but its ids and status
 * went with the lost answer, so it is thrown as a provider outage (the payment stays pending and the
 * kit logs it for the merchant) rather than taken for the bank's refusal of the payment.
 */
export async function redeemWithRetries<T>(
  redeemOnce: () => Promise<T>,
  delaysMs: readonly number[] = REDEEM_RETRY_DELAYS_MS,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  let firstUnsettled: ProviderError | undefined;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await redeemOnce();
    } catch (error) {
      if (firstUnsettled && isAlreadyUsed(error))
        throw new ProviderError(
          'provider_unavailable',
          `the code was redeemed by an attempt whose answer was lost (${firstUnsettled.message}); the payment's ids at the provider are unknown`,
          { ...(firstUnsettled.httpStatus ? { httpStatus: firstUnsettled.httpStatus } : {}) },
        );
      const delay = delaysMs[attempt];
      if (!mayTryAgain(error) || delay === undefined) throw error;
      firstUnsettled ??= error;
      await sleep(delay);
    }
  }
}

function isAlreadyUsed(error: unknown): boolean {
  return error instanceof ProviderError && ALREADY_USED.test(error.providerCode ?? '');
}
