import type { Bank } from '../../../core/protocol.js';
import type { ProviderConnectionOptions } from '../provider-client.js';

/** A bank the payer may choose, with its Open Banking Connect ASPSP id (a UUID). */
export type OpenBankingConnectBank = Bank & { aspspId?: string };

/** An account number in a domestic scheme, e.g. `{ schemeName: 'SortCodeAccountNumber', … }`. */
export interface DomesticCreditorAccount {
  identification: string;
  schemeName: string;
  /** The creditor's bank, where the scheme needs it. */
  agent?: string;
}

/** Where the money goes, per scheme; a checkout's `destination` of the same shape wins. */
export interface OpenBankingConnectCreditor {
  name: string;
  /** GBP, `UK.FasterPayments`. */
  fasterPayments?: DomesticCreditorAccount;
  /** PLN, `PL.Elixir`. */
  elixir?: DomesticCreditorAccount;
  /** EUR, SEPA credit transfer. */
  sepa?: { iban: string; bicfi?: string; country: string };
}

export interface OpenBankingConnectOptions extends ProviderConnectionOptions {
  /**
   * Up to and including `/connect/api`, e.g. `https://api.mastercard.com/openbanking/connect/api`, or
   * the sandbox's `${url}/obc/openbanking/sandbox/connect/api`.
   */
  baseUrl: string;
  /** Sent as `oauth_consumer_key` when no `authorize` is given (enough for the sandbox). */
  clientId?: string;
  /**
   * The `Authorization` header of one call. Mastercard signs each request (OAuth 1.0a with the body
   * hash); plug the signer in here. Default: an unsigned header naming `clientId`.
   */
  authorize?: (call: { method: string; url: string; body: string }) => string | Promise<string>;
  merchant: { id: string; name: string };
  /** The banks offered to the payer. */
  banks: OpenBankingConnectBank[];
  /** The ASPSP id of a bank; default: `aspsps[bankId]`, then the bank's own `aspspId`. */
  aspspIdFor?: (bankId: string) => string | undefined;
  aspsps?: Record<string, string>;
  creditor: OpenBankingConnectCreditor;
  /** Default `auto`: SEPA for EUR, domestic (Faster Payments for GBP, Elixir for PLN) otherwise. */
  scheme?: 'domestic' | 'sepa' | 'auto';
  /** SEPA `instructionPriority`. Default `NORM`. */
  instructionPriority?: 'NORM' | 'HIGH';
}
