import { createHash } from 'node:crypto';
import { isPaymentId } from '../payment-id.js';
import { readBodyText } from '../request-body.js';
import type { RateLimiter } from './rate-limiter.js';
import { targetOf, type KitRequest } from '../kit-request.js';
import type { RouteAnswer } from '../kit-answer.js';

/** The routes with limits (see `RateLimits`). */
export type LimitedRoute = 'payment creation' | 'status read' | 'webhook';

type Run<C> = (context: C, request: KitRequest, id: string) => Promise<RouteAnswer>;

/** The create route's own body limit: a body it would refuse is not read further. */
const CHECKOUT_PEEK_LIMIT = 16 * 1024;

/**
 * Wraps a route of the handler's route table with its limits, checked before the route runs. The status
 * route takes its long-poll slot itself (`holdLongPollSlot`): only it knows when its wait ends.
 */
export function rateLimited<C extends { rateLimiter: RateLimiter }>(
  route: LimitedRoute,
  run: Run<C>,
): Run<C> {
  return async (context, request, id) => {
    const limiter = context.rateLimiter;
    if (route === 'payment creation') {
      const client = limiter.clientOf(request);
      if (client) await limiter.count('paymentCreatesPerAddress', client);
      await limiter.count('paymentCreatesPerCheckout', await checkoutKeyOf(request));
      return run(context, request, id);
    }
    if (route === 'webhook') {
      const client = limiter.clientOf(request);
      if (client) await limiter.count('webhooksPerSource', client);
      return run(context, request, id);
    }
    // An id that is no payment id is answered 404 by the route, and never becomes a counter.
    if (isPaymentId(id)) await limiter.count('statusPollsPerPayment', id);
    return run(context, request, id);
  };
}

/**
 * Takes one of the client's long-poll slots for a waiting status read (`?wait=N&since=S`), throwing
 * 429 when all are taken; answers the client it was taken for (to give back with `releaseLongPoll`),
 * or undefined for a read that does not wait or whose client is unknown.
 */
export function holdLongPollSlot(limiter: RateLimiter, request: KitRequest): string | undefined {
  const url = targetOf(request);
  const waits = Number(url.searchParams.get('wait') || '0') > 0 && url.searchParams.has('since');
  // Only a waiting read is limited per client: a plain one never looks its client up.
  const client = waits ? limiter.clientOf(request) : undefined;
  if (client) limiter.holdLongPoll(client);
  return client;
}

/** The `checkout` of a create body, hashed (it may be long); unreadable bodies share one key. */
async function checkoutKeyOf(request: KitRequest): Promise<string> {
  let checkout = '';
  try {
    const text = await readBodyText(request.clone(), CHECKOUT_PEEK_LIMIT);
    const body = JSON.parse(text) as { checkout?: unknown } | null;
    if (typeof body?.checkout === 'string') checkout = body.checkout;
  } catch {
    // The route refuses the body with a clear problem; here it only needs a key.
  }
  return createHash('sha256').update(checkout).digest('base64url');
}
