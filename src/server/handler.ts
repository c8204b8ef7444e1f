import type { HandlerContext } from './context.js';
import { consoleLogger } from './logger.js';
import { createMemoryPaymentStore } from './memory-payment-store.js';
import type { PayByBankHandlerOptions } from './options.js';
import { ProblemError, problemResponse } from './problem.js';
import { normalizeOrigin } from './return-url.js';
import { listBanks } from './routes/banks.js';
import { createPayment } from './routes/create-payment.js';
import { readPaymentStatus } from './routes/payment-status.js';
import { handleReturn } from './routes/return.js';
import { receiveWebhook } from './routes/webhooks.js';
import { createStatusWatchers } from './status-watchers.js';

export const DEFAULT_BASE_PATH = '/api/pay-by-bank';

/** A Fetch-API handler that knows where it is mounted, so `toNodeListener` can pass other paths on. */
export interface PayByBankHandler {
  (request: Request): Promise<Response>;
  readonly basePath: string;
}

/** The merchant protocol v1 (ARCHITECTURE section 3) over one provider adapter. */
export function createPayByBankHandler(options: PayByBankHandlerOptions): PayByBankHandler {
  const context = createContext(options);

  const handler = async (request: Request): Promise<Response> => {
    try {
      return await route(context, request);
    } catch (error) {
      if (error instanceof ProblemError) return problemResponse(error);
      context.logger.error('unexpected failure', {
        error: error instanceof Error ? error.name : typeof error,
      });
      return problemResponse(
        new ProblemError(500, 'internal_error', 'Something went wrong on the merchant server.'),
      );
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
  return {
    provider: options.provider,
    store: options.store ?? createMemoryPaymentStore(),
    resolveCheckout: async (checkout, request) => resolveCheckout(checkout, request),
    basePath,
    publicBaseUrl,
    allowedReturnOrigins: origins ? new Set(origins.map(normalizeOrigin)) : undefined,
    logger: options.logger ?? consoleLogger(),
    refreshIntervalMs: options.refreshIntervalMs ?? 2000,
    now: options.now ?? (() => new Date()),
    watchers: createStatusWatchers(),
    creating: new Map(),
    returning: new Map(),
  };
}

async function route(context: HandlerContext, request: Request): Promise<Response> {
  const path = relativePath(context.basePath, new URL(request.url).pathname);
  if (path === undefined) throw new ProblemError(404, 'not_found', 'No such route.');
  const method = request.method.toUpperCase();

  if (path === '/banks') return only(method, 'GET', () => listBanks(context, request));
  if (path === '/payments') return only(method, 'POST', () => createPayment(context, request));
  if (path === '/return') return only(method, 'GET', () => handleReturn(context, request));
  if (path === '/webhooks') return only(method, 'POST', () => receiveWebhook(context, request));
  const status = /^\/payments\/([^/]+)$/.exec(path);
  if (status?.[1]) {
    const paymentId = decodeURIComponent(status[1]);
    return only(method, 'GET', () => readPaymentStatus(context, request, paymentId));
  }
  throw new ProblemError(404, 'not_found', 'No such route.');
}

function only(
  method: string,
  allowed: 'GET' | 'POST',
  run: () => Promise<Response>,
): Promise<Response> {
  if (method === allowed || (allowed === 'GET' && method === 'HEAD')) return run();
  throw new ProblemError(405, 'method_not_allowed', `Use ${allowed} here.`, { allow: allowed });
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
