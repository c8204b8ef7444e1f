import { randomBytes } from 'node:crypto';
import type { StoredPayment } from '../../../../src/server/index.js';

/** A clock the test moves by hand, so expiry and leases are tested without waiting. */
export function testClock(start = Date.parse('2025-06-02T10:00:00Z')) {
  let time = start;
  return {
    now: () => new Date(time),
    advance(ms: number) {
      time += ms;
    },
  };
}

let counter = 0;

/** A valid payment with a fresh id and provider id; `overrides` sets what a test is about. */
export function samplePayment(overrides: Partial<StoredPayment> = {}): StoredPayment {
  counter += 1;
  const serial = randomBytes(18).toString('base64url');
  return {
    id: `pay_${serial}`,
    provider: 'aiia-pay',
    providerPaymentId: `provider-${serial}`,
    status: 'awaiting_authorisation',
    providerStatus: 'Initiated',
    amount: { value: '12.50', currency: 'EUR' },
    reference: `ORDER-${counter}`,
    bankId: 'sandbox-bank',
    flow: 'redirect',
    returnUrl: 'https://shop.example/return',
    authorizationUrl: 'https://bank.example/authorize',
    createdAt: '2025-06-02T10:00:00.000Z',
    updatedAt: '2025-06-02T10:00:00.000Z',
    checkedAt: '2025-06-02T10:00:00.000Z',
    ...overrides,
  };
}
