import type { Catalog } from './en.js';

/** French ("vous"; a no-break space, \u00a0, before : ; ? ! and inside « »). */
export const fr: Catalog = {
  title: 'Payer par virement bancaire',
  country: 'Pays',
  searchLabel: 'Rechercher votre banque',
  searchPlaceholder: 'Nom de la banque',
  bankListLabel: 'Banques',
  bankCountOne: '{count}\u00a0banque',
  bankCountOther: '{count}\u00a0banques',
  bankCountZero: '{count}\u00a0banque',
  bankCountTwo: '{count}\u00a0banques',
  bankCountFew: '{count}\u00a0banques',
  bankCountMany: '{count}\u00a0de banques',
  noMatch: 'Aucune banque ne correspond à «\u00a0{query}\u00a0».',
  noBanks: 'Aucune banque n’est encore disponible ici.',
  moreResults: '{shown} sur {total} affichées. Saisissez un nom pour affiner la liste.',
  popular: 'Populaire',
  degraded: 'Peut être lente en ce moment',
  unavailable: 'Indisponible pour le moment',
  payWithBank: 'Payer {amount} avec {bank}',
  continueWithBank: 'Continuer avec {bank}',
  chooseBank: 'Choisissez votre banque pour payer',
  fieldRequired: 'Veuillez renseigner le champ «\u00a0{label}\u00a0».',
  fieldInvalid: 'Vérifiez le champ «\u00a0{label}\u00a0»\u00a0: le format n’est pas valide.',
  loadingBanks: 'Chargement des banques…',
  creating: 'Préparation de votre paiement…',
  redirecting: 'Redirection vers {bank}…',
  statusWaiting: 'En attente de la confirmation de votre banque…',
  statusAuthorised: 'Votre banque a autorisé le paiement. Finalisation en cours…',
  statusProcessing: 'Votre paiement est en cours de traitement…',
  offline:
    'Vous êtes hors ligne. Nous vérifierons à nouveau dès que votre connexion sera rétablie.',
  successTitle: 'Paiement effectué',
  successAmount: 'Montant payé\u00a0: {amount}',
  reference: 'Référence\u00a0: {reference}',
  failedTitle: 'Échec du paiement',
  failedReason: 'Votre banque n’a pas accepté le paiement.',
  cancelledTitle: 'Paiement annulé',
  cancelledReason: 'Le paiement a été annulé et aucun montant n’a été débité.',
  expiredTitle: 'Le lien a expiré',
  expiredReason: 'Le délai d’autorisation du paiement est dépassé. Veuillez réessayer.',
  pendingTitle: 'Paiement pas encore confirmé',
  pendingReason:
    'Votre banque n’a pas encore confirmé le paiement. Le marchand vous préviendra dès que ce sera le cas\u00a0; ne payez pas une seconde fois.',
  errorTitle: 'Un problème est survenu',
  errorNetwork: 'Impossible de joindre le marchand. Vérifiez votre connexion et réessayez.',
  errorTimeout: 'Le marchand a mis trop de temps à répondre. Veuillez réessayer.',
  errorServer: 'Le marchand n’a pas pu lancer le paiement. Veuillez réessayer.',
  errorUnsafeLink:
    'Nous avons interrompu ce paiement, car le lien vers la banque n’était pas sécurisé.',
  configErrorTitle: 'Le paiement par virement bancaire n’est pas disponible',
  configErrorBody:
    'Ce moyen de paiement n’est pas configuré correctement. Veuillez choisir un autre moyen de paiement.',
  popupWaiting: 'Poursuivez dans la fenêtre de {bank}',
  popupHint:
    'Votre banque s’est ouverte dans une nouvelle fenêtre. Autorisez-y le paiement\u00a0; cette page se mettra à jour automatiquement.',
  showBankWindow: 'Afficher la fenêtre de la banque',
  popupBlocked: 'Votre navigateur a bloqué la fenêtre de la banque.',
  continueToBank: 'Continuer vers {bank}',
  popupClosed: 'La fenêtre de la banque a été fermée avant l’autorisation du paiement.',
  reopenBankWindow: 'Rouvrir la fenêtre de la banque',
  qrTitle: 'Scannez pour payer avec votre téléphone',
  qrHint:
    'Visez le code avec l’appareil photo de votre téléphone pour ouvrir {bank} et autoriser le paiement.',
  qrAlt: 'QR code pour payer avec {bank} sur votre téléphone',
  qrValidFor: 'Code valable encore {time}',
  qrRenewing: 'Génération d’un nouveau code…',
  upiQrTitle: 'Scannez avec n’importe quelle appli UPI',
  upiQrHint: 'Validez avec votre code PIN UPI.',
  receiptTitle: 'Reçu BBPS',
  receiptBiller: 'Émetteur de la facture',
  receiptBillNumber: 'Numéro de facture',
  receiptBbpsReference: 'Référence de transaction BBPS',
  receiptDate: 'Date',
  pendingBillReason:
    '{biller} n’a pas encore confirmé le paiement de votre facture. L’émetteur le confirmera ; ne payez pas cette facture une seconde fois.',
  payOnThisDevice: 'Payer plutôt sur cet appareil',
  handedBack: 'C’est terminé. Vous pouvez fermer cette fenêtre et revenir sur le site du marchand.',
  yourBank: 'votre banque',
  tryAgain: 'Réessayer',
  startAgain: 'Recommencer',
  chooseAnotherBank: 'Choisir une autre banque',
  reasonInsufficientFunds: 'Le solde du compte est insuffisant pour ce paiement.',
  reasonAmountLimitExceeded:
    'Le montant dépasse le plafond fixé par votre banque pour ce paiement. Vous pouvez peut-être le modifier dans votre application bancaire.',
  reasonDuplicatePayment: 'Ce paiement a déjà été effectué. Ne payez pas une seconde fois.',
  reasonAccountClosed: 'Ce compte est clôturé. Choisissez un autre compte ou une autre banque.',
  reasonAccountBlocked:
    'Ce compte est bloqué. Contactez votre banque ou choisissez un autre compte.',
  reasonTransactionForbidden: 'Votre banque n’autorise pas ce paiement depuis ce compte.',
  reasonPaymentDeclined: 'Votre banque a refusé le paiement.',
  reasonAuthenticationFailed:
    'Votre banque n’a pas pu confirmer votre identité\u00a0; aucun paiement n’a été effectué.',
  reasonBankUnavailable:
    'Votre banque est indisponible pour le moment. Réessayez plus tard ou choisissez une autre banque.',
  reasonProviderUnavailable:
    'Le service de paiement est indisponible pour le moment. Réessayez dans quelques instants.',
  reasonProviderError:
    'Le service de paiement n’a pas pu lancer ce paiement. Réessayez ou choisissez une autre banque.',
  reasonMalformedResponse: 'Le marchand a envoyé une réponse illisible. Veuillez réessayer.',
  reasonInvalidPayerInput:
    'Certaines informations sont manquantes ou incorrectes. Vérifiez-les et réessayez.',
  reasonUnknownCheckout:
    'Ce paiement n’est plus disponible. Revenez sur le site du marchand et recommencez.',
  reasonUnknownPayment:
    'Nous n’avons pas trouvé ce paiement. Revenez sur le site du marchand pour vérifier votre commande.',
  reasonPaymentInProgress:
    'Ce paiement est déjà en cours de lancement. Patientez un instant avant de réessayer.',
  reasonTooManyAttempts: 'Trop de tentatives. Patientez un instant, puis réessayez.',
  reasonInvalidReturn:
    'Nous n’avons pas pu confirmer votre retour depuis la banque. Vérifiez votre commande auprès du marchand avant de payer à nouveau.',
  reasonBillAlreadyPaid: 'Cette facture a déjà été réglée. Ne la payez pas une seconde fois.',
  reasonNoBillDue: 'Aucune facture n’est à régler pour ces informations pour le moment.',
  reasonInvalidBillDetails:
    'L’émetteur de la facture ne reconnaît pas ces informations. Vérifiez-les et réessayez.',
  reasonBillerUnavailable:
    'L’émetteur de la facture est indisponible pour le moment. Réessayez plus tard.',
  reasonBillAmountMismatch:
    'Le montant ne correspond pas à la facture. Revenez sur le site du marchand et recommencez.',
  reasonBillBeingPaid:
    'Cette facture est déjà payée ou son paiement est en cours de traitement. Ne la payez pas une seconde fois.',
  reasonGeneric:
    'Le paiement n’a pas pu aboutir. Réessayez ou choisissez un autre moyen de paiement.',
  payee: 'Bénéficiaire',
  receiptLabel: 'Reçu',
  receiptPaid: 'Payé',
  receiptReference: 'Référence',
  receiptBank: 'Banque',
  failedNextStep: 'Aucun montant n’a été débité. Réessayez ou choisissez une autre banque.',
  cancelledNextStep: 'Payez à nouveau avec la même banque ou choisissez-en une autre.',
  pendingNextStep:
    'Vous pouvez fermer cette page : la boutique confirmera votre commande dès que votre banque aura confirmé le paiement.',
  qrStepWait:
    'Gardez cette page ouverte : elle avancera d’elle-même dès que votre banque aura confirmé.',
};
