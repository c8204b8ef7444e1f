import type { ApiContext } from './api-context.js';
import { bankRoutes } from './bank-routes.js';
import type { SandboxBank } from './catalogue/sandbox-bank.js';
import { createEngine } from './engine.js';
import { injectFaults } from './faults.js';
import { html, json } from './http.js';
import { listenOn, type ListeningServer } from './node-server.js';
import {
  SANDBOX_DEFAULTS,
  type SandboxApiCall,
  type SandboxApiProvider,
  type SandboxKnobs,
  type SandboxOptions,
} from './options.js';
import { aiiaSimulator } from './providers/aiia/index.js';
import { cashfreeSimulator } from './providers/cashfree/index.js';
import { mastercardSimulator } from './providers/mastercard/index.js';
import { aspspBanks, obcSimulator, type SandboxAspspBank } from './providers/obc/index.js';
import type { SandboxProvider } from './sandbox-payment.js';
import {
  matchRoute,
  type SandboxRoute,
  type SandboxSimulator,
  type SimulatorFactory,
} from './simulator.js';
import { createSchemaChecker } from './schemas/check.js';
import { createWebhookOutbox, type WebhookDelivery } from './webhook-outbox.js';

export type {
  SandboxOptions,
  SandboxKnobs,
  SandboxOutcome,
  SandboxFaults,
  SandboxApiCall,
  SandboxApiProvider,
  SandboxWebhookOptions,
  SandboxBill,
  SandboxSchemaOptions,
  MastercardStatusCodes,
  AiiaWebhookTimestamp,
} from './options.js';
export type { UnknownFields } from './schemas/check.js';
export { sandboxAspspId, OBC_REJECT_REASONS } from './providers/obc/index.js';
export type { SandboxBank } from './catalogue/sandbox-bank.js';
export type { SandboxAspspBank } from './providers/obc/index.js';
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
  /** Changes knobs while running: outcome, latency, faults, duplicate, out-of-order or late webhooks. */
  configure(knobs: SandboxKnobs): void;
  /** Sends held-back webhooks and waits until every delivery is done. */
  flushWebhooks(): Promise<void>;
  readonly webhookDeliveries: readonly WebhookDelivery[];
  readonly banks: readonly SandboxBank[];
  /**
   * How many of a provider's API calls of one kind had a 2xx answer: `succeeded('aiia', 'create')` is
   * the payments Aiia made, whatever the kit retried.
   */
  succeeded(provider: SandboxApiProvider, call: SandboxApiCall): number;
  /**
   * Reads a payment's raw provider status, as the provider API would answer it (Open Banking
   * Connect's by consent request id, Cashfree's by transaction ref id).
   */
  statusOf(provider: SandboxApiProvider, paymentId: string): string | undefined;
  /**
   * The banks Open Banking Connect reaches here (EUR, GBP, PLN), as a merchant would configure them:
   * each with its ASPSP id.
   */
  readonly openBankingConnectBanks: readonly SandboxAspspBank[];
  /** A Cashfree bill payment's `data.status` (`processing`, `success`, `failed`). */
  cashfreeStatusOf(transactionRefId: string): string | undefined;
  /** Sets a raw status, even backwards, to test stale or reordered provider answers. */
  forceStatus(
    provider: SandboxProvider,
    paymentId: string,
    status: string,
    terminal?: boolean,
  ): void;
}

/** Every simulated provider, each a folder under `providers/` (see `docs/adding-a-provider.md`). */
const SIMULATORS: readonly SimulatorFactory[] = [
  mastercardSimulator,
  aiiaSimulator,
  obcSimulator,
  cashfreeSimulator,
];

/**
 * A local simulator of Mastercard Open Finance Europe, Aiia Pay, Mastercard Open Banking Connect and
 * Cashfree BBPS, and of the banks' SCA pages and a payer's UPI app.
 *
 * Routes below `basePath` (default `/sandbox`):
 * - `/mastercard/v1/…`: Open Finance Europe payment initiation; `/mastercard/start/payment?startToken=`
 * - `/aiia/v2/payments/accept…`, `/aiia/v1/providers`: Aiia Pay; `/aiia/authorize?token=&culture=`
 * - `POST /bank/authorize` (form: token, decision=approve|reject|cancel|pending, account, bank?)
 * - `/obc/openbanking/sandbox/connect/api/payments/{domestic|sepa}-credit-transfers[/consents|/payment-status]`:
 *   Open Banking Connect; its bank at `GET|POST /obc/bank/authorize` (form adds reason=AM04…)
 * - `GET /logos/<bank id>.svg`: a bank's logo (used when `logos: 'served'`)
 * - `/cashfree/bbps/cou/v1/billers/{request|response}/{bill-fetch|bill-payment}`: Cashfree BBPS;
 *   the payer's UPI app at `GET /cashfree/upi?vpa=`, `POST /cashfree/upi` (transaction_ref_id, decision)
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
    options.aiia?.webhookTimestamp,
  );
  const engine = createEngine({ ...options, now });
  const context: ApiContext = {
    engine,
    options,
    knobs,
    outbox,
    schemas: createSchemaChecker(options.schemas?.unknownFields),
    publicUrl: (request) =>
      options.publicUrl?.replace(/\/+$/, '') ?? `${new URL(request.url).origin}${basePath}`,
  };
  const simulators = new Map<string, SandboxSimulator>();
  for (const create of SIMULATORS) {
    const simulator = create(context);
    simulators.set(simulator.name, simulator);
  }
  const succeeded = new Map<string, number>();
  // A provider API route first waits the latency knob, or answers a fault in that provider's envelope.
  const routes: SandboxRoute[] = [
    ...[...simulators.values()].flatMap((simulator) =>
      simulator.routes.map((route) =>
        route.api
          ? {
              ...route,
              handle: async (request: Request, match: RegExpExecArray) => {
                const target = { provider: simulator.name, call: route.api?.(match) };
                const response =
                  (await injectFaults(knobs, random, simulator.faultBody, target)) ??
                  (await route.handle(request, match));
                if (response.ok && target.call) {
                  const key = `${target.provider}:${target.call}`;
                  succeeded.set(key, (succeeded.get(key) ?? 0) + 1);
                }
                return response;
              },
            }
          : route,
      ),
    ),
    ...bankRoutes(context),
  ];

  const handler = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return notFound();
    const path = pathname.slice(basePath.length) || '/';
    const found = matchRoute(routes, request.method.toUpperCase(), path);
    if (!found) return notFound();
    try {
      return await found.route.handle(request, found.match);
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
    succeeded: (provider, call) => succeeded.get(`${provider}:${call}`) ?? 0,
    statusOf: (provider, paymentId) => simulators.get(provider)?.statusOf(paymentId),
    openBankingConnectBanks: aspspBanks(
      engine.banks,
      options.logos,
      options.publicUrl?.replace(/\/+$/, '') ?? basePath,
    ),
    cashfreeStatusOf: (transactionRefId) => simulators.get('cashfree')?.statusOf(transactionRefId),
    forceStatus: engine.forceStatus,
  };
}

function notFound(): Response {
  return html(
    '<!doctype html><html lang="en"><title>Not found</title><main><h1>Not found</h1></main></html>',
    404,
  );
}
