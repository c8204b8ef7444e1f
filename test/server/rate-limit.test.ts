import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createMemoryRateLimitStore,
  createPayByBankHandler,
  DEFAULT_RATE_LIMITS,
  silentLogger,
  type PayByBankHandlerOptions,
} from '../../src/server/index.js';
import { addressKey } from '../../src/server/rate-limit/client-address.js';
import { countHit, verdictOf } from '../../src/server/rate-limit/fixed-window.js';
import { resolveTestCheckout, startKit, type RunningKit } from './support/kit-fixture.js';
import { createBody, createPayment, readProblem } from './support/merchant-client.js';
import { providerFor } from './support/providers.js';
import { manualClock, startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

/** Nothing answers here: the requests below are refused before the provider would be asked. */
const NO_PROVIDER = providerFor('aiia-pay', 'http://127.0.0.1:9');
/** A checkout the shop does not know: 422, cheaply, once the limits let the request through. */
const UNKNOWN = createBody({ checkout: 'no-such-order' });

async function expectRateLimited(response: Response): Promise<number> {
  assert.equal(response.status, 429);
  const problem = await readProblem(response);
  assert.equal(problem.code, 'rate_limited');
  assert.equal(problem.status, 429);
  const retryAfter = Number(response.headers.get('retry-after'));
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `${retryAfter}`);
  return retryAfter;
}

function post(kit: RunningKit, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${kit.endpoint}/payments`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

async function statuses(responses: Promise<Response>[]): Promise<number[]> {
  return Promise.all(
    responses.map(async (pending) => {
      const response = await pending;
      await response.body?.cancel();
      return response.status;
    }),
  );
}

describe('fixed windows', () => {
  const start = new Date('2025-06-02T10:00:00Z');
  const at = (ms: number) => new Date(start.getTime() + ms);

  it('counts hits in a window and starts again when it ends', () => {
    let window = countHit(undefined, 60_000, start);
    assert.deepEqual(window, { count: 1, resetAt: at(60_000) });
    window = countHit(window, 60_000, at(59_999));
    assert.deepEqual(window, { count: 2, resetAt: at(60_000) });
    assert.deepEqual(countHit(window, 60_000, at(60_000)), { count: 1, resetAt: at(120_000) });
  });

  it('allows up to max and says how long to wait, in whole seconds, past it', () => {
    const window = { count: 3, resetAt: at(60_000) };
    assert.deepEqual(verdictOf(window, 3, start), { allowed: true });
    assert.deepEqual(verdictOf({ ...window, count: 4 }, 3, at(500)), {
      allowed: false,
      retryAfterSeconds: 60,
    });
    assert.deepEqual(verdictOf({ ...window, count: 4 }, 3, at(59_999)), {
      allowed: false,
      retryAfterSeconds: 1,
    });
  });
});

describe('the memory rate limit store', () => {
  it('keeps at most maxKeys, dropping ended windows first, then the oldest', async () => {
    const store = createMemoryRateLimitStore({ maxKeys: 3 });
    const now = new Date('2025-06-02T10:00:00Z');
    await store.hit('short', 1000, now);
    await store.hit('a', 60_000, now);
    await store.hit('b', 60_000, now);
    const later = new Date(now.getTime() + 5000);
    await store.hit('c', 60_000, later);
    // `short` ended and was dropped; `a` and `b` keep their counts.
    assert.equal((await store.hit('a', 60_000, later)).count, 2);
    assert.equal((await store.hit('b', 60_000, later)).count, 2);
    await store.hit('d', 60_000, later);
    // Full of live windows: the oldest (`a`) made room, the newer ones kept counting.
    assert.equal((await store.hit('c', 60_000, later)).count, 2);
    assert.equal((await store.hit('a', 60_000, later)).count, 1);
  });
});

describe('client address keys', () => {
  it('counts IPv4 as is, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64', () => {
    assert.equal(addressKey('203.0.113.7'), '203.0.113.7');
    assert.equal(addressKey('::ffff:203.0.113.7'), '203.0.113.7');
    const key = addressKey('2001:db8:85a3:8d3:1319:8a2e:370:7348');
    assert.equal(key, '2001:db8:85a3:8d3::/64');
    for (const same of [
      '2001:db8:85a3:8d3::1',
      '2001:0db8:85a3:08d3:ffff::',
      '2001:DB8:85A3:8D3:0:0:0:9',
      '2001:db8:85a3:8d3::192.0.2.1',
    ])
      assert.equal(addressKey(same), key, same);
    assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(addressKey('::1'), '0:0:0:0::/64');
    assert.notEqual(addressKey('2001:db8:85a3:8d4::1'), key);
  });
});

describe('rate limits over HTTP', () => {
  const kits: RunningKit[] = [];
  async function kit(options: Partial<PayByBankHandlerOptions> = {}): Promise<RunningKit> {
    const running = await startKit(NO_PROVIDER, options);
    kits.push(running);
    return running;
  }
  after(async () => {
    for (const running of kits) await running.close();
  });

  it('are on by default: payment creates per client address, then again after the window', async () => {
    const clock = manualClock();
    const shop = await kit({ now: clock.now });
    const limit = DEFAULT_RATE_LIMITS.paymentCreatesPerAddress;
    const answers = await statuses(
      Array.from({ length: limit }, (_, index) =>
        post(shop, createBody({ checkout: `no-such-order-${index}` })),
      ),
    );
    assert.deepEqual(new Set(answers), new Set([422]));
    const retryAfter = await expectRateLimited(await post(shop, UNKNOWN));
    assert.equal(retryAfter, 60);
    clock.advance(60_000);
    assert.equal((await post(shop, UNKNOWN)).status, 422);
  });

  it('counts creates per checkout, whoever sends them', async () => {
    const shop = await kit({ trustProxy: true, rateLimit: { paymentCreatesPerCheckout: 3 } });
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
      assert.equal((await post(shop, UNKNOWN, from(address))).status, 422);
    await expectRateLimited(await post(shop, UNKNOWN, from('198.51.100.4')));
    const other = createBody({ checkout: 'another-order' });
    assert.equal((await post(shop, other, from('198.51.100.4'))).status, 422);
  });

  it('take X-Forwarded-For only with trustProxy, and then only the entry the proxy added', async () => {
    const direct = await kit({ rateLimit: { paymentCreatesPerAddress: 2 } });
    const forged = (index: number) => ({ 'x-forwarded-for': `192.0.2.${index}` });
    assert.equal((await post(direct, UNKNOWN, forged(1))).status, 422);
    assert.equal((await post(direct, UNKNOWN, forged(2))).status, 422);
    await expectRateLimited(await post(direct, UNKNOWN, forged(3)));

    const proxied = await kit({ trustProxy: true, rateLimit: { paymentCreatesPerAddress: 2 } });
    const via = (claimed: string) => ({ 'x-forwarded-for': `${claimed}, 203.0.113.9` });
    assert.equal((await post(proxied, UNKNOWN, via('192.0.2.1'))).status, 422);
    assert.equal((await post(proxied, UNKNOWN, via('192.0.2.2'))).status, 422);
    await expectRateLimited(await post(proxied, UNKNOWN, via('192.0.2.3')));
    // Another client behind the same proxy has its own count.
    assert.equal((await post(proxied, UNKNOWN, { 'x-forwarded-for': '203.0.113.10' })).status, 422);
  });

  it('counts status reads per payment', async () => {
    const shop = await kit({ rateLimit: { statusPollsPerPayment: 3 } });
    const id = 'pay_AAAAAAAAAAAAAAAAAAAAAAAA';
    for (let read = 0; read < 3; read += 1)
      assert.equal((await fetch(`${shop.endpoint}/payments/${id}`)).status, 404);
    await expectRateLimited(await fetch(`${shop.endpoint}/payments/${id}`));
    const other = 'pay_BBBBBBBBBBBBBBBBBBBBBBBB';
    assert.equal((await fetch(`${shop.endpoint}/payments/${other}`)).status, 404);
  });

  it('counts webhook requests per source', async () => {
    const shop = await kit({ rateLimit: { webhooksPerSource: 2 } });
    const send = () =>
      fetch(`${shop.endpoint}/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
    assert.equal((await send()).status, 401);
    assert.equal((await send()).status, 401);
    await expectRateLimited(await send());
  });

  it('share their counts between handlers that share a store', async () => {
    const store = createMemoryRateLimitStore();
    const rateLimit = { store, paymentCreatesPerAddress: 2 };
    const first = await kit({ rateLimit });
    const second = await kit({ rateLimit });
    assert.equal((await post(first, UNKNOWN)).status, 422);
    assert.equal((await post(second, UNKNOWN)).status, 422);
    await expectRateLimited(await post(first, UNKNOWN));
  });

  it('are off with rateLimit: false', async () => {
    const shop = await kit({ rateLimit: false });
    const answers = await statuses(
      Array.from({ length: DEFAULT_RATE_LIMITS.paymentCreatesPerAddress + 5 }, () =>
        post(shop, UNKNOWN),
      ),
    );
    assert.deepEqual(new Set(answers), new Set([422]));
  });

  it('refuse limits that are not whole numbers above 0', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      assert.throws(
        () =>
          createPayByBankHandler({
            provider: NO_PROVIDER,
            resolveCheckout: resolveTestCheckout,
            publicBaseUrl: 'https://shop.example',
            logger: silentLogger(),
            rateLimit: { paymentCreatesPerAddress: bad },
          }),
        /rateLimit\.paymentCreatesPerAddress must be a whole number above 0/,
      );
    }
  });
});

describe('concurrent long polls per client address', () => {
  let sandbox: RunningSandbox;
  let shop: RunningKit;

  before(async () => {
    sandbox = await startSandbox();
    shop = await startKit(providerFor('aiia-pay', sandbox.url), {
      rateLimit: { longPollsPerAddress: 2 },
    });
  });
  after(async () => {
    await shop.close();
    await sandbox.close();
  });

  it('refuses one more than the limit while they wait, and takes it once one has answered', async () => {
    const created = await createPayment(shop.endpoint);
    const longPoll = () =>
      fetch(`${shop.endpoint}/payments/${created.paymentId}?wait=1&since=${created.status}`);
    const waiting = [longPoll(), longPoll()];
    await new Promise((resolve) => setTimeout(resolve, 200));
    const third = await longPoll();
    assert.equal(await expectRateLimited(third), 2);
    // A plain status read does not wait, and is not held back by the long polls.
    assert.equal((await fetch(`${shop.endpoint}/payments/${created.paymentId}`)).status, 200);
    assert.deepEqual(await statuses(waiting), [200, 200]);
    assert.equal((await longPoll()).status, 200);
  });

  it('gives the slot back when a waiting read answers at once or is refused', async () => {
    const created = await createPayment(shop.endpoint);
    const unknown = `pay_${'x'.repeat(24)}`;
    const moved = () =>
      fetch(`${shop.endpoint}/payments/${created.paymentId}?wait=5&since=completed`);
    const unknownPayment = () => fetch(`${shop.endpoint}/payments/${unknown}?wait=5&since=created`);
    for (let round = 0; round < 3; round += 1) {
      assert.equal((await moved()).status, 200);
      assert.equal((await unknownPayment()).status, 404);
    }
  });

  it('gives the slot back once the client of a waiting read went away', async () => {
    const created = await createPayment(shop.endpoint);
    const url = `${shop.endpoint}/payments/${created.paymentId}?wait=20&since=${created.status}`;
    const leaving = [new AbortController(), new AbortController()];
    const left = leaving.map((controller) =>
      fetch(url, { signal: controller.signal }).catch(() => 'left'),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const controller of leaving) controller.abort();
    assert.deepEqual(await Promise.all(left), ['left', 'left']);
    // Let go at the watchers' next sweep of aborted waiters (ABORT_SWEEP_MS).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const again = await fetch(url.replace('wait=20', 'wait=1'));
    assert.equal(again.status, 200);
  });
});
