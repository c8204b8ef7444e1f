import { aiiaApi } from './aiia-api.js';
import type { ApiContext } from './api-context.js';
import { bankPageStyles, decide, showAuthorizePage } from './bank-pages.js';
import type { SandboxBank } from './catalogue/sandbox-bank.js';
import { createEngine } from './engine.js';
import { injectFaults } from './faults.js';
import { html, json } from './http.js';
import { mastercardApi } from './mastercard-api.js';
import { listenOn, type ListeningServer } from './node-server.js';
import { SANDBOX_DEFAULTS, type SandboxKnobs, type SandboxOptions } from './options.js';
import type { SandboxProvider } from './sandbox-payment.js';
import { createWebhookOutbox, type WebhookDelivery } from './webhook-outbox.js';

export type {
  SandboxOptions,
  SandboxKnobs,
  SandboxOutcome,
  SandboxFaults,
  SandboxWebhookOptions,
} from './options.js';
export type { SandboxBank } from './catalogue/sandbox-bank.js';
export type { SandboxPayment, SandboxProvider } from './sandbox-payment.js';
export type { WebhookDelivery } from './webhook-outbox.js';
export type { ListeningServer } from './node-server.js';
export { SANDBOX_DEFAULTS } from './options.js';
export { SANDBOX_ACCOUNTS } from './sandbox-payment.js';

export interface Sandbox {
  /** Fetch-API handler for everything under `basePath`; other paths answer 404. */
  handler: (request: Request) => Promise<Response>;
  readonly basePath: string;
  /** Serves the sandbox on 127.0.0.1 (default: an ephemeral port). */
  listen(port?: number): Promise<ListeningServer>;
  /** Changes knobs while running: outcome, latency, faults, duplicate or out-of-order webhooks. */
  configure(knobs: SandboxKnobs): void;
  /** Sends held-back webhooks and waits until every delivery is done. */
  flushWebhooks(): Promise<void>;
  readonly webhookDeliveries: readonly WebhookDelivery[];
  readonly banks: readonly SandboxBank[];
  /** Reads a payment's raw provider status, as the provider API would answer it. */
  statusOf(provider: SandboxProvider, paymentId: string): string | undefined;
  /** Sets a raw status, even backwards, to test stale or reordered provider answers. */
  forceStatus(
    provider: SandboxProvider,
    paymentId: string,
    status: string,
    terminal?: boolean,
  ): void;
}

/**
 * A local simulator of Mastercard Open Finance Europe and Aiia Pay, and of the banks' SCA pages.
 *
 * Routes below `basePath` (default `/sandbox`):
 * - `/mastercard/v1/…`: Open Finance Europe payment initiation; `/mastercard/start/payment?startToken=`
 * - `/aiia/v2/payments/accept…`, `/aiia/v1/providers`: Aiia Pay; `/aiia/authorize?token=`
 * - `POST /bank/authorize` (form: token, decision=approve|reject|cancel|pending, account, bank?)
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const basePath = `/${(options.basePath ?? '/sandbox').replace(/^\/+|\/+$/g, '')}`.replace(
    /^\/$/,
    '',
  );
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const knobs: SandboxKnobs = {
    ...(options.outcome ? { outcome: options.outcome } : {}),
    ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
    ...(options.faults ? { faults: { ...options.faults } } : {}),
  };
  const webhookOptions = () =>
    options.webhooks ? { ...options.webhooks, ...knobs.webhooks } : undefined;
  const outbox = createWebhookOutbox(
    options.aiia?.webhookSecret ?? SANDBOX_DEFAULTS.aiia.webhookSecret,
    webhookOptions,
    now,
  );
  const engine = createEngine({ ...options, now }, outbox);
  const context: ApiContext = {
    engine,
    options,
    knobs,
    publicUrl: (request) =>
      options.publicUrl?.replace(/\/+$/, '') ?? `${new URL(request.url).origin}${basePath}`,
  };

  const handler = async (request: Request): Promise<Response> => {
    const { pathname, searchParams } = new URL(request.url);
    if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return notFound();
    const path = pathname.slice(basePath.length) || '/';
    const method = request.method.toUpperCase();
    try {
      for (const provider of ['mastercard', 'aiia'] as const) {
        const prefix = `/${provider}`;
        if (!path.startsWith(`${prefix}/v`)) continue;
        const fault = await injectFaults(knobs, random, provider);
        if (fault) return fault;
        const api = provider === 'mastercard' ? mastercardApi : aiiaApi;
        return await api(context, request, path.slice(prefix.length));
      }
      if (path === '/mastercard/start/payment' && method === 'GET') {
        return showAuthorizePage(context, request, searchParams.get('startToken'));
      }
      if (path === '/aiia/authorize' && method === 'GET')
        return showAuthorizePage(context, request, searchParams.get('token'));
      if (path === '/bank/authorize' && method === 'POST') return await decide(context, request);
      if (path === '/bank/style.css' && method === 'GET') return bankPageStyles();
      return notFound();
    } catch {
      return json({ error: 'InternalServerError', details: { reason: 'Sandbox failure.' } }, 500);
    }
  };

  return {
    handler,
    basePath,
    listen: (port = 0) => listenOn(handler, port, basePath),
    configure(next) {
      if ('outcome' in next) {
        if (next.outcome) knobs.outcome = next.outcome;
        else delete knobs.outcome;
      }
      if ('latencyMs' in next) knobs.latencyMs = next.latencyMs ?? 0;
      if ('faults' in next) knobs.faults = { ...next.faults };
      if ('webhooks' in next) knobs.webhooks = { ...knobs.webhooks, ...next.webhooks };
    },
    flushWebhooks: () => outbox.flush(),
    webhookDeliveries: outbox.deliveries,
    banks: engine.banks,
    statusOf: (provider, paymentId) => engine.get(provider, paymentId)?.status,
    forceStatus: engine.forceStatus,
  };
}

function notFound(): Response {
  return html(
    '<!doctype html><html lang="en"><title>Not found</title><main><h1>Not found</h1></main></html>',
    404,
  );
}
