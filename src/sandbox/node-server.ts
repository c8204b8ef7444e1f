import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

export interface ListeningServer {
  /** e.g. `http://127.0.0.1:54321/sandbox`. */
  url: string;
  close(): Promise<void>;
}

/** Serves a Fetch-API handler on 127.0.0.1 (port 0: an ephemeral one). The sandbox's own, dependency-free. */
export async function listenOn(
  handler: (request: Request) => Promise<Response>,
  port: number,
  basePath: string,
): Promise<ListeningServer> {
  const server = createServer((req, res) => {
    toRequest(req)
      .then(handler)
      .then((response) => write(res, response))
      .catch(() => {
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  });
  // Node's own answer to headers over the limit is often lost to a reset; answer, drain, close.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    if (socket.writable)
      socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nconnection: close\r\n\r\n`);
    socket.on('error', () => socket.destroy()).resume();
    setTimeout(() => socket.destroy(), 2000).unref();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}${basePath}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function toRequest(req: IncomingMessage): Promise<Request> {
  const url = new URL(
    (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/',
    `http://${req.headers.host ?? '127.0.0.1'}`,
  );
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !name.startsWith(':'))
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return new Request(url, { method, headers, body: new Uint8Array(Buffer.concat(chunks)) });
}

async function write(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (!response.body) {
    res.end();
    return;
  }
  const body = Readable.fromWeb(
    response.body as import('node:stream/web').ReadableStream<Uint8Array>,
  );
  await new Promise<void>((resolve, reject) => {
    body.on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
  });
}
