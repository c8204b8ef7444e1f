export type SandboxProvider = 'mastercard' | 'aiia';

/** A payment as the simulated provider holds it, in the provider's own status vocabulary. */
export interface SandboxPayment {
  provider: SandboxProvider;
  id: string;
  /** Opens the bank page; unguessable, like the providers' start tokens. */
  token: string;
  bankId?: string;
  amount: { value: string; currency: string };
  reference?: string;
  creditorName: string;
  redirectUrl: string;
  /** Mastercard `status.code` or Aiia `status`. */
  status: string;
  terminal: boolean;
  details?: Record<string, unknown>;
  accountId?: string;
  createdAt: Date;
  updatedAt: Date;
  /** The create request as received, echoed by Mastercard's payment object. */
  request: Record<string, unknown>;
}

export interface SandboxAccount {
  id: string;
  name: string;
  iban: string;
}

/** The accounts every sandbox payer has at every bank. */
export const SANDBOX_ACCOUNTS: readonly SandboxAccount[] = [
  { id: 'acc-everyday', name: 'Everyday account', iban: 'DE89 3704 0044 0532 0130 00' },
  { id: 'acc-savings', name: 'Savings account', iban: 'DE02 1203 0000 0000 2020 51' },
];
