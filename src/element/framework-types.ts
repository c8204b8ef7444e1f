import type { PayByBankEventDetails, PayByBankEventName } from '../core/checkout-events.js';
import type { FlowSetting, Theme } from '../core/config.js';
import type { MessageKey, PayByBankStrings, SupportedLocale } from '../core/i18n.js';

export type {
  FlowSetting,
  MessageKey,
  PayByBankEventDetails,
  PayByBankEventName,
  PayByBankStrings,
  SupportedLocale,
  Theme,
};

/**
 * The element's attributes as markup writes them (kebab-case), for typing `<pay-by-bank>` in a
 * framework's templates. `flow` and `theme` take only the values the element accepts.
 */
export interface PayByBankAttributes {
  /** URL of the merchant's server kit (relative or absolute). Required. */
  endpoint: string;
  /** Opaque checkout reference sent to the merchant's server, which decides amount and reference. */
  checkout?: string;
  /** Amount to show, in major units ("42.00"); display only. */
  amount?: string;
  /** ISO 4217 currency of `amount`. */
  currency?: string;
  /** ISO 3166 country whose banks to list first. */
  country?: string;
  /** Language and formatting locale. */
  locale?: string;
  /** How to hand off to the bank. */
  flow?: FlowSetting;
  /** Where the bank sends the payer back; defaults to this page. */
  'return-url'?: string;
  /** Id of a bank to preselect. */
  bank?: string;
  theme?: Theme;
  disabled?: boolean;
  /** Drops the element's own border, inside a card of the merchant's. */
  frameless?: boolean;
  /** Offers the payer's last-used bank first (this origin's localStorage only). */
  'remember-bank'?: boolean;
}

/** Each `pay-by-bank-*` event as a listener receives it. */
export type PayByBankEventMap = {
  [Name in PayByBankEventName]: CustomEvent<PayByBankEventDetails[Name]>;
};

export type PayByBankReadyEvent = PayByBankEventMap['pay-by-bank-ready'];
export type PayByBankSelectEvent = PayByBankEventMap['pay-by-bank-select'];
export type PayByBankRedirectEvent = PayByBankEventMap['pay-by-bank-redirect'];
export type PayByBankStatusEvent = PayByBankEventMap['pay-by-bank-status'];
export type PayByBankSuccessEvent = PayByBankEventMap['pay-by-bank-success'];
export type PayByBankFailureEvent = PayByBankEventMap['pay-by-bank-failure'];
export type PayByBankCancelEvent = PayByBankEventMap['pay-by-bank-cancel'];
export type PayByBankPendingEvent = PayByBankEventMap['pay-by-bank-pending'];

/**
 * Listener props named `on` + the event's exact name (`onpay-by-bank-success`): how React 19, Preact
 * and Svelte 5 attach listeners for custom events on custom elements.
 */
export type PayByBankEventAttributes = {
  [Name in PayByBankEventName as `on${Name}`]?: (event: PayByBankEventMap[Name]) => void;
};

type PascalCase<Kebab extends string> = Kebab extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${PascalCase<Tail>}`
  : Capitalize<Kebab>;

/** Vue compiles `@pay-by-bank-success` to the prop `onPayByBankSuccess`: these type-check it. */
export type PayByBankVueListeners = {
  [Name in PayByBankEventName as `on${PascalCase<Name>}`]?: (
    event: PayByBankEventMap[Name],
  ) => void;
};

/** Solid attaches `on:pay-by-bank-success` as a listener of exactly that event. */
export type PayByBankSolidListeners = {
  [Name in PayByBankEventName as `on:${Name}`]?: (event: PayByBankEventMap[Name]) => void;
};
