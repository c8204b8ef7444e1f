import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { relativePath } from './handler.js';
import { LaterAnswer, toFetchResponse, type KitAnswer, type RouteAnswer } from './kit-answer.js';
import { writesAtEndOfTurn } from './answers-at-end-of-turn.js';
import { kitAnsweringOf, type KitAnswering } from './kit-handler.js';
import { NodeGetRequest, originOf } from './node-request.js';
import { ProblemError, problemBody, problemResponse, type ProblemCode } from './problem.js';
import { rememberSocketAddress } from './rate-limit/client-address.js';

type FetchHandler = ((request: Request) => Promise<Response>) & { readonly basePath?: string };

/**
 * What the kit's public types say of Node's request, response and server: only what a caller can
 * see, written out, so that importing `pay-by-bank/server` type-checks without `@types/node` (for
 * Deno, Bun, workers, or a project that leaves Node's types out). `http.IncomingMessage`,
 * `http.ServerResponse` and `http.Server` (and Express's `req`, `res`) have all of it; inside, the
 * listener uses them as Node's own types.
 */
export interface NodeRequest {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: { readonly [name: string]: string | string[] | undefined };
}

/** See {@link NodeRequest}. */
export interface NodeResponse {
  statusCode: number;
  readonly headersSent: boolean;
  setHeader(name: string, value: number | string | readonly string[]): unknown;
  end(): unknown;
}

/** See {@link NodeRequest}: a server that reports the connections its HTTP parser refused. */
export interface NodeServer {
  on(event: 'clientError', listener: (error: Error, socket: unknown) => void): unknown;
}

/** A `node:http` listener that is also Connect/Express middleware: `(req, res, next?)`. */
export type NodeListener = (
  req: NodeRequest,
  res: NodeResponse,
  next?: (error?: unknown) => void,
) => void;

const BODY_LIMIT = 1024 * 1024;

/**
 * Adapts a Fetch-API handler to Node. With `next` (middleware use), requests outside the handler's
 * `basePath` are passed on untouched. Works under Express mounts: it reads `req.originalUrl`.
 */
export function toNodeListener(handler: FetchHandler): NodeListener {
  return (request, response, next) => {
    // Every caller passes Node's own objects (see NodeRequest); only the public type is narrower.
    const req = request as IncomingMessage;
    const res = response as ServerResponse;
    const pathAndQuery =
      (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    const pathname = pathAndQuery.split('?')[0] ?? '/';
    if (
      next &&
      handler.basePath !== undefined &&
      relativePath(handler.basePath, pathname) === undefined
    ) {
      next();
      return;
    }
    const answering = kitAnsweringOf(handler);
    const answered = answering
      ? serveKitAnswer(answering, req, res, pathAndQuery, next)
      : fetchAnswerOf(handler, req, res, pathAndQuery).then((answer) => writeResponse(res, answer));
    answered.catch((error: unknown) => failed(res, next, error));
  };
}

function failed(
  res: ServerResponse,
  next: ((error?: unknown) => void) | undefined,
  error: unknown,
) {
  if (next) next(error);
  else if (!res.headersSent) {
    res.statusCode = 500;
    res.end();
  } else res.destroy();
}

/**
 * The kit's own handler: a GET without Fetch objects (chained, not awaited: a held long-poll keeps no
 * frame here), anything with a body as a `Request`.
 */
function serveKitAnswer(
  answering: KitAnswering,
  req: IncomingMessage,
  res: ServerResponse,
  pathAndQuery: string,
  next: ((error?: unknown) => void) | undefined,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') {
    const request = new NodeGetRequest(req, res, pathAndQuery, fetchRequestOfGet);
    return answering(request).then((answer) => writeThisTurn({ res, answer, next }));
  }
  return serveKitBody(answering, req, res, pathAndQuery, next);
}

async function serveKitBody(
  answering: KitAnswering,
  req: IncomingMessage,
  res: ServerResponse,
  pathAndQuery: string,
  next: ((error?: unknown) => void) | undefined,
): Promise<void> {
  let answer: RouteAnswer;
  try {
    answer = await answering(await toRequest(req, pathAndQuery, abortedOnClose(res)));
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    answer = problemResponse(error);
  }
  writeThisTurn({ res, answer, next });
}

interface DueAnswer {
  res: ServerResponse;
  answer: RouteAnswer;
  next: ((error?: unknown) => void) | undefined;
}

/** The kit's answers, written together once this turn's requests are read (see the module). */
const writeThisTurn = writesAtEndOfTurn<DueAnswer>(({ res, answer, next }) => {
  try {
    writeAnswer(res, answer, next);
  } catch (error) {
    failed(res, next, error);
  }
});

/** A light request's Fetch `Request`, for merchant code (see `asFetchRequest`). */
function fetchRequestOfGet(request: NodeGetRequest): Request {
  return fetchRequestOf(request.nodeRequest, request.url, abortedOnClose(request.nodeResponse));
}

/** Any other Fetch handler, through Fetch objects. */
async function fetchAnswerOf(
  handler: FetchHandler,
  req: IncomingMessage,
  res: ServerResponse,
  pathAndQuery: string,
): Promise<Response> {
  try {
    return await handler(await toRequest(req, pathAndQuery, abortedOnClose(res)));
  } catch (error) {
    if (error instanceof ProblemError) return toFetchResponse(problemResponse(error));
    throw error;
  }
}

function abortedOnClose(res: ServerResponse): AbortSignal {
  const aborted = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) aborted.abort();
  });
  return aborted.signal;
}

function requestUrl(req: IncomingMessage, pathAndQuery: string): string {
  return new URL(pathAndQuery, originOf(req)).href;
}

function fetchRequestOf(
  req: IncomingMessage,
  url: string,
  signal: AbortSignal,
  body?: Uint8Array<ArrayBuffer>,
) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit = { method, headers, signal };
  if (body) init.body = body;
  return new Request(url, init);
}

async function toRequest(
  req: IncomingMessage,
  pathAndQuery: string,
  signal: AbortSignal,
): Promise<Request> {
  const method = req.method ?? 'GET';
  const body =
    method !== 'GET' && method !== 'HEAD' ? new Uint8Array(await readBody(req)) : undefined;
  const request = fetchRequestOf(req, requestUrl(req, pathAndQuery), signal, body);
  rememberSocketAddress(request, req.socket.remoteAddress);
  return request;
}

/** Reads the body, or takes it back from a body parser that already ran (Express's `req.body`). */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parsed = (req as IncomingMessage & { body?: unknown }).body;
  if (Buffer.isBuffer(parsed)) return parsed;
  if (typeof parsed === 'string') return Buffer.from(parsed);
  if (parsed !== undefined && req.readableEnded) return Buffer.from(JSON.stringify(parsed));
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) {
      throw new ProblemError(
        413,
        'request_too_large',
        `The body may be at most ${BODY_LIMIT} bytes.`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function writeAnswer(
  res: ServerResponse,
  answer: RouteAnswer,
  next: ((error?: unknown) => void) | undefined,
): void {
  if (answer instanceof LaterAnswer) {
    // A held long-poll keeps this one callback until its answer comes, no promise chain
    // (docs/architecture.md, "Many instances").
    answer.whenAnswered((later) => {
      try {
        writeAnswer(res, later, next);
      } catch (error) {
        failed(res, next, error);
      }
    });
    return;
  }
  res.writeHead(answer.status, nodeHeadersOf(answer));
  res.end(answer.body ?? undefined);
}

const nodeHeaders = new WeakMap<KitAnswer, Readonly<Record<string, string | number>>>();

/**
 * An answer's headers with its length. An answer made once and written many times (a status poll's,
 * made once per stored payment; a bank list's) is frozen by its maker, and keeps these; any other is
 * written once, and keeping its headers would only cost (src/server/payment-snapshot.ts).
 */
function nodeHeadersOf(answer: KitAnswer): Readonly<Record<string, string | number>> {
  const kept = nodeHeaders.get(answer);
  if (kept) return kept;
  const headers =
    answer.body === null
      ? answer.headers
      : { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) };
  if (Object.isFrozen(answer)) nodeHeaders.set(answer, headers);
  return headers;
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  const cookies = response.headers.getSetCookie();
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (!response.body) {
    res.end();
    return;
  }
  // The kit's answers are small JSON: one write with a length beats piping a web stream (chunked).
  const body = Buffer.from(await response.arrayBuffer());
  if (!res.hasHeader('content-length')) res.setHeader('content-length', body.length);
  res.end(body);
}

/** How long a refused client may go on sending (drained, unread) before its connection is dropped. */
const DRAIN_MS = 2000;

/**
 * Answers what Node's HTTP parser refuses before any listener sees a request (headers over
 * `maxHeaderSize`, bytes that are not HTTP, a request too slow to arrive) with a problem, like every
 * other refusal of the kit. Node's own answer is bare and, with the rest of the request unread, often
 * lost to a TCP reset; this one drains what the client still sends, then closes. Answers the server.
 */
export function answerClientErrors<S extends NodeServer>(server: S): S {
  (server as unknown as Server).on(
    'clientError',
    (error: NodeJS.ErrnoException, socket: Duplex) => {
      if (error.code === 'ECONNRESET' || !socket.writable) {
        socket.destroy();
        return;
      }
      const [status, code, detail] = clientProblem(error.code);
      const body = JSON.stringify(problemBody(status, code, detail));
      socket.end(
        [
          `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
          'content-type: application/problem+json',
          'cache-control: no-store',
          `content-length: ${Buffer.byteLength(body)}`,
          'connection: close',
          '',
          body,
        ].join('\r\n'),
      );
      socket.on('error', () => socket.destroy());
      socket.resume();
      setTimeout(() => socket.destroy(), DRAIN_MS).unref();
    },
  );
  return server;
}

function clientProblem(code: string | undefined): [number, ProblemCode, string] {
  if (code === 'HPE_HEADER_OVERFLOW')
    return [431, 'headers_too_large', 'The request headers are too large.'];
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return [408, 'request_timeout', 'The request took too long to arrive.'];
  return [400, 'invalid_request', 'The request is not well-formed HTTP.'];
}
