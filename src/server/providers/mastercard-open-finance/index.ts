export { mastercardOpenFinance } from './adapter.js';
export type {
  MastercardOpenFinanceOptions,
  MastercardDestination,
  MastercardAddress,
} from './options.js';
