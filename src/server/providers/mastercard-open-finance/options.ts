import type { CreateProviderPaymentInput } from '../../provider.js';
import type { ProviderConnectionOptions } from '../provider-client.js';

/** Where the money goes: e-commerce pays the merchant's account, bill payment a biller's inpayment form. */
export type MastercardDestination =
  | { iban: string; name: string; address?: Record<string, string> }
  | {
      bban: { bankCode: string; accountNumber: string };
      name: string;
      address?: Record<string, string>;
    }
  | { inpaymentForm: Record<string, string>; name?: string }
  | Record<string, unknown>;

export interface MastercardOpenFinanceOptions extends ProviderConnectionOptions {
  /** e.g. `https://api.nordicapigateway.com`, or the sandbox's `${url}/mastercard`. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The default destination; a checkout's own `destination` (one bill, one biller) wins. */
  destination: MastercardDestination;
  /**
   * Identifies the payer to the provider. Default: a hash of the kit's payment id (each payment a new,
   * anonymous user). Give a function to map your own customer ids (never an email in clear).
   */
  userHash?: string | ((input: CreateProviderPaymentInput) => string);
  /** The payer is already in an Open Finance session: use `/v1/payments/create/session`. */
  session?: boolean;
  /** `Authorization` for refresh-status (a user access token), when the integration has one. */
  accessToken?: () => string | Promise<string>;
  /** Payment execution, e.g. `{ type: 'Instant' }`. */
  execution?: { type: 'Normal' | 'Instant' | 'SpecificDate'; date?: string };
  /** How long the bank list is kept. Default 5 minutes. */
  bankCacheMs?: number;
}
