import type { Catalog } from './en.js';

/** Japanese (polite です・ます, as Japanese banks and payment services address payers). */
export const ja: Catalog = {
  title: '銀行口座で支払う',
  country: '国',
  searchLabel: '銀行を検索',
  searchPlaceholder: '銀行名',
  bankListLabel: '銀行',
  bankCountOne: '{count}件の銀行',
  bankCountOther: '{count}件の銀行',
  bankCountZero: '{count}件の銀行',
  bankCountTwo: '{count}件の銀行',
  bankCountFew: '{count}件の銀行',
  bankCountMany: '{count}件の銀行',
  noMatch: '「{query}」に一致する銀行はありません。',
  noBanks: 'ご利用いただける銀行はまだありません。',
  moreResults: '{total}件中{shown}件を表示しています。入力して絞り込んでください。',
  popular: '人気',
  degraded: '現在、応答が遅い可能性があります',
  unavailable: '現在ご利用いただけません',
  payWithBank: '{bank}で{amount}を支払う',
  continueWithBank: '{bank}で続ける',
  chooseBank: 'お支払いに使う銀行を選択してください',
  fieldRequired: '「{label}」を入力してください。',
  fieldInvalid: '「{label}」の形式が正しくありません。ご確認ください。',
  loadingBanks: '銀行を読み込んでいます…',
  creating: 'お支払いの準備をしています…',
  redirecting: '{bank}に移動しています…',
  statusWaiting: '銀行からの確認を待っています…',
  statusAuthorised: '銀行が支払いを承認しました。処理を完了しています…',
  statusProcessing: 'お支払いを処理しています…',
  offline: 'オフラインです。オンラインに戻りしだい、もう一度確認します。',
  successTitle: 'お支払いが完了しました',
  successAmount: '{amount}を支払いました',
  reference: '参照番号：{reference}',
  failedTitle: 'お支払いに失敗しました',
  failedReason: '銀行が支払いを受け付けませんでした。',
  cancelledTitle: 'お支払いはキャンセルされました',
  cancelledReason: 'お支払いはキャンセルされ、請求は発生していません。',
  expiredTitle: 'リンクの有効期限が切れました',
  expiredReason: '承認される前にお支払いの有効期限が切れました。もう一度お試しください。',
  pendingTitle: 'お支払いはまだ確認されていません',
  pendingReason:
    '銀行がまだお支払いを確認していません。確認されしだいショップからお知らせします。再度お支払いにならないでください。',
  errorTitle: '問題が発生しました',
  errorNetwork: 'ショップに接続できませんでした。接続を確認して、もう一度お試しください。',
  errorTimeout: 'ショップからの応答に時間がかかりすぎました。もう一度お試しください。',
  errorServer: 'ショップがお支払いを開始できませんでした。もう一度お試しください。',
  errorUnsafeLink: '銀行へのリンクが安全ではなかったため、このお支払いを中止しました。',
  configErrorTitle: '銀行口座でのお支払いはご利用いただけません',
  configErrorBody:
    'このお支払い方法は正しく設定されていません。別のお支払い方法を選択してください。',
  popupWaiting: '{bank}のウィンドウで続けてください',
  popupHint:
    '新しいウィンドウで銀行を開きました。そちらでお支払いを承認してください。このページは自動的に更新されます。',
  showBankWindow: '銀行のウィンドウを表示',
  popupBlocked: 'ブラウザが銀行のウィンドウをブロックしました。',
  continueToBank: '{bank}へ進む',
  popupClosed: 'お支払いが承認される前に銀行のウィンドウが閉じられました。',
  reopenBankWindow: '銀行のウィンドウをもう一度開く',
  qrTitle: 'スマートフォンでスキャンして支払う',
  qrHint:
    'スマートフォンのカメラをコードに向けると{bank}が開きます。そこでお支払いを承認してください。',
  qrAlt: 'スマートフォンの{bank}で支払うためのQRコード',
  qrValidFor: 'コードの有効時間：残り{time}',
  qrRenewing: '新しいコードを取得しています…',
  payOnThisDevice: 'このデバイスで支払う',
  handedBack: '完了しました。このウィンドウを閉じてショップに戻ってください。',
  yourBank: 'ご利用の銀行',
  tryAgain: 'もう一度試す',
  startAgain: '最初からやり直す',
  chooseAnotherBank: '別の銀行を選ぶ',
  reasonInsufficientFunds: '口座の残高が不足しているため、お支払いできません。',
  reasonAmountLimitExceeded:
    '金額が銀行の利用限度額を超えています。限度額は銀行のアプリで変更できる場合があります。',
  reasonDuplicatePayment: 'このお支払いはすでに完了しています。再度お支払いにならないでください。',
  reasonAccountClosed: 'この口座は解約されています。別の口座または銀行を選択してください。',
  reasonAccountBlocked:
    'この口座は利用が停止されています。銀行にお問い合わせいただくか、別の口座を選択してください。',
  reasonTransactionForbidden: 'この口座からのこのお支払いは、銀行により許可されていません。',
  reasonPaymentDeclined: '銀行がお支払いを拒否しました。',
  reasonAuthenticationFailed: '銀行でご本人確認ができなかったため、お支払いは行われていません。',
  reasonBankUnavailable:
    'ご利用の銀行は現在ご利用いただけません。後でもう一度お試しいただくか、別の銀行を選択してください。',
  reasonProviderUnavailable:
    '決済サービスは現在ご利用いただけません。しばらくしてからもう一度お試しください。',
  reasonProviderError:
    '決済サービスがこのお支払いを開始できませんでした。もう一度お試しいただくか、別の銀行を選択してください。',
  reasonMalformedResponse: 'ショップから読み取れない応答が返されました。もう一度お試しください。',
  reasonInvalidPayerInput:
    '一部の情報が不足しているか、正しくありません。確認してもう一度お試しください。',
  reasonUnknownCheckout:
    'このお支払いは利用できなくなりました。ショップに戻って最初からやり直してください。',
  reasonUnknownPayment:
    'このお支払いが見つかりませんでした。ショップに戻ってご注文をご確認ください。',
  reasonPaymentInProgress:
    'このお支払いはすでに開始処理中です。少し待ってからもう一度お試しください。',
  reasonTooManyAttempts: '試行回数が多すぎます。少し待ってからもう一度お試しください。',
  reasonInvalidReturn:
    '銀行からの戻りを確認できませんでした。再度お支払いになる前に、ショップでご注文をご確認ください。',
  reasonBillAlreadyPaid: 'この請求はすでに支払われています。再度お支払いにならないでください。',
  reasonNoBillDue: '入力された情報に該当する未払いの請求は現在ありません。',
  reasonInvalidBillDetails:
    '請求元がこの情報を確認できませんでした。確認してもう一度お試しください。',
  reasonBillerUnavailable: '請求元は現在ご利用いただけません。後でもう一度お試しください。',
  reasonBillAmountMismatch:
    '金額が請求と一致しません。ショップに戻って最初からやり直してください。',
  reasonGeneric:
    'お支払いを完了できませんでした。もう一度お試しいただくか、別のお支払い方法を選択してください。',
  payee: '受取人',
  receiptLabel: '領収書',
  receiptPaid: '支払い済み',
  receiptReference: '参照番号',
  receiptBank: '銀行',
  receiptDate: '日時',
  failedNextStep:
    '引き落としは行われていません。もう一度お試しいただくか、別の銀行を選択してください。',
  cancelledNextStep: '同じ銀行でもう一度お支払いいただくか、別の銀行を選択してください。',
  pendingNextStep:
    'このページは閉じてもかまいません。銀行が支払いを確認すると、ショップから注文の確認が届きます。',
  qrStepWait: 'このページは開いたままにしてください。銀行が確認すると自動的に次へ進みます。',
};
