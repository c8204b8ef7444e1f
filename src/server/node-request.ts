import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AbortState, KitRequest, RequestTarget } from './kit-request.js';

/** A path that WHATWG URL parsing leaves as it is: no dot segments, escapes, `//` or backslashes. */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9_~-]+)*\/?$/;
/** A query whose parameters read the same straight or through a parsed URL: printable ASCII, no `#`. */
const PLAIN_QUERY = /^[\x21\x22\x24-\x7e]*$/;

/**
 * A GET or HEAD as the kit reads it, straight from Node's own request: header lookups in Node's
 * object, the path and query split off the request line (a URL is parsed only if a step asks for
 * more, or the path is not plain), and whether the client went away read off its socket when asked,
 * with no `AbortController` or listener per request: a held long-poll costs what it holds
 * (docs/architecture.md, "The hot path"). The Fetch `Request` is built only if the merchant's code is
 * handed the request.
 */
export class NodeGetRequest implements KitRequest {
  readonly method: string;
  readonly headers: NodeHeaders;
  readonly body = null;
  /** The socket's remote address, for the rate limits (see `clientAddressOf`). */
  readonly remoteAddress: string | undefined;
  readonly nodeRequest: IncomingMessage;
  readonly nodeResponse: ServerResponse;
  readonly #pathAndQuery: string;
  readonly #toRequest: (request: NodeGetRequest) => Request;
  #url: string | undefined;
  #target: RequestTarget | undefined;
  #request: Request | undefined;
  #signal: ClientGone | undefined;

  constructor(
    req: IncomingMessage,
    res: ServerResponse,
    pathAndQuery: string,
    toRequest: (request: NodeGetRequest) => Request,
  ) {
    this.method = req.method ?? 'GET';
    this.headers = new NodeHeaders(req.headers);
    this.remoteAddress = req.socket.remoteAddress;
    this.nodeRequest = req;
    this.nodeResponse = res;
    this.#pathAndQuery = pathAndQuery;
    this.#toRequest = toRequest;
  }

  get url(): string {
    this.#url ??= new URL(this.#pathAndQuery, originOf(this.nodeRequest)).href;
    return this.#url;
  }

  /** The path and the query's parameters, as a parsed URL would read them. */
  get target(): RequestTarget {
    if (!this.#target) {
      const query = this.#pathAndQuery.indexOf('?');
      const path = query < 0 ? this.#pathAndQuery : this.#pathAndQuery.slice(0, query);
      const search = query < 0 ? '' : this.#pathAndQuery.slice(query + 1);
      this.#target =
        PLAIN_PATH.test(path) && PLAIN_QUERY.test(search)
          ? { pathname: path, searchParams: new URLSearchParams(search) }
          : new URL(this.url);
    }
    return this.#target;
  }

  /**
   * Aborted once the client went away before its answer was written (a long-poll stops waiting). Its
   * own small object, so that a held long-poll keeps that, not the whole request.
   */
  get signal(): AbortState {
    this.#signal ??= new ClientGone(this.nodeRequest, this.nodeResponse);
    return this.#signal;
  }

  /** The Fetch `Request` merchant code is promised, built once (see `asFetchRequest`). */
  asRequest(): Request {
    this.#request ??= this.#toRequest(this);
    return this.#request;
  }

  clone(): KitRequest {
    return this;
  }
}

/** Whether the client went away before its answer was written, read off its socket when asked. */
class ClientGone implements AbortState {
  readonly #req: IncomingMessage;
  readonly #res: ServerResponse;

  constructor(req: IncomingMessage, res: ServerResponse) {
    this.#req = req;
    this.#res = res;
  }

  get aborted(): boolean {
    return !this.#res.writableFinished && (this.#req.socket.destroyed || this.#res.destroyed);
  }
}

/** `Headers.get` over Node's own header object, which has them lower-cased already. */
class NodeHeaders {
  readonly #headers: IncomingMessage['headers'];

  constructor(headers: IncomingMessage['headers']) {
    this.#headers = headers;
  }

  get(name: string): string | null {
    const value = this.#headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }
}

export function originOf(req: IncomingMessage): string {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  return `${encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
}
