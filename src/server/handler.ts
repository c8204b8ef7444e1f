import { createHookDispatcher, type HookDispatcher } from './completion-hook.js';
import type { HandlerContext } from './context.js';
import { answerKitRequest } from './kit-handler.js';
import { answerOf, toFetchResponse, type RouteAnswer } from './kit-answer.js';
import { asFetchRequest, targetOf, type KitRequest } from './kit-request.js';
import { consoleLogger } from './logger.js';
import { createMemoryPaymentStore } from './memory-payment-store.js';
import type { PayByBankHandlerOptions } from './options.js';
import { problemOf } from './failure-problem.js';
import { ProblemError, problemResponse } from './problem.js';
import { toPaymentRecord, type PaymentRecord } from './payment-record.js';
import type { PaymentHistoryEntry } from './payment-store.js';
import { createReconciler } from './reconciler.js';
import { normalizeOrigin } from './return-url.js';
import { listBanks } from './routes/banks.js';
import { createPayment } from './routes/create-payment.js';
import { readPaymentStatus } from './routes/payment-status.js';
import { STATUS_READ } from './routes/status-wait.js';
import { handleReturn } from './routes/return.js';
import { rateLimited } from './rate-limit/rate-limited.js';
import { createRateLimiter } from './rate-limit/rate-limiter.js';
import { receiveWebhook } from './routes/webhooks.js';
import { createStatusWatchers } from './status-watchers.js';

export const DEFAULT_BASE_PATH = '/api/pay-by-bank';

/**
 * A Fetch-API handler that knows where it is mounted, so `toNodeListener` can pass other paths on, and
 * the merchant's own server code's way into its payments.
 */
export interface PayByBankHandler {
  (request: Request): Promise<Response>;
  readonly basePath: string;
  /** A payment of this handler's provider, as the merchant's code reads it; undefined if unknown. */
  getPayment(paymentId: string): Promise<PaymentRecord | undefined>;
  /** Every status change of that payment, oldest first (empty if unknown). */
  getPaymentHistory(paymentId: string): Promise<PaymentHistoryEntry[]>;
  /**
   * Stops the background work (completion hook, reconciliation) and waits for what is under way. The
   * store stays open: whoever made it closes it.
   */
  close(): Promise<void>;
}

/** Default `reconcileIntervalMs`. */
export const DEFAULT_RECONCILE_INTERVAL_MS = 30_000;

/** The merchant protocol v1 (see `docs/protocol.md`) over one provider adapter. */
export function createPayByBankHandler(options: PayByBankHandlerOptions): PayByBankHandler {
  let hooks: HookDispatcher | undefined;
  const context = createContext(options, () => hooks?.wake());
  const { store, watchers } = context;
  const onStatusChange = options.onStatusChange;
  if (onStatusChange) {
    hooks = createHookDispatcher({
      store,
      hook: onStatusChange,
      logger: context.logger,
      now: context.now,
      timeoutMs: options.hookTimeoutMs ?? 10_000,
    });
  }
  const reconciler = createReconciler(context, {
    intervalMs: options.reconcileIntervalMs ?? DEFAULT_RECONCILE_INTERVAL_MS,
    graceMs: options.expiryGraceMs ?? 15 * 60 * 1000,
  });
  // A store shared by many instances tells of their changes, so long-polls held here wake up.
  const unsubscribe = store.subscribeStatusChanges?.((notice) => {
    if ('resync' in notice) watchers.notifyAll();
    else watchers.notify(notice.paymentId);
    hooks?.wake();
  });

  // A route's failure becomes its problem through one function per route, made here once: a held
  // long-poll then waits as a promise reaction, not a suspended frame (docs/architecture.md, "The hot
  // path").
  const failures = new Map(
    ROUTES.map((route) => [
      route,
      (error: unknown) => problemResponse(problemOf(context, error, route.action)),
    ]),
  );
  const answer = (request: KitRequest): Promise<RouteAnswer> => {
    let action = 'routing';
    try {
      const path = relativePath(context.basePath, targetOf(request).pathname);
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
      return route.run(context, request, id).then(undefined, failures.get(route));
    } catch (error) {
      return Promise.resolve(problemResponse(problemOf(context, error, action)));
    }
  };
  const handler = async (request: Request): Promise<Response> =>
    toFetchResponse(await answerOf(await answer(request)));
  const ours = async (paymentId: string) => {
    const payment = await store.get(paymentId);
    return payment?.provider === context.provider.name ? payment : undefined;
  };
  let closing: Promise<void> | undefined;
  return Object.assign(handler, {
    basePath: context.basePath,
    [answerKitRequest]: answer,
    async getPayment(paymentId: string) {
      const payment = await ours(paymentId);
      return payment && toPaymentRecord(payment);
    },
    async getPaymentHistory(paymentId: string) {
      return (await ours(paymentId)) ? store.history(paymentId) : [];
    },
    close() {
      closing ??= (async () => {
        unsubscribe?.();
        await Promise.all([hooks?.close(), reconciler.close()]);
      })();
      return closing;
    },
  });
}

function createContext(options: PayByBankHandlerOptions, statusStored: () => void): HandlerContext {
  if (!options.provider) throw new TypeError('createPayByBankHandler: `provider` is required.');
  if (typeof options.resolveCheckout !== 'function') {
    throw new TypeError(
      'createPayByBankHandler: `resolveCheckout` is required: the server decides the amount.',
    );
  }
  const basePath = normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH);
  const publicBaseUrl = checkPublicBaseUrl(options);
  const origins = options.allowedReturnOrigins ?? (publicBaseUrl ? [publicBaseUrl] : undefined);
  const resolveCheckout = options.resolveCheckout;
  const logger = options.logger ?? consoleLogger();
  const now = options.now ?? (() => new Date());
  return {
    provider: options.provider,
    store: options.store ?? createMemoryPaymentStore(),
    resolveCheckout: async (checkout, request) =>
      resolveCheckout(checkout, asFetchRequest(request)),
    basePath,
    publicBaseUrl,
    allowedReturnOrigins: origins ? new Set(origins.map(normalizeOrigin)) : undefined,
    trustProxy: options.trustProxy === true,
    logger,
    refreshIntervalMs: options.refreshIntervalMs ?? 2000,
    idempotencyLeaseMs: options.idempotencyLeaseMs ?? 60_000,
    now,
    watchers: createStatusWatchers(),
    rateLimiter: createRateLimiter(options.rateLimit, {
      trustProxy: options.trustProxy === true,
      logger,
      now,
    }),
    statusStored,
    creating: new Map(),
    returning: new Map(),
  };
}

/** Where `NODE_ENV` says so, a missing `publicBaseUrl` falls back to the request's origin. */
const DEVELOPMENT_ENVIRONMENTS: readonly (string | undefined)[] = ['development', 'test'];

/**
 * `publicBaseUrl` without its trailing slashes. Without it the bank redirect and the allowed return
 * origin would come from the request's Host header, which whoever sends the request writes: refused
 * outside development unless the merchant says its Host header is trustworthy (`trustRequestOrigin`).
 */
function checkPublicBaseUrl(options: PayByBankHandlerOptions): string | undefined {
  const given = options.publicBaseUrl;
  if (given === undefined || given === '') {
    const environment = typeof process === 'undefined' ? undefined : process.env.NODE_ENV;
    if (options.trustRequestOrigin === true || DEVELOPMENT_ENVIRONMENTS.includes(environment)) {
      return undefined;
    }
    throw new TypeError(
      'createPayByBankHandler: set `publicBaseUrl` to the public origin the payer sees ' +
        '(e.g. "https://shop.example"): the bank sends the payer back there, and return URLs must be on it. ' +
        `Without it (NODE_ENV is ${environment === undefined ? 'unset' : `"${environment}"`}, not development or test) ` +
        'the Host header would decide, which anyone can forge. Only if every request reaches the kit ' +
        'through a proxy that sets Host itself, pass `trustRequestOrigin: true` instead.',
    );
  }
  let url: URL | undefined;
  try {
    url = new URL(given);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new TypeError(
      `createPayByBankHandler: \`publicBaseUrl\` must be an absolute http(s) URL without query or fragment, e.g. "https://shop.example", not "${given}".`,
    );
  }
  return given.replace(/\/+$/, '');
}

interface Route {
  /** `/payments/:id` matches one path segment, handed to `run` decoded. */
  path: string;
  method: 'GET' | 'POST';
  /** What the route does, for the merchant's logs: "bank list failed". */
  action: string;
  run(context: HandlerContext, request: KitRequest, id: string): Promise<RouteAnswer>;
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
    action: STATUS_READ,
    run: rateLimited(STATUS_READ, readPaymentStatus),
  },
];

/** The routes with an id, by the path before it: split once, not per request. */
const ROUTES_WITH_ID = ROUTES.flatMap((route) => {
  const [prefix, parameter] = route.path.split(':');
  return parameter === undefined || !prefix ? [] : [{ route, prefix }];
});

function findRoute(path: string): { route: Route; id: string } | undefined {
  for (const route of ROUTES) if (route.path === path) return { route, id: '' };
  for (const { route, prefix } of ROUTES_WITH_ID) {
    if (!path.startsWith(prefix)) continue;
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
