import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDemoMiddleware, KIT_PATH } from '../../../demo/dev-server-plugin.js';
import { listenOnLoopback } from '../../e2e/support/demo.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface ServerRendered {
  /** The page's path, e.g. `/ssr.html`. */
  path: string;
  /** The built shell with `<!--app-->` where the app goes. */
  shell: string;
  /** The built server entry; its `render()` returns the app's HTML. */
  entry: string;
}

export interface ExampleServer {
  origin: string;
  /** How many `POST …/payments` the server kit received: one per Pay, whatever React mounts twice. */
  readonly paymentsCreated: number;
  close(): Promise<void>;
}

function fileUnder(base: string, pathname: string): string | undefined {
  const path = resolve(base, `.${decodeURIComponent(pathname)}`);
  if (path !== base && !path.startsWith(base + sep)) return undefined;
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

/**
 * A merchant's server for one built example: its static files from `root`, and the demo's server kit
 * and sandbox (`createDemoMiddleware`, as `npm start` mounts them) on the same origin.
 */
export async function serveExample(
  root: string,
  serverRendered?: ServerRendered,
): Promise<ExampleServer> {
  const demo = createDemoMiddleware();
  let paymentsCreated = 0;
  const render = serverRendered
    ? ((await import(pathToFileURL(serverRendered.entry).href)) as { render(): string }).render
    : undefined;

  const serveFile = async (req: IncomingMessage, res: ServerResponse) => {
    const { pathname } = new URL(req.url ?? '/', 'http://example.invalid');
    if (pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (serverRendered && render && pathname === serverRendered.path) {
      const shell = await readFile(serverRendered.shell, 'utf8');
      res
        .writeHead(200, { 'content-type': TYPES['.html'] ?? '' })
        .end(shell.replace('<!--app-->', render()));
      return;
    }
    const file = fileUnder(root, pathname === '/' ? '/index.html' : pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  };

  const server: Server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://example.invalid');
    if (req.method === 'POST' && pathname === `${KIT_PATH}/payments`) paymentsCreated += 1;
    demo(req, res, (error?: unknown) => {
      if (error) res.writeHead(500).end();
      else serveFile(req, res).catch(() => res.writeHead(500).end());
    });
  });
  const origin = await listenOnLoopback(server);
  return {
    origin,
    get paymentsCreated() {
      return paymentsCreated;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}
