import { createHmac, randomBytes } from 'node:crypto';
import type { SandboxBill } from '../../options.js';

export type BbpsOutcome = 'success' | 'failed';

/** A fetched bill, as the simulated biller answered it. */
export interface CashfreeBillFetch {
  refId: string;
  polls: number;
  billerId: string;
  /** The first customer parameter's value: which customer's bill this is, across fetches. */
  customerRef: string;
  /** From the biller's configuration: a fetched bill (with an amount) or a validated account. */
  flow: 'FETCH_AND_PAY' | 'VALIDATE_AND_PAY';
  bill: Required<Pick<SandboxBill, 'amountPaise'>> & SandboxBill;
  paid?: boolean;
}

/** A bill payment: `processing` until the payer's UPI app (or the automatic decision) settles it. */
export interface CashfreeBillPayment {
  transactionRefId: string;
  billFetchRefId: string;
  paymentMode: string;
  vpa?: string;
  /** Paid from the payer's UPI app by a `upi://pay` link or QR code, not by a collect request. */
  intent?: boolean;
  amountPaise: string;
  /** The BBPS approval reference number of a success. */
  approvalRefNum?: string;
  status: 'processing' | BbpsOutcome;
  reason?: BbpsFailureReason;
  createdAt: Date;
  /** When the automatic decision applies, and which; absent when the payer must decide. */
  autoAt?: Date;
  autoOutcome?: BbpsOutcome;
}

export interface CashfreeState {
  fetches: Map<string, CashfreeBillFetch>;
  payments: Map<string, CashfreeBillPayment>;
  newRefId(): string;
  newTransactionRefId(): string;
  newApprovalRefNum(): string;
}

/** Ids shaped like the examples of Cashfree's API reference: 35 and 20 upper-case alphanumerics. */
export function createCashfreeState(): CashfreeState {
  const id = (length: number) =>
    [...randomBytes(length)].map((byte) => (byte % 36).toString(36).toUpperCase()).join('');
  return {
    fetches: new Map(),
    payments: new Map(),
    newRefId: () => id(35),
    newTransactionRefId: () => `OU01${id(16)}`,
    newApprovalRefNum: () => `AB${id(8)}`,
  };
}

/** `bill_payment_response.reason` of a failure; the code the table of error codes lists is `compliance_resp_cd`. */
export interface BbpsFailureReason {
  response_code: string;
  response_reason: string;
  compliance_resp_cd: string;
}

/** Why a payment the payer declined failed. */
export const DECLINED_BY_PAYER: BbpsFailureReason = {
  response_code: '200',
  response_reason: 'Payer declined the UPI collect request',
  compliance_resp_cd: 'U30',
};

/** Why an intent payment failed when a fresh link for the same bill replaced it. */
export const SUPERSEDED: BbpsFailureReason = {
  response_code: '200',
  response_reason: 'A newer UPI link for this bill replaced this one',
  compliance_resp_cd: 'U69',
};

/** `X-Webhook-Signature`: hex HMAC-SHA256 of `timestamp + "." + rawBody` (see `docs/protocol.md`). */
export function signCashfree(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}
