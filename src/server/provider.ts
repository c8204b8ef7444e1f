import type {
  Bank,
  Money,
  Flow,
  HandOffKind,
  PaymentError,
  PaymentReceipt,
} from '../core/protocol.js';
import type { PaymentStatus } from '../core/status.js';

/** One line of what the payer is about to pay (a bill's due date, an order's items), shown before paying. */
export interface CheckoutSummaryItem {
  label: string;
  value: string;
}

/** What the merchant's `resolveCheckout` decides: the amount and reference always come from the server. */
export interface ResolvedCheckout {
  amount: Money;
  reference: string;
  /** Shown to the payer at the bank where the provider supports it. */
  description?: string;
  /** Provider-specific destination override, e.g. a biller's account for one bill (see each adapter). */
  destination?: Record<string, unknown>;
  /** Who is paid, as the payer should read it before leaving for the bank (banks and create answers). */
  payee?: string;
  /** The bill or order, for the element to show before paying (banks and create answers). */
  summary?: CheckoutSummaryItem[];
  /**
   * Paid once, e.g. a bill: while a payment with this key is being paid, or once it is paid, the kit
   * answers another create `409 checkout_being_paid` (docs/protocol.md).
   */
  payOnce?: string;
}

/**
 * What an adapter must remember of a payment between calls (a consent id, a bill's reference, an
 * expected `state`). Kept with the payment on the server, never shown to the browser.
 */
export type ProviderData = Record<string, string>;

/** A provider's status, normalized, with its raw code and reason kept beside it (see `docs/protocol.md`). */
export interface ProviderStatus {
  status: PaymentStatus;
  rawStatus: string;
  /** The provider's reason for a failure; stays on the server. */
  reason?: string;
  /** What the payer may see about a failure. */
  error?: PaymentError;
  /** Merged into the payment's provider data, whether or not the status moves. */
  providerData?: ProviderData;
  /** A completed bill payment's receipt, shown to the payer and kept with the payment. */
  receipt?: PaymentReceipt;
}

export interface CreateProviderPaymentInput {
  /** The kit's own payment id (never sent to the browser as the provider's). */
  paymentId: string;
  bankId: string;
  checkout: ResolvedCheckout;
  /** Where the bank sends the payer back: the kit's own return route. */
  redirectUrl: string;
  flow: Flow;
  locale?: string;
  payer?: Record<string, string>;
}

export interface ProviderPaymentCreated extends ProviderStatus {
  providerPaymentId: string;
  authorizationUrl?: string;
  expiresAt?: string;
  /** `upi_intent`: `authorizationUrl` opens the payer's UPI app (docs/protocol.md). */
  handOff?: HandOffKind;
  /** What a QR code shows when it is not `authorizationUrl`. */
  qrPayload?: string;
  /** A bill payment: the biller who confirms it, told to the payer (docs/protocol.md). */
  biller?: string;
}

/** What the kit knows of a payment when it asks the provider about it. */
export interface ProviderPaymentRef {
  paymentId: string;
  providerPaymentId: string;
  providerData?: ProviderData;
}

export interface WebhookInput {
  rawBody: string;
  headers: Headers;
}

export interface ProviderWebhookEvent {
  /** The provider's event id, for replay protection; absent when the provider sends none. */
  eventId?: string;
  providerPaymentId: string;
  /** Absent when the payload carries only an id: the kit then re-reads the payment. */
  status?: ProviderStatus;
}

/** The one small interface every provider adapter implements. */
export interface PaymentProvider {
  /** A stable name, e.g. `aiia-pay`, stored with each payment. */
  readonly name: string;
  listBanks(country?: string): Promise<Bank[]>;
  createPayment(input: CreateProviderPaymentInput): Promise<ProviderPaymentCreated>;
  /**
   * Finishes whatever the provider needs when the payer is back (a code exchange, a refresh). Throws
   * `ReturnRejectedError` for a return that must change nothing (a foreign `state`), and
   * `ReturnRepeatedError` for the payment's own return after an earlier one completed it (a reload of
   * the return page): nothing changes, and the payer is sent back to the page.
   * `rawQuery` is the return's query string exactly as received, without the `?`.
   */
  completeReturn?(
    query: URLSearchParams,
    payment: ProviderPaymentRef,
    rawQuery?: string,
  ): Promise<ProviderStatus>;
  readStatus(payment: ProviderPaymentRef): Promise<ProviderStatus>;
  /** Verifies and parses a webhook; throws `WebhookVerificationError` when it cannot be trusted. */
  parseWebhook?(input: WebhookInput): Promise<ProviderWebhookEvent[]>;
}
