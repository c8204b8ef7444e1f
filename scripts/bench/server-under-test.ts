// One server under load for `npm run bench`, in its own process so the load generator never shares its
// event loop: the server kit (memory or SQLite store) over the sandbox, or a bare node:http server that
// answers the kit's own bytes. Driven over IPC by scripts/bench/index.ts; prints nothing.
//   node --expose-gc --import tsx scripts/bench/server-under-test.ts kit|bare memory|sqlite
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox } from '../../src/sandbox/index.js';
import {
  createMemoryPaymentStore,
  createPayByBankHandler,
  silentLogger,
  toNodeListener,
  type PaymentStore,
} from '../../src/server/index.js';
import { createSqlitePaymentStore } from '../../src/server/stores/sqlite/index.js';
import { decideAtBank } from '../../test/server/support/bank-browser.js';
import { providerFor } from '../../test/server/support/providers.js';
import { CREATE_BODY, type BenchCommand, type BenchReply, type ServedBytes } from './protocol.js';

const [target = 'kit', storeName = 'memory'] = process.argv.slice(2);
const folder = mkdtempSync(join(tmpdir(), 'pay-by-bank-bench-'));

const sandbox = createSandbox();
const sandboxServer = await sandbox.listen(0);
let statusReads = 0;
const provider = providerFor('mastercard-open-finance', sandboxServer.url, {
  fetch: (input, init) => {
    if (String(input instanceof Request ? input.url : input).includes('/payments/')) statusReads++;
    return fetch(input, init);
  },
});

/** When a stored status last moved (a probe around the store, not a stand-in for it). */
let changedAt = 0;
function probed(store: PaymentStore): PaymentStore {
  const update = store.update.bind(store);
  return Object.assign(Object.create(store) as PaymentStore, {
    async update(...[id, change, meta]: Parameters<PaymentStore['update']>) {
      let before: string | undefined;
      const after = await update(
        id,
        (current) => {
          before = current.status;
          return change(current);
        },
        meta,
      );
      if (after && after.status !== before) changedAt = performance.timeOrigin + performance.now();
      return after;
    },
  });
}

const store = probed(
  storeName === 'sqlite'
    ? createSqlitePaymentStore({ path: join(folder, 'payments.db') })
    : createMemoryPaymentStore(),
);
const handler = createPayByBankHandler({
  provider,
  store,
  resolveCheckout: (checkout) =>
    checkout ? { amount: { value: '42.00', currency: 'EUR' }, reference: 'ORDER-1' } : null,
  publicBaseUrl: 'https://shop.example',
  allowedReturnOrigins: ['https://shop.example'],
  logger: silentLogger(),
  // Counted like a merchant's (the limiter is on the hot path), but never reached by the load.
  rateLimit: {
    paymentCreatesPerAddress: 1e9,
    paymentCreatesPerCheckout: 1e9,
    statusPollsPerPayment: 1e9,
    longPollsPerAddress: 1e9,
  },
});

async function served(path: string, init?: RequestInit): Promise<ServedBytes> {
  const response = await handler(new Request(`http://127.0.0.1${path}`, init));
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { path, status: response.status, headers, body: await response.text() };
}

const base = handler.basePath;

/** A payment made through the kit; a busy machine may time the sandbox out, so a few tries. */
async function newPayment(): Promise<{ answer: ServedBytes; paymentId: string; status: string }> {
  let answer: ServedBytes | undefined;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    answer = await served(`${base}/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(CREATE_BODY),
    });
    if (answer.status === 201) {
      const { paymentId: id, status } = JSON.parse(answer.body) as Record<string, string>;
      return { answer, paymentId: id ?? '', status: status ?? '' };
    }
  }
  throw new Error(`bench: the kit refused a payment: ${answer?.body}`);
}

const first = await newPayment();
const created = first.answer;
const paymentId = first.paymentId;
const bytes = {
  banks: await served(`${base}/banks?country=DE`),
  create: created,
  status: await served(`${base}/payments/${paymentId}`),
};

const kitListener = toNodeListener(handler);
/** The bare server's long polls, answered all at once by a `complete` (the floor of the kit's wake). */
const heldByBare: ServerResponse[] = [];
/** The bare server: node:http answering the kit's bytes, reading a POST's body as the kit would. */
function bareListener(req: IncomingMessage, res: ServerResponse) {
  const answer = (served: ServedBytes) => {
    res.writeHead(served.status, served.headers);
    res.end(served.body);
  };
  if (req.method === 'POST') {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      answer(bytes.create);
    });
    return;
  }
  // Held, as a long poll, until the client goes or a `complete` answers them all.
  if (req.url?.includes('wait=')) {
    heldByBare.push(res);
    return;
  }
  answer(req.url?.startsWith(`${base}/banks`) ? bytes.banks : bytes.status);
}

const server = createServer(target === 'bare' ? bareListener : kitListener);
server.keepAliveTimeout = 60_000;
server.maxConnections = 20_000;
// A backlog above Node's default 511, like `npm run serve`'s: thousands of long-polls connect at once.
await new Promise<void>((resolve) =>
  server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve),
);

const gc = (globalThis as { gc?: () => void }).gc;
function heldBytes(): number {
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

process.on('message', (command: BenchCommand) => {
  const reply = (message: BenchReply) => process.send?.(message);
  if (command.type === 'memory') {
    const bytes = heldBytes();
    server.getConnections((error, connections) =>
      reply({ type: 'memory', bytes, connections: error ? -1 : connections }),
    );
  } else if (command.type === 'complete' && target === 'bare') {
    // No provider or store: the change is this command, and each held poll gets the status bytes.
    changedAt = performance.timeOrigin + performance.now();
    for (const res of heldByBare.splice(0))
      if (res.socket?.destroyed === false) {
        res.writeHead(bytes.status.status, bytes.status.headers);
        res.end(bytes.status.body);
      }
    reply({ type: 'complete' });
  } else if (command.type === 'complete') {
    // The payer approves at the bank; the kit learns it on its next status read.
    void store.get(command.paymentId).then(async (payment) => {
      await decideAtBank(payment?.authorizationUrl ?? '', 'approve');
      reply({ type: 'complete' });
    });
  } else if (command.type === 'figures') reply({ type: 'figures', changedAt, statusReads });
  else if (command.type === 'new-payment') {
    void newPayment().then(({ paymentId: id, status }) =>
      reply({ type: 'new-payment', paymentId: id, status }),
    );
  } else if (command.type === 'stop') {
    server.closeAllConnections();
    server.close();
    void handler.close().then(async () => {
      await sandboxServer.close();
      await store.close?.();
      rmSync(folder, { recursive: true, force: true });
      process.exit(0);
    });
  }
});

const port = (server.address() as AddressInfo).port;
process.send?.({
  type: 'ready',
  origin: `http://127.0.0.1:${port}`,
  paymentId,
  bytes,
} as BenchReply);
