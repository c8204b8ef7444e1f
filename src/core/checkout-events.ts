import type { Flow, Money, PaymentError, PaymentReceipt } from './protocol.js';
import type { PaymentStatus } from './status.js';

/** The `detail` of each `pay-by-bank-*` event (docs/architecture.md, events). */
export interface PayByBankEventDetails {
  'pay-by-bank-ready': { country: string; banks: number };
  'pay-by-bank-select': { bank: { id: string; name: string; country: string } };
  'pay-by-bank-redirect': { paymentId: string; authorizationUrl: string; flow: Flow };
  'pay-by-bank-status': {
    paymentId: string;
    status: PaymentStatus;
    previous: PaymentStatus | null;
  };
  'pay-by-bank-success': {
    paymentId: string;
    status: 'completed';
    amount: Money;
    reference: string;
    /** A bill paid through BBPS: its receipt, with the approval reference (additive). */
    receipt?: PaymentReceipt;
  };
  'pay-by-bank-failure': {
    paymentId?: string | undefined;
    status?: PaymentStatus;
    error: PaymentError;
  };
  'pay-by-bank-cancel': { paymentId: string; reason: string };
  'pay-by-bank-pending': { paymentId: string; status: PaymentStatus };
}

export type PayByBankEventName = keyof PayByBankEventDetails;

/** How the store tells the page what happened; `redirect` returns false when the page took over. */
export interface CheckoutEvents {
  ready(detail: PayByBankEventDetails['pay-by-bank-ready']): void;
  select(detail: PayByBankEventDetails['pay-by-bank-select']): void;
  redirect(detail: PayByBankEventDetails['pay-by-bank-redirect']): boolean;
  status(detail: PayByBankEventDetails['pay-by-bank-status']): void;
  success(detail: PayByBankEventDetails['pay-by-bank-success']): void;
  failure(detail: PayByBankEventDetails['pay-by-bank-failure']): void;
  cancel(detail: PayByBankEventDetails['pay-by-bank-cancel']): void;
  pending(detail: PayByBankEventDetails['pay-by-bank-pending']): void;
}
