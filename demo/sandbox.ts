import { createServer } from 'node:http';
import { createSandbox, type SandboxKnobs, type SandboxProvider } from '../src/sandbox/index.js';
import { toNodeListener } from '../src/server/index.js';
import { SANDBOX_PROCESS_CONTROL_PATH } from './sandbox-link.js';

/**
 * `npm run sandbox`: the provider sandbox alone, as its own process (`PORT`, default 5174, base path
 * `/sandbox`), the way a merchant's server meets a real provider: the demo servers use it with
 * `SANDBOX_URL=http://localhost:5174/sandbox`. Webhooks go to `SANDBOX_WEBHOOK_URL` (default the demo's
 * kit on port 5173). `GET|POST /sandbox-control` reads and sets its knobs and counts the payments it
 * created (and Aiia's status reads per payment), for the demo's outcome control and the tests.
 */
const port = Number(process.env.PORT ?? 5174);
const webhookUrl =
  process.env.SANDBOX_WEBHOOK_URL ?? 'http://localhost:5173/api/pay-by-bank/webhooks';

const sandbox = createSandbox({ logos: 'served', webhooks: { url: webhookUrl } });
const knobs: SandboxKnobs = {};

/** Each simulated provider's create call: a 2xx answer to one of these is one more payment made. */
const CREATE_CALLS: Record<string, RegExp> = {
  mastercard: /^\/sandbox\/mastercard\/v1\/payments\/create(\/session)?$/,
  aiia: /^\/sandbox\/aiia\/v2\/payments\/accept$/,
  obc: /^\/sandbox\/obc\/.*\/consents$/,
  cashfree: /^\/sandbox\/cashfree\/.*\/request\/bill-payment$/,
};
const created: Record<string, number> = { mastercard: 0, aiia: 0, obc: 0, cashfree: 0 };
/** Aiia's status read of one payment: the tests count them per payment, to see no work done twice. */
const AIIA_STATUS_READ = /^\/sandbox\/aiia\/v2\/payments\/accept\/([^/]+)$/;
const aiiaReads: Record<string, number> = {};
const MAX_COUNTED_READS = 10_000;

interface ControlRequest {
  knobs?: SandboxKnobs;
  forceStatus?: {
    provider: SandboxProvider;
    paymentId: string;
    status: string;
    terminal?: boolean;
  };
}

async function control(request: Request): Promise<Response> {
  if (request.method === 'POST') {
    let body: ControlRequest;
    try {
      body = (await request.json()) as ControlRequest;
    } catch {
      return Response.json({ error: 'a JSON body: { knobs?, forceStatus? }' }, { status: 400 });
    }
    if (body.knobs) {
      sandbox.configure(body.knobs);
      Object.assign(knobs, body.knobs);
    }
    const force = body.forceStatus;
    if (force) sandbox.forceStatus(force.provider, force.paymentId, force.status, force.terminal);
  } else if (request.method !== 'GET') {
    return Response.json({ error: 'GET or POST' }, { status: 405 });
  }
  return Response.json({ knobs, created, aiiaReads }, { headers: { 'cache-control': 'no-store' } });
}

async function handle(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname === SANDBOX_PROCESS_CONTROL_PATH) return control(request);
  const response = await sandbox.handler(request);
  const read = request.method === 'GET' && response.ok && AIIA_STATUS_READ.exec(pathname)?.[1];
  if (read && (read in aiiaReads || Object.keys(aiiaReads).length < MAX_COUNTED_READS))
    aiiaReads[read] = (aiiaReads[read] ?? 0) + 1;
  if (request.method === 'POST' && response.ok) {
    for (const [provider, path] of Object.entries(CREATE_CALLS))
      if (path.test(pathname)) created[provider] = (created[provider] ?? 0) + 1;
  }
  return response;
}

const server = createServer(toNodeListener(handle));
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(
    `pay-by-bank sandbox on http://127.0.0.1:${actual}/sandbox (webhooks to ${webhookUrl})`,
  );
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
