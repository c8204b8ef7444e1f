import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { CheckoutError } from '../../src/core/checkout-error.js';
import { createMerchantClient } from '../../src/core/merchant-client.js';
import type { PageEnvironment } from '../../src/core/page-environment.js';
import type { PaymentStatusResponse } from '../../src/core/protocol.js';
import { retryAfterMs } from '../../src/core/retry-after.js';
import { trackStatus } from '../../src/core/status-tracker.js';
import { FakeMerchant } from '../support/fake-merchant.js';

const alwaysActive: PageEnvironment = {
  isActive: () => true,
  isOnline: () => true,
  subscribe: () => () => {},
};

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2025-06-02T10:00:00Z');
    expect(retryAfterMs('7', now)).to.equal(7000);
    expect(retryAfterMs(' 0 ', now)).to.equal(0);
    expect(retryAfterMs('Mon, 02 Jun 2025 10:00:30 GMT', now)).to.equal(30_000);
    expect(retryAfterMs('Mon, 02 Jun 2025 09:00:00 GMT', now)).to.equal(0);
    expect(retryAfterMs('-3', now)).to.equal(undefined);
    expect(retryAfterMs('soon', now)).to.equal(undefined);
    expect(retryAfterMs(null, now)).to.equal(undefined);
  });

  describe("the merchant client's status call", () => {
    let merchant: FakeMerchant;
    const client = () => createMerchantClient({ endpoint: new URL('/shop/api/', location.href) });
    beforeEach(() => (merchant = new FakeMerchant()));
    afterEach(() => merchant.restore());

    for (const status of [429, 503]) {
      it(`keeps the Retry-After of a ${status}`, async () => {
        merchant.failNext({
          status,
          body: { code: 'rate_limited', title: 'Slow down' },
          headers: { 'Retry-After': '12' },
        });
        const error = await client()
          .getPayment('p1')
          .catch((caught: unknown) => caught);
        expect(error).to.be.instanceOf(CheckoutError);
        expect(error).to.include({ httpStatus: status, retryAfterMs: 12_000 });
      });
    }

    it('ignores Retry-After on other statuses', async () => {
      merchant.failNext({ status: 500, body: {}, headers: { 'Retry-After': '12' } });
      const error = await client()
        .getPayment('p1')
        .catch((caught: unknown) => caught);
      expect(error).to.include({ httpStatus: 500, retryAfterMs: undefined });
    });
  });

  describe('the status tracker', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(
      () => (clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })),
    );
    afterEach(() => clock.restore());

    function track(first: Error, pollNowAfterMs?: number) {
      const times: number[] = [];
      let calls = 0;
      const tracker = trackStatus({
        status: 'awaiting_authorisation',
        fetchStatus: async () => {
          times.push(Date.now());
          calls += 1;
          if (calls === 1) throw first;
          return { paymentId: 'p', status: 'completed' } as PaymentStatusResponse;
        },
        environment: alwaysActive,
        onUpdate: () => {},
        onTransientError: () => {},
        onFatalError: () => {},
        onBudgetExhausted: () => {},
        random: () => 0,
      });
      if (pollNowAfterMs !== undefined) {
        setTimeout(() => tracker.pollNow(), pollNowAfterMs);
      }
      return times;
    }

    for (const status of [429, 503]) {
      it(`waits at least Retry-After after a ${status} before polling again`, async () => {
        const times = track(new CheckoutError('rate_limited', 'Slow down', true, status, 20_000));
        await clock.tickAsync(19_999);
        expect(times).to.have.length(1);
        await clock.tickAsync(1);
        expect(times).to.have.length(2);
        expect((times[1] ?? 0) - (times[0] ?? 0)).to.equal(20_000);
      });
    }

    it('does not let pollNow() jump the wait', async () => {
      const times = track(new CheckoutError('rate_limited', 'Slow down', true, 429, 20_000), 5000);
      await clock.tickAsync(19_999);
      expect(times).to.have.length(1);
      await clock.tickAsync(1);
      expect(times).to.have.length(2);
    });

    it('without Retry-After, backs off as before (sooner than a long Retry-After)', async () => {
      const times = track(new CheckoutError('server_error', 'Boom', true, 503));
      await clock.tickAsync(10_000);
      expect(times).to.have.length(2);
      expect((times[1] ?? 0) - (times[0] ?? 0)).to.be.below(10_000);
    });
  });
});
