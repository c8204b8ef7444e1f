import type { IdempotencyClaim, PaymentStore, StoredPayment } from './payment-store.js';

export interface MemoryPaymentStoreOptions {
  /** How long an idempotency key is remembered. Default: 24 hours. */
  idempotencyTtlMs?: number;
  now?: () => Date;
}

interface IdempotencyEntry {
  fingerprint: string;
  paymentId?: string;
  expiresAt: number;
}

/** The default store: one process, lost on restart. Each call makes a new, independent store. */
export function createMemoryPaymentStore(options: MemoryPaymentStoreOptions = {}): PaymentStore {
  const now = options.now ?? (() => new Date());
  const idempotencyTtlMs = options.idempotencyTtlMs ?? 24 * 60 * 60 * 1000;
  const payments = new Map<string, StoredPayment>();
  const byProviderId = new Map<string, string>();
  const idempotency = new Map<string, IdempotencyEntry>();
  const webhookEvents = new Map<string, number>();

  const providerKey = (provider: string, providerPaymentId: string) =>
    `${provider}\u0000${providerPaymentId}`;

  function prune(): void {
    const time = now().getTime();
    for (const [key, entry] of idempotency) if (entry.expiresAt <= time) idempotency.delete(key);
    for (const [id, expiresAt] of webhookEvents) if (expiresAt <= time) webhookEvents.delete(id);
  }

  return {
    async get(id) {
      const payment = payments.get(id);
      return payment && { ...payment };
    },
    async findByProviderPaymentId(provider, providerPaymentId) {
      const id = byProviderId.get(providerKey(provider, providerPaymentId));
      const payment = id === undefined ? undefined : payments.get(id);
      return payment && { ...payment };
    },
    async insert(payment) {
      if (payments.has(payment.id)) throw new Error('payment id already stored');
      payments.set(payment.id, { ...payment });
      byProviderId.set(providerKey(payment.provider, payment.providerPaymentId), payment.id);
    },
    async update(id, change) {
      const current = payments.get(id);
      if (!current) return undefined;
      const next = change({ ...current });
      if (!next) return { ...current };
      payments.set(id, { ...next, id });
      return { ...next, id };
    },
    async claimIdempotencyKey(key, fingerprint): Promise<IdempotencyClaim> {
      prune();
      const entry = idempotency.get(key);
      if (entry) {
        return {
          outcome: 'existing',
          fingerprint: entry.fingerprint,
          ...(entry.paymentId ? { paymentId: entry.paymentId } : {}),
        };
      }
      idempotency.set(key, { fingerprint, expiresAt: now().getTime() + idempotencyTtlMs });
      return { outcome: 'claimed' };
    },
    async completeIdempotencyKey(key, paymentId) {
      const entry = idempotency.get(key);
      if (entry) entry.paymentId = paymentId;
    },
    async releaseIdempotencyKey(key) {
      idempotency.delete(key);
    },
    async markWebhookEvent(eventId, rememberForMs) {
      prune();
      if (webhookEvents.has(eventId)) return false;
      webhookEvents.set(eventId, now().getTime() + rememberForMs);
      return true;
    },
    async forgetWebhookEvent(eventId) {
      webhookEvents.delete(eventId);
    },
  };
}
