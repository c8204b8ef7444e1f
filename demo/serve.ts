import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoMiddleware } from './dev-server-plugin.js';

/** `npm run serve`: the demo without vite, over the built files, with the server kit and the sandbox. */
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const port = Number(process.env.PORT ?? 5173);

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

function serveStatic(req: IncomingMessage, res: ServerResponse): void {
  const { pathname } = new URL(req.url ?? '/', 'http://demo.invalid');
  const page = pathname === '/' || pathname === '/index.html';
  // The page loads /dist/pay-by-bank.js, the script-tag build, exactly as a merchant's page would.
  const file = page
    ? join(root, 'index.html')
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
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

const demo = createDemoMiddleware();
const server = createServer((req, res) => {
  demo(req, res, (error?: unknown) => {
    if (error) {
      res.writeHead(500).end();
      return;
    }
    serveStatic(req, res);
  });
});

server.listen(port, () => {
  console.log(
    `pay-by-bank demo on http://localhost:${port}/ (kit at /api/pay-by-bank, sandbox at /sandbox/)`,
  );
});
