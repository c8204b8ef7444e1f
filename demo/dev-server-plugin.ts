import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import {
  aiiaPay,
  bbpsCheckout,
  cashfreeBbps,
  consoleLogger,
  createMemoryPaymentStore,
  createPayByBankHandler,
  mastercardOpenFinance,
  openBankingConnect,
  toNodeListener,
  type CashfreeBbpsProvider,
  type PayByBankHandler,
  type PayByBankHandlerOptions,
  type PaymentProvider,
  type PaymentStore,
  type ResolvedCheckout,
} from '../src/server/index.js';
import { SANDBOX_DEFAULTS, type SandboxOptions } from '../src/sandbox/index.js';
import { SUPPORTED_LOCALES } from '../src/locales/index.js';
import { closeOnSignals, startDemoKit } from './demo-kit.js';
import { externalSandbox, inProcessSandbox, type SandboxLink } from './sandbox-link.js';

export type DemoProvider =
  'mastercard-open-finance' | 'aiia-pay' | 'open-banking-connect' | 'cashfree-bbps';
export const DEMO_PROVIDERS: readonly DemoProvider[] = [
  'aiia-pay',
  'mastercard-open-finance',
  'open-banking-connect',
  'cashfree-bbps',
];
export const PROVIDER_COOKIE = 'pay_by_bank_provider';
export const KIT_PATH = '/api/pay-by-bank';
export const SANDBOX_PATH = '/sandbox';
/** The demo's own control of the sandbox (`GET` reads, `POST { outcome }` sets); not part of the kit. */
export const SANDBOX_CONTROL_PATH = '/sandbox-control';
/** `GET`: the locales the element speaks, for the demo's language menu (`{ locales: [...] }`). */
export const DEMO_LOCALES_PATH = '/demo-locales';

/**
 * What the demo's "sandbox outcome" control can ask for. `ask` leaves the decision to the payer at the
 * sandbox bank; `slow` delays every provider answer; `expire` expires the bank link as soon as it is
 * made (Aiia and Mastercard simulate expiry); `server-error` makes the merchant's server fail to create.
 */
export const DEMO_OUTCOMES = [
  'ask',
  'approve',
  'reject',
  'cancel',
  'slow',
  'expire',
  'server-error',
] as const;
export type DemoOutcome = (typeof DEMO_OUTCOMES)[number];
const SLOW_LATENCY_MS = 2500;

export type ConnectMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

export interface DemoMiddlewareOptions {
  /** Default provider; else `PAY_BY_BANK_PROVIDER`, else aiia-pay. A `?provider=` or cookie picks per browser. */
  provider?: DemoProvider;
  /** Knobs for the in-process sandbox (outcome, latency, faults…). */
  sandbox?: Omit<SandboxOptions, 'basePath' | 'webhooks'>;
  /**
   * A sandbox running as its own process (`npm run sandbox`), e.g. `http://localhost:5174/sandbox`:
   * used instead of mounting one here.
   */
  sandboxUrl?: string;
  /** Where the four providers' kits keep their payments. Default: a new in-memory store. */
  store?: PaymentStore;
  /** The demo shop's completion hook (see `demoCompletionHook`). */
  onStatusChange?: PayByBankHandlerOptions['onStatusChange'];
  /** Default: the kit's own (30 s). */
  reconcileIntervalMs?: number;
  /** Default: the kit's own (60 s). */
  idempotencyLeaseMs?: number;
  /**
   * The kits' `publicBaseUrl`: the origin the browser uses, e.g. `http://localhost:5173`. A function is
   * asked at the first request, once the server listens. Default: the address the request reached
   * this server on (its listening address, never the Host header).
   */
  publicBaseUrl?: string | (() => string | undefined);
  /** Default: the kit's own (2 s). */
  refreshIntervalMs?: number;
  /** The adapters' `timeoutMs` for each provider call. Default: the adapters' own (10 s). */
  providerTimeoutMs?: number;
  /** The kits' `rateLimit`. Default: the kit's own limits. */
  rateLimit?: PayByBankHandlerOptions['rateLimit'];
}

/** The demo's middleware, with what stops its kits' background work. */
export interface DemoMiddleware extends ConnectMiddleware {
  /** Stops the kits' completion hooks and reconciliation. The store stays open. */
  close(): Promise<void>;
}

/**
 * The demo shop prices its checkouts here, as a merchant would: `order-123` costs €42.00 (SEPA),
 * `order-gb-123` £42.00 (UK Faster Payments through Open Banking Connect), and the SEPA invoice
 * `invoice-<n>` €186.40.
 */
export function resolveDemoCheckout(checkout: string | undefined): ResolvedCheckout | null {
  const invoice = /^invoice-(\d{1,12})$/.exec(checkout ?? '');
  if (invoice) {
    return {
      amount: { value: '186.40', currency: 'EUR' },
      reference: `INV-${invoice[1]}`,
      description: 'Stadtwerke Nordhafen invoice',
      payee: 'Stadtwerke Nordhafen',
      summary: [
        { label: 'Invoice', value: `INV-${invoice[1]}` },
        { label: 'Customer', value: 'Alex Example' },
        { label: 'Period', value: 'Q3 electricity' },
        { label: 'Due date', value: '2025-10-31' },
      ],
    };
  }
  const order = /^order-(gb-)?(\d{1,12})$/.exec(checkout ?? '');
  if (!order) return null;
  return {
    amount: { value: '42.00', currency: order[1] ? 'GBP' : 'EUR' },
    reference: `ORDER-${order[1] ? 'GB-' : ''}${order[2]}`,
    description: 'Demo shop order',
    payee: 'Nordlicht Audio',
    // The reference is shown by the element itself (the banks answer's `reference`).
    summary: [{ label: 'Item', value: '1 × Noise-cancelling headphones' }],
  };
}

/**
 * The bill-payment scenario: `bill-<customer reference>` is priced by the biller, through a BBPS bill
 * fetch, in INR, with the bill (customer, number, due date) as summary.
 */
export function resolveDemoBill(provider: CashfreeBbpsProvider) {
  return async (checkout: string | undefined): Promise<ResolvedCheckout | null> => {
    const bill = /^bill-([A-Za-z0-9-]{1,40})$/.exec(checkout ?? '');
    if (!bill?.[1]) return null;
    return bbpsCheckout(
      await provider.fetchBill({
        billerId: 'VODA00000MUM03',
        customerParams: { RefFld1: bill[1] },
        mobile: '9505987798',
      }),
    );
  };
}

/**
 * The server kit at `/api/pay-by-bank` and the sandbox at `/sandbox/`, on one origin, as Connect
 * middleware (vite, web-test-runner, node:http); or, with `sandboxUrl`, the kit alone over a sandbox
 * process. The four providers' kits share one store, each answering for its own payments.
 */
export function createDemoMiddleware(options: DemoMiddlewareOptions = {}): DemoMiddleware {
  const fallback = options.provider ?? demoProviderFromEnv();
  const browserOrigin = new AsyncLocalStorage<string>();
  const kits = new Map<DemoProvider, PayByBankHandler>();
  const listeners = new Map<DemoProvider, ReturnType<typeof toNodeListener>>();
  const store = options.store ?? createMemoryPaymentStore();

  const sandbox = options.sandboxUrl
    ? externalSandbox(options.sandboxUrl)
    : inProcessSandbox(
        {
          // Same-origin logos: the demo runs under `default-src 'self'`, which blocks `data:` images.
          logos: 'served',
          ...options.sandbox,
          // Aiia signs with X-Aiia-Signature, Cashfree with X-Webhook-Signature: each to its own kit.
          webhooks: { deliver: (request) => kits.get(webhookProvider(request.headers))?.(request) },
        },
        SANDBOX_PATH,
        () => browserOrigin.getStore() ?? 'http://localhost:5173',
      );

  let outcome: DemoOutcome = 'ask';
  const control = createOutcomeControl(
    sandbox,
    () => outcome,
    (next) => (outcome = next),
  );

  // The kits are made once the public base URL is known: at once when given, else at the first request.
  let publicBaseUrl: string | undefined;
  const startKits = (base: string) => {
    publicBaseUrl = base.replace(/\/+$/, '');
    for (const name of DEMO_PROVIDERS) startKit(name, publicBaseUrl);
  };
  const startKit = (name: DemoProvider, base: string) => {
    const provider = demoProvider(name, sandbox, options.providerTimeoutMs);
    const kit = createPayByBankHandler({
      provider,
      store,
      basePath: KIT_PATH,
      publicBaseUrl: base,
      resolveCheckout:
        name === 'cashfree-bbps'
          ? resolveDemoBill(provider as CashfreeBbpsProvider)
          : resolveDemoCheckout,
      logger: consoleLogger(),
      ...(options.onStatusChange ? { onStatusChange: options.onStatusChange } : {}),
      ...(options.reconcileIntervalMs !== undefined
        ? { reconcileIntervalMs: options.reconcileIntervalMs }
        : {}),
      ...(options.idempotencyLeaseMs !== undefined
        ? { idempotencyLeaseMs: options.idempotencyLeaseMs }
        : {}),
      ...(options.refreshIntervalMs !== undefined
        ? { refreshIntervalMs: options.refreshIntervalMs }
        : {}),
      ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    });
    const demoKit = withDemoOutcome(kit, name, store, sandbox, () => outcome);
    kits.set(name, demoKit);
    listeners.set(name, toNodeListener(demoKit));
  };
  if (typeof options.publicBaseUrl === 'string') startKits(options.publicBaseUrl);
  const local = sandbox.local;
  const sandboxListener =
    local && toNodeListener(Object.assign(local.handler, { basePath: SANDBOX_PATH }));

  const middleware: ConnectMiddleware = (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    if (url.pathname === SANDBOX_CONTROL_PATH) {
      control(req, res);
      return;
    }
    if (url.pathname === DEMO_LOCALES_PATH && req.method === 'GET') {
      // The element's own list (src/locales/index.ts), so that the menu never drifts from it.
      res
        .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify({ locales: SUPPORTED_LOCALES }));
      return;
    }
    const underKit = url.pathname === KIT_PATH || url.pathname.startsWith(`${KIT_PATH}/`);
    const underSandbox =
      sandboxListener !== undefined &&
      (url.pathname === SANDBOX_PATH || url.pathname.startsWith(`${SANDBOX_PATH}/`));
    if (!underKit && !underSandbox) {
      // The page itself may carry the switch (`/?provider=…`): remember it for the element's calls.
      const asked = url.searchParams.get('provider');
      if (isDemoProvider(asked)) rememberProvider(res, asked);
      next();
      return;
    }
    if (publicBaseUrl === undefined) {
      const asked =
        typeof options.publicBaseUrl === 'function' ? options.publicBaseUrl() : undefined;
      startKits(asked ?? listeningOrigin(req));
    }
    const origin = new URL(publicBaseUrl ?? '').origin;
    browserOrigin.run(origin, () => {
      if (underSandbox) {
        sandboxListener(req, res, next);
        return;
      }
      pickProvider(req, res, url, store, fallback)
        .then((name) => listeners.get(name)?.(req, res, next))
        .catch(next);
    });
  };
  return Object.assign(middleware, {
    close: async () => {
      await Promise.all([...kits.values()].map((kit) => kit.close()));
    },
  });
}

/**
 * The origin of the address a request reached this server on: its listening address, as the socket
 * knows it, never the Host header.
 */
export function listeningOrigin(req: IncomingMessage): string {
  const socket = req.socket as IncomingMessage['socket'] & { encrypted?: boolean };
  const scheme = socket.encrypted ? 'https' : 'http';
  const address = (socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/i, '');
  const host = address.includes(':') ? `[${address}]` : address;
  return `${scheme}://${host}:${socket.localPort ?? 80}`;
}

/** A provider's webhook, told by its signature header: the sandbox posts them all to one URL. */
function webhookProvider(headers: Headers | IncomingMessage['headers']): DemoProvider {
  const aiia =
    headers instanceof Headers ? headers.has('x-aiia-signature') : 'x-aiia-signature' in headers;
  return aiia ? 'aiia-pay' : 'cashfree-bbps';
}

/** `GET|POST /sandbox-control`: the demo panel's "sandbox outcome", for every browser on this server. */
function createOutcomeControl(
  sandbox: SandboxLink,
  current: () => DemoOutcome,
  set: (outcome: DemoOutcome) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  const answer = (res: ServerResponse, status: number, body: unknown) =>
    res
      .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      .end(JSON.stringify(body));
  return (req, res) => {
    if (req.method === 'GET') {
      answer(res, 200, { outcome: current(), outcomes: DEMO_OUTCOMES });
      return;
    }
    if (req.method !== 'POST') {
      answer(res, 405, { error: 'GET or POST' });
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 1000) req.destroy();
    });
    req.on('end', () => {
      let asked: unknown;
      try {
        asked = (JSON.parse(body) as { outcome?: unknown }).outcome;
      } catch {
        asked = undefined;
      }
      if (!isDemoOutcome(asked)) {
        answer(res, 400, { error: `outcome must be one of ${DEMO_OUTCOMES.join(', ')}` });
        return;
      }
      const chosen = asked;
      sandbox
        .configure({
          outcome:
            chosen === 'approve' || chosen === 'reject' || chosen === 'cancel' ? chosen : undefined,
          latencyMs: chosen === 'slow' ? SLOW_LATENCY_MS : 0,
          faults: {},
        })
        .then(() => {
          set(chosen);
          answer(res, 200, { outcome: chosen, outcomes: DEMO_OUTCOMES });
        })
        .catch(() => answer(res, 502, { error: 'the sandbox could not be configured' }));
    });
  };
}

export function isDemoOutcome(value: unknown): value is DemoOutcome {
  return (DEMO_OUTCOMES as readonly unknown[]).includes(value);
}

/**
 * The two outcomes the sandbox has no knob for, played around the kit as a demo would: `server-error`
 * answers the create call with a 500 problem (the merchant's server failing), and `expire` lets the
 * kit create the payment, then expires its link at the simulated provider before the payer opens it.
 */
function withDemoOutcome(
  kit: PayByBankHandler,
  name: DemoProvider,
  store: PaymentStore,
  sandbox: SandboxLink,
  outcome: () => DemoOutcome,
): PayByBankHandler {
  const handler = async (request: Request): Promise<Response> => {
    const creating =
      request.method === 'POST' && new URL(request.url).pathname === `${KIT_PATH}/payments`;
    if (creating && outcome() === 'server-error') {
      return new Response(
        JSON.stringify({
          type: 'about:blank',
          title: 'Internal Server Error',
          status: 500,
          detail: 'The demo shop failed on purpose (sandbox outcome "merchant server error").',
          code: 'server_error',
        }),
        { status: 500, headers: { 'content-type': 'application/problem+json' } },
      );
    }
    const response = await kit(request);
    const simulated =
      name === 'aiia-pay' ? 'aiia' : name === 'mastercard-open-finance' ? 'mastercard' : undefined;
    if (creating && outcome() === 'expire' && simulated && response.status === 201) {
      const { paymentId } = (await response.clone().json()) as { paymentId: string };
      const stored = await store.get(paymentId);
      if (stored) await sandbox.forceStatus(simulated, stored.providerPaymentId, 'Expired', true);
    }
    return response;
  };
  return Object.assign(handler, {
    basePath: kit.basePath,
    getPayment: kit.getPayment,
    getPaymentHistory: kit.getPaymentHistory,
    close: kit.close,
  });
}

/** Each provider's adapter, pointed at the sandbox with its default credentials. */
function demoProvider(
  name: DemoProvider,
  sandbox: SandboxLink,
  timeoutMs?: number,
): PaymentProvider {
  const { baseUrl: sandboxBase, fetch } = sandbox;
  const common = { fetch, ...(timeoutMs !== undefined ? { timeoutMs } : {}) };
  switch (name) {
    case 'aiia-pay':
      return aiiaPay({
        baseUrl: `${sandboxBase}/aiia`,
        clientId: SANDBOX_DEFAULTS.aiia.clientId,
        clientSecret: SANDBOX_DEFAULTS.aiia.clientSecret,
        destinationId: SANDBOX_DEFAULTS.aiia.destinationId,
        webhookSecret: SANDBOX_DEFAULTS.aiia.webhookSecret,
        ...common,
      });
    case 'mastercard-open-finance':
      return mastercardOpenFinance({
        baseUrl: `${sandboxBase}/mastercard`,
        clientId: SANDBOX_DEFAULTS.mastercard.clientId,
        clientSecret: SANDBOX_DEFAULTS.mastercard.clientSecret,
        destination: { iban: { ibanNumber: 'DE89370400440532013000' }, name: 'Demo Shop GmbH' },
        ...common,
      });
    case 'open-banking-connect':
      return openBankingConnect({
        baseUrl: `${sandboxBase}/obc/openbanking/sandbox/connect/api`,
        clientId: SANDBOX_DEFAULTS.openBankingConnect.clientId,
        merchant: { id: 'DEMO-SHOP', name: 'Demo Shop Ltd' },
        banks: [...sandbox.openBankingConnectBanks],
        creditor: {
          name: 'Demo Shop Ltd',
          fasterPayments: { identification: '11112222', sortCode: '404004' },
          sepa: { iban: 'DE89370400440532013000', bicfi: 'COBADEFFXXX', country: 'DE' },
        },
        // SEPA needs the payer's name; the demo shop knows its customer.
        debtorName: () => 'Demo Customer',
        ...common,
      });
    case 'cashfree-bbps':
      return cashfreeBbps({
        baseUrl: `${sandboxBase}/cashfree`,
        clientId: SANDBOX_DEFAULTS.cashfree.clientId,
        clientSecret: SANDBOX_DEFAULTS.cashfree.clientSecret,
        agentId: SANDBOX_DEFAULTS.cashfree.agentId,
        webhookSecret: SANDBOX_DEFAULTS.cashfree.webhookSecret,
        // UPI by intent and QR first; collect stays on here only to show it (off by default).
        upiPayee: { vpa: 'bbps.demo@cashfree', name: 'Demo BBPS Payments' },
        upiCollect: true,
        upiAppUrl: () => `${sandbox.publicBaseUrl()}/cashfree/upi/pay`,
        // The sandbox biller answers at once: poll sooner than the real 5 s, 15 s, 30 s… schedule.
        billFetchScheduleMs: [200, 1000, 3000],
        ...common,
      });
  }
}

/**
 * A vite plugin mounting the demo's kits (`startDemoKit`: payments at `DATABASE_URL` or in `PAY_BY_BANK_DB`, the sandbox of
 * `SANDBOX_URL` or one mounted here) on the dev server and on `vite preview`, and stopping their
 * background work when the server closes or the process is told to stop.
 */
export function payByBankDevServer(options: DemoMiddlewareOptions = {}): Plugin {
  const mount = async (server: {
    middlewares: { use(middleware: ConnectMiddleware): unknown };
    resolvedUrls: { local: string[] } | null;
  }) => {
    const kit = await startDemoKit({
      // The address vite prints, known once it listens: the kits are made at the first request.
      publicBaseUrl: () => server.resolvedUrls?.local[0],
      ...options,
    });
    server.middlewares.use(kit.middleware);
    const stopListening = closeOnSignals(kit.close);
    return () => {
      stopListening();
      void kit.close();
    };
  };
  return {
    name: 'pay-by-bank-dev-server',
    async configureServer(server) {
      let stop: () => void;
      try {
        stop = await mount(server);
      } catch (error) {
        // A payment store that cannot be opened stops the dev server, watcher included.
        await server.close();
        throw error;
      }
      server.httpServer?.once('close', stop);
    },
    async configurePreviewServer(server) {
      const stop = await mount(server);
      server.httpServer.once('close', stop);
    },
  };
}

export function demoProviderFromEnv(): DemoProvider {
  const value = process.env.PAY_BY_BANK_PROVIDER;
  return isDemoProvider(value) ? value : 'aiia-pay';
}

function rememberProvider(res: ServerResponse, provider: DemoProvider): void {
  res.setHeader('set-cookie', `${PROVIDER_COOKIE}=${provider}; Path=/; SameSite=Lax`);
}

function isDemoProvider(value: string | null | undefined): value is DemoProvider {
  return (DEMO_PROVIDERS as readonly (string | null | undefined)[]).includes(value);
}

/**
 * A payment's own provider first (it answers for it whatever the switch says now); then `?provider=`
 * (remembered in a cookie), the cookie, and the default.
 */
async function pickProvider(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  store: PaymentStore,
  fallback: DemoProvider,
): Promise<DemoProvider> {
  if (url.pathname === `${KIT_PATH}/webhooks`) return webhookProvider(req.headers);
  const paymentId =
    /\/payments\/([^/]+)$/.exec(url.pathname)?.[1] ?? url.searchParams.get('payment');
  if (paymentId) {
    // A store that is down is the kit's to answer (503 store_unavailable), not the demo's.
    const payment = await store.get(decodeURIComponent(paymentId)).catch(() => undefined);
    if (isDemoProvider(payment?.provider)) return payment.provider;
  }
  const asked = url.searchParams.get('provider');
  if (isDemoProvider(asked)) {
    rememberProvider(res, asked);
    return asked;
  }
  const cookie = /(?:^|;\s*)pay_by_bank_provider=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  return isDemoProvider(cookie) ? cookie : fallback;
}
