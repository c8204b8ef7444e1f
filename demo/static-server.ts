import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerClientErrors } from '../src/server/index.js';
import {
  createDemoMiddleware,
  type DemoMiddleware,
  type DemoMiddlewareOptions,
} from './dev-server-plugin.js';

/**
 * The demo page's Content-Security-Policy: nothing inline, nothing from elsewhere, and Trusted Types
 * required for every script sink. The page, the element and the sandbox's logos all live with it.
 */
export const DEMO_CSP = "default-src 'self'; require-trusted-types-for 'script'";

const root = fileURLToPath(new URL('..', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticDemoOptions extends DemoMiddlewareOptions {
  /** Where the built `pay-by-bank.js` is. Default `dist/`. */
  distDir?: string;
  /** The page's Content-Security-Policy; `false` for none. Default {@link DEMO_CSP}. */
  csp?: string | false;
  /** The kits and sandbox to serve (`startDemoKit`). Default: `createDemoMiddleware(options)`. */
  demo?: DemoMiddleware;
}

/** A file below `base`, never outside it, whatever `..` or encoding the path tries. */
function fileUnder(base: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const path = resolve(base, `.${decoded}`);
  if (path !== base && !path.startsWith(base + sep)) return undefined;
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

/**
 * The demo without vite, over the built element: `index.html`, `demo/public/*`, `/dist/*`, the server
 * kit and the sandbox, with the page under a strict CSP as a merchant would serve it.
 */
export function createStaticDemoServer(options: StaticDemoOptions = {}): Server {
  const dist = resolve(options.distDir ?? join(root, 'dist'));
  const csp = options.csp ?? DEMO_CSP;
  const demo = options.demo ?? createDemoMiddleware(options);

  const serveStatic = (req: IncomingMessage, res: ServerResponse): void => {
    const { pathname } = new URL(req.url ?? '/', 'http://demo.invalid');
    const page = pathname === '/' || pathname === '/index.html';
    // The page loads /dist/pay-by-bank.js, the script-tag build, exactly as a merchant's page would.
    // Pages without an icon link (the sandbox's bank pages) ask for /favicon.ico: the same icon.
    const file = page
      ? join(root, 'index.html')
      : pathname === '/favicon.ico'
        ? join(root, 'demo', 'public', 'favicon.svg')
        : pathname.startsWith('/dist/')
          ? fileUnder(dist, pathname.slice('/dist'.length))
          : fileUnder(join(root, 'demo', 'public'), pathname);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': page ? 'no-store' : 'public, max-age=300',
      ...(page && csp ? { 'content-security-policy': csp } : {}),
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };

  const server = createServer((req, res) => {
    demo(req, res, (error?: unknown) => {
      if (error) {
        res.writeHead(500).end();
        return;
      }
      serveStatic(req, res);
    });
  });
  // The kits' background work stops with the server; a given `demo` is its owner's to close.
  if (!options.demo) server.once('close', () => void demo.close());
  return answerClientErrors(server);
}
