import type { ProviderConnectionOptions } from '../provider-client.js';
import type { BbpsRetryTable } from './errors.js';
import type { BbpsPaymentMode } from './payment-modes.js';
import type { UpiPayee } from './upi-intent.js';
import type { SignatureEncoding } from './webhook-signature.js';

export interface CashfreeBbpsOptions extends ProviderConnectionOptions {
  /** `https://sandbox.cashfree.com`, `https://api.cashfree.com`, or the sandbox's `${url}/cashfree`. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The Agent Institution id (`agent.id`), e.g. `OU01AI34INT001123456`. */
  agentId: string;
  webhookSecret: string;
  /**
   * `agent.device.tag` of a bill payment, and (as `init_channel`, `ip`, …) `agent_device_info` of a
   * bill fetch. Default `[{ name: 'INITIATING_CHANNEL', value: 'INT' }]`.
   */
  deviceTags?: { name: string; value: string }[];
  /**
   * Offered as the bank list. Default: UPI by intent and QR (with `upiPayee`), UPI collect (with
   * `upiCollect`) and Internet Banking (`ifsc`, `accountNo`).
   */
  paymentModes?: readonly BbpsPaymentMode[];
  /**
   * Who a UPI intent or QR pays: the collection UPI ID your Customer Operating Unit gives you (see
   * `docs/protocol.md`, "Cashfree BBPS"). Required to offer UPI by intent and QR.
   */
  upiPayee?: UpiPayee;
  /**
   * Offers UPI collect (the payer types a UPI ID and approves a request in their app). Off by default:
   * NPCI stopped person-to-person collect in October 2025 and merchant collect is being phased out.
   */
  upiCollect?: boolean;
  /** How long a UPI intent link (and its QR code) is offered before a fresh one. Default 5 minutes. */
  upiIntentTtlMs?: number;
  /**
   * Sandbox only: the https page that plays the payer's UPI app, `${sandboxUrl}/cashfree/upi/pay`.
   * The intent link is then that page with the same fields; the QR code keeps the `upi://pay` link.
   * A function when the page's origin is known only per request (a sandbox mounted in the shop).
   */
  upiAppUrl?: string | (() => string);
  /**
   * Waits between bill-fetch polls; the last repeats. Default 5 s, 15 s, 30 s, 1 min, then every 3 min
   * (see `docs/protocol.md`).
   */
  billFetchScheduleMs?: readonly number[];
  /** Gives up on a bill fetch still processing after this long. Default 15 minutes. */
  billFetchBudgetMs?: number;
  /** Default: a timer. Tests pass one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Accepted clock skew of webhook timestamps. Default 5 minutes. */
  webhookWindowMs?: number;
  /**
   * Cashfree's table of error codes and their retry categories, for the codes you meet: a failure
   * whose code it does not list counts as retryable (see `docs/protocol.md`).
   */
  retryCategories?: BbpsRetryTable;
  /** Cashfree's documentation says hex (see `docs/protocol.md`). */
  webhookSignatureEncoding?: SignatureEncoding;
}
