import { appendFileSync } from 'node:fs';
import {
  createMemoryPaymentStore,
  type PaymentStore,
  type StatusChangeEvent,
} from '../src/server/index.js';
import {
  createDemoMiddleware,
  type DemoMiddleware,
  type DemoMiddlewareOptions,
} from './dev-server-plugin.js';

/** Where `npm start` and `npm run serve` keep payments unless `PAY_BY_BANK_DB` says otherwise. */
export const DEFAULT_DEMO_DATABASE = '.pay-by-bank/payments.db';

/** What the demo servers read from their environment. */
export interface DemoEnvironment {
  /** `PAY_BY_BANK_DB`: a SQLite file, or `:memory:` for a store lost on restart. */
  database: string;
  /**
   * `DATABASE_URL`: a PostgreSQL database shared by every instance (docs/architecture.md, "Many
   * instances"); when set it is used instead of `database`.
   */
  databaseUrl?: string;
  /**
   * `PUBLIC_BASE_URL`: the one public origin every instance behind the load balancer shares, e.g.
   * `https://shop.example`: the kits' `publicBaseUrl` and their default allowed return origin.
   */
  publicBaseUrl?: string;
  /** `SANDBOX_URL`: a sandbox process (`npm run sandbox`) to use instead of mounting one. */
  sandboxUrl?: string;
  /** `PAY_BY_BANK_RECONCILE_MS`: the kits' `reconcileIntervalMs`. */
  reconcileIntervalMs?: number;
  /** `PAY_BY_BANK_IDEMPOTENCY_LEASE_MS`: the kits' `idempotencyLeaseMs`. */
  idempotencyLeaseMs?: number;
  /** `PAY_BY_BANK_REFRESH_MS`: the kits' `refreshIntervalMs`. */
  refreshIntervalMs?: number;
  /** `PAY_BY_BANK_PROVIDER_TIMEOUT_MS`: the adapters' `timeoutMs` (the fault matrix shortens it). */
  providerTimeoutMs?: number;
  /** `PAY_BY_BANK_RATE_LIMITS=off`: no rate limits (`npm run bench:scale` loads one instance hard). */
  rateLimitsOff?: boolean;
  /** `PAY_BY_BANK_HOOK_LOG`: a file the demo shop's completion hook appends each call to, as JSON lines. */
  hookLog?: string;
}

export function demoEnvironment(env: NodeJS.ProcessEnv = process.env): DemoEnvironment {
  return {
    database: env.PAY_BY_BANK_DB || DEFAULT_DEMO_DATABASE,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.PUBLIC_BASE_URL ? { publicBaseUrl: publicOrigin(env.PUBLIC_BASE_URL) } : {}),
    ...(env.SANDBOX_URL ? { sandboxUrl: env.SANDBOX_URL } : {}),
    ...optionalMs('reconcileIntervalMs', 'PAY_BY_BANK_RECONCILE_MS', env),
    ...optionalMs('idempotencyLeaseMs', 'PAY_BY_BANK_IDEMPOTENCY_LEASE_MS', env),
    ...optionalMs('refreshIntervalMs', 'PAY_BY_BANK_REFRESH_MS', env),
    ...optionalMs('providerTimeoutMs', 'PAY_BY_BANK_PROVIDER_TIMEOUT_MS', env),
    ...(env.PAY_BY_BANK_RATE_LIMITS === 'off' ? { rateLimitsOff: true } : {}),
    ...(env.PAY_BY_BANK_HOOK_LOG ? { hookLog: env.PAY_BY_BANK_HOOK_LOG } : {}),
  };
}

/** An origin the payer's browser can reach; anything else fails at start-up, not at the first payment. */
function publicOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `PUBLIC_BASE_URL must be an http(s) origin such as https://shop.example, not "${value}"`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(
      `PUBLIC_BASE_URL must be an http(s) origin such as https://shop.example, not "${value}"`,
    );
  return value.replace(/\/+$/, '');
}

/** Where the payments are, for the start-up line: a database URL without its password. */
export function describeDatabase(environment: DemoEnvironment): string {
  if (!environment.databaseUrl) return environment.database;
  try {
    const url = new URL(environment.databaseUrl);
    if (url.password) url.password = '***';
    return `PostgreSQL ${url.href}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

function optionalMs<Name extends string>(
  name: Name,
  variable: string,
  env: NodeJS.ProcessEnv,
): Partial<Record<Name, number>> {
  const value = env[variable];
  if (value === undefined || value === '') return {};
  if (!/^\d{1,9}$/.test(value))
    throw new Error(`${variable} must be a whole number of milliseconds, not "${value}"`);
  return { [name]: Number(value) } as Partial<Record<Name, number>>;
}

/**
 * The demo's store: PostgreSQL at `databaseUrl` when given (many instances share it), else SQLite at
 * `database`; each loaded only here and only when asked for, so that nothing else (the element's
 * build, a page that never stores a payment) loads its driver. A file that is not a usable payment
 * store fails here, naming the file; a database that cannot be reached fails here too.
 */
export async function openDemoStore(database: string, databaseUrl?: string): Promise<PaymentStore> {
  if (databaseUrl) {
    const { createPostgresPaymentStore } = await import('../src/server/stores/postgres/index.js');
    return createPostgresPaymentStore({ connectionString: databaseUrl });
  }
  if (database === ':memory:') return createMemoryPaymentStore();
  const { createSqlitePaymentStore } = await import('../src/server/stores/sqlite/index.js');
  return createSqlitePaymentStore({ path: database });
}

/**
 * The demo shop's completion hook, as a merchant would write it: the server's word, not the
 * browser's, ships the order. With `logFile`, every call is appended to it (the end-to-end tests count
 * them).
 */
export function demoCompletionHook(logFile?: string) {
  return ({ eventId, payment, previous }: StatusChangeEvent): void => {
    if (logFile) {
      const line = { eventId, paymentId: payment.id, status: payment.status, previous };
      appendFileSync(logFile, `${JSON.stringify(line)}\n`);
    }
    if (payment.status === 'completed' && previous !== 'completed') {
      console.log(
        `[demo shop] ${payment.reference} paid, ${payment.amount.value} ${payment.amount.currency}: shipping it (event ${eventId})`,
      );
    }
  };
}

/** The demo's kits as the demo servers run them: store, sandbox, hook and intervals from the environment. */
export async function startDemoKit(
  options: DemoMiddlewareOptions = {},
  environment: DemoEnvironment = demoEnvironment(),
): Promise<{ middleware: DemoMiddleware; environment: DemoEnvironment; close(): Promise<void> }> {
  const store = await openDemoStore(environment.database, environment.databaseUrl);
  const middleware = createDemoMiddleware({
    store,
    onStatusChange: demoCompletionHook(environment.hookLog),
    ...(environment.sandboxUrl ? { sandboxUrl: environment.sandboxUrl } : {}),
    ...(environment.reconcileIntervalMs !== undefined
      ? { reconcileIntervalMs: environment.reconcileIntervalMs }
      : {}),
    ...(environment.idempotencyLeaseMs !== undefined
      ? { idempotencyLeaseMs: environment.idempotencyLeaseMs }
      : {}),
    ...(environment.refreshIntervalMs !== undefined
      ? { refreshIntervalMs: environment.refreshIntervalMs }
      : {}),
    ...(environment.providerTimeoutMs !== undefined
      ? { providerTimeoutMs: environment.providerTimeoutMs }
      : {}),
    ...(environment.rateLimitsOff ? { rateLimit: false as const } : {}),
    ...options,
    ...(environment.publicBaseUrl ? { publicBaseUrl: environment.publicBaseUrl } : {}),
  });
  let closing: Promise<void> | undefined;
  return {
    middleware,
    environment,
    close() {
      closing ??= middleware.close().then(() => store.close?.());
      return closing;
    },
  };
}

/** Runs `close` once on SIGTERM or SIGINT, then exits; answers what removes the listeners. */
export function closeOnSignals(close: () => Promise<void>): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    close()
      .catch((error: unknown) => console.error('pay-by-bank demo: shutdown failed', error))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  const remove = () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return remove;
}
