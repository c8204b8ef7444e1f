// Throughput and latency of the payment stores on this machine: creates (a payment with its history
// entry and outbox delivery, one transaction) and status reads. A script to read, not a timed test:
//   npm run bench:store [-- --rounds 5 --creates 1000 --reads 5000]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMemoryPaymentStore } from '../src/server/memory-payment-store.js';
import type { PaymentStore, StoredPayment } from '../src/server/payment-store.js';
import { createSqlitePaymentStore } from '../src/server/stores/sqlite/index.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    creates: { type: 'string', default: '1000' },
    reads: { type: 'string', default: '5000' },
  },
});
const rounds = Number(values.rounds);
const creates = Number(values.creates);
const reads = Number(values.reads);

interface Figures {
  opsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

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

async function measure(count: number, operation: (index: number) => Promise<unknown>) {
  const latencies: number[] = [];
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    const before = performance.now();
    await operation(index);
    latencies.push(performance.now() - before);
  }
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const at = (share: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(share * count))];
  return { opsPerSecond: (count / elapsed) * 1000, p50Ms: at(0.5) ?? 0, p99Ms: at(0.99) ?? 0 };
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

function medianOf(results: Figures[]): Figures {
  return {
    opsPerSecond: median(results.map((result) => result.opsPerSecond)),
    p50Ms: median(results.map((result) => result.p50Ms)),
    p99Ms: median(results.map((result) => result.p99Ms)),
  };
}

async function bench(name: string, open: () => PaymentStore) {
  const created: Figures[] = [];
  const read: Figures[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const store = open();
    const ids: string[] = [];
    created.push(
      await measure(creates, async () => {
        const next = payment();
        ids.push(next.id);
        await store.insert(next);
      }),
    );
    read.push(await measure(reads, (index) => store.get(ids[index % ids.length] ?? '')));
    await store.close?.();
  }
  return [
    { store: name, operation: 'create', ...medianOf(created) },
    { store: name, operation: 'status read', ...medianOf(read) },
  ];
}

const folder = mkdtempSync(join(tmpdir(), 'pay-by-bank-bench-'));
try {
  let file = 0;
  const rows = [
    ...(await bench('memory', () => createMemoryPaymentStore())),
    ...(await bench('sqlite (file, WAL)', () =>
      createSqlitePaymentStore({ path: join(folder, `bench-${(file += 1)}.db`) }),
    )),
  ];
  console.log(
    `PaymentStore bench: ${rounds} rounds of ${creates} creates and ${reads} status reads, medians; Node ${process.version}`,
  );
  console.table(
    rows.map((row) => ({
      store: row.store,
      operation: row.operation,
      'ops/s': Math.round(row.opsPerSecond),
      'p50 ms': row.p50Ms.toFixed(3),
      'p99 ms': row.p99Ms.toFixed(3),
    })),
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
