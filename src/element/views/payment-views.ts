/**
 * The views after the payer commits, in a chunk of their own: fetched while the bank list is shown,
 * so the first paint of the bank list does not wait for them.
 */
export { outcomeView } from './outcome-view.js';
export { bankWindowView, handedBackView } from './bank-window-view.js';
