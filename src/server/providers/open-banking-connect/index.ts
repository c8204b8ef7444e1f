export { openBankingConnect } from './adapter.js';
export type {
  OpenBankingConnectOptions,
  OpenBankingConnectBank,
  OpenBankingConnectCreditor,
  DomesticCreditorAccount,
  FasterPaymentsAccount,
  ElixirAccount,
  SepaCreditorAccount,
  InstructionPriority,
} from './options.js';
export { OPEN_BANKING_CONNECT_STATUSES } from './status.js';
