import { isTerminal } from '../core/status.js';
import { copyJson as copy, frozenJson } from './json-copy.js';
import { consoleLogger, type Logger } from './logger.js';
import type {
  IdempotencyAttempt,
  IdempotencyClaim,
  PaymentHistoryEntry,
  PaymentStore,
  StatusChangeDelivery,
  StoredPayment,
} from './payment-store.js';
import { readSnapshot, type SnapshotReads } from './payment-snapshot.js';
import {
  assertStatusMovesForward,
  DEFAULT_CHANGE_META,
  statusChange,
} from './stores/status-change.js';

export interface MemoryPaymentStoreOptions {
  /** How long an idempotency key is remembered. Default: 24 hours. */
  idempotencyTtlMs?: number;
  now?: () => Date;
  /** Where the production warning goes. Default: the console. */
  logger?: Logger;
}

interface IdempotencyEntry {
  fingerprint: string;
  paymentId?: string;
  attempt?: IdempotencyAttempt;
  leaseMs?: number;
  leaseUntil?: number;
  expiresAt: number;
}

interface PendingDelivery {
  delivery: StatusChangeDelivery;
  nextAttemptAt: number;
  leaseUntil: number;
}

/**
 * The store for tests and one-off demos: one process, lost on restart. Each call makes a new,
 * independent store. Under `NODE_ENV=production` it warns once: a restart there loses every payment.
 */
export function createMemoryPaymentStore(options: MemoryPaymentStoreOptions = {}): PaymentStore {
  const now = options.now ?? (() => new Date());
  const idempotencyTtlMs = options.idempotencyTtlMs ?? 24 * 60 * 60 * 1000;
  if (process.env.NODE_ENV === 'production') {
    (options.logger ?? consoleLogger()).warn(
      'the in-memory payment store loses every payment on restart: use createSqlitePaymentStore in production',
    );
  }
  const payments = new Map<string, StoredPayment>();
  const byProviderId = new Map<string, string>();
  const history = new Map<string, PaymentHistoryEntry[]>();
  const pending: PendingDelivery[] = [];
  const idempotency = new Map<string, IdempotencyEntry>();
  const webhookEvents = new Map<string, number>();
  const reconcileLeases = new Map<string, number>();

  const providerKey = (payment: Pick<StoredPayment, 'provider' | 'providerPaymentId'>) =>
    `${payment.provider}\u0000${payment.providerPaymentId}`;

  function prune(): void {
    const time = now().getTime();
    for (const [key, entry] of idempotency) if (entry.expiresAt <= time) idempotency.delete(key);
    for (const [id, expiresAt] of webhookEvents) if (expiresAt <= time) webhookEvents.delete(id);
  }

  function record(
    payment: StoredPayment,
    previous: StoredPayment['status'] | null,
    meta = DEFAULT_CHANGE_META,
  ): void {
    const entries = history.get(payment.id) ?? [];
    const at = now();
    const change = statusChange(
      copy(payment),
      previous,
      entries.length + 1,
      meta,
      at.toISOString(),
    );
    entries.push(change.entry);
    history.set(payment.id, entries);
    pending.push({ delivery: change.delivery, nextAttemptAt: at.getTime(), leaseUntil: 0 });
  }

  function unfinished(
    before: Date,
    limit: number,
    free: (payment: StoredPayment) => boolean = () => true,
  ): StoredPayment[] {
    const cutOff = before.getTime();
    return [...payments.values()]
      .filter(
        (payment) =>
          !isTerminal(payment.status) && Date.parse(payment.checkedAt) < cutOff && free(payment),
      )
      .sort((a, b) => Date.parse(a.checkedAt) - Date.parse(b.checkedAt))
      .slice(0, Math.max(0, limit));
  }

  const store: PaymentStore & SnapshotReads = {
    async get(id) {
      const payment = payments.get(id);
      return payment && copy(payment);
    },
    // Each stored payment is a frozen snapshot, replaced on every write
    // (src/server/payment-snapshot.ts).
    async [readSnapshot](id) {
      return payments.get(id);
    },
    async findByProviderPaymentId(provider, providerPaymentId) {
      const id = byProviderId.get(providerKey({ provider, providerPaymentId }));
      const payment = id === undefined ? undefined : payments.get(id);
      return payment && copy(payment);
    },
    async insert(payment) {
      if (payments.has(payment.id)) throw new Error('payment id already stored');
      if (byProviderId.has(providerKey(payment)))
        throw new Error('provider payment id already stored');
      const stored = frozenJson(payment);
      payments.set(stored.id, stored);
      byProviderId.set(providerKey(stored), stored.id);
      record(stored, null, { source: 'create' });
    },
    async update(id, change, meta) {
      const current = payments.get(id);
      if (!current) return undefined;
      const changed = change(copy(current));
      if (!changed) return copy(current);
      const next = frozenJson({ ...changed, id });
      assertStatusMovesForward(current, next);
      const owner = byProviderId.get(providerKey(next));
      if (owner !== undefined && owner !== id)
        throw new Error('provider payment id already stored');
      byProviderId.delete(providerKey(current));
      byProviderId.set(providerKey(next), id);
      payments.set(id, next);
      if (next.status !== current.status) record(next, current.status, meta);
      return copy(next);
    },
    async history(paymentId) {
      return copy(history.get(paymentId) ?? []);
    },
    async listUnfinished({ limit, before }) {
      return unfinished(before, limit).map(copy);
    },
    async claimUnfinished({ limit, before, leaseMs, provider, now: at = now() }) {
      const time = at.getTime();
      const free = (payment: StoredPayment) =>
        (provider === undefined || payment.provider === provider) &&
        (reconcileLeases.get(payment.id) ?? 0) <= time;
      const claimed = unfinished(before, limit, free);
      for (const payment of claimed) reconcileLeases.set(payment.id, time + leaseMs);
      return claimed.map(copy);
    },
    async claimIdempotencyKey(key, fingerprint, claimOptions = {}): Promise<IdempotencyClaim> {
      prune();
      const time = now().getTime();
      const entry = idempotency.get(key);
      if (!entry) {
        const fresh: IdempotencyEntry = { fingerprint, expiresAt: time + idempotencyTtlMs };
        if (claimOptions.leaseMs !== undefined) {
          fresh.leaseMs = claimOptions.leaseMs;
          fresh.leaseUntil = time + claimOptions.leaseMs;
        }
        idempotency.set(key, fresh);
        return { outcome: 'claimed' };
      }
      const abandoned =
        entry.paymentId === undefined &&
        entry.fingerprint === fingerprint &&
        entry.leaseUntil !== undefined &&
        entry.leaseUntil <= time;
      if (abandoned) {
        entry.leaseMs = claimOptions.leaseMs ?? entry.leaseMs;
        entry.leaseUntil = time + (entry.leaseMs ?? 0);
        entry.expiresAt = time + idempotencyTtlMs;
        return {
          outcome: 'claimed',
          takeover: true,
          ...(entry.attempt ? { attempt: copy(entry.attempt) } : {}),
        };
      }
      return {
        outcome: 'existing',
        fingerprint: entry.fingerprint,
        ...(entry.paymentId ? { paymentId: entry.paymentId } : {}),
      };
    },
    async recordIdempotencyAttempt(key, attempt) {
      const entry = idempotency.get(key);
      if (!entry || entry.paymentId !== undefined) return;
      const same = entry.attempt?.paymentId === attempt.paymentId ? entry.attempt : undefined;
      const providerPaymentId = attempt.providerPaymentId ?? same?.providerPaymentId;
      const payment = attempt.payment ?? same?.payment;
      entry.attempt = {
        paymentId: attempt.paymentId,
        ...(providerPaymentId !== undefined ? { providerPaymentId } : {}),
        ...(payment !== undefined ? { payment: copy(payment) } : {}),
      };
      if (entry.leaseMs !== undefined) entry.leaseUntil = now().getTime() + entry.leaseMs;
    },
    async completeIdempotencyKey(key, paymentId) {
      const entry = idempotency.get(key);
      if (!entry) return;
      entry.paymentId = paymentId;
      delete entry.leaseUntil;
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
    async claimDeliveries({ limit, leaseMs, now: at = now() }) {
      const time = at.getTime();
      const blocked = new Set<string>();
      const claimed: StatusChangeDelivery[] = [];
      for (const item of pending) {
        if (claimed.length >= limit) break;
        const { paymentId } = item.delivery;
        if (blocked.has(paymentId)) continue;
        blocked.add(paymentId);
        if (item.nextAttemptAt > time || item.leaseUntil > time) continue;
        item.leaseUntil = time + leaseMs;
        item.delivery.attempts += 1;
        claimed.push(copy(item.delivery));
      }
      return claimed;
    },
    async completeDelivery(eventId) {
      const index = pending.findIndex((item) => item.delivery.eventId === eventId);
      if (index >= 0) pending.splice(index, 1);
    },
    async failDelivery(eventId, nextAttemptAt, error) {
      const item = pending.find((candidate) => candidate.delivery.eventId === eventId);
      if (!item) return;
      item.nextAttemptAt = nextAttemptAt.getTime();
      item.leaseUntil = 0;
      item.delivery.lastError = error;
    },
    async close() {},
  };
  return store;
}
