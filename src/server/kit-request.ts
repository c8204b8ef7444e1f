/**
 * What the kit reads of a request. A Fetch `Request` has all of it; `toNodeListener` answers a GET with
 * a lighter object of its own (`NodeGetRequest`), because building a `Request` (its `Headers`, its
 * `AbortSignal`) costs more than the rest of a bank-list answer (docs/architecture.md, "The hot path").
 */
export interface KitRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: { get(name: string): string | null };
  /** Aborted when the client goes away (a long-poll stops waiting). */
  readonly signal: AbortState;
  readonly body: ReadableStream<Uint8Array> | null;
  clone(): KitRequest;
  /** A light request's path and query, split without a URL parse (see `targetOf`). */
  readonly target?: RequestTarget;
  /** A light request's socket address (see `clientAddressOf`). */
  readonly remoteAddress?: string | undefined;
  /** A light request's Fetch `Request`, built on demand (see `asFetchRequest`). */
  asRequest?(): Request;
}

/** What the kit reads of a request's `AbortSignal`: a held long-poll checks it now and then. */
export interface AbortState {
  readonly aborted: boolean;
}

/** What routing and the routes read of a request's URL. */
export interface RequestTarget {
  readonly pathname: string;
  readonly searchParams: URLSearchParams;
}

/** The request as the public API types it: itself when it is one, else built once, on demand. */
export function asFetchRequest(request: KitRequest): Request {
  if (request instanceof Request) return request;
  if (!request.asRequest)
    throw new TypeError('pay-by-bank: a request the kit did not build reached merchant code.');
  return request.asRequest();
}

const parsedUrls = new WeakMap<KitRequest, URL>();

/** The request's URL, parsed once however many steps read it (an origin, a return URL). */
export function urlOf(request: KitRequest): URL {
  let url = parsedUrls.get(request);
  if (!url) parsedUrls.set(request, (url = new URL(request.url)));
  return url;
}

/** The path and query parameters: a light request's own, without parsing a URL; else `urlOf`. */
export function targetOf(request: KitRequest): RequestTarget {
  return request.target ?? urlOf(request);
}
