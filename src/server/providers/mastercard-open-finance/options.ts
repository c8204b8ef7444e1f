import type { CreateProviderPaymentInput } from '../../provider.js';
import type { ProviderConnectionOptions } from '../provider-client.js';

/** `destination.address` (see `docs/protocol.md`, "Mastercard Open Finance Europe"). */
export interface MastercardAddress {
  street?: string;
  buildingNumber?: string;
  postalCode?: string;
  city?: string;
  country?: string;
}

/**
 * Where the money goes: e-commerce pays the merchant's account, bill payment a biller's inpayment
 * form. `iban` is an object, `{ ibanNumber }`, as the "requesting payments" guide has it.
 */
export type MastercardDestination =
  | { iban: { ibanNumber: string }; name: string; address?: MastercardAddress }
  | { bban: { bankCode: string; accountNumber: string }; name: string; address?: MastercardAddress }
  | { inpaymentForm: { type: string; creditorNumber: string }; name?: string };

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
  /** The payer is already in an Open Finance session: post to `sessionPath`. */
  session?: boolean;
  /**
   * Where session payments are posted. Default `/v1/payments/create/session` (the bill payments
   * guide); the public Postman collection posts them to `/v1/payments/create` (see `docs/protocol.md`).
   */
  sessionPath?: string;
  /** `Authorization` for refresh-status (a user access token), when the integration has one. */
  accessToken?: () => string | Promise<string>;
  /** Payment execution, e.g. `{ type: 'Instant' }`. */
  execution?: { type: 'Normal' | 'Instant' | 'SpecificDate'; date?: string };
  /** How long the bank list is kept. Default 5 minutes. */
  bankCacheMs?: number;
}
