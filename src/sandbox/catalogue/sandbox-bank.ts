export type SandboxBankStatus = 'available' | 'degraded' | 'unavailable';

/** One fictional bank of the sandbox's catalogue. */
export interface SandboxBank {
  /** Open Finance style: country prefix, then a name, e.g. `DE_NordhafenSparkasse`. */
  id: string;
  name: string;
  country: string;
  currency: string;
  color: string;
  popular: boolean;
  status: SandboxBankStatus;
}
