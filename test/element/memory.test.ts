import { expect, fixtureCleanup, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../support/setup.js';
import type { CheckoutStore } from '../../src/core/checkout-store.js';
import { createElementCheckout } from '../../src/element/element-checkout.js';
import { FakeMerchant } from '../support/fake-merchant.js';
import { mount } from '../support/element.js';

/** What the page holds after a full garbage collection (web-test-runner.config.mjs, `collect-garbage`). */
interface Counters {
  documents: number;
  nodes: number;
  jsEventListeners: number;
}

interface Snapshot extends Counters {
  heapBytes: number;
  timers: number;
}

const MOUNTS = 500;

/** Timers set and neither fired nor cleared: a timer an element left behind when it went. */
const pendingTimers = new Set<unknown>();
type TimerFunction = (handler: unknown, delay?: number, ...rest: unknown[]) => unknown;
type ClearFunction = (id?: unknown) => void;
interface TimerWindow {
  setTimeout: TimerFunction;
  clearTimeout: ClearFunction;
  setInterval: TimerFunction;
  clearInterval: ClearFunction;
}
const timerWindow = window as unknown as TimerWindow;
const originals: TimerWindow = {
  setTimeout: timerWindow.setTimeout,
  clearTimeout: timerWindow.clearTimeout,
  setInterval: timerWindow.setInterval,
  clearInterval: timerWindow.clearInterval,
};

function countTimers() {
  timerWindow.setTimeout = (handler, delay, ...rest) => {
    const id = originals.setTimeout.call(
      window,
      (...args: unknown[]) => {
        pendingTimers.delete(id);
        if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...args);
      },
      delay,
      ...rest,
    );
    pendingTimers.add(id);
    return id;
  };
  timerWindow.setInterval = (handler, delay, ...rest) => {
    const id = originals.setInterval.call(window, handler, delay, ...rest);
    pendingTimers.add(id);
    return id;
  };
  const clear =
    (original: ClearFunction): ClearFunction =>
    (id) => {
      pendingTimers.delete(id);
      original.call(window, id);
    };
  timerWindow.clearTimeout = clear(originals.clearTimeout);
  timerWindow.clearInterval = clear(originals.clearInterval);
}

function restoreTimers() {
  Object.assign(timerWindow, originals);
}

async function snapshot(): Promise<Snapshot> {
  // The runner's own command timers (left to run out) are not the element's: not counted.
  const counting = timerWindow.setTimeout !== originals.setTimeout;
  restoreTimers();
  // Two passes: the first may only queue finalizers that free more on the second.
  await executeServerCommand<Counters, undefined>('collect-garbage');
  const counters = await executeServerCommand<Counters, undefined>('collect-garbage');
  if (counting) countTimers();
  const memory = (performance as Performance & { memory: { usedJSHeapSize: number } }).memory;
  return { ...counters, heapBytes: memory.usedJSHeapSize, timers: pendingTimers.size };
}

async function mountAndRemove(times: number) {
  for (let index = 0; index < times; index += 1) {
    const element = await mount();
    await oneEvent(element, 'pay-by-bank-ready');
    await element.updateComplete;
    fixtureCleanup();
  }
  // Whatever the last element scheduled on its way out (a microtask, a lit update) has run.
  await new Promise((resolve) => originals.setTimeout.call(window, resolve, 50));
  // So has what each one left for an idle moment (`whenIdle` in src/element/element-checkout.ts):
  // until then it holds its element, and on a busy machine 500 mounts never left the page idle.
  await new Promise((resolve) => requestIdleCallback(resolve));
}

/** What one checkout store with its bank list keeps alive, in bytes: the leak the bound must catch. */
async function bytesPerStore(): Promise<number> {
  const kept: CheckoutStore[] = [];
  const before = await snapshot();
  for (let index = 0; index < 100; index += 1) {
    const store = createElementCheckout(() => true);
    kept.push(store);
  }
  const after = await snapshot();
  expect(kept).to.have.length(100);
  return (after.heapBytes - before.heapBytes) / kept.length;
}

describe('memory: mounting and removing <pay-by-bank> 500 times', function () {
  this.timeout(180_000);
  let merchant: FakeMerchant;
  beforeEach(() => {
    merchant = new FakeMerchant();
    countTimers();
  });
  afterEach(() => {
    restoreTimers();
    merchant.restore();
  });

  it('leaves no listeners, timers, nodes or stores behind', async () => {
    expect(
      (performance as Performance & { memory?: unknown }).memory,
      'performance.memory',
    ).to.not.equal(undefined);
    const storeBytes = await bytesPerStore();
    // A store that measured nothing would make the bound meaningless.
    expect(storeBytes).to.be.above(200);

    // Warm-up: the first mounts compile templates, load chunks and fill lit's caches, once per page.
    await mountAndRemove(100);
    const baseline = await snapshot();
    await mountAndRemove(MOUNTS);
    const after = await snapshot();

    const growth = after.heapBytes - baseline.heapBytes;
    // One leaked store per mount would add MOUNTS × storeBytes; half of that is left for noise
    // (V8's feedback and code caches still settle after the warm-up: about 0.4 KB a mount, measured).
    const bound = (MOUNTS * storeBytes) / 2;
    console.log(
      `memory: one store ${Math.round(storeBytes)} B, heap growth over ${MOUNTS} mounts ${growth} B (bound ${Math.round(bound)} B), listeners ${baseline.jsEventListeners} -> ${after.jsEventListeners}, nodes ${baseline.nodes} -> ${after.nodes}, timers ${baseline.timers} -> ${after.timers}`,
    );
    expect(after.jsEventListeners, 'event listeners').to.be.at.most(baseline.jsEventListeners);
    expect(after.timers, 'pending timers').to.equal(baseline.timers);
    expect(after.nodes - baseline.nodes, 'DOM nodes').to.be.below(MOUNTS);
    expect(growth, 'JS heap growth').to.be.below(bound);
  });
});
