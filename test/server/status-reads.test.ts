import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSqlitePaymentStore } from '../../src/server/stores/sqlite/index.js';
import type { PaymentStore } from '../../src/server/index.js';
import { countingFetch, temporaryFolder } from './support/go-live.js';
import { startKit, type RunningKit } from './support/kit-fixture.js';
import { createPayment, getStatus } from './support/merchant-client.js';
import { providerFor } from './support/providers.js';
import { manualClock, startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

const INTERVAL_MS = 400;

/**
 * However many requests ask about one payment, the provider is read at most once per refresh interval:
 * in one instance (single flight), and across instances sharing a store (the read is claimed there).
 */
describe('status reads: one provider read per payment per refresh interval', () => {
  const newFile = temporaryFolder('status-reads');
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await startSandbox();
  });
  after(() => sandbox.close());

  /** `instances` kits over one store, each with its own provider whose status reads are counted. */
  async function kits(instances: number, store: PaymentStore, now?: () => Date) {
    const counters = Array.from({ length: instances }, () =>
      countingFetch(/\/v1\/payments\/[^/]+$/),
    );
    const running: RunningKit[] = [];
    for (const counter of counters) {
      const provider = providerFor('mastercard-open-finance', sandbox.url, {
        fetch: counter.fetch,
      });
      running.push(
        await startKit(provider, {
          store,
          refreshIntervalMs: INTERVAL_MS,
          ...(now ? { now } : {}),
        }),
      );
    }
    return {
      running,
      reads: () => counters.reduce((sum, counter) => sum + counter.count(), 0),
      close: async () => {
        for (const kit of running) await kit.close();
        await store.close?.();
      },
    };
  }

  it('50 concurrent reads of a due payment on one instance make one provider read', async () => {
    // The kit's clock stands still while the reads run, however slowly a busy machine answers them.
    const clock = manualClock(Date.now());
    const store = createSqlitePaymentStore({ path: newFile() });
    const { running, reads, close } = await kits(1, store, clock.now);
    try {
      const [kit] = running;
      assert.ok(kit);
      const { paymentId } = await createPayment(kit.endpoint);
      clock.advance(INTERVAL_MS + 1);
      const before = reads();
      await Promise.all(Array.from({ length: 50 }, () => getStatus(kit.endpoint, paymentId)));
      assert.equal(reads() - before, 1);
    } finally {
      await close();
    }
  });

  it('two instances on one store, 25 reads each at once, make one provider read', async () => {
    const clock = manualClock(Date.now());
    const store = createSqlitePaymentStore({ path: newFile() });
    const { running, reads, close } = await kits(2, store, clock.now);
    try {
      const [first, second] = running;
      assert.ok(first && second);
      const { paymentId } = await createPayment(first.endpoint);
      clock.advance(INTERVAL_MS + 1);
      const before = reads();
      await Promise.all(
        [first, second].flatMap((kit) =>
          Array.from({ length: 25 }, () => getStatus(kit.endpoint, paymentId)),
        ),
      );
      assert.equal(reads() - before, 1);
    } finally {
      await close();
    }
  });

  it('long-polls held on two instances read the provider about once per interval, not per waiter', async () => {
    const { running, reads, close } = await kits(2, createSqlitePaymentStore({ path: newFile() }));
    try {
      const [first, second] = running;
      assert.ok(first && second);
      const { paymentId, status } = await createPayment(first.endpoint);
      const before = reads();
      const heldMs = 5 * INTERVAL_MS;
      const waitSeconds = Math.ceil(heldMs / 1000);
      // 40 waiters, 20 per instance, held for the whole wait: the payment never changes.
      await Promise.all(
        [first, second].flatMap((kit) =>
          Array.from({ length: 20 }, () =>
            getStatus(kit.endpoint, paymentId, `?wait=${waitSeconds}&since=${status}`),
          ),
        ),
      );
      const intervals = (waitSeconds * 1000) / INTERVAL_MS;
      const made = reads() - before;
      assert.ok(made >= 1, 'the provider was asked at least once');
      // One per interval, and one more for the interval boundary the two instances may straddle.
      assert.ok(made <= intervals + 1, `${made} provider reads in ${intervals} intervals`);
    } finally {
      await close();
    }
  });
});
