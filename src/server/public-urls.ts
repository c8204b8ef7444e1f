import type { HandlerContext } from './context.js';
import { joinUrl } from './provider-http.js';

/** The kit's return route as the bank will call it, carrying the kit's own payment id. */
export function returnRouteUrl(
  context: HandlerContext,
  request: Request,
  paymentId: string,
): string {
  const base = context.publicBaseUrl ?? new URL(request.url).origin;
  const url = new URL(joinUrl(base, `${context.basePath}/return`));
  url.searchParams.set('payment', paymentId);
  return url.href;
}
