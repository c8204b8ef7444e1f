import type { IncomingMessage, ServerResponse } from 'node:http';
import { registerFetchRequest, type KitRequest } from './kit-request.js';

/**
 * A GET or HEAD as the kit reads it, straight from Node's own request: header lookups in Node's
 * object, and an `AbortSignal` only if a route asks for one (a long-poll). The Fetch `Request` is
 * built only if the merchant's code is handed the request (docs/architecture.md, "The hot path").
 */
export function nodeGetRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
  toRequest: () => Request,
): KitRequest {
  let signal: AbortSignal | undefined;
  const request: KitRequest = {
    url,
    method: req.method ?? 'GET',
    headers: { get: (name) => headerValue(req.headers[name.toLowerCase()]) },
    get signal() {
      if (!signal) {
        const aborted = new AbortController();
        if (req.socket.destroyed) aborted.abort();
        else res.on('close', () => res.writableFinished || aborted.abort());
        signal = aborted.signal;
      }
      return signal;
    },
    body: null,
    clone: () => request,
  };
  registerFetchRequest(request, toRequest);
  return request;
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
