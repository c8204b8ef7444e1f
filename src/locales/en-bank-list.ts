/**
 * The English words of the first paint: the bank list, loading, waiting, and the errors met before Pay.
 * They ship in `dist/pay-by-bank.js`; the rest of English (`en-payment.ts`) is a lazily loaded chunk,
 * like every other language (docs/architecture.md, "Chunks").
 */
export const enBankList = {
  title: 'Pay by bank',
  country: 'Country',
  searchLabel: 'Search for your bank',
  searchPlaceholder: 'Bank name',
  bankListLabel: 'Banks',
  bankCountOne: '1 bank',
  bankCountOther: '{count} banks',
  noMatch: 'No bank matches “{query}”.',
  noBanks: 'No banks are available here yet.',
  popular: 'Popular',
  degraded: 'May be slow right now',
  unavailable: 'Unavailable right now',
  payWithBank: 'Pay {amount} with {bank}',
  continueWithBank: 'Continue with {bank}',
  chooseBank: 'Choose your bank to pay',
  // Shown on the bank list once the payer presses Pay, or with more than 100 banks, and right
  // after Pay: the payer may get there before the rest of English has arrived.
  fieldRequired: 'Enter your {label}.',
  fieldInvalid: 'Check your {label}: it is not in the expected format.',
  moreResults: 'Showing {shown} of {total}. Type to narrow the list.',
  creating: 'Preparing your payment…',
  loadingBanks: 'Loading banks…',
  statusWaiting: 'Waiting for confirmation from your bank…',
  errorTitle: 'Something went wrong',
  errorNetwork: 'We could not reach the shop. Check your connection and try again.',
  errorTimeout: 'The shop took too long to answer. Please try again.',
  errorServer: 'The shop could not start the payment. Please try again.',
  configErrorTitle: 'Pay by bank is not available',
  configErrorBody: 'This payment option is not set up correctly. Please choose another way to pay.',
  tryAgain: 'Try again',
  // Before Pay, beside the bill: who is paid and the reference (docs/protocol.md, banks).
  payee: 'Payee',
  receiptReference: 'Reference',
};
