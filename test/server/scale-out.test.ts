import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { CreatePaymentResponse, PaymentStatusResponse } from '../../src/core/protocol.js';
import { silentLogger, type PaymentStore } from '../../src/server/index.js';
import { createPostgresPaymentStore } from '../../src/server/stores/postgres/index.js';
import { decideAtBank } from './support/bank-browser.js';
import { temporaryFolder } from './support/go-live.js';
import { createBody, getStatus, postPayment, readProblem } from './support/merchant-client.js';
import {
  eventually,
  freePort,
  startMerchantProcess,
  startSandboxProcess,
  type MerchantProcess,
  type SandboxProcess,
} from './support/processes.js';
import { startThrowawayCluster } from './stores/support/postgres.js';

// The database is stopped and started again below: these tests always use a cluster of their own.
const cluster = await startThrowawayCluster();
const SKIP =
  'no PostgreSQL installed (Debian’s postgresql package): these tests need a cluster of their own';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const newFile = temporaryFolder('scale-out');
/** The one public origin both instances serve behind the (imagined) load balancer. */
const PUBLIC_ORIGIN = 'http://localhost:5173';
const RECONCILE_MS = 1500;

interface HookLine {
  eventId: string;
  paymentId: string;
  status: string;
}

function hookLines(path: string): HookLine[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as HookLine);
}

/**
 * Two `npm run serve` processes, A and B, on one PostgreSQL database, over one `npm run sandbox`
 * process whose webhooks go to A. Long-polls wake only on the store's feed here: the instances' own
 * provider refresh is set far beyond every wait (PAY_BY_BANK_REFRESH_MS).
 */
describe('many merchant servers, one PostgreSQL', { skip: cluster ? false : SKIP }, () => {
  let sandbox: SandboxProcess;
  let a: MerchantProcess | undefined;
  let b: MerchantProcess;
  let portA: number;
  let reader: PaymentStore;
  const hookLogA = newFile('hooks-a.log');
  const hookLogB = newFile('hooks-b.log');
  const body = () => createBody({ returnUrl: `${PUBLIC_ORIGIN}/?order=123` });

  const env = (hookLog: string) => ({
    DATABASE_URL: cluster?.url ?? '',
    PUBLIC_BASE_URL: PUBLIC_ORIGIN,
    SANDBOX_URL: sandbox.url,
    PAY_BY_BANK_PROVIDER: 'aiia-pay',
    PAY_BY_BANK_HOOK_LOG: hookLog,
    PAY_BY_BANK_RECONCILE_MS: String(RECONCILE_MS),
    PAY_BY_BANK_REFRESH_MS: '600000',
    PAY_BY_BANK_IDEMPOTENCY_LEASE_MS: '3000',
  });
  const startA = async () => {
    a = await startMerchantProcess(portA, env(hookLogA));
    return a;
  };
  const endpointA = () => a?.endpoint ?? '';
  const create = async (endpoint: string) => {
    const response = await postPayment(endpoint, body());
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as CreatePaymentResponse;
  };
  const longPoll = (endpoint: string, paymentId: string, since = 'created') =>
    fetch(`${endpoint}/payments/${paymentId}?wait=20&since=${since}`).then(async (response) => ({
      at: Date.now(),
      status: response.status,
      body: (await response.json()) as PaymentStatusResponse,
    }));

  before(async () => {
    portA = await freePort();
    sandbox = await startSandboxProcess(`http://127.0.0.1:${portA}/api/pay-by-bank/webhooks`);
    // Both at once: their migrations race, as two instances starting together do.
    [, b] = await Promise.all([
      startA(),
      freePort().then((port) => startMerchantProcess(port, env(hookLogB))),
    ]);
    reader = await createPostgresPaymentStore({
      connectionString: cluster?.url ?? '',
      logger: silentLogger(),
    });
  });
  after(async () => {
    await a?.kill();
    await b?.kill();
    await sandbox?.kill();
    await reader?.close?.();
  });

  it('makes one payment and one provider call for one Idempotency-Key sent to both at once', async () => {
    const createdBefore = (await sandbox.created()).aiia ?? 0;
    const key = randomUUID();
    const answers = await Promise.all(
      [endpointA(), b.endpoint, endpointA(), b.endpoint].map((endpoint) =>
        postPayment(endpoint, body(), key),
      ),
    );
    const created = new Set<string>();
    for (const response of answers) {
      if (response.status === 409) {
        assert.equal((await readProblem(response)).code, 'idempotency_request_in_progress');
        continue;
      }
      assert.equal(response.status, 201, await response.clone().text());
      created.add(((await response.json()) as CreatePaymentResponse).paymentId);
    }
    // Whoever answered 409 retries and gets the one payment.
    const retried = await eventually(async () => {
      const response = await postPayment(b.endpoint, body(), key);
      return response.status === 201 && ((await response.json()) as CreatePaymentResponse);
    });
    created.add(retried.paymentId);
    assert.equal(created.size, 1, 'one payment');
    await sleep(300);
    assert.equal((await sandbox.created()).aiia, createdBefore + 1, 'one provider call');
  });

  it('reads a payment created on A back on B', async () => {
    const created = await create(endpointA());
    assert.deepEqual(
      await getStatus(b.endpoint, created.paymentId),
      await getStatus(endpointA(), created.paymentId),
    );
    assert.equal((await getStatus(b.endpoint, created.paymentId)).status, 'created');
  });

  it('answers a long-poll held by B promptly when the webhook lands on A', async () => {
    const created = await create(endpointA());
    const polled = longPoll(b.endpoint, created.paymentId);
    await sleep(500); // B is waiting.
    await decideAtBank(created.authorizationUrl ?? '', 'approve');
    const answer = await polled;
    assert.equal(answer.status, 200);
    assert.notEqual(answer.body.status, 'created');
    // The change B answered with was stored by A, from the webhook.
    const applied = (await reader.history(created.paymentId)).find(
      (entry) => entry.status === answer.body.status,
    );
    assert.equal(applied?.source, 'webhook');
    // B's own refresh is ten minutes away: only A's NOTIFY can have woken it.
    const latency = answer.at - Date.parse(applied?.at ?? '');
    assert.ok(latency < 2000, `B answered ${latency} ms after A stored the webhook`);
    await eventually(
      async () => (await getStatus(b.endpoint, created.paymentId)).status === 'completed',
      10_000,
      'the payment completed, read on B',
    );
  });

  it('runs the reconciler and the completion hook on both without doing any payment’s work twice', async () => {
    // Slow provider reads make both instances' reconciler turns overlap.
    const payments = await Promise.all(Array.from({ length: 6 }, () => create(b.endpoint)));
    const providerIds = await Promise.all(
      payments.map(async ({ paymentId }) => (await reader.get(paymentId))?.providerPaymentId ?? ''),
    );
    const readsBefore = await sandbox.aiiaReads();
    await sandbox.configure({ latencyMs: 400 });
    const windowMs = 4 * RECONCILE_MS;
    await sleep(windowMs);
    await sandbox.configure({ latencyMs: 0 });
    const readsAfter = await sandbox.aiiaReads();
    const reads = providerIds.map((id) => (readsAfter[id] ?? 0) - (readsBefore[id] ?? 0));
    assert.ok(
      reads.some((count) => count > 0),
      `the reconcilers refreshed the payments (${reads.join(', ')})`,
    );
    // A claim holds a payment for one interval: never two refreshes of it within one, by anyone.
    const most = Math.floor((windowMs + 1000) / RECONCILE_MS) + 1;
    for (const count of reads) assert.ok(count <= most, `read ${count} times, at most ${most}`);

    // Every status change of every payment so far: exactly one hook call each, across both logs.
    const ids = await eventually(
      async () => {
        const all = [...hookLines(hookLogA), ...hookLines(hookLogB)];
        const expected = (
          await Promise.all(payments.map(({ paymentId }) => reader.history(paymentId)))
        ).flat();
        const seen = new Set(all.map((line) => line.eventId));
        return expected.every((entry) => seen.has(entry.eventId)) && all;
      },
      15_000,
      'every hook call',
    );
    await sleep(1500); // Give a duplicate time to show.
    const calls = new Map<string, number>();
    for (const line of [...hookLines(hookLogA), ...hookLines(hookLogB)])
      calls.set(line.eventId, (calls.get(line.eventId) ?? 0) + 1);
    const twice = [...calls].filter(([, count]) => count > 1);
    assert.deepEqual(twice, [], 'no hook call made twice');
    assert.ok(ids.length >= payments.length, 'a hook call per payment at least');
  });

  it('loses nothing A had answered when A is killed mid-request; a retry on B makes one payment', async () => {
    const answered = await create(endpointA());
    await sandbox.configure({ latencyMs: 2500 });
    const key = randomUUID();
    const dying = postPayment(endpointA(), body(), key).catch(() => undefined);
    await sleep(600);
    await a?.kill();
    await dying;
    // A's create call may already be at the provider: let it finish there before counting. (A died
    // before it could record the provider's id, so that provider payment is no one's: it expires.)
    await sleep(2500);
    await sandbox.configure({ latencyMs: 0 });
    const createdBefore = (await sandbox.created()).aiia ?? 0;

    assert.equal((await getStatus(b.endpoint, answered.paymentId)).status, 'created');
    const retried = await eventually(
      async () => {
        const response = await postPayment(b.endpoint, body(), key);
        if (response.status === 409) {
          assert.equal((await readProblem(response)).code, 'idempotency_request_in_progress');
          await sleep(250);
          return undefined;
        }
        assert.equal(response.status, 201, await response.clone().text());
        return (await response.json()) as CreatePaymentResponse;
      },
      15_000,
      'the retry on B to take over',
    );
    const again = await postPayment(b.endpoint, body(), key);
    assert.equal(((await again.json()) as CreatePaymentResponse).paymentId, retried.paymentId);
    await sleep(300);
    assert.equal((await sandbox.created()).aiia, createdBefore + 1, 'one provider call by B');
    await startA();
  });

  it('answers 503 store_unavailable while the database is away, and recovers by itself', async () => {
    const created = await create(endpointA());
    const polled = longPoll(b.endpoint, created.paymentId);
    await sleep(500);
    cluster?.crash();
    try {
      const response = await fetch(`${endpointA()}/payments/${created.paymentId}`);
      assert.equal(response.status, 503, a?.output().slice(-3000));
      assert.equal((await readProblem(response)).code, 'store_unavailable');
    } finally {
      cluster?.start();
    }
    await eventually(
      async () => (await fetch(`${endpointA()}/payments/${created.paymentId}`)).status === 200,
      20_000,
      'A to recover',
    );
    // The change lands while B's feed may still be reconnecting: the resync makes B re-read.
    await decideAtBank(created.authorizationUrl ?? '', 'approve');
    const answer = await polled;
    assert.equal(answer.status, 200);
    assert.notEqual(answer.body.status, 'created');
    await eventually(
      async () => (await getStatus(b.endpoint, created.paymentId)).status === 'completed',
      10_000,
      'the payment completed, read on B',
    );
  });
});
