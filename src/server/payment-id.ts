import { randomBytes } from 'node:crypto';

/** 144 random bits, base64url: unguessable, and never the provider's id (see `docs/architecture.md`). */
export function newPaymentId(): string {
  return `pay_${randomBytes(18).toString('base64url')}`;
}

const PAYMENT_ID = /^pay_[A-Za-z0-9_-]{24}$/;

export function isPaymentId(value: string): boolean {
  return PAYMENT_ID.test(value);
}
