import type { Catalog } from './en.js';

/** Hungarian (polite "Ön"; bank names after a colon, so that no suffix has to attach to them). */
export const hu: Catalog = {
  title: 'Fizetés bankon keresztül',
  country: 'Ország',
  searchLabel: 'Keresse meg a bankját',
  searchPlaceholder: 'Bank neve',
  bankListLabel: 'Bankok',
  bankCountOne: '{count} bank',
  bankCountOther: '{count} bank',
  bankCountZero: '{count} bank',
  bankCountTwo: '{count} bank',
  bankCountFew: '{count} bank',
  bankCountMany: '{count} bank',
  noMatch: 'Egy bank sem felel meg ennek: „{query}”.',
  noBanks: 'Itt még nem érhető el egy bank sem.',
  moreResults: '{total} találatból {shown} látható. Gépeljen tovább a lista szűkítéséhez.',
  popular: 'Népszerű',
  degraded: 'Most lassú lehet',
  unavailable: 'Jelenleg nem érhető el',
  payWithBank: '{amount} fizetése ezzel: {bank}',
  continueWithBank: 'Tovább ezzel: {bank}',
  chooseBank: 'Válassza ki a bankját a fizetéshez',
  fieldRequired: 'Töltse ki a(z) „{label}” mezőt.',
  fieldInvalid: 'Ellenőrizze a(z) „{label}” mezőt: a formátum nem megfelelő.',
  loadingBanks: 'Bankok betöltése…',
  creating: 'A fizetés előkészítése…',
  redirecting: 'Átirányítjuk a bankjához ({bank})…',
  statusWaiting: 'Várakozás a bank visszaigazolására…',
  statusAuthorised: 'A bank jóváhagyta a fizetést. Befejezés…',
  statusProcessing: 'A fizetés feldolgozása folyamatban…',
  offline: 'Nincs internetkapcsolat. Amint újra online lesz, ismét ellenőrizzük.',
  successTitle: 'Sikeres fizetés',
  successAmount: 'Kifizetve: {amount}',
  reference: 'Hivatkozási szám: {reference}',
  failedTitle: 'Sikertelen fizetés',
  failedReason: 'A bankja nem fogadta el a fizetést.',
  cancelledTitle: 'A fizetés megszakadt',
  cancelledReason: 'A fizetés megszakadt, így semmilyen összeget nem vontunk le.',
  expiredTitle: 'A link lejárt',
  expiredReason: 'A fizetés jóváhagyására szánt idő lejárt. Kérjük, próbálja újra.',
  pendingTitle: 'A fizetés még nincs visszaigazolva',
  pendingReason:
    'A bankja még nem igazolta vissza a fizetést. Az üzlet értesíti, amint ez megtörténik; ne fizessen újra.',
  errorTitle: 'Hiba történt',
  errorNetwork: 'Nem sikerült elérni az üzletet. Ellenőrizze a kapcsolatot, és próbálja újra.',
  errorTimeout: 'Az üzlet túl sokáig nem válaszolt. Kérjük, próbálja újra.',
  errorServer: 'Az üzlet nem tudta elindítani a fizetést. Kérjük, próbálja újra.',
  errorUnsafeLink: 'Leállítottuk a fizetést, mert a bankhoz vezető link nem volt biztonságos.',
  configErrorTitle: 'A banki fizetés nem érhető el',
  configErrorBody:
    'Ez a fizetési mód nincs megfelelően beállítva. Kérjük, válasszon másik fizetési módot.',
  popupWaiting: 'Folytassa a bank ablakában ({bank})',
  popupHint:
    'A bankját új ablakban nyitottuk meg. Ott hagyja jóvá a fizetést; ez az oldal magától frissül.',
  showBankWindow: 'A bank ablakának megjelenítése',
  popupBlocked: 'A böngésző letiltotta a bank ablakát.',
  continueToBank: 'Tovább a bankhoz ({bank})',
  popupClosed: 'A bank ablakát bezárták, mielőtt a fizetést jóváhagyták volna.',
  reopenBankWindow: 'A bank ablakának újranyitása',
  qrTitle: 'Olvassa be a kódot, és fizessen a telefonjával',
  qrHint:
    'Irányítsa a telefonja kameráját a kódra, így megnyílik a bankja ({bank}), és jóváhagyhatja a fizetést.',
  qrAlt: 'QR-kód telefonos fizetéshez ezzel: {bank}',
  qrValidFor: 'A kód még {time} ideig érvényes',
  qrRenewing: 'Új kód kérése…',
  upiQrTitle: 'Olvassa be bármelyik UPI-alkalmazással',
  upiQrHint: 'Hagyja jóvá UPI PIN-kódjával.',
  receiptTitle: 'BBPS-nyugta',
  receiptBiller: 'Számlakibocsátó',
  receiptBillNumber: 'Számlaszám',
  receiptBbpsReference: 'BBPS-tranzakcióazonosító',
  receiptDate: 'Dátum',
  pendingBillReason:
    '{biller} még nem erősítette meg a számla kifizetését. A számlakibocsátó meg fogja erősíteni; ne fizesse ki újra ezt a számlát.',
  payOnThisDevice: 'Inkább ezen az eszközön fizetek',
  handedBack: 'Kész. Bezárhatja ezt az ablakot, és visszatérhet az üzletbe.',
  yourBank: 'az Ön bankja',
  tryAgain: 'Újrapróbálkozás',
  startAgain: 'Újrakezdés',
  chooseAnotherBank: 'Másik bank választása',
  reasonInsufficientFunds: 'A számlán nincs elég fedezet ehhez a fizetéshez.',
  reasonAmountLimitExceeded:
    'Az összeg meghaladja a bankja által erre a fizetésre megengedett limitet. A limitet talán módosíthatja a banki alkalmazásban.',
  reasonDuplicatePayment: 'Ezt a fizetést már teljesítették. Kérjük, ne fizessen újra.',
  reasonAccountClosed: 'Ez a számla meg van szüntetve. Válasszon másik számlát vagy bankot.',
  reasonAccountBlocked:
    'Ez a számla zárolva van. Forduljon a bankjához, vagy válasszon másik számlát.',
  reasonTransactionForbidden: 'A bankja nem engedélyezi ezt a fizetést erről a számláról.',
  reasonPaymentDeclined: 'A bankja elutasította a fizetést.',
  reasonAuthenticationFailed:
    'A bankja nem tudta megerősíteni a személyazonosságát, így nem történt fizetés.',
  reasonBankUnavailable:
    'A bankja jelenleg nem érhető el. Próbálja újra később, vagy válasszon másik bankot.',
  reasonProviderUnavailable:
    'A fizetési szolgáltatás jelenleg nem érhető el. Próbálja újra egy kis idő múlva.',
  reasonProviderError:
    'A fizetési szolgáltatás nem tudta elindítani ezt a fizetést. Próbálja újra, vagy válasszon másik bankot.',
  reasonMalformedResponse:
    'Az üzlet olyan választ küldött, amelyet nem tudunk értelmezni. Próbálja újra.',
  reasonInvalidPayerInput: 'Néhány adat hiányzik vagy hibás. Ellenőrizze őket, és próbálja újra.',
  reasonUnknownCheckout:
    'Ez a fizetés már nem érhető el. Térjen vissza az üzletbe, és kezdje újra.',
  reasonUnknownPayment:
    'Nem találjuk ezt a fizetést. Térjen vissza az üzletbe, és ellenőrizze a rendelését.',
  reasonPaymentInProgress:
    'Ez a fizetés már elindulóban van. Várjon egy kicsit, mielőtt újra próbálkozik.',
  reasonTooManyAttempts: 'Túl sok próbálkozás. Várjon egy kicsit, majd próbálja újra.',
  reasonInvalidReturn:
    'Nem tudtuk megerősíteni, hogy visszatért a banktól. Mielőtt újra fizetne, ellenőrizze a rendelését az üzletnél.',
  reasonBillAlreadyPaid: 'Ezt a számlát már kifizették. Kérjük, ne fizesse ki újra.',
  reasonNoBillDue: 'Ezekhez az adatokhoz jelenleg nincs esedékes számla.',
  reasonInvalidBillDetails:
    'A számlakibocsátó nem ismerte fel ezeket az adatokat. Ellenőrizze őket, és próbálja újra.',
  reasonBillerUnavailable: 'A számlakibocsátó jelenleg nem érhető el. Próbálja újra később.',
  reasonBillAmountMismatch:
    'Az összeg nem egyezik a számlával. Térjen vissza az üzletbe, és kezdje újra.',
  reasonBillBeingPaid:
    'Ez a számla már ki van fizetve, vagy a fizetése feldolgozás alatt áll. Ne fizesse ki újra.',
  reasonGeneric:
    'A fizetést nem sikerült teljesíteni. Próbálja újra, vagy válasszon másik fizetési módot.',
  payee: 'Kedvezményezett',
  receiptLabel: 'Bizonylat',
  receiptPaid: 'Fizetve',
  receiptReference: 'Közlemény',
  receiptBank: 'Bank',
  failedNextStep: 'Nem vontunk le semmit. Próbálja újra, vagy válasszon másik bankot.',
  cancelledNextStep: 'Fizessen újra ugyanazzal a bankkal, vagy válasszon másikat.',
  pendingNextStep:
    'Bezárhatja ezt az oldalt: a webáruház visszaigazolja a rendelését, amint a bankja megerősíti a fizetést.',
  qrStepWait:
    'Tartsa nyitva ezt az oldalt: magától továbblép, amint a bankja megerősíti a fizetést.',
};
