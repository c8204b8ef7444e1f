import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { CheckoutError } from '../../src/core/checkout-error.js';
import type { PageEnvironment } from '../../src/core/page-environment.js';
import type { PaymentStatusResponse } from '../../src/core/protocol.js';
import type { PaymentStatus } from '../../src/core/status.js';
import { LONG_POLL_SECONDS, trackStatus } from '../../src/core/status-tracker.js';

function fakeEnvironment() {
  let listener: (() => void) | undefined;
  const environment = {
    visible: true,
    online: true,
    isActive: () => environment.visible && environment.online,
    isOnline: () => environment.online,
    subscribe(next: () => void) {
      listener = next;
      return () => (listener = undefined);
    },
    change(visible: boolean, online = true) {
      environment.visible = visible;
      environment.online = online;
      listener?.();
    },
  };
  return environment satisfies PageEnvironment & Record<string, unknown>;
}

describe('trackStatus', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(
    () => (clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })),
  );
  afterEach(() => clock.restore());

  function answers(...statuses: Array<PaymentStatus | Error>) {
    const calls: Array<{ since?: PaymentStatus; waitSeconds?: number }> = [];
    const fetchStatus = async (query: { since?: PaymentStatus; waitSeconds?: number }) => {
      calls.push(query);
      const next = statuses.length > 1 ? statuses.shift() : statuses[0];
      if (next instanceof Error) throw next;
      return { paymentId: 'p', status: next } as PaymentStatusResponse;
    };
    return { calls, fetchStatus };
  }

  it('long-polls with the current status and stops at a terminal one', async () => {
    const { calls, fetchStatus } = answers('authorised', 'completed');
    const updates: string[] = [];
    trackStatus({
      status: 'awaiting_authorisation',
      fetchStatus,
      environment: fakeEnvironment(),
      onUpdate: (payment) => updates.push(payment.status),
      onTransientError: () => {},
      onFatalError: () => {},
      onBudgetExhausted: () => {},
      random: () => 0.5,
    });
    await clock.runAllAsync();
    expect(updates).to.deep.equal(['authorised', 'completed']);
    expect(calls).to.deep.equal([
      { waitSeconds: LONG_POLL_SECONDS, since: 'awaiting_authorisation' },
      { waitSeconds: LONG_POLL_SECONDS, since: 'authorised' },
    ]);
  });

  it('backs off with jitter while nothing changes', async () => {
    const { calls, fetchStatus } = answers('processing');
    const times: number[] = [];
    trackStatus({
      status: 'processing',
      fetchStatus: async (query) => {
        times.push(Date.now());
        return fetchStatus(query);
      },
      environment: fakeEnvironment(),
      onUpdate: () => {},
      onTransientError: () => {},
      onFatalError: () => {},
      onBudgetExhausted: () => {},
      random: () => 1, // the top of the jitter range: +20%
    });
    await clock.tickAsync(20_000);
    const gaps = times.slice(1).map((time, index) => time - (times[index] ?? 0));
    expect(gaps.slice(0, 4)).to.deep.equal([1200, 1800, 2700, 4050]);
    expect(Math.max(...gaps)).to.be.at.most(12_000);
    expect(calls.length).to.be.greaterThan(4);
  });

  it('makes no request while the page is hidden or offline, and resumes at once after', async () => {
    const environment = fakeEnvironment();
    const { calls, fetchStatus } = answers('processing');
    trackStatus({
      status: 'processing',
      fetchStatus,
      environment,
      onUpdate: () => {},
      onTransientError: () => {},
      onFatalError: () => {},
      onBudgetExhausted: () => {},
    });
    await clock.tickAsync(0);
    expect(calls).to.have.length(1);
    environment.change(false);
    await clock.tickAsync(60_000);
    expect(calls).to.have.length(1);
    environment.change(true, false);
    await clock.tickAsync(60_000);
    expect(calls).to.have.length(1);
    environment.change(true, true);
    await clock.tickAsync(0);
    expect(calls).to.have.length(2);
  });

  it('ends with onBudgetExhausted after the budget of active time, not counting hidden time', async () => {
    const environment = fakeEnvironment();
    const { fetchStatus } = answers('processing');
    const exhausted = sinon.spy();
    trackStatus({
      status: 'processing',
      fetchStatus,
      environment,
      budgetMs: 30_000,
      onUpdate: () => {},
      onTransientError: () => {},
      onFatalError: () => {},
      onBudgetExhausted: exhausted,
      random: () => 0.5,
    });
    await clock.tickAsync(10_000);
    environment.change(false);
    await clock.tickAsync(120_000);
    expect(exhausted.called).to.equal(false);
    environment.change(true);
    await clock.tickAsync(19_999);
    expect(exhausted.called).to.equal(false);
    await clock.tickAsync(1);
    expect(exhausted.callCount).to.equal(1);
  });

  it('keeps going through transient errors and stops on a fatal one', async () => {
    const transient = new CheckoutError('server_error', 'boom', true, 503);
    const fatal = new CheckoutError('unknown_payment', 'gone', true, 404);
    const { fetchStatus } = answers(transient, new TypeError('offline'), fatal);
    const transientErrors: string[] = [];
    const fatalErrors: string[] = [];
    trackStatus({
      status: 'processing',
      fetchStatus,
      environment: fakeEnvironment(),
      onUpdate: () => {},
      onTransientError: (error) => transientErrors.push(error.code),
      onFatalError: (error) => fatalErrors.push(error.code),
      onBudgetExhausted: () => {},
    });
    await clock.runAllAsync();
    expect(transientErrors).to.deep.equal(['server_error', 'network_error']);
    expect(fatalErrors).to.deep.equal(['unknown_payment']);
  });

  it('stop() cancels the request in flight and any timer', async () => {
    let aborted = false;
    const tracker = trackStatus({
      status: 'processing',
      fetchStatus: (_query, signal) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(new DOMException('aborted', 'AbortError'));
          }),
        ),
      environment: fakeEnvironment(),
      onUpdate: () => {},
      onTransientError: () => expect.fail('an abort is not an error'),
      onFatalError: () => {},
      onBudgetExhausted: () => {},
    });
    await clock.tickAsync(0);
    tracker.stop();
    await clock.runAllAsync();
    expect(aborted).to.equal(true);
    expect(clock.countTimers()).to.equal(0);
  });
});
