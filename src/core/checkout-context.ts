import type { AttemptStorage } from './attempt-storage.js';
import type { BankWindow } from './bank-window.js';
import type { CheckoutEvents } from './checkout-events.js';
import type { FlowSetting } from './config.js';
import type { DeviceTraits } from './flow.js';
import type { MerchantClient } from './merchant-client.js';
import type { PageEnvironment } from './page-environment.js';
import type { RememberedBank } from './remembered-bank.js';

/** Everything the checkout needs from outside core: the merchant, the page, and where events go. */
export interface CheckoutDependencies {
  /** The page's visibility and connectivity; the browser page's when absent. */
  environment?: PageEnvironment;
  events: CheckoutEvents;
  navigate(url: string): void;
  newIdempotencyKey(): string;
  device: DeviceTraits;
  openBankWindow(url?: string): BankWindow | undefined;
  /**
   * Calls the listener with the payment id the bank window's return page reports; the browser
   * window's messages when absent.
   */
  onBankWindowReturn?(listener: (paymentId: string) => void): () => void;
  /**
   * On a return page inside the bank window: hands the payment to the opener; false elsewhere. The
   * browser window's when absent.
   */
  returnToOpener?(paymentId: string): boolean;
  /**
   * Runs work the bank list does not need (loading the payment half) once the list is painted, so
   * that it never delays it; at once when absent.
   */
  afterPaint?(run: () => void): void;
  pollBudgetMs?: number;
  random?: () => number;
}

/** What the page configured; it changes when the element's attributes do. */
export interface CheckoutSetup {
  client: MerchantClient;
  attempts: AttemptStorage;
  checkout: string | undefined;
  returnUrl: string;
  flow: FlowSetting;
  locale: string;
  preferredCountry: string | undefined;
  preselectedBankId: string | undefined;
  /** With `remember-bank`: the last-used bank, offered first and updated on success. */
  rememberedBank?: RememberedBank | undefined;
  allowedAuthorizationOrigins?: readonly string[];
}
