import { guard } from './attempt-storage.js';

const KEY = 'pay-by-bank:last-bank';

/**
 * The bank the payer last paid with, when the merchant opts in (`remember-bank`). Kept in this
 * origin's localStorage only: it orders the list in this browser and is never sent to a server.
 */
export interface RememberedBank {
  load(): string | undefined;
  save(bankId: string): void;
}

export function rememberedBank(storage: () => Storage | undefined): RememberedBank {
  return {
    load: () => guard(() => storage()?.getItem(KEY) ?? undefined, undefined),
    save: (bankId) => guard(() => storage()?.setItem(KEY, bankId), undefined),
  };
}

/** The browser's localStorage, or undefined where reading it throws. */
export const localStorageOrUndefined = () => guard(() => globalThis.localStorage, undefined);
