import type { ApiContext } from '../../api-context.js';
import { DECIMAL_AMOUNT, isHttpUrl, isRecord, json, readJson } from '../../http.js';
import type { ObcConsent, ObcScheme, ObcState } from './state.js';
import { reachesObc, sandboxAspspId } from './state.js';
import { SANDBOX_DEFAULTS } from '../../options.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCAL_INSTRUMENTS: Record<string, string> = {
  'UK.FasterPayments': 'GBP',
  'PL.Elixir': 'PLN',
};

/** `{ "Errors": { "Error": [ { Source, ReasonCode, Description, Details, Recoverable } ] } }`. */
function errors(
  status: number,
  reasonCode: string,
  description: string,
  recoverable = false,
): Response {
  return json(
    {
      Errors: {
        Error: [
          {
            Source: 'OBC',
            ReasonCode: reasonCode,
            Description: description,
            Details: null,
            Recoverable: recoverable,
          },
        ],
      },
    },
    status,
  );
}

/**
 * Mastercard Open Banking Connect payment initiation (its public OpenAPI spec; see `docs/protocol.md`), below
 * `{sandbox}/obc/openbanking/sandbox/connect/api`: every call a POST with `requestInfo`.
 * `Authorization` must name the client as `oauth_consumer_key` (Mastercard's OAuth 1.0a header; the
 * sandbox does not check the signature).
 */
export async function obcApi(
  context: ApiContext,
  state: ObcState,
  request: Request,
  path: string,
): Promise<Response> {
  const clientId =
    context.options.openBankingConnect?.clientId ?? SANDBOX_DEFAULTS.openBankingConnect.clientId;
  const consumerKey = /oauth_consumer_key="([^"]*)"/.exec(
    request.headers.get('authorization') ?? '',
  )?.[1];
  if (consumerKey !== clientId)
    return errors(401, 'UNAUTHORIZED', 'Missing or unknown oauth_consumer_key.');
  if (request.method.toUpperCase() !== 'POST')
    return errors(405, 'METHOD_NOT_ALLOWED', 'Use POST.');
  const match = /^\/payments\/(domestic|sepa)-credit-transfers(\/consents|\/payment-status)?$/.exec(
    path,
  );
  if (!match) return errors(404, 'NOT_FOUND', 'No such endpoint.');
  const scheme = match[1] as ObcScheme;
  const body = await readJson(request);
  if (!isRecord(body) || !isRecord(body.requestInfo))
    return errors(400, 'INVALID_REQUEST', 'requestInfo is required.');
  const info = body.requestInfo;
  if (typeof info.xRequestId !== 'string' || !UUID.test(info.xRequestId))
    return errors(400, 'INVALID_X_REQUEST_ID', 'requestInfo.xRequestId must be a UUID.');
  const echo = { originalRequestInfo: { xRequestId: info.xRequestId } };
  const bank = context.engine.banks.find(
    (candidate) => reachesObc(candidate) && sandboxAspspId(candidate.id) === info.aspspId,
  );
  if (!bank) return errors(400, 'INVALID_ASPSP', 'requestInfo.aspspId is not a known ASPSP.');
  const merchant = isRecord(info.merchant) ? info.merchant : undefined;
  if (typeof merchant?.id !== 'string' || typeof merchant.name !== 'string')
    return errors(400, 'INVALID_MERCHANT', 'requestInfo.merchant { id, name } is required.');

  if (match[2] === '/consents') {
    if (bank.status === 'unavailable')
      return errors(504, 'ASPSP_UNAVAILABLE', `${bank.name} does not answer.`, true);
    return consent(context, state, request, scheme, bank.id, body, echo);
  }
  if (match[2] === '/payment-status') {
    const payment =
      typeof body.paymentId === 'string' ? state.byPaymentId.get(body.paymentId) : undefined;
    if (!payment || payment.scheme !== scheme || payment.consentId !== info.consentId)
      return errors(400, 'PAYMENT_NOT_FOUND', 'No payment with this paymentId and consentId.');
    settle(payment);
    return json({
      ...echo,
      payments: {
        transactionStatus: payment.transactionStatus,
        ...(payment.statusReasonCode ? { statusReasonCode: payment.statusReasonCode } : {}),
      },
    });
  }
  return creditTransfer(state, scheme, info, echo);
}

function consent(
  context: ApiContext,
  state: ObcState,
  request: Request,
  scheme: ObcScheme,
  bankId: string,
  body: Record<string, unknown>,
  echo: Record<string, unknown>,
): Response {
  const info = body.requestInfo as Record<string, unknown>;
  if (!isHttpUrl(info.tppRedirectURI))
    return errors(
      400,
      'INVALID_REDIRECT_URI',
      'requestInfo.tppRedirectURI must be an http(s) URL.',
    );
  const payments = isRecord(body.payments) ? body.payments : undefined;
  const problem = payments ? checkPayments(scheme, payments) : 'payments is required.';
  if (problem || !payments) return errors(400, 'INVALID_PAYMENT', problem ?? '');
  const amount = payments.instructedAmount as { amount: string; currency: string };
  const ids = state.newIds();
  const record: ObcConsent = {
    ...ids,
    scheme,
    aspspId: String(info.aspspId),
    bankId,
    amount: { value: amount.amount, currency: amount.currency },
    creditorName: String(payments.creditorName ?? 'Merchant'),
    ...(typeof payments.remittanceInformationUnstructured === 'string'
      ? { reference: payments.remittanceInformationUnstructured }
      : {}),
    tppRedirectURI: String(info.tppRedirectURI),
  };
  state.consents.set(record.consentRequestId, record);
  state.byToken.set(record.token, record);
  const sca = new URL(`${context.publicUrl(request)}/obc/bank/authorize`);
  sca.searchParams.set('token', record.token);
  sca.searchParams.set('state', record.state);
  return json({
    ...echo,
    consentRequestId: record.consentRequestId,
    aspspSCAApproach: 'REDIRECT',
    _links: { scaRedirect: sca.href },
  });
}

function checkPayments(scheme: ObcScheme, payments: Record<string, unknown>): string | undefined {
  const amount = isRecord(payments.instructedAmount) ? payments.instructedAmount : undefined;
  if (
    typeof amount?.amount !== 'string' ||
    !DECIMAL_AMOUNT.test(amount.amount) ||
    Number(amount.amount) <= 0
  )
    return 'payments.instructedAmount.amount must be a positive decimal string.';
  const e2e = payments.endToEndIdentification;
  if (typeof e2e !== 'string' || e2e.length === 0 || e2e.length > 18)
    return 'payments.endToEndIdentification: 1 to 18 characters.';
  const remittance = payments.remittanceInformationUnstructured;
  if (remittance !== undefined && (typeof remittance !== 'string' || remittance.length > 140))
    return 'payments.remittanceInformationUnstructured: at most 140 characters.';
  const account = isRecord(payments.creditorAccount) ? payments.creditorAccount : undefined;
  if (scheme === 'sepa') {
    if (amount.currency !== 'EUR') return 'SEPA credit transfers are in EUR.';
    if (typeof account?.iban !== 'string') return 'payments.creditorAccount.iban is required.';
    const address = isRecord(payments.creditorAddress) ? payments.creditorAddress : undefined;
    if (typeof address?.country !== 'string')
      return 'payments.creditorAddress.country is required.';
    return undefined;
  }
  const instrument = String(payments.localInstrument);
  const currency = LOCAL_INSTRUMENTS[instrument];
  if (!currency) return 'payments.localInstrument must be UK.FasterPayments or PL.Elixir.';
  if (amount.currency !== currency) return `${instrument} pays in ${currency}.`;
  if (typeof account?.identification !== 'string' || typeof account.schemeName !== 'string')
    return 'payments.creditorAccount { identification, schemeName } is required.';
  return undefined;
}

/** Redeems the code the bank gave: once only, and only with the `state` the bank sent back with it. */
function creditTransfer(
  state: ObcState,
  scheme: ObcScheme,
  info: Record<string, unknown>,
  echo: Record<string, unknown>,
): Response {
  const query = new URLSearchParams(String(info.authorization ?? '').replace(/^[?#]/, ''));
  const record = state.byCode.get(query.get('code') ?? '');
  if (!record || record.scheme !== scheme || record.aspspId !== info.aspspId)
    return errors(400, 'INVALID_AUTHORIZATION', 'The authorization code is not valid.');
  if (record.codeUsed)
    return errors(400, 'AUTHORIZATION_ALREADY_USED', 'The authorization code was already used.');
  if (query.get('state') !== record.state)
    return errors(400, 'INVALID_STATE', 'The state does not belong to this authorization.');
  record.codeUsed = true;
  record.consentId = `consent-${record.consentRequestId}`;
  record.paymentId = `pmt-${record.consentRequestId}`;
  state.byPaymentId.set(record.paymentId, record);
  if (record.decision === 'reject') {
    record.transactionStatus = 'RJCT';
    record.statusReasonCode = record.reasonCode ?? 'AM04';
  } else {
    record.transactionStatus = record.decision === 'pending' ? 'PDNG' : 'ACSP';
  }
  return json({
    ...echo,
    consent: { consentId: record.consentId, consentRequestId: record.consentRequestId },
    transfer: {
      paymentId: record.paymentId,
      transactionStatus: record.transactionStatus,
      ...(record.statusReasonCode ? { statusReasonCode: record.statusReasonCode } : {}),
    },
  });
}

/** An approved transfer settles at the first status read after it was accepted (ACSP -> ACSC). */
function settle(record: ObcConsent): void {
  if (record.transactionStatus === 'ACSP') record.transactionStatus = 'ACSC';
}
