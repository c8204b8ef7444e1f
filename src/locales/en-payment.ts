/**
 * The English words after Pay: progress, bank window, QR code, outcomes and the reasons a payment
 * failed. A lazily loaded chunk, fetched while the bank list is shown.
 */
export const enPayment = {
  // The other CLDR plural categories (Intl.PluralRules#select): English never picks them, so they
  // stay out of the first paint; other languages do (Polish "few"/"many", Arabic "zero"/"two"...),
  // so every catalog words all six.
  bankCountZero: '{count} banks',
  bankCountTwo: '{count} banks',
  bankCountFew: '{count} banks',
  bankCountMany: '{count} banks',
  redirecting: 'Taking you to {bank}…',
  statusAuthorised: 'Your bank approved the payment. Finishing up…',
  statusProcessing: 'Your payment is being processed…',
  offline: 'You are offline. We will check again when you are back online.',
  yourBank: 'your bank',
  successTitle: 'Payment complete',
  successAmount: '{amount} paid',
  reference: 'Reference: {reference}',
  failedTitle: 'Payment failed',
  failedReason: 'Your bank did not accept the payment.',
  cancelledTitle: 'Payment cancelled',
  cancelledReason: 'The payment was cancelled and nothing was charged.',
  expiredTitle: 'The link expired',
  expiredReason: 'The payment ran out of time before it was approved. Please try again.',
  pendingTitle: 'Payment not confirmed yet',
  pendingReason:
    'Your bank has not confirmed the payment yet. The shop will let you know when it does; do not pay again.',
  errorUnsafeLink: 'We stopped this payment because the bank link was not secure.',
  popupWaiting: 'Continue in the window of {bank}',
  popupHint:
    'We opened your bank in a new window. Approve the payment there; this page updates by itself.',
  showBankWindow: 'Show the bank window',
  popupBlocked: 'Your browser blocked the bank window.',
  continueToBank: 'Continue to {bank}',
  popupClosed: 'The bank window was closed before the payment was approved.',
  reopenBankWindow: 'Reopen the bank window',
  qrTitle: 'Scan to pay with your phone',
  qrHint: 'Point your phone camera at the code to open {bank} and approve the payment.',
  qrAlt: 'QR code to pay with {bank} on your phone',
  qrValidFor: 'Code valid for {time}',
  qrRenewing: 'Getting a new code…',
  upiQrTitle: 'Scan with any UPI app',
  upiQrHint: 'Approve with your UPI PIN.',
  receiptTitle: 'BBPS receipt',
  receiptBiller: 'Biller',
  receiptBillNumber: 'Bill number',
  receiptBbpsReference: 'BBPS transaction reference',
  receiptDate: 'Date',
  pendingBillReason:
    '{biller} has not confirmed your bill payment yet. The biller will confirm it; do not pay this bill again.',
  payOnThisDevice: 'Pay on this device instead',
  handedBack: 'Done. You can close this window and go back to the shop.',
  startAgain: 'Start again',
  chooseAnotherBank: 'Choose another bank',
  // Why a payment failed or could not start, one per payer-visible error code (see message-keys.ts).
  // The payer reads these, never the developer's `message`, which goes to the console.
  reasonInsufficientFunds: 'There is not enough money in the account for this payment.',
  reasonAmountLimitExceeded:
    'The amount is above your bank’s limit for this payment. You may be able to change the limit in your banking app.',
  reasonDuplicatePayment: 'This payment has already been made. Please do not pay again.',
  reasonAccountClosed: 'This account is closed. Choose another account or bank.',
  reasonAccountBlocked: 'This account is blocked. Contact your bank or choose another account.',
  reasonTransactionForbidden: 'Your bank does not allow this payment from this account.',
  reasonPaymentDeclined: 'Your bank declined the payment.',
  reasonAuthenticationFailed: 'Your bank could not confirm it was you, so nothing was paid.',
  reasonBankUnavailable:
    'Your bank is not available right now. Please try again later or choose another bank.',
  reasonProviderUnavailable:
    'The payment service is not available right now. Please try again in a moment.',
  reasonProviderError:
    'The payment service could not start this payment. Please try again or choose another bank.',
  reasonMalformedResponse: 'The shop sent an answer we could not read. Please try again.',
  reasonInvalidPayerInput: 'Some details are missing or incorrect. Check them and try again.',
  reasonUnknownCheckout:
    'This checkout is no longer available. Go back to the shop and start again.',
  reasonUnknownPayment: 'We could not find this payment. Go back to the shop to check your order.',
  reasonPaymentInProgress:
    'This payment is already being started. Wait a moment before you try again.',
  reasonTooManyAttempts: 'Too many attempts. Wait a moment, then try again.',
  reasonInvalidReturn:
    'We could not confirm your return from the bank. Check your order with the shop before paying again.',
  reasonBillAlreadyPaid: 'This bill has already been paid. Please do not pay it again.',
  reasonNoBillDue: 'There is no bill due for these details right now.',
  reasonInvalidBillDetails: 'The biller did not recognize these details. Check them and try again.',
  reasonBillerUnavailable: 'The biller is not available right now. Please try again later.',
  reasonBillAmountMismatch:
    'The amount does not match the bill. Go back to the shop and start again.',
  reasonBillBeingPaid:
    'This bill is already paid or its payment is being processed. Do not pay it again.',
  reasonGeneric:
    'The payment could not be completed. Please try again or choose another way to pay.',
  receiptLabel: 'Receipt',
  receiptPaid: 'Paid',
  receiptBank: 'Bank',
  failedNextStep: 'Nothing was taken. Try again, or choose another bank.',
  cancelledNextStep: 'Pay with the same bank again, or choose another.',
  pendingNextStep: 'You can close this page: the shop confirms your order once your bank does.',
  qrStepWait: 'Keep this page open: it moves on by itself once your bank confirms.',
};
