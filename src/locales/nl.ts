import type { Catalog } from './en.js';

/** Dutch ("je", as iDEAL and Dutch banks' apps address payers). */
export const nl: Catalog = {
  title: 'Betalen via je bank',
  country: 'Land',
  searchLabel: 'Zoek je bank',
  searchPlaceholder: 'Naam van de bank',
  bankListLabel: 'Banken',
  bankCountOne: '{count} bank',
  bankCountOther: '{count} banken',
  bankCountZero: '{count} banken',
  bankCountTwo: '{count} banken',
  bankCountFew: '{count} banken',
  bankCountMany: '{count} banken',
  noMatch: 'Geen bank gevonden voor ‘{query}’.',
  noBanks: 'Hier zijn nog geen banken beschikbaar.',
  moreResults: '{shown} van {total} zichtbaar. Typ om de lijst te verkleinen.',
  popular: 'Populair',
  degraded: 'Kan nu traag zijn',
  unavailable: 'Nu niet beschikbaar',
  payWithBank: 'Betaal {amount} met {bank}',
  continueWithBank: 'Verder met {bank}',
  chooseBank: 'Kies je bank om te betalen',
  fieldRequired: 'Vul ‘{label}’ in.',
  fieldInvalid: 'Controleer ‘{label}’: de notatie klopt niet.',
  loadingBanks: 'Banken laden…',
  creating: 'Je betaling wordt voorbereid…',
  redirecting: 'Je gaat naar {bank}…',
  statusWaiting: 'Wachten op bevestiging van je bank…',
  statusAuthorised: 'Je bank heeft de betaling goedgekeurd. Even afronden…',
  statusProcessing: 'Je betaling wordt verwerkt…',
  offline: 'Je bent offline. We controleren opnieuw zodra je weer online bent.',
  successTitle: 'Betaling gelukt',
  successAmount: '{amount} betaald',
  reference: 'Kenmerk: {reference}',
  failedTitle: 'Betaling mislukt',
  failedReason: 'Je bank heeft de betaling niet geaccepteerd.',
  cancelledTitle: 'Betaling geannuleerd',
  cancelledReason: 'De betaling is geannuleerd en er is niets afgeschreven.',
  expiredTitle: 'De link is verlopen',
  expiredReason: 'De tijd voor het goedkeuren van de betaling is verstreken. Probeer het opnieuw.',
  pendingTitle: 'Betaling nog niet bevestigd',
  pendingReason:
    'Je bank heeft de betaling nog niet bevestigd. De winkel laat het je weten zodra dat gebeurt. Betaal niet opnieuw.',
  errorTitle: 'Er ging iets mis',
  errorNetwork:
    'We konden de winkel niet bereiken. Controleer je verbinding en probeer het opnieuw.',
  errorTimeout: 'De winkel reageerde te langzaam. Probeer het opnieuw.',
  errorServer: 'De winkel kon de betaling niet starten. Probeer het opnieuw.',
  errorUnsafeLink: 'We hebben deze betaling gestopt omdat de link naar de bank niet veilig was.',
  configErrorTitle: 'Betalen via je bank is niet beschikbaar',
  configErrorBody:
    'Deze betaalmethode is niet goed ingesteld. Kies een andere manier om te betalen.',
  popupWaiting: 'Ga verder in het venster van {bank}',
  popupHint:
    'We hebben je bank in een nieuw venster geopend. Keur de betaling daar goed; deze pagina wordt vanzelf bijgewerkt.',
  showBankWindow: 'Toon het bankvenster',
  popupBlocked: 'Je browser heeft het bankvenster geblokkeerd.',
  continueToBank: 'Verder naar {bank}',
  popupClosed: 'Het bankvenster is gesloten voordat de betaling was goedgekeurd.',
  reopenBankWindow: 'Open het bankvenster opnieuw',
  qrTitle: 'Scan en betaal met je telefoon',
  qrHint:
    'Richt de camera van je telefoon op de code om {bank} te openen en de betaling goed te keuren.',
  qrAlt: 'QR-code om met {bank} op je telefoon te betalen',
  qrValidFor: 'Code nog {time} geldig',
  qrRenewing: 'Nieuwe code ophalen…',
  upiQrTitle: 'Scan met een willekeurige UPI-app',
  upiQrHint: 'Keur goed met je UPI-pincode.',
  receiptTitle: 'BBPS-bewijs',
  receiptBiller: 'Factuurverzender',
  receiptBillNumber: 'Factuurnummer',
  receiptBbpsReference: 'BBPS-transactiereferentie',
  receiptDate: 'Datum',
  pendingBillReason:
    '{biller} heeft de betaling van je rekening nog niet bevestigd. De factuurverzender bevestigt die; betaal deze rekening niet nog een keer.',
  payOnThisDevice: 'Toch op dit apparaat betalen',
  handedBack: 'Klaar. Je kunt dit venster sluiten en teruggaan naar de winkel.',
  yourBank: 'je bank',
  tryAgain: 'Probeer opnieuw',
  startAgain: 'Opnieuw beginnen',
  chooseAnotherBank: 'Kies een andere bank',
  reasonInsufficientFunds: 'Er staat niet genoeg geld op de rekening voor deze betaling.',
  reasonAmountLimitExceeded:
    'Het bedrag is hoger dan de limiet van je bank voor deze betaling. Misschien kun je de limiet aanpassen in je bankapp.',
  reasonDuplicatePayment: 'Deze betaling is al gedaan. Betaal niet opnieuw.',
  reasonAccountClosed: 'Deze rekening is opgeheven. Kies een andere rekening of bank.',
  reasonAccountBlocked:
    'Deze rekening is geblokkeerd. Neem contact op met je bank of kies een andere rekening.',
  reasonTransactionForbidden: 'Je bank staat deze betaling vanaf deze rekening niet toe.',
  reasonPaymentDeclined: 'Je bank heeft de betaling geweigerd.',
  reasonAuthenticationFailed: 'Je bank kon niet bevestigen dat jij het was. Er is niets betaald.',
  reasonBankUnavailable:
    'Je bank is nu niet beschikbaar. Probeer het later opnieuw of kies een andere bank.',
  reasonProviderUnavailable:
    'De betaaldienst is nu niet beschikbaar. Probeer het zo meteen opnieuw.',
  reasonProviderError:
    'De betaaldienst kon deze betaling niet starten. Probeer het opnieuw of kies een andere bank.',
  reasonMalformedResponse:
    'De winkel stuurde een antwoord dat we niet konden lezen. Probeer het opnieuw.',
  reasonInvalidPayerInput:
    'Sommige gegevens ontbreken of kloppen niet. Controleer ze en probeer het opnieuw.',
  reasonUnknownCheckout:
    'Deze betaling is niet meer beschikbaar. Ga terug naar de winkel en begin opnieuw.',
  reasonUnknownPayment:
    'We konden deze betaling niet vinden. Ga terug naar de winkel om je bestelling te controleren.',
  reasonPaymentInProgress:
    'Deze betaling wordt al gestart. Wacht even voordat je het opnieuw probeert.',
  reasonTooManyAttempts: 'Te veel pogingen. Wacht even en probeer het dan opnieuw.',
  reasonInvalidReturn:
    'We konden je terugkeer van de bank niet bevestigen. Controleer je bestelling bij de winkel voordat je opnieuw betaalt.',
  reasonBillAlreadyPaid: 'Deze rekening is al betaald. Betaal hem niet nog een keer.',
  reasonNoBillDue: 'Voor deze gegevens staat op dit moment geen rekening open.',
  reasonInvalidBillDetails:
    'De afzender van de rekening herkent deze gegevens niet. Controleer ze en probeer het opnieuw.',
  reasonBillerUnavailable:
    'De afzender van de rekening is nu niet bereikbaar. Probeer het later opnieuw.',
  reasonBillAmountMismatch:
    'Het bedrag komt niet overeen met de rekening. Ga terug naar de winkel en begin opnieuw.',
  reasonBillBeingPaid:
    'Deze rekening is al betaald of de betaling wordt verwerkt. Betaal haar niet nog een keer.',
  reasonGeneric:
    'De betaling kon niet worden afgerond. Probeer het opnieuw of kies een andere manier om te betalen.',
  payee: 'Begunstigde',
  receiptLabel: 'Betaalbewijs',
  receiptPaid: 'Betaald',
  receiptReference: 'Kenmerk',
  receiptBank: 'Bank',
  failedNextStep: 'Er is niets afgeschreven. Probeer het opnieuw of kies een andere bank.',
  cancelledNextStep: 'Betaal opnieuw met dezelfde bank of kies een andere.',
  pendingNextStep:
    'U kunt deze pagina sluiten: de winkel bevestigt uw bestelling zodra uw bank de betaling bevestigt.',
  qrStepWait: 'Houd deze pagina open: die gaat vanzelf verder zodra uw bank bevestigt.',
};
