// Figures for many instances on one PostgreSQL: how soon a status change stored through store A
// wakes a subscriber of store B, and how many creates per second two stores make together. A script
// to read, not a timed test. Then the same over HTTP with two `npm run serve` processes and one
// `npm run sandbox` process: webhook on A to long-poll answer on B, long-polls held by one instance
// (and its memory per held request), creates per second across both:
//   npm run bench:scale [-- --payments 200 --creates 2000 --in-flight 16 --held 10000
//                         --http-creates 1000 --url postgres://…]
// Without --url it uses PAY_BY_BANK_TEST_DATABASE_URL, else starts a throwaway cluster (Debian's
// postgresql package) and removes it at the end. It works in a schema of its own, dropped at the end.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { silentLogger } from '../src/server/logger.js';
import type { PaymentStore, StoredPayment } from '../src/server/payment-store.js';
import { createPostgresPaymentStore } from '../src/server/stores/postgres/index.js';
import { measureInstances } from './bench-scale-instances.js';

const { values } = parseArgs({
  options: {
    payments: { type: 'string', default: '200' },
    held: { type: 'string', default: '10000' },
    'http-creates': { type: 'string', default: '1000' },
    creates: { type: 'string', default: '2000' },
    'in-flight': { type: 'string', default: '16' },
    url: { type: 'string' },
  },
});
const wakeUps = Number(values.payments);
const creates = Number(values.creates);
const inFlight = Number(values['in-flight']);

function payment(): StoredPayment {
  const now = new Date().toISOString();
  const id = randomBytes(18).toString('base64url');
  return {
    id: `pay_${id}`,
    provider: 'bench',
    providerPaymentId: `bench-${id}`,
    status: 'awaiting_authorisation',
    providerStatus: 'Initiated',
    amount: { value: '12.50', currency: 'EUR' },
    reference: 'ORDER-1',
    bankId: 'sandbox-bank',
    flow: 'redirect',
    returnUrl: 'https://shop.example/return',
    authorizationUrl: 'https://bank.example/authorize',
    createdAt: now,
    updatedAt: now,
    checkedAt: now,
  };
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? 0,
  };
}

/** Store A stores a status change; the time until B's subscriber hears of it. */
async function wakeUpLatency(a: PaymentStore, b: PaymentStore) {
  const arrivals = new Map<string, () => void>();
  let ready!: () => void;
  const listening = new Promise<void>((resolve) => (ready = resolve));
  const unsubscribe = b.subscribeStatusChanges!((notice) => {
    if ('resync' in notice) ready();
    else arrivals.get(notice.paymentId)?.();
  });
  await listening;
  const latencies: number[] = [];
  for (let index = 0; index < wakeUps; index += 1) {
    const next = payment();
    await a.insert(next);
    const heard = new Promise<void>((resolve) => arrivals.set(next.id, resolve));
    const started = performance.now();
    await a.update(next.id, (current) => ({ ...current, status: 'completed' }));
    await heard;
    latencies.push(performance.now() - started);
    arrivals.delete(next.id);
  }
  unsubscribe();
  return summary(latencies);
}

/** Creates through both stores at once, `inFlight` at a time, half through each. */
async function createThroughput(a: PaymentStore, b: PaymentStore) {
  const latencies: number[] = [];
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async (_, worker) => {
      const store = worker % 2 ? b : a;
      while (issued < creates) {
        issued += 1;
        const before = performance.now();
        await store.insert(payment());
        latencies.push(performance.now() - before);
      }
    }),
  );
  const elapsed = performance.now() - started;
  return { perSecond: (creates / elapsed) * 1000, ...summary(latencies) };
}

function databaseUrl(): { url: string; stop?: () => void } {
  const given = values.url ?? process.env.PAY_BY_BANK_TEST_DATABASE_URL;
  if (given) return { url: given };
  const script = fileURLToPath(new URL('./throwaway-postgres.sh', import.meta.url));
  const output = execFileSync('bash', [script, 'start'], {
    env: { PGPORT_FOR_TESTS: '54339', ...process.env },
    encoding: 'utf8',
  });
  const url = /PAY_BY_BANK_TEST_DATABASE_URL=(\S+)/.exec(output)?.[1];
  const dir = /PAY_BY_BANK_TEST_PG_DIR=(\S+)/.exec(output)?.[1];
  if (!url || !dir) throw new Error(`throwaway-postgres.sh said: ${output}`);
  return { url, stop: () => execFileSync('bash', [script, 'stop', dir]) };
}

const { url, stop } = databaseUrl();
const schema = `bench_${randomBytes(4).toString('hex')}`;
const open = () =>
  createPostgresPaymentStore({ connectionString: url, schema, logger: silentLogger() });
try {
  const a = await open();
  const b = await open();
  try {
    const server = await new pg.Pool({ connectionString: url, max: 1 });
    const version = (await server.query('SHOW server_version')).rows[0].server_version as string;
    await server.end();
    const wake = await wakeUpLatency(a, b);
    const created = await createThroughput(a, b);
    const ms = (value: number) => value.toFixed(2);
    console.log(
      `Two stores (two pools of 10) on one PostgreSQL ${version}, one Node ${process.version} process`,
    );
    console.table([
      {
        figure: `wake-up A→B (${wakeUps} payments)`,
        'p50 ms': ms(wake.p50),
        'p95 ms': ms(wake.p95),
        'p99 ms': ms(wake.p99),
        'max ms': ms(wake.max),
        'per s': '',
      },
      {
        figure: `creates across A+B (${creates}, ${inFlight} in flight)`,
        'p50 ms': ms(created.p50),
        'p95 ms': ms(created.p95),
        'p99 ms': ms(created.p99),
        'max ms': ms(created.max),
        'per s': Math.round(created.perSecond),
      },
    ]);
    const instances = await measureInstances(url, {
      payments: wakeUps,
      held: Number(values.held),
      creates: Number(values['http-creates']),
      inFlight,
    });
    const wakeHttp = summary(instances.wakeUp);
    const createHttp = summary(instances.creates.latencies);
    console.log(
      'Two `npm run serve` processes on that PostgreSQL, one `npm run sandbox`, over HTTP',
    );
    console.table([
      {
        figure: `webhook on A → long-poll answer on B (${instances.wakeUp.length} payments)`,
        'p50 ms': ms(wakeHttp.p50),
        'p95 ms': ms(wakeHttp.p95),
        'p99 ms': ms(wakeHttp.p99),
        'max ms': ms(wakeHttp.max),
        'per s': '',
      },
      {
        figure: `creates across A+B (${instances.creates.latencies.length}, ${inFlight} in flight)`,
        'p50 ms': ms(createHttp.p50),
        'p95 ms': ms(createHttp.p95),
        'p99 ms': ms(createHttp.p99),
        'max ms': ms(createHttp.max),
        'per s': Math.round(instances.creates.perSecond),
      },
    ]);
    const { asked, held, lost, openAtOnce, bytesPerRequest, fileLimit } = instances.held;
    console.log(
      `long-polls on B: ${asked} asked, ${openAtOnce} open at B at once (its file limit ${fileLimit}), ${held} answered at their deadline; ${(bytesPerRequest / 1024).toFixed(1)} KiB of B's memory (RSS) per open request`,
    );
    if (held < asked) console.log('not held:', lost);
  } finally {
    await a.close?.();
    await b.close?.();
    const cleaner = new pg.Client({ connectionString: url });
    await cleaner.connect();
    await cleaner.query(`DROP SCHEMA ${schema} CASCADE`);
    await cleaner.end();
  }
} finally {
  stop?.();
}
