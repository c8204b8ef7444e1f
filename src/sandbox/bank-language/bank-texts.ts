/** The reason codes the sandbox bank offers when the payer rejects (ISO 20022 status reason codes). */
export type RejectReasonCode = 'AM04' | 'AC06' | 'AG01' | 'MS03';

/**
 * Every text of the sandbox's bank pages, in one language. `{bank}` and `{status}` are filled in;
 * brand names, amounts and IBANs are not translated.
 */
export interface BankTexts {
  /** The page title: `{bank}` is the bank's name. */
  title: string;
  heading: string;
  sandbox: string;
  amount: string;
  to: string;
  reference: string;
  yourBank: string;
  payFrom: string;
  everydayAccount: string;
  savingsAccount: string;
  rejectReason: string;
  approve: string;
  reject: string;
  cancel: string;
  pending: string;
  chooseDecision: string;
  chooseAccount: string;
  chooseBank: string;
  chooseReason: string;
  linkInvalid: string;
  linkUnknown: string;
  linkExpired: string;
  linkExpiredText: string;
  finished: string;
  /** `{status}` is the provider's own status code. */
  finishedText: string;
  startAgain: string;
  returnToShop: string;
  reasons: Record<RejectReasonCode, string>;
}

export type BankTextKey = Exclude<keyof BankTexts, 'reasons'>;

export const en: BankTexts = {
  title: '{bank}: confirm your payment',
  heading: 'Confirm your payment',
  sandbox: 'Sandbox: no real money moves',
  amount: 'Amount',
  to: 'To',
  reference: 'Reference',
  yourBank: 'Your bank',
  payFrom: 'Pay from',
  everydayAccount: 'Everyday account',
  savingsAccount: 'Savings account',
  rejectReason: 'Reason to reject',
  approve: 'Approve payment',
  reject: 'Reject',
  cancel: 'Cancel payment',
  pending: 'Leave pending',
  chooseDecision: 'Choose Approve, Reject, Cancel or Leave pending.',
  chooseAccount: 'Choose the account to pay from.',
  chooseBank: 'Choose your bank.',
  chooseReason: 'Choose a reason.',
  linkInvalid: 'Link not valid',
  linkUnknown: 'This payment link is unknown.',
  linkExpired: 'Link expired',
  linkExpiredText: 'This payment link has expired. Start the payment again at the shop.',
  finished: 'Payment already finished',
  finishedText: 'This payment is already {status}.',
  startAgain: 'Start again at the shop.',
  returnToShop: 'Return to the shop',
  reasons: {
    AM04: 'Insufficient funds',
    AC06: 'Account blocked',
    AG01: 'Transaction forbidden',
    MS03: 'Reason not specified',
  },
};

/** Fills `{name}` placeholders; an unknown one stays visible rather than vanishing. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
