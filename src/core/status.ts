/** The normalized payment status every provider maps into (docs/protocol.md, the status model). */
export const PAYMENT_STATUSES = [
  'created',
  'awaiting_authorisation',
  'authorised',
  'processing',
  'completed',
  'failed',
  'cancelled',
  'expired',
] as const;

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export type TerminalStatus = 'completed' | 'failed' | 'cancelled' | 'expired';

const TERMINAL: ReadonlySet<PaymentStatus> = new Set([
  'completed',
  'failed',
  'cancelled',
  'expired',
]);

export function isPaymentStatus(value: unknown): value is PaymentStatus {
  return typeof value === 'string' && (PAYMENT_STATUSES as readonly string[]).includes(value);
}

export function isTerminal(status: PaymentStatus): status is TerminalStatus {
  return TERMINAL.has(status);
}

/** All terminal statuses share the last rank: once final, a payment never changes again. */
function rank(status: PaymentStatus): number {
  return isTerminal(status)
    ? PAYMENT_STATUSES.indexOf('completed')
    : PAYMENT_STATUSES.indexOf(status);
}

/**
 * Status only moves forward: a late or duplicate update never moves a payment back, and nothing moves
 * a payment out of a terminal status.
 */
export function canAdvance(from: PaymentStatus, to: PaymentStatus): boolean {
  if (from === to || isTerminal(from)) return false;
  return rank(to) > rank(from);
}
