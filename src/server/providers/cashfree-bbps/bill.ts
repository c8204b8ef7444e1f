import type { Money } from '../../../core/protocol.js';
import type { ResolvedCheckout } from '../../provider.js';

/** From the biller's configuration: a fetched bill (with its amount) or a validated account. */
export type BbpsFlow = 'FETCH_AND_PAY' | 'VALIDATE_AND_PAY';

/** A fetched bill: what the payer sees before paying, and what the bill payment must quote back. */
export interface BbpsBill {
  /** `ref_id` of the bill fetch, quoted as `bill_fetch_ref_id` when paying. */
  refId: string;
  /** Absent in bills stored before flows were told apart: FETCH_AND_PAY. */
  flow?: BbpsFlow;
  billerId: string;
  /** The biller's name for the receipt; the biller id when absent. */
  billerName?: string;
  customerParams: Record<string, string>;
  mobile: string;
  customerName: string;
  amount: Money;
  amountPaise: string;
  dueDate?: string;
  billDate?: string;
  billNumber?: string;
  billPeriod?: string;
}

export interface BillFetchInput {
  billerId: string;
  /** The biller's customer parameters, e.g. `{ RefFld1: 'XX1234ABCD' }`. */
  customerParams: Record<string, string>;
  /** The customer's mobile number, required by BBPS. */
  mobile: string;
  /** The biller's name, for the payer's receipt. */
  billerName?: string;
  /** What the payer pays (rupees, e.g. "500.00") when the biller only validates (VALIDATE_AND_PAY). */
  amount?: string;
}

/** What `cashfreeBbps` needs in a checkout's `destination` to pay one bill. */
export interface BbpsBillDestination {
  bill: BbpsBill;
}

/**
 * A `resolveCheckout` answer for a fetched bill: its amount in rupees, a reference, the bill to pay as
 * `destination`, and a summary (customer, bill number, due date, amount) for the element to show.
 */
export function bbpsCheckout(bill: BbpsBill, reference?: string): ResolvedCheckout {
  const summary = [
    { label: 'Customer', value: bill.customerName },
    ...(bill.billNumber ? [{ label: 'Bill number', value: bill.billNumber }] : []),
    ...(bill.billPeriod ? [{ label: 'Bill period', value: bill.billPeriod }] : []),
    ...(bill.dueDate ? [{ label: 'Due date', value: bill.dueDate }] : []),
    { label: 'Amount due', value: `₹${bill.amount.value}` },
  ];
  return {
    amount: bill.amount,
    reference: (reference ?? `BILL-${bill.billNumber ?? bill.refId}`).slice(0, 140),
    description: `Bill payment to ${bill.billerId}`,
    destination: { bill } satisfies BbpsBillDestination,
    summary,
    // A bill is paid once: the biller and the customer's parameters name it across bill fetches.
    payOnce: `bbps:${bill.billerId}:${JSON.stringify(Object.entries(bill.customerParams).sort())}`,
  };
}
