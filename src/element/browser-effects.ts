import { openBankWindow } from '../core/bank-window.js';
import { browserDeviceTraits } from '../core/flow.js';

/**
 * The few browser effects tests must observe without leaving the test page. Internal: not exported
 * from the package's entries; the tests import this module directly and stub its members.
 */
export const browserEffects = {
  navigate: (url: string) => window.location.assign(url),
  openBankWindow,
  device: browserDeviceTraits,
};
