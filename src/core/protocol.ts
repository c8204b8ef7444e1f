import type { PaymentStatus } from './status.js';

/** Types of the merchant protocol v1 (docs/protocol.md), shared by the element and the server kit. */

export type Flow = 'redirect' | 'popup' | 'qr';

export type BankAvailability = 'available' | 'degraded' | 'unavailable';

export interface PayerField {
  name: string;
  label: string;
  /** A regular expression (without slashes) the value must match in full. */
  pattern?: string;
}

export interface Bank {
  id: string;
  name: string;
  country: string;
  logo?: string;
  popular?: boolean;
  status: BankAvailability;
  fields?: PayerField[];
  /**
   * How the payer authorises with it when not at a bank's web page: `upi_intent` (their UPI app, by a
   * link or its QR code), `upi_collect` (a request waiting in their UPI app). The element then opens no
   * bank window at Pay.
   */
  handOff?: HandOffKind | 'upi_collect';
}

/** A line of the bill or order the payer is about to pay, shown before paying. */
export interface SummaryLine {
  label: string;
  value: string;
  /**
   * How the element formats `value` in the payer's locale: `date` (an ISO 8601 date), `money` (a
   * decimal amount in `currency`) or, by default, `text` as it is.
   */
  type?: 'text' | 'date' | 'money';
  currency?: string;
}

export interface BanksResponse {
  country: string;
  countries: string[];
  banks: Bank[];
  /** Who is paid, shown before the hand-off to the bank. */
  payee?: string;
  /** The payment's reference as the payer's statement will show it, shown before the hand-off. */
  reference?: string;
  summary?: SummaryLine[];
}

export interface Money {
  /** A decimal string in major units, e.g. "12.50". */
  value: string;
  currency: string;
}

export interface CreatePaymentRequest {
  bankId: string;
  checkout?: string;
  returnUrl: string;
  flow: Flow;
  locale?: string;
  payer?: Record<string, string>;
}

/**
 * How the payer authorises when it is not a bank's web page: `upi_intent`, the payer's UPI app, by a
 * `upi://pay` link on a phone or its QR code on a desktop (docs/protocol.md, "Cashfree BBPS").
 */
export type HandOffKind = 'upi_intent';

export interface CreatePaymentResponse {
  paymentId: string;
  authorizationUrl?: string;
  expiresAt?: string;
  status: PaymentStatus;
  amount?: Money;
  reference?: string;
  payee?: string;
  summary?: SummaryLine[];
  /**
   * `upi_intent`: `authorizationUrl` opens the payer's UPI app (a `upi://pay` link, or in the sandbox
   * an https page playing the app). The only answer under which the element follows a `upi:` link.
   */
  handOff?: HandOffKind;
  /** What a QR code of this payment shows when it is not `authorizationUrl`: the `upi://pay` link. */
  qrPayload?: string;
  /** A bill payment: the biller who confirms it (BBPS); absent for other payments. */
  biller?: string;
}

/** What the payer keeps of a bill paid through BBPS, as the BBPS rules want it on a receipt. */
export interface PaymentReceipt {
  /** The biller paid. */
  biller: string;
  /** The customer's bill number at the biller, when the bill has one. */
  billNumber?: string;
  amount: Money;
  /** The BBPS transaction reference: the approval reference number. */
  approvalReference: string;
  /** When the bill payment succeeded (ISO 8601). */
  paidAt: string;
}

export interface PaymentError {
  code: string;
  message: string;
  retryable: boolean;
}

export interface PaymentStatusResponse {
  paymentId: string;
  status: PaymentStatus;
  amount?: Money;
  reference?: string;
  updatedAt?: string;
  error?: PaymentError;
  /** A completed bill payment's receipt (BBPS); additive, absent for other providers. */
  receipt?: PaymentReceipt;
  /** A bill payment: the biller who confirms it (BBPS); absent for other payments. */
  biller?: string;
}

/** RFC 9457 problem details, as every error of the protocol is answered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
}

/** The query parameter the server kit's return route adds to the page's return URL. */
export const RETURN_PARAMETER = 'pay_by_bank_payment';

/** The longest `?wait=` a status request may ask for, in seconds. */
export const MAX_WAIT_SECONDS = 25;
