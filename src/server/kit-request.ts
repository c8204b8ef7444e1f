/**
 * What the kit reads of a request. A Fetch `Request` has all of it; `toNodeListener` answers a GET with
 * a lighter object of its own, because building a `Request` (its `Headers`, its `AbortSignal`) costs
 * more than the rest of a bank-list answer (docs/architecture.md, "The hot path").
 */
export interface KitRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: { get(name: string): string | null };
  /** Aborted when the client goes away (a long-poll stops waiting). */
  readonly signal: AbortSignal;
  readonly body: ReadableStream<Uint8Array> | null;
  clone(): KitRequest;
}

/** How a light request becomes a Fetch `Request`, for the merchant's own code, which is promised one. */
const fetchRequests = new WeakMap<KitRequest, () => Request>();

export function registerFetchRequest(request: KitRequest, build: () => Request): void {
  fetchRequests.set(request, build);
}

/** The request as the public API types it: itself when it is one, else built once, on demand. */
export function asFetchRequest(request: KitRequest): Request {
  if (request instanceof Request) return request;
  const build = fetchRequests.get(request);
  if (!build)
    throw new TypeError('pay-by-bank: a request the kit did not build reached merchant code.');
  const built = build();
  fetchRequests.set(request, () => built);
  return built;
}

const parsedUrls = new WeakMap<KitRequest, URL>();

/** The request's URL, parsed once however many steps read it (routing, limits, the route). */
export function urlOf(request: KitRequest): URL {
  let url = parsedUrls.get(request);
  if (!url) parsedUrls.set(request, (url = new URL(request.url)));
  return url;
}
