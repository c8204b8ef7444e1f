/** The popup the payer authorises in, and how its return page tells the element. */

export const BANK_WINDOW_NAME = 'pay-by-bank-bank-window';
/** What the return page inside the bank window posts to the shop's page (bank-window-return.ts). */
export const RETURN_MESSAGE = 'pay-by-bank:returned';

export interface BankWindow {
  /** Points the window at the bank once the server has answered. */
  load(url: string): void;
  isClosed(): boolean;
  focus(): void;
  close(): void;
}

/** Sized to a bank's login page and centred over the shop's window. */
function features(): string {
  const width = Math.min(500, screen.availWidth);
  const height = Math.min(720, screen.availHeight);
  const left = Math.round(window.screenX + (window.outerWidth - width) / 2);
  const top = Math.round(window.screenY + (window.outerHeight - height) / 2);
  return `popup,width=${width},height=${height},left=${left},top=${top}`;
}

/**
 * Opens the bank window. It must run inside the payer's click (browsers block popups opened later),
 * so it opens blank and is pointed at the bank afterwards. Undefined when the browser blocked it.
 */
export function openBankWindow(url = 'about:blank'): BankWindow | undefined {
  let opened: Window | null;
  try {
    opened = window.open(url, BANK_WINDOW_NAME, features());
  } catch {
    opened = null;
  }
  if (!opened) return undefined;
  const bankWindow = opened;
  return {
    load: (next) => bankWindow.location.replace(next),
    isClosed: () => bankWindow.closed,
    focus: () => bankWindow.focus(),
    close: () => bankWindow.close(),
  };
}
