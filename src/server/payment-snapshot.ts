import type { PaymentStore, StoredPayment } from './payment-store.js';

/**
 * A store's own kept payment, handed to the kit as it is instead of copied: frozen all through, so no
 * reader can change it. A status poll reads one payment over and over, and its copy, with the status
 * answer made again from it, was about half of what a poll cost the kit over bare `node:http`; one
 * snapshot is one cached answer (docs/architecture.md, "The hot path"). `PaymentStore.get` still hands out copies: this is
 * the kit's read, not a store's contract, and a store without it is read with `get`.
 */
export const readSnapshot = Symbol('pay-by-bank.readSnapshot');

export interface SnapshotReads {
  [readSnapshot](id: string): Promise<StoredPayment | undefined>;
}

/** The payment as a frozen snapshot where the store keeps one, else as `get` answers it. */
export function readPaymentSnapshot(
  store: PaymentStore & Partial<SnapshotReads>,
  id: string,
): Promise<StoredPayment | undefined> {
  return store[readSnapshot] ? store[readSnapshot](id) : store.get(id);
}
