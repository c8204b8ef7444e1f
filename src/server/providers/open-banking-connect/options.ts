import type { Bank } from '../../../core/protocol.js';
import type { CreateProviderPaymentInput } from '../../provider.js';
import type { ProviderConnectionOptions } from '../provider-client.js';

/** A bank the payer may choose, with its Open Banking Connect ASPSP id (a UUID). */
export type OpenBankingConnectBank = Bank & { aspspId?: string };

/** A UK account for Faster Payments: the account number, and the sort code of its bank. */
export interface FasterPaymentsAccount {
  /** The 8-digit account number. */
  identification: string;
  /** Sent as `creditorAgent { clearingSystemIdentification: 'UK.SortCode', memberIdentification }`. */
  sortCode: string;
  /** The spec's only UK scheme; sent as given. Default `UK.AccountNumber`. */
  schemeName?: 'UK.AccountNumber';
}

/** A Polish account for Elixir. */
export interface ElixirAccount {
  identification: string;
  /** The spec's only Polish scheme. Default `PL.AccountNumber`. */
  schemeName?: 'PL.AccountNumber';
}

/** @deprecated Use `FasterPaymentsAccount` or `ElixirAccount`. */
export type DomesticCreditorAccount = FasterPaymentsAccount | ElixirAccount;

/** A SEPA creditor: IBAN, the BIC of its bank (required by the spec) and its country. */
export interface SepaCreditorAccount {
  iban: string;
  bicfi: string;
  country: string;
}

/** Where the money goes, per scheme; a checkout's `destination` of the same shape wins. */
export interface OpenBankingConnectCreditor {
  /** At most 70 characters (the spec's `creditorName`). */
  name: string;
  /** GBP, `UK.FasterPayments`. */
  fasterPayments?: FasterPaymentsAccount;
  /** PLN, `PL.Elixir`. */
  elixir?: ElixirAccount;
  /** EUR, SEPA credit transfer. */
  sepa?: SepaCreditorAccount;
}

/** The spec's `instructionPriority`. */
export type InstructionPriority = 'Normal' | 'Urgent';

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
  /** SEPA `instructionPriority` (the spec requires it for SEPA). Default `Normal`. */
  instructionPriority?: InstructionPriority;
  /**
   * SEPA's required `debtorName`, the payer's legal name, when the merchant knows it (from its
   * checkout, say). Default: the payer's `name`, which SEPA banks then ask for (a bank `field`).
   */
  debtorName?: (input: CreateProviderPaymentInput) => string | undefined;
}
