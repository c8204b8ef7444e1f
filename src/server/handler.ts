import type { HandlerContext } from './context.js';
import { consoleLogger } from './logger.js';
import { createMemoryPaymentStore } from './memory-payment-store.js';
import type { PayByBankHandlerOptions } from './options.js';
import { problemOf } from './failure-problem.js';
import { ProblemError, problemResponse } from './problem.js';
import { normalizeOrigin } from './return-url.js';
import { listBanks } from './routes/banks.js';
import { createPayment } from './routes/create-payment.js';
import { readPaymentStatus } from './routes/payment-status.js';
import { handleReturn } from './routes/return.js';
import { rateLimited } from './rate-limit/rate-limited.js';
import { createRateLimiter } from './rate-limit/rate-limiter.js';
import { receiveWebhook } from './routes/webhooks.js';
import { createStatusWatchers } from './status-watchers.js';

export const DEFAULT_BASE_PATH = '/api/pay-by-bank';

/** A Fetch-API handler that knows where it is mounted, so `toNodeListener` can pass other paths on. */
export interface PayByBankHandler {
  (request: Request): Promise<Response>;
  readonly basePath: string;
}

/** The merchant protocol v1 (see `docs/protocol.md`) over one provider adapter. */
export function createPayByBankHandler(options: PayByBankHandlerOptions): PayByBankHandler {
  const context = createContext(options);

  const handler = async (request: Request): Promise<Response> => {
    let action = 'routing';
    try {
      const path = relativePath(context.basePath, new URL(request.url).pathname);
      const match = path === undefined ? undefined : findRoute(path);
      if (!match) throw new ProblemError(404, 'not_found', 'No such route.');
      const { route, id } = match;
      action = route.action;
      const method = request.method.toUpperCase();
      if (method !== route.method && !(route.method === 'GET' && method === 'HEAD')) {
        throw new ProblemError(405, 'method_not_allowed', `Use ${route.method} here.`, {
          allow: route.method,
        });
      }
      return await route.run(context, request, id);
    } catch (error) {
      return problemResponse(problemOf(context, error, action));
    }
  };
  return Object.assign(handler, { basePath: context.basePath });
}

function createContext(options: PayByBankHandlerOptions): HandlerContext {
  if (!options.provider) throw new TypeError('createPayByBankHandler: `provider` is required.');
  if (typeof options.resolveCheckout !== 'function') {
    throw new TypeError(
      'createPayByBankHandler: `resolveCheckout` is required: the server decides the amount.',
    );
  }
  const basePath = normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH);
  const publicBaseUrl = options.publicBaseUrl?.replace(/\/+$/, '');
  const origins = options.allowedReturnOrigins ?? (publicBaseUrl ? [publicBaseUrl] : undefined);
  const resolveCheckout = options.resolveCheckout;
  const logger = options.logger ?? consoleLogger();
  const now = options.now ?? (() => new Date());
  return {
    provider: options.provider,
    store: options.store ?? createMemoryPaymentStore(),
    resolveCheckout: async (checkout, request) => resolveCheckout(checkout, request),
    basePath,
    publicBaseUrl,
    allowedReturnOrigins: origins ? new Set(origins.map(normalizeOrigin)) : undefined,
    logger,
    refreshIntervalMs: options.refreshIntervalMs ?? 2000,
    now,
    watchers: createStatusWatchers(),
    rateLimiter: createRateLimiter(options.rateLimit, {
      trustProxy: options.trustProxy === true,
      logger,
      now,
    }),
    creating: new Map(),
    returning: new Map(),
  };
}

interface Route {
  /** `/payments/:id` matches one path segment, handed to `run` decoded. */
  path: string;
  method: 'GET' | 'POST';
  /** What the route does, for the merchant's logs: "bank list failed". */
  action: string;
  run(context: HandlerContext, request: Request, id: string): Promise<Response>;
}

/** The merchant protocol v1, one line per route (see `docs/protocol.md`). */
const ROUTES: readonly Route[] = [
  { path: '/banks', method: 'GET', action: 'bank list', run: listBanks },
  {
    path: '/payments',
    method: 'POST',
    action: 'payment creation',
    run: rateLimited('payment creation', createPayment),
  },
  { path: '/return', method: 'GET', action: 'return completion', run: handleReturn },
  {
    path: '/webhooks',
    method: 'POST',
    action: 'webhook',
    run: rateLimited('webhook', receiveWebhook),
  },
  {
    path: '/payments/:id',
    method: 'GET',
    action: 'status read',
    run: rateLimited('status read', readPaymentStatus),
  },
];

function findRoute(path: string): { route: Route; id: string } | undefined {
  for (const route of ROUTES) {
    if (route.path === path) return { route, id: '' };
    const [prefix, parameter] = route.path.split(':');
    if (parameter === undefined || !prefix || !path.startsWith(prefix)) continue;
    const id = path.slice(prefix.length);
    if (id && !id.includes('/')) return { route, id: decodeURIComponent(id) };
  }
  return undefined;
}

/** The path below the mount point, or undefined when the request is not ours. */
export function relativePath(basePath: string, pathname: string): string | undefined {
  if (pathname === basePath) return '/';
  if (!pathname.startsWith(`${basePath}/`)) return undefined;
  return pathname.slice(basePath.length).replace(/\/+$/, '') || '/';
}

function normalizeBasePath(basePath: string): string {
  const trimmed = `/${basePath.replace(/^\/+|\/+$/g, '')}`;
  return trimmed === '/' ? '' : trimmed;
}
