import type { Catalog } from './en.js';

/** German (formal "Sie", as German banks and payment providers address payers). */
export const de: Catalog = {
  title: 'Per Bank bezahlen',
  country: 'Land',
  searchLabel: 'Bank suchen',
  searchPlaceholder: 'Name der Bank',
  bankListLabel: 'Banken',
  bankCountOne: '{count} Bank',
  bankCountOther: '{count} Banken',
  bankCountZero: '{count} Banken',
  bankCountTwo: '{count} Banken',
  bankCountFew: '{count} Banken',
  bankCountMany: '{count} Banken',
  noMatch: 'Keine Bank gefunden für „{query}“.',
  noBanks: 'Hier sind noch keine Banken verfügbar.',
  moreResults:
    '{shown} von {total} werden angezeigt. Tippen Sie weiter, um die Liste einzugrenzen.',
  popular: 'Beliebt',
  degraded: 'Derzeit möglicherweise langsam',
  unavailable: 'Derzeit nicht verfügbar',
  payWithBank: '{amount} mit {bank} bezahlen',
  continueWithBank: 'Weiter mit {bank}',
  chooseBank: 'Wählen Sie Ihre Bank aus',
  fieldRequired: 'Bitte füllen Sie das Feld „{label}“ aus.',
  fieldInvalid: 'Bitte prüfen Sie das Feld „{label}“: Das Format stimmt nicht.',
  loadingBanks: 'Banken werden geladen…',
  creating: 'Ihre Zahlung wird vorbereitet…',
  redirecting: 'Sie werden zu {bank} weitergeleitet…',
  statusWaiting: 'Warten auf die Bestätigung Ihrer Bank…',
  statusAuthorised: 'Ihre Bank hat die Zahlung freigegeben. Einen Moment noch…',
  statusProcessing: 'Ihre Zahlung wird verarbeitet…',
  offline: 'Sie sind offline. Sobald Sie wieder verbunden sind, prüfen wir den Status erneut.',
  successTitle: 'Zahlung erfolgreich',
  successAmount: '{amount} bezahlt',
  reference: 'Referenz: {reference}',
  failedTitle: 'Zahlung fehlgeschlagen',
  failedReason: 'Ihre Bank hat die Zahlung nicht angenommen.',
  cancelledTitle: 'Zahlung abgebrochen',
  cancelledReason: 'Die Zahlung wurde abgebrochen. Es wurde nichts abgebucht.',
  expiredTitle: 'Der Link ist abgelaufen',
  expiredReason:
    'Die Zeit für die Freigabe der Zahlung ist abgelaufen. Bitte versuchen Sie es erneut.',
  pendingTitle: 'Zahlung noch nicht bestätigt',
  pendingReason:
    'Ihre Bank hat die Zahlung noch nicht bestätigt. Der Shop informiert Sie, sobald das geschieht. Bitte zahlen Sie nicht noch einmal.',
  errorTitle: 'Etwas ist schiefgelaufen',
  errorNetwork:
    'Der Shop ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  errorTimeout: 'Der Shop hat zu lange nicht geantwortet. Bitte versuchen Sie es erneut.',
  errorServer: 'Der Shop konnte die Zahlung nicht starten. Bitte versuchen Sie es erneut.',
  errorUnsafeLink: 'Wir haben diese Zahlung gestoppt, weil der Link zur Bank nicht sicher war.',
  configErrorTitle: 'Bezahlen per Bank ist nicht verfügbar',
  configErrorBody:
    'Diese Zahlungsart ist nicht richtig eingerichtet. Bitte wählen Sie eine andere Zahlungsart.',
  popupWaiting: 'Weiter im Fenster von {bank}',
  popupHint:
    'Ihre Bank wurde in einem neuen Fenster geöffnet. Geben Sie die Zahlung dort frei; diese Seite aktualisiert sich automatisch.',
  showBankWindow: 'Bankfenster anzeigen',
  popupBlocked: 'Ihr Browser hat das Bankfenster blockiert.',
  continueToBank: 'Weiter zu {bank}',
  popupClosed: 'Das Bankfenster wurde geschlossen, bevor die Zahlung freigegeben war.',
  reopenBankWindow: 'Bankfenster erneut öffnen',
  qrTitle: 'Mit dem Smartphone scannen und bezahlen',
  qrHint:
    'Richten Sie die Kamera Ihres Smartphones auf den Code, um {bank} zu öffnen und die Zahlung freizugeben.',
  qrAlt: 'QR-Code zum Bezahlen mit {bank} auf Ihrem Smartphone',
  qrValidFor: 'Code gültig für {time}',
  qrRenewing: 'Neuer Code wird erstellt…',
  upiQrTitle: 'Mit einer beliebigen UPI-App scannen',
  upiQrHint: 'Bestätigen Sie mit Ihrer UPI-PIN.',
  receiptTitle: 'BBPS-Beleg',
  receiptBiller: 'Rechnungssteller',
  receiptBillNumber: 'Rechnungsnummer',
  receiptBbpsReference: 'BBPS-Transaktionsreferenz',
  receiptDate: 'Datum',
  pendingBillReason:
    '{biller} hat Ihre Rechnungszahlung noch nicht bestätigt. Der Rechnungssteller bestätigt sie; bezahlen Sie diese Rechnung nicht noch einmal.',
  payOnThisDevice: 'Stattdessen auf diesem Gerät bezahlen',
  handedBack: 'Fertig. Sie können dieses Fenster schließen und zum Shop zurückkehren.',
  yourBank: 'Ihre Bank',
  tryAgain: 'Erneut versuchen',
  startAgain: 'Neu starten',
  chooseAnotherBank: 'Andere Bank wählen',
  reasonInsufficientFunds: 'Das Guthaben auf dem Konto reicht für diese Zahlung nicht aus.',
  reasonAmountLimitExceeded:
    'Der Betrag liegt über dem Limit Ihrer Bank für diese Zahlung. Das Limit können Sie eventuell in Ihrer Banking-App ändern.',
  reasonDuplicatePayment:
    'Diese Zahlung wurde bereits ausgeführt. Bitte zahlen Sie nicht noch einmal.',
  reasonAccountClosed:
    'Dieses Konto ist geschlossen. Wählen Sie ein anderes Konto oder eine andere Bank.',
  reasonAccountBlocked:
    'Dieses Konto ist gesperrt. Wenden Sie sich an Ihre Bank oder wählen Sie ein anderes Konto.',
  reasonTransactionForbidden: 'Ihre Bank erlaubt diese Zahlung von diesem Konto nicht.',
  reasonPaymentDeclined: 'Ihre Bank hat die Zahlung abgelehnt.',
  reasonAuthenticationFailed:
    'Ihre Bank konnte Ihre Identität nicht bestätigen. Es wurde nichts bezahlt.',
  reasonBankUnavailable:
    'Ihre Bank ist derzeit nicht erreichbar. Bitte versuchen Sie es später erneut oder wählen Sie eine andere Bank.',
  reasonProviderUnavailable:
    'Der Zahlungsdienst ist derzeit nicht verfügbar. Bitte versuchen Sie es gleich noch einmal.',
  reasonProviderError:
    'Der Zahlungsdienst konnte diese Zahlung nicht starten. Bitte versuchen Sie es erneut oder wählen Sie eine andere Bank.',
  reasonMalformedResponse:
    'Die Antwort des Shops war unverständlich. Bitte versuchen Sie es erneut.',
  reasonInvalidPayerInput:
    'Einige Angaben fehlen oder sind nicht korrekt. Bitte prüfen Sie sie und versuchen Sie es erneut.',
  reasonUnknownCheckout:
    'Dieser Bezahlvorgang ist nicht mehr verfügbar. Gehen Sie zurück zum Shop und beginnen Sie neu.',
  reasonUnknownPayment:
    'Wir konnten diese Zahlung nicht finden. Prüfen Sie Ihre Bestellung im Shop.',
  reasonPaymentInProgress:
    'Diese Zahlung wird bereits gestartet. Bitte warten Sie einen Moment, bevor Sie es erneut versuchen.',
  reasonTooManyAttempts:
    'Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
  reasonInvalidReturn:
    'Wir konnten Ihre Rückkehr von der Bank nicht bestätigen. Prüfen Sie Ihre Bestellung im Shop, bevor Sie erneut bezahlen.',
  reasonBillAlreadyPaid:
    'Diese Rechnung wurde bereits bezahlt. Bitte zahlen Sie sie nicht noch einmal.',
  reasonNoBillDue: 'Für diese Angaben ist derzeit keine Rechnung fällig.',
  reasonInvalidBillDetails:
    'Der Rechnungssteller hat diese Angaben nicht erkannt. Bitte prüfen Sie sie und versuchen Sie es erneut.',
  reasonBillerUnavailable:
    'Der Rechnungssteller ist derzeit nicht erreichbar. Bitte versuchen Sie es später erneut.',
  reasonBillAmountMismatch:
    'Der Betrag stimmt nicht mit der Rechnung überein. Gehen Sie zurück zum Shop und beginnen Sie neu.',
  reasonBillBeingPaid:
    'Diese Rechnung ist bereits bezahlt oder ihre Zahlung wird gerade bearbeitet. Bezahlen Sie sie nicht noch einmal.',
  reasonGeneric:
    'Die Zahlung konnte nicht abgeschlossen werden. Bitte versuchen Sie es erneut oder wählen Sie eine andere Zahlungsart.',
  payee: 'Empfänger',
  receiptLabel: 'Beleg',
  receiptPaid: 'Bezahlt',
  receiptReference: 'Referenz',
  receiptBank: 'Bank',
  failedNextStep:
    'Es wurde nichts abgebucht. Versuchen Sie es erneut oder wählen Sie eine andere Bank.',
  cancelledNextStep: 'Bezahlen Sie erneut mit derselben Bank oder wählen Sie eine andere.',
  pendingNextStep:
    'Sie können diese Seite schließen: Der Shop bestätigt Ihre Bestellung, sobald Ihre Bank die Zahlung bestätigt.',
  qrStepWait:
    'Lassen Sie diese Seite geöffnet: Sie geht von selbst weiter, sobald Ihre Bank bestätigt.',
};
