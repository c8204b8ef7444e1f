import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { connect, type Socket } from 'node:net';
import { CREATE_BODY } from './protocol.js';
import type { ServerUnderTest } from './processes.js';

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export type Route = 'GET /banks' | 'POST /payments' | 'GET /payments/{id}';
export const ROUTES: readonly Route[] = ['GET /banks', 'POST /payments', 'GET /payments/{id}'];

/** One autocannon run of `route` against `server` (in the server's own process, not this one). */
export async function load(
  server: ServerUnderTest,
  route: Route,
  seconds: number,
): Promise<LoadFigures> {
  const base = `${server.origin}/api/pay-by-bank`;
  const options: autocannon.Options =
    route === 'GET /banks'
      ? { url: `${base}/banks?country=DE` }
      : route === 'POST /payments'
        ? {
            url: `${base}/payments`,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(CREATE_BODY),
            // Each attempt its own key, as the element sends: a new payment each time.
            requests: [
              {
                setupRequest: (request) => ({
                  ...request,
                  headers: { ...request.headers, 'idempotency-key': randomUUID() },
                }),
              },
            ],
          }
        : { url: `${base}/payments/${server.paymentId}` };
  const result = await autocannon({ ...options, connections: 50, duration: seconds });
  const answered = Object.entries(result.statusCodeStats ?? {})
    .map(([code, { count = 0 }]) => `${count} × ${code}`)
    .join(', ');
  // A create waits on the sandbox, whose answer under this load can outlast the kit's provider
  // timeout (a 503): that figure measures the sandbox and is not gated, so it is told, not fatal.
  const tolerated =
    route === 'POST /payments' && result.non2xx <= Math.max(1, result.requests.total / 100);
  if (result.errors > 0 || (result.non2xx > 0 && !tolerated)) {
    throw new Error(`${route}: ${result.errors} errors, answered ${answered}`);
  }
  if (result.non2xx > 0) process.stderr.write(`bench: ${route} answered ${answered}\n`);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

const LONG_POLL = (paymentId: string, since: string) =>
  `GET /api/pay-by-bank/payments/${paymentId}?wait=25&since=${since} HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n`;

/** Opens `count` long polls on `paymentId`, each on its own connection; `answered` on the first byte. */
async function holdLongPolls(
  server: ServerUnderTest,
  { paymentId, status }: { paymentId: string; status: string },
  count: number,
  answered: (index: number) => void = () => {},
): Promise<Socket[]> {
  const { port } = new URL(server.origin);
  const sockets: Socket[] = [];
  // In batches, so the listen backlog never overflows.
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, offset) => {
      const index = start + offset;
      return new Promise<Socket>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(LONG_POLL(paymentId, status));
          resolve(socket);
        });
        socket.once('data', () => answered(index));
        socket.on('error', reject);
      });
    });
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A new payment, once the kit has read its provider status after creation (so it holds still). */
async function settledPayment(server: ServerUnderTest) {
  const { paymentId } = await server.ask({ type: 'new-payment' }, 'new-payment');
  await pause(REFRESH_INTERVAL_MS + 100);
  const answer = await fetch(`${server.origin}/api/pay-by-bank/payments/${paymentId}`);
  const { status } = (await answer.json()) as { status: string };
  return { paymentId, status };
}

export const REFRESH_INTERVAL_MS = 2000;

/** Heap and external bytes the server holds per waiting long poll, after GC, over `count` of them. */
export async function memoryPerLongPoll(server: ServerUnderTest, count: number): Promise<number> {
  const payment = await settledPayment(server);
  let answeredEarly = 0;
  const { bytes: before, connections: openBefore } = await server.ask({ type: 'memory' }, 'memory');
  const sockets = await holdLongPolls(server, payment, count, () => (answeredEarly += 1));
  await pause(1000);
  if (answeredEarly > 0) throw new Error(`${answeredEarly} long polls answered before any change`);
  const { bytes: after, connections } = await server.ask({ type: 'memory' }, 'memory');
  for (const socket of sockets) socket.destroy();
  await pause(500);
  // Counted by the server, not the client: a client's connect completes once the kernel queues the
  // connection, and one queued past the listen backlog waits for a retry, seconds later.
  const held = connections - openBefore;
  if (held < count) process.stderr.write(`bench: the server held ${held} of ${count} long polls\n`);
  return (after - before) / Math.max(1, held);
}

export interface WakeFigures {
  /** From the stored status change to the last waiter's first byte. */
  lastAnsweredMs: number;
  /** Provider status reads per refresh interval while the waiters waited. */
  statusReadsPerInterval: number;
}

/**
 * `count` long polls on one payment, held for `heldFor` ms; the payment completes; how long until the
 * last is answered.
 */
export async function wakeWaiters(
  server: ServerUnderTest,
  count: number,
  heldFor = 3 * REFRESH_INTERVAL_MS,
): Promise<WakeFigures> {
  const refreshIntervalMs = REFRESH_INTERVAL_MS;
  const payment = await settledPayment(server);
  const { paymentId } = payment;
  let answeredCount = 0;
  let lastAnswered = 0;
  let allAnswered: () => void = () => {};
  const done = new Promise<void>((resolve) => (allAnswered = resolve));
  const sockets = await holdLongPolls(server, payment, count, () => {
    answeredCount += 1;
    lastAnswered = performance.timeOrigin + performance.now();
    if (answeredCount === count) allAnswered();
  });
  const readsBefore = (await server.ask({ type: 'figures' }, 'figures')).statusReads;
  await pause(heldFor);
  if (answeredCount > 0) throw new Error(`${answeredCount} waiters answered before any change`);
  const readsHeld = (await server.ask({ type: 'figures' }, 'figures')).statusReads - readsBefore;
  await server.ask({ type: 'complete', paymentId }, 'complete');
  await done;
  const { changedAt } = await server.ask({ type: 'figures' }, 'figures');
  for (const socket of sockets) socket.destroy();
  if (answeredCount !== count) throw new Error(`only ${answeredCount} of ${count} answered`);
  return {
    lastAnsweredMs: lastAnswered - changedAt,
    statusReadsPerInterval: readsHeld / (heldFor / refreshIntervalMs),
  };
}
