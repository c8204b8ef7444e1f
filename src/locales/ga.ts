import type { Catalog } from './en.js';

/** Irish (the bank count follows the mutations after numerals: bhanc 2-6, mbanc 7-10). */
export const ga: Catalog = {
  title: 'Íoc trí do bhanc',
  country: 'Tír',
  searchLabel: 'Cuardaigh do bhanc',
  searchPlaceholder: 'Ainm an bhainc',
  bankListLabel: 'Bainc',
  bankCountOne: 'banc amháin',
  bankCountOther: '{count} banc',
  bankCountZero: '{count} banc',
  bankCountTwo: 'dhá bhanc',
  bankCountFew: '{count} bhanc',
  bankCountMany: '{count} mbanc',
  noMatch: 'Níl banc ar bith a fhreagraíonn do “{query}”.',
  noBanks: 'Níl aon bhainc ar fáil anseo fós.',
  moreResults: '{shown} as {total} á dtaispeáint. Clóscríobh chun an liosta a ghiorrú.',
  popular: 'Móréilimh',
  degraded: 'D’fhéadfadh sé a bheith mall faoi láthair',
  unavailable: 'Níl sé ar fáil faoi láthair',
  payWithBank: 'Íoc {amount} le {bank}',
  continueWithBank: 'Lean ar aghaidh le {bank}',
  chooseBank: 'Roghnaigh do bhanc le híoc',
  fieldRequired: 'Líon isteach an réimse “{label}”.',
  fieldInvalid: 'Seiceáil an réimse “{label}”: níl an fhormáid ceart.',
  loadingBanks: 'Bainc á lódáil…',
  creating: 'D’íocaíocht á hullmhú…',
  redirecting: 'Á do sheoladh chuig {bank}…',
  statusWaiting: 'Ag fanacht le deimhniú ó do bhanc…',
  statusAuthorised: 'Cheadaigh do bhanc an íocaíocht. Á críochnú…',
  statusProcessing: 'Tá d’íocaíocht á próiseáil…',
  offline: 'Tá tú as líne. Seiceálfaimid arís nuair a bheidh tú ar líne arís.',
  successTitle: 'Íocaíocht críochnaithe',
  successAmount: '{amount} íoctha',
  reference: 'Tagairt: {reference}',
  failedTitle: 'Theip ar an íocaíocht',
  failedReason: 'Níor ghlac do bhanc leis an íocaíocht.',
  cancelledTitle: 'Íocaíocht curtha ar ceal',
  cancelledReason: 'Cuireadh an íocaíocht ar ceal agus níor gearradh aon airgead ort.',
  expiredTitle: 'Tá an nasc imithe in éag',
  expiredReason: 'Bhí an t-am istigh sular ceadaíodh an íocaíocht. Bain triail eile as.',
  pendingTitle: 'Níl an íocaíocht deimhnithe fós',
  pendingReason:
    'Níor dheimhnigh do bhanc an íocaíocht fós. Cuirfidh an siopa in iúl duit nuair a dhéanfaidh; ná híoc arís.',
  errorTitle: 'Tharla earráid',
  errorNetwork:
    'Níorbh fhéidir teagmháil a dhéanamh leis an siopa. Seiceáil do cheangal agus bain triail eile as.',
  errorTimeout: 'Thóg an siopa rófhada freagra a thabhairt. Bain triail eile as.',
  errorServer: 'Níorbh fhéidir leis an siopa an íocaíocht a thosú. Bain triail eile as.',
  errorUnsafeLink:
    'Chuireamar stop leis an íocaíocht seo mar nach raibh an nasc chuig an mbanc slán.',
  configErrorTitle: 'Níl íoc trí bhanc ar fáil',
  configErrorBody: 'Níl an modh íocaíochta seo socraithe i gceart. Roghnaigh bealach eile le híoc.',
  popupWaiting: 'Lean ar aghaidh i bhfuinneog {bank}',
  popupHint:
    'D’osclaíomar do bhanc i bhfuinneog nua. Ceadaigh an íocaíocht ansin; nuashonrófar an leathanach seo go huathoibríoch.',
  showBankWindow: 'Taispeáin fuinneog an bhainc',
  popupBlocked: 'Chuir do bhrabhsálaí bac ar fhuinneog an bhainc.',
  continueToBank: 'Ar aghaidh chuig {bank}',
  popupClosed: 'Dúnadh fuinneog an bhainc sular ceadaíodh an íocaíocht.',
  reopenBankWindow: 'Athoscail fuinneog an bhainc',
  qrTitle: 'Scanáil chun íoc le do ghuthán',
  qrHint: 'Dírigh ceamara do ghutháin ar an gcód chun {bank} a oscailt agus an íocaíocht a cheadú.',
  qrAlt: 'Cód QR chun íoc le {bank} ar do ghuthán',
  qrValidFor: 'Cód bailí ar feadh {time}',
  qrRenewing: 'Cód nua á fháil…',
  upiQrTitle: 'Scan le haon aip UPI',
  upiQrHint: 'Ceadaigh le d’UPI PIN.',
  receiptTitle: 'Admháil BBPS',
  receiptBiller: 'Billeálaí',
  receiptBillNumber: 'Uimhir an bhille',
  receiptBbpsReference: 'Tagairt idirbhirt BBPS',
  receiptDate: 'Dáta',
  pendingBillReason:
    'Níor dheimhnigh {biller} íocaíocht do bhille fós. Deimhneoidh an billeálaí í; ná híoc an bille seo arís.',
  payOnThisDevice: 'Íoc ar an ngléas seo ina ionad sin',
  handedBack: 'Críochnaithe. Is féidir leat an fhuinneog seo a dhúnadh agus filleadh ar an siopa.',
  yourBank: 'do bhanc',
  tryAgain: 'Bain triail eile as',
  startAgain: 'Tosaigh arís',
  chooseAnotherBank: 'Roghnaigh banc eile',
  reasonInsufficientFunds: 'Níl go leor airgid sa chuntas don íocaíocht seo.',
  reasonAmountLimitExceeded:
    'Tá an méid os cionn theorainn do bhainc don íocaíocht seo. B’fhéidir gur féidir leat an teorainn a athrú in aip do bhainc.',
  reasonDuplicatePayment: 'Rinneadh an íocaíocht seo cheana. Ná híoc arís.',
  reasonAccountClosed: 'Tá an cuntas seo dúnta. Roghnaigh cuntas nó banc eile.',
  reasonAccountBlocked:
    'Tá bac ar an gcuntas seo. Déan teagmháil le do bhanc nó roghnaigh cuntas eile.',
  reasonTransactionForbidden: 'Ní cheadaíonn do bhanc an íocaíocht seo ón gcuntas seo.',
  reasonPaymentDeclined: 'Dhiúltaigh do bhanc don íocaíocht.',
  reasonAuthenticationFailed:
    'Níorbh fhéidir le do bhanc a dheimhniú gur tusa a bhí ann, mar sin níor íocadh faic.',
  reasonBankUnavailable:
    'Níl do bhanc ar fáil faoi láthair. Bain triail eile as ar ball nó roghnaigh banc eile.',
  reasonProviderUnavailable:
    'Níl an tseirbhís íocaíochta ar fáil faoi láthair. Bain triail eile as i gceann nóiméid.',
  reasonProviderError:
    'Níorbh fhéidir leis an tseirbhís íocaíochta an íocaíocht seo a thosú. Bain triail eile as nó roghnaigh banc eile.',
  reasonMalformedResponse:
    'Sheol an siopa freagra nárbh fhéidir linn a léamh. Bain triail eile as.',
  reasonInvalidPayerInput:
    'Tá roinnt sonraí in easnamh nó mícheart. Seiceáil iad agus bain triail eile as.',
  reasonUnknownCheckout:
    'Níl an íocaíocht seo ar fáil a thuilleadh. Fill ar an siopa agus tosaigh arís.',
  reasonUnknownPayment:
    'Níorbh fhéidir linn an íocaíocht seo a aimsiú. Fill ar an siopa chun d’ordú a sheiceáil.',
  reasonPaymentInProgress:
    'Tá an íocaíocht seo á tosú cheana féin. Fan nóiméad sula mbaineann tú triail eile as.',
  reasonTooManyAttempts: 'An iomarca iarrachtaí. Fan nóiméad, agus ansin bain triail eile as.',
  reasonInvalidReturn:
    'Níorbh fhéidir linn d’fhilleadh ón mbanc a dheimhniú. Seiceáil d’ordú leis an siopa sula n-íocann tú arís.',
  reasonBillAlreadyPaid: 'Íocadh an bille seo cheana. Ná híoc arís é.',
  reasonNoBillDue: 'Níl aon bhille dlite do na sonraí seo faoi láthair.',
  reasonInvalidBillDetails:
    'Níor aithin eisitheoir an bhille na sonraí seo. Seiceáil iad agus bain triail eile as.',
  reasonBillerUnavailable:
    'Níl eisitheoir an bhille ar fáil faoi láthair. Bain triail eile as ar ball.',
  reasonBillAmountMismatch: 'Ní hionann an méid agus an bille. Fill ar an siopa agus tosaigh arís.',
  reasonBillBeingPaid:
    'Tá an bille seo íoctha cheana nó tá a íocaíocht á próiseáil. Ná híoc arís é.',
  reasonGeneric:
    'Níorbh fhéidir an íocaíocht a chríochnú. Bain triail eile as nó roghnaigh bealach eile le híoc.',
  payee: 'Íocaí',
  receiptLabel: 'Admháil',
  receiptPaid: 'Íoctha',
  receiptReference: 'Tagairt',
  receiptBank: 'Banc',
  failedNextStep: 'Níor baineadh aon airgead. Bain triail eile as, nó roghnaigh banc eile.',
  cancelledNextStep: 'Íoc leis an mbanc céanna arís, nó roghnaigh banc eile.',
  pendingNextStep:
    'Is féidir leat an leathanach seo a dhúnadh: deimhneoidh an siopa d’ordú a luaithe a dheimhníonn do bhanc an íocaíocht.',
  qrStepWait:
    'Coinnigh an leathanach seo oscailte: leanfaidh sé ar aghaidh leis féin a luaithe a dheimhníonn do bhanc.',
};
