import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { canAdvance, PAYMENT_STATUSES, type PaymentStatus } from '../../../src/core/status.js';
import type { HandlerContext } from '../../../src/server/context.js';
import {
  createMemoryPaymentStore,
  silentLogger,
  type PaymentStore,
  type StatusChangeSource,
} from '../../../src/server/index.js';
import { applyProviderStatus } from '../../../src/server/status-updates.js';
import { createStatusWatchers } from '../../../src/server/status-watchers.js';
import { samplePayment } from '../stores/support/payments.js';

interface Update {
  source: StatusChangeSource;
  status: PaymentStatus;
}

const update: fc.Arbitrary<Update> = fc.record({
  source: fc.constantFrom<StatusChangeSource>('webhook', 'poll', 'return'),
  status: fc.constantFrom(...PAYMENT_STATUSES),
});

/**
 * Each `applyProviderStatus` makes one store update, at once, in the order of the calls; the
 * scheduler then lets them run in an order of its choosing, recorded in `ran` (call indexes).
 */
function scheduledStore(store: PaymentStore, scheduler: fc.Scheduler, ran: number[]): PaymentStore {
  let calls = 0;
  return new Proxy(store, {
    get(target, name, receiver) {
      if (name !== 'update') return Reflect.get(target, name, receiver) as unknown;
      const update: PaymentStore['update'] = async (id, change, meta) => {
        const index = calls++;
        await scheduler.schedule(Promise.resolve(), `update ${index}`);
        ran.push(index);
        return target.update(id, change, meta);
      };
      return update;
    },
  });
}

/** What a sequential reading of the updates, in the order they ran, must end at. */
function expectedStatus(start: PaymentStatus, proposed: PaymentStatus[]): PaymentStatus {
  return proposed.reduce((status, next) => (canAdvance(status, next) ? next : status), start);
}

describe('status transitions (property)', () => {
  it('only move forward, whatever the sequence and interleaving of webhooks, polls and returns', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.constantFrom<PaymentStatus>('created', 'awaiting_authorisation', 'processing'),
        fc.array(update, { minLength: 1, maxLength: 12 }),
        async (scheduler, start, updates) => {
          const ran: number[] = [];
          const store = scheduledStore(createMemoryPaymentStore(), scheduler, ran);
          const payment = samplePayment({ status: start });
          await store.insert(payment);
          const context = {
            store,
            logger: silentLogger(),
            now: () => new Date('2025-06-02T10:00:00Z'),
            watchers: createStatusWatchers(),
            statusStored: () => {},
          } as unknown as HandlerContext;
          const applied = updates.map(({ source, status }) =>
            applyProviderStatus(
              context,
              payment.id,
              { status, rawStatus: `raw-${status}` },
              { source },
            ),
          );
          await scheduler.waitFor(Promise.all(applied));

          // The stored status is what applying them one by one, in the order the store ran them, gives.
          assert.equal(ran.length, updates.length);
          const proposed = ran.map((index) => updates[index]?.status ?? start);
          const final = (await store.get(payment.id))?.status;
          assert.equal(final, expectedStatus(start, proposed));
          // The audit trail only ever moves forward, and ends where the payment is.
          const history = await store.history(payment.id);
          for (const entry of history.slice(1))
            assert.ok(
              entry.previous !== null && canAdvance(entry.previous, entry.status),
              `${entry.previous} -> ${entry.status}`,
            );
          assert.equal(history.at(-1)?.status ?? start, final);
          // Every change recorded its source.
          const sources = new Set(updates.map((entry) => entry.source));
          for (const entry of history.slice(1)) assert.ok(sources.has(entry.source), entry.source);
        },
      ),
      { numRuns: 200 },
    );
  });
});
