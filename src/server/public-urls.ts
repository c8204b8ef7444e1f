import type { HandlerContext } from './context.js';
import { joinUrl } from './provider-http.js';
import { urlOf, type KitRequest } from './kit-request.js';

/** The kit's return route as the bank will call it, carrying the kit's own payment id. */
export function returnRouteUrl(
  context: HandlerContext,
  request: KitRequest,
  paymentId: string,
): string {
  const url = new URL(joinUrl(publicOrigin(context, request), `${context.basePath}/return`));
  url.searchParams.set('payment', paymentId);
  return url.href;
}

/**
 * The merchant's public base URL: `publicBaseUrl` whenever it is set (the request's headers are then
 * never read); else, where the merchant allowed it (`trustRequestOrigin`, or development), the
 * request's own origin (see `requestOrigin`).
 */
export function publicOrigin(context: HandlerContext, request: KitRequest): string {
  return context.publicBaseUrl ?? requestOrigin(request, context.trustProxy);
}

/**
 * The origin the request was sent to, from its Host header; behind a proxy the merchant trusts
 * (`trustProxy`), from the last `X-Forwarded-Host` and `X-Forwarded-Proto` that proxy set. A forwarded
 * value that is not a bare host, or a protocol other than http(s), is ignored.
 */
export function requestOrigin(request: KitRequest, trustProxy: boolean): string {
  const own = urlOf(request);
  if (!trustProxy) return own.origin;
  const proto = lastEntry(request.headers.get('x-forwarded-proto'))?.toLowerCase();
  const protocol = proto === 'http' || proto === 'https' ? proto : own.protocol.slice(0, -1);
  const host = lastEntry(request.headers.get('x-forwarded-host'));
  return (host && bareOrigin(protocol, host)) ?? `${protocol}://${own.host}`;
}

function lastEntry(header: string | null): string | undefined {
  return header?.split(',').at(-1)?.trim() || undefined;
}

/** `protocol://host` when `host` is a host (and port) and nothing else: no path, user or query. */
function bareOrigin(protocol: string, host: string): string | undefined {
  if (/[/\\@?#\s]/.test(host)) return undefined;
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    return undefined;
  }
}
