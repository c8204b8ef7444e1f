import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AbortState } from '../../src/server/kit-request.js';
import {
  ABORT_SWEEP_MS,
  createStatusWatchers,
  WAKE_TICK_MS,
  type StatusWatchers,
} from '../../src/server/status-watchers.js';

/** Resolves once `watchers` wake a waiter held for `paymentId`. */
const woken = (
  watchers: StatusWatchers,
  paymentId: string,
  timeoutMs: number,
  signal?: AbortState,
) => new Promise<void>((wake) => watchers.hold({ paymentId, signal, tick: 0, wake }, timeoutMs));

const settled = async (promise: Promise<unknown>, withinMs: number) =>
  Promise.race([
    promise.then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), withinMs)),
  ]);

describe('status watchers (the long-polls held by one handler)', () => {
  it('wakes the waiters of one payment on its change, and no others', async () => {
    const watchers = createStatusWatchers();
    const first = woken(watchers, 'pay_a', 10_000);
    const second = woken(watchers, 'pay_a', 10_000);
    const other = woken(watchers, 'pay_b', 300);
    watchers.notify('pay_a');
    assert.equal(await settled(Promise.all([first, second]), 50), true);
    assert.equal(await settled(other, 50), false);
    assert.equal(await settled(other, 500), true, 'pay_b still wakes at its own deadline');
  });

  it('wakes each waiter at its deadline, within one tick, whatever the order they came in', async () => {
    const watchers = createStatusWatchers();
    const started = Date.now();
    const order: number[] = [];
    await Promise.all(
      [300, 100, 200].map((ms) => woken(watchers, 'pay_a', ms).then(() => order.push(ms))),
    );
    assert.deepEqual(order, [100, 200, 300]);
    const took = Date.now() - started;
    assert.ok(took >= 300 && took < 300 + WAKE_TICK_MS + 400, `took ${took} ms`);
  });

  it('lets a waiter whose request went away go at the next sweep, not at its deadline', async () => {
    const watchers = createStatusWatchers();
    const controller = new AbortController();
    const waiting = woken(watchers, 'pay_a', 20_000, controller.signal);
    controller.abort();
    assert.equal(await settled(waiting, ABORT_SWEEP_MS + 300), true);
    assert.equal(await settled(woken(watchers, 'pay_a', 20_000, controller.signal), 20), true);
  });

  it('wakes everyone on notifyAll', async () => {
    const watchers = createStatusWatchers();
    const all = Array.from({ length: 1000 }, (_, index) => woken(watchers, `pay_${index}`, 20_000));
    watchers.notifyAll();
    assert.equal(await settled(Promise.all(all), 50), true);
  });
});
