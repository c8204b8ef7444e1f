export { mastercardOpenFinance } from './adapter.js';
export type { MastercardOpenFinanceOptions, MastercardDestination } from './options.js';
