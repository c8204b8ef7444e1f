// The instance-level figures of `npm run bench:scale`: two `npm run serve` processes (A and B) on one
// PostgreSQL database over one `npm run sandbox` process, measured over HTTP on loopback.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { CreatePaymentResponse } from '../src/core/protocol.js';
import { silentLogger } from '../src/server/logger.js';
import { createPostgresPaymentStore } from '../src/server/stores/postgres/index.js';
import { decideAtBank } from '../test/server/support/bank-browser.js';
import {
  freePort,
  startMerchantProcess,
  startSandboxProcess,
} from '../test/server/support/processes.js';
import { measureHeldPolls, type HeldFigures } from './bench-held-polls.js';

const ORIGIN = 'http://localhost:5173';

export interface InstanceFigures {
  wakeUp: number[];
  held: HeldFigures;
  creates: { perSecond: number; latencies: number[] };
}

/** How long each held long-poll waits: the longest the protocol allows. */
const HELD_WAIT_SECONDS = 25;

async function create(endpoint: string, checkout = 'order-123'): Promise<CreatePaymentResponse> {
  const response = await fetch(`${endpoint}/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      bankId: 'DE_NordhafenSparkasse',
      checkout,
      returnUrl: `${ORIGIN}/?order=1`,
      flow: 'redirect',
    }),
  });
  if (response.status !== 201) throw new Error(`create answered ${response.status}`);
  return (await response.json()) as CreatePaymentResponse;
}

/** A fresh database on the server at `serverUrl`, dropped by `drop`. */
async function freshDatabase(serverUrl: string) {
  const name = `pbb_bench_${randomUUID().slice(0, 8)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function measureInstances(
  serverUrl: string,
  options: { payments: number; held: number; creates: number; inFlight: number },
): Promise<InstanceFigures> {
  const database = await freshDatabase(serverUrl);
  const portA = await freePort();
  const sandbox = await startSandboxProcess(`http://127.0.0.1:${portA}/api/pay-by-bank/webhooks`);
  const env = {
    DATABASE_URL: database.url,
    PUBLIC_BASE_URL: ORIGIN,
    SANDBOX_URL: sandbox.url,
    PAY_BY_BANK_PROVIDER: 'aiia-pay',
    PAY_BY_BANK_RECONCILE_MS: '0',
    // Only the store's feed wakes a long-poll: the instances' own provider refresh is far away.
    PAY_BY_BANK_REFRESH_MS: '600000',
    PAY_BY_BANK_RATE_LIMITS: 'off',
  };
  const [a, b] = await Promise.all([
    startMerchantProcess(portA, env),
    freePort().then((port) => startMerchantProcess(port, env)),
  ]);
  const reader = await createPostgresPaymentStore({
    connectionString: database.url,
    logger: silentLogger(),
  });
  try {
    // Wake-up: the payer approves, the sandbox posts its webhook to A, B answers the long-poll.
    const wakeUp: number[] = [];
    for (let index = 0; index < options.payments; index += 1) {
      const created = await create(a.endpoint);
      const polled = fetch(
        `${b.endpoint}/payments/${created.paymentId}?wait=25&since=created`,
      ).then(async (response) => {
        const { status } = (await response.json()) as { status: string };
        return { at: Date.now(), status };
      });
      // B holds the request before the payer decides.
      await new Promise((resolve) => setTimeout(resolve, 30));
      await decideAtBank(created.authorizationUrl ?? '', 'approve');
      const answered = await polled;
      // The change B answered with, stored by A from the webhook.
      const entry = (await reader.history(created.paymentId)).find(
        (change) => change.status === answered.status && change.source === 'webhook',
      );
      if (!entry) throw new Error(`B answered ${answered.status}, not a webhook's change`);
      wakeUp.push(answered.at - Date.parse(entry.at));
    }

    // Held long-polls: as many as B holds at once, each its own connection.
    const waiting = await create(a.endpoint);
    const held = await measureHeldPolls(
      b.child.pid ?? 0,
      new URL(
        `${b.endpoint}/payments/${waiting.paymentId}?wait=${HELD_WAIT_SECONDS}&since=created`,
      ),
      options.held,
      HELD_WAIT_SECONDS,
    );

    // Creates across both instances, `inFlight` at a time, half to each.
    const latencies: number[] = [];
    let issued = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.inFlight }, async (_, worker) => {
        const endpoint = worker % 2 ? b.endpoint : a.endpoint;
        while (issued < options.creates) {
          issued += 1;
          const before = performance.now();
          await create(endpoint, `order-${issued}`);
          latencies.push(performance.now() - before);
        }
      }),
    );
    const perSecond = (options.creates / (performance.now() - started)) * 1000;
    return {
      wakeUp,
      held,
      creates: { perSecond, latencies },
    };
  } finally {
    await reader.close?.();
    await Promise.all([a.kill(), b.kill(), sandbox.kill()]);
    await database.drop();
  }
}
