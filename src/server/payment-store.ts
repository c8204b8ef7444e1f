import type { Flow, HandOffKind, Money, PaymentError, PaymentReceipt } from '../core/protocol.js';
import type { PaymentStatus } from '../core/status.js';
import type { CheckoutSummaryItem, ProviderData } from './provider.js';

export interface StoredPayment {
  /** The kit's own id, the only one the browser ever sees. */
  id: string;
  provider: string;
  providerPaymentId: string;
  status: PaymentStatus;
  /** The provider's raw status and reason, kept beside the normalized status; server-side only. */
  providerStatus: string;
  providerReason?: string;
  error?: PaymentError;
  amount: Money;
  reference: string;
  /** The element's opaque `checkout` attribute the payment was created for, if it sent one. */
  checkout?: string;
  bankId: string;
  flow: Flow;
  returnUrl: string;
  authorizationUrl?: string;
  expiresAt?: string;
  handOff?: HandOffKind;
  qrPayload?: string;
  /** A bill payment: the biller who confirms it. */
  biller?: string;
  /** A completed bill payment's receipt (BBPS). */
  receipt?: PaymentReceipt;
  summary?: CheckoutSummaryItem[];
  /** Who is paid, from `resolveCheckout`: in every create answer, replays included. */
  payee?: string;
  /** What the adapter must remember between calls; server-side only. */
  providerData?: ProviderData;
  createdAt: string;
  updatedAt: string;
  /** When the kit last asked the provider, to keep polling browsers from flooding it. */
  checkedAt: string;
}

/** What caused a status change; the audit trail keeps it with the change. */
export type StatusChangeSource = 'create' | 'poll' | 'webhook' | 'return' | 'reconcile';

/** Where an update came from, written to the audit trail when the update changes the status. */
export interface StatusChangeMeta {
  source: StatusChangeSource;
  /** The provider's id of the webhook event that carried the change. */
  webhookEventId?: string;
  /** The SHA-256 (hex) of the raw webhook body, to match the entry with the provider's own logs. */
  bodySha256?: string;
}

/** One status change of a payment, as the audit trail keeps it: appended, never updated. */
export interface PaymentHistoryEntry {
  /** Stable and unique per change: the same id the completion hook receives. */
  eventId: string;
  paymentId: string;
  /** 1 for the status the payment was created with, then one more per change. */
  sequence: number;
  status: PaymentStatus;
  /** The status before this change; null for the status the payment was created with. */
  previous: PaymentStatus | null;
  source: StatusChangeSource;
  providerStatus: string;
  providerReason?: string;
  webhookEventId?: string;
  bodySha256?: string;
  /** When the change was stored (ISO 8601). */
  at: string;
}

/** A pending call of the completion hook for one status change (the outbox). */
export interface StatusChangeDelivery {
  eventId: string;
  paymentId: string;
  sequence: number;
  status: PaymentStatus;
  previous: PaymentStatus | null;
  /** The payment as this change stored it, so a delivery made later still tells this change. */
  payment: StoredPayment;
  /** Claims so far, this one included. */
  attempts: number;
  /** Why the last attempt failed, as given to `failDelivery`. */
  lastError?: string;
  /** When the change was stored (ISO 8601). */
  createdAt: string;
}

export interface ClaimDeliveriesOptions {
  /** At most this many deliveries, one per payment. */
  limit: number;
  /** How long the claimer holds them; past it, another claimer may take a delivery again. */
  leaseMs: number;
  /** Default: the store's clock. */
  now?: Date;
}

export interface ListUnfinishedOptions {
  limit: number;
  /** Only payments whose `checkedAt` is older than this. */
  before: Date;
}

export interface ClaimUnfinishedOptions extends ListUnfinishedOptions {
  /**
   * Only this provider's payments: handlers of several providers share a store, and one must not hold
   * the others' work. Default: every provider's.
   */
  provider?: string;
  /** How long the claimer holds them: meanwhile no other claim answers them. */
  leaseMs: number;
  /** Default: the store's clock. */
  now?: Date;
}

export interface IdempotencyClaimOptions {
  /**
   * How long the claim is held for its answer. Past it, without `completeIdempotencyKey`, the holder is
   * taken for dead and a claim of the same key with the same fingerprint takes the claim over. Choose it
   * longer than the slowest provider call. Default: held until the key expires.
   */
  leaseMs?: number;
}

/** What a claim holder records before and after it calls the provider, for a takeover to adopt. */
export interface IdempotencyAttempt {
  /** The kit's payment id the holder will create. */
  paymentId: string;
  /** The provider's id, once the provider answered. */
  providerPaymentId?: string;
  /**
   * The payment as the holder was about to store it, recorded in the same write as the provider's id
   * once the provider answered: a takeover stores it as it is, so that the provider payment the dead
   * holder made is the one the payer gets (docs/architecture.md, "Where payments live").
   */
  payment?: StoredPayment;
}

export type IdempotencyClaim =
  | {
      outcome: 'claimed';
      /** True when this claim took over the claim of a holder whose lease ran out. */
      takeover?: true;
      /** What the previous holder recorded, if anything: adopt it instead of creating a second payment. */
      attempt?: IdempotencyAttempt;
    }
  | {
      outcome: 'existing';
      fingerprint: string;
      /** Set once the holder completed the key; absent while the holder is still at work. */
      paymentId?: string;
    };

/**
 * Where the server kit keeps payments, their idempotency keys, the webhook event memory, the audit trail
 * of status changes and the completion-hook outbox (docs/architecture.md, "Where payments live"). Every
 * method is atomic, and what a change causes (its history entry, its outbox delivery) is written in the
 * same transaction as the change. Implementations: `createMemoryPaymentStore` (one process, for tests),
 * `createSqlitePaymentStore` (`pay-by-bank/server/sqlite`) and `createPostgresPaymentStore`
 * (`pay-by-bank/server/postgres`, shared by many instances). Store failures that may pass (a full
 * disk, a locked or read-only file, a database that is down or too slow) are thrown as
 * `StoreUnavailableError`, with nothing half-written.
 */
export interface PaymentStore {
  get(id: string): Promise<StoredPayment | undefined>;
  findByProviderPaymentId(
    provider: string,
    providerPaymentId: string,
  ): Promise<StoredPayment | undefined>;
  /**
   * Stores a new payment with its first history entry (source `create`, previous null) and its first
   * outbox delivery. Throws if the id, or the provider's id for that provider, is already stored.
   */
  insert(payment: StoredPayment): Promise<void>;
  /**
   * Applies `change` to the stored payment in one transaction: `change` gets a copy of the current
   * payment and answers the next one, or undefined to leave it as it is. When the status changes, the
   * history entry (with `meta`, default source `poll`) and the outbox delivery are written with it.
   * Concurrent updates never lose each other's change: each `change` sees the one before it. The status
   * only moves forward: `change` decides with `canAdvance` (see `applyProviderStatus`), and the store
   * refuses, by throwing, a change that would move it back. Answers undefined for an unknown id.
   */
  update(
    id: string,
    change: (current: StoredPayment) => StoredPayment | undefined,
    meta?: StatusChangeMeta,
  ): Promise<StoredPayment | undefined>;
  /** Every status change of a payment, oldest first; empty for an unknown id. */
  history(paymentId: string): Promise<PaymentHistoryEntry[]>;
  /**
   * Payments not in a terminal status whose `checkedAt` is older than `before`, least recently checked
   * first: the reconciler's work.
   */
  listUnfinished(options: ListUnfinishedOptions): Promise<StoredPayment[]>;
  /**
   * Optional: `listUnfinished` for reconcilers on many instances. Answers the same payments, but only
   * those no earlier claim still holds, and holds them for `leaseMs`, so that two instances never
   * refresh one payment in the same interval. A reconciler uses it when the store has it.
   */
  claimUnfinished?(options: ClaimUnfinishedOptions): Promise<StoredPayment[]>;

  /**
   * Claims a key for a request fingerprint, or tells who holds it. A fresh claim answers exactly
   * `{ outcome: 'claimed' }`. A key held by a live holder, or completed, answers `existing` with the
   * holder's fingerprint (and its payment id once completed). A key whose holder's lease ran out is taken
   * over by a claim with the same fingerprint: `{ outcome: 'claimed', takeover: true, attempt? }`, where
   * `attempt` is what the previous holder recorded with `recordIdempotencyAttempt`. A different
   * fingerprint never takes a key over.
   */
  claimIdempotencyKey(
    key: string,
    fingerprint: string,
    options?: IdempotencyClaimOptions,
  ): Promise<IdempotencyClaim>;
  /**
   * Records what the holder is about to create (its payment id) and, once the provider answered, the
   * provider's id and the payment to store; merges with what was recorded for the same payment id
   * (a record without them keeps them), and renews the lease.
   */
  recordIdempotencyAttempt(key: string, attempt: IdempotencyAttempt): Promise<void>;
  completeIdempotencyKey(key: string, paymentId: string): Promise<void>;
  /** Frees a key whose request failed before a payment existed, so a retry may try again. */
  releaseIdempotencyKey(key: string): Promise<void>;

  /** True the first time an event id is seen within `rememberForMs`, false for a replay. */
  markWebhookEvent(eventId: string, rememberForMs: number): Promise<boolean>;
  forgetWebhookEvent(eventId: string): Promise<void>;

  /**
   * Claims up to `limit` due deliveries whose lease is free, oldest first and at most one per payment:
   * a later change of a payment is never claimed while an earlier one is undelivered. Each claim counts
   * as an attempt and holds the delivery for `leaseMs`.
   */
  claimDeliveries(options: ClaimDeliveriesOptions): Promise<StatusChangeDelivery[]>;
  /** The hook took the change: the delivery is done and the payment's next change may be claimed. */
  completeDelivery(eventId: string): Promise<void>;
  /** The hook failed: frees the lease and makes the delivery due again at `nextAttemptAt`. */
  failDelivery(eventId: string, nextAttemptAt: Date, error: string): Promise<void>;

  /** Releases the store's resources (a database connection). Later calls fail. */
  close?(): Promise<void>;
  /**
   * Optional: a store shared by many instances (PostgreSQL) tells this instance when ANY instance
   * stored a status change, so that long-polls held here wake up (docs/architecture.md, "Many
   * instances"). `listener` gets `{ paymentId }` per change, and `{ resync: true }` after the feed
   * reconnected, when changes may have been missed and every waiter must re-read. Answers the
   * unsubscribe. Stores without it (memory, SQLite) are one-process stores: the handler's in-process
   * wake-ups are enough.
   */
  subscribeStatusChanges?(listener: (change: StatusChangeNotice) => void): () => void;
}

export type StatusChangeNotice = { paymentId: string } | { resync: true };
