import type { Flow, Money, PaymentError } from '../core/protocol.js';
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
  bankId: string;
  flow: Flow;
  returnUrl: string;
  authorizationUrl?: string;
  expiresAt?: string;
  summary?: CheckoutSummaryItem[];
  /** What the adapter must remember between calls; server-side only. */
  providerData?: ProviderData;
  createdAt: string;
  updatedAt: string;
  /** When the kit last asked the provider, to keep polling browsers from flooding it. */
  checkedAt: string;
}

export type IdempotencyClaim =
  { outcome: 'claimed' } | { outcome: 'existing'; fingerprint: string; paymentId?: string };

/**
 * Where the server kit keeps payments. The in-memory default suits one process; a multi-instance
 * deployment implements this over its database, keeping `claimIdempotencyKey`, `update` and
 * `markWebhookEvent` atomic.
 */
export interface PaymentStore {
  get(id: string): Promise<StoredPayment | undefined>;
  findByProviderPaymentId(
    provider: string,
    providerPaymentId: string,
  ): Promise<StoredPayment | undefined>;
  insert(payment: StoredPayment): Promise<void>;
  /** Applies `change` atomically; `change` answers undefined to leave the payment as it is. */
  update(
    id: string,
    change: (current: StoredPayment) => StoredPayment | undefined,
  ): Promise<StoredPayment | undefined>;
  /** Claims a key for a request fingerprint, or tells who holds it. */
  claimIdempotencyKey(key: string, fingerprint: string): Promise<IdempotencyClaim>;
  completeIdempotencyKey(key: string, paymentId: string): Promise<void>;
  /** Frees a key whose request failed before a payment existed, so a retry may try again. */
  releaseIdempotencyKey(key: string): Promise<void>;
  /** True the first time an event id is seen within `rememberForMs`, false for a replay. */
  markWebhookEvent(eventId: string, rememberForMs: number): Promise<boolean>;
  forgetWebhookEvent(eventId: string): Promise<void>;
}
