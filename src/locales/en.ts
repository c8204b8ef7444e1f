import { enBankList } from './en-bank-list.js';
import { enPayment } from './en-payment.js';

/**
 * The English catalog: the source of every message key. Other locales implement the same keys.
 * Written in two parts so that the first paint carries only the bank list's words.
 */
export const en = { ...enBankList, ...enPayment };

export type MessageKey = keyof typeof en;
/** The keys the bank list and the views before Pay use: English has them without a fetch. */
export type BankListKey = keyof typeof enBankList;
export type Catalog = Record<MessageKey, string>;
