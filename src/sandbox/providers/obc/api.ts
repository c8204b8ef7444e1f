import type { ApiContext } from '../../api-context.js';
import { DECIMAL_AMOUNT, isHttpUrl, isRecord, json, readJson } from '../../http.js';
import type { ObcConsent, ObcScheme, ObcState } from './state.js';
import { reachesObc, sandboxAspspId } from './state.js';
import { SANDBOX_DEFAULTS } from '../../options.js';
import type { JsonSchema, SchemaProblem } from '../../schemas/check.js';
import {
  domesticConsentRequest,
  paymentStatusRequest,
  sepaConsentRequest,
  transferRequest,
} from '../../schemas/obc/index.js';

const LOCAL_INSTRUMENTS: Record<string, string> = {
  'UK.FasterPayments': 'GBP',
  'PL.Elixir': 'PLN',
};

interface ObcError {
  source?: string;
  reasonCode: string;
  description: string;
  recoverable?: boolean;
}

/** `{ "Errors": { "Error": [ { Source, ReasonCode, Description, Details, Recoverable } ] } }`. */
function errorList(status: number, list: readonly ObcError[]): Response {
  return json(
    {
      Errors: {
        Error: list.map((error) => ({
          Source: error.source ?? 'OBC',
          ReasonCode: error.reasonCode,
          Description: error.description,
          Details: error.description,
          Recoverable: error.recoverable ?? false,
        })),
      },
    },
    status,
  );
}

function errors(
  status: number,
  reasonCode: string,
  description: string,
  recoverable = false,
): Response {
  return errorList(status, [{ reasonCode, description, recoverable }]);
}

/** A request off the spec's schema: one error per field, its path as the `Source`. */
function schemaErrors(problems: readonly SchemaProblem[]): Response {
  return errorList(
    400,
    problems.map(({ field, message }) => ({
      source: field,
      reasonCode: 'INVALID_FIELD',
      description: `${field} ${message}`,
    })),
  );
}

/** The request schema of each operation (see `docs/protocol.md`). */
function schemaOf(scheme: ObcScheme, operation: string | undefined): JsonSchema {
  if (operation === '/consents')
    return scheme === 'sepa' ? sepaConsentRequest : domesticConsentRequest;
  return operation === '/payment-status' ? paymentStatusRequest : transferRequest;
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
  if (!isRecord(body)) return errors(400, 'INVALID_REQUEST', 'The body must be a JSON object.');
  const problems = context.schemas.check(schemaOf(scheme, match[2]), body);
  if (problems.length > 0) return schemaErrors(problems);
  const info = body.requestInfo as Record<string, unknown>;
  const echo = { originalRequestInfo: { xRequestId: info.xRequestId } };
  const bank = context.engine.banks.find(
    (candidate) => reachesObc(candidate) && sandboxAspspId(candidate.id) === info.aspspId,
  );
  if (!bank) return errors(400, 'INVALID_ASPSP', 'requestInfo.aspspId is not a known ASPSP.');

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
  const payments = body.payments as Record<string, unknown>;
  const problem = checkPayments(scheme, payments);
  if (problem) return errors(400, 'INVALID_PAYMENT', problem);
  const amount = payments.instructedAmount as { amount: number; currency: string };
  const ids = state.newIds();
  const record: ObcConsent = {
    ...ids,
    scheme,
    aspspId: String(info.aspspId),
    bankId,
    amount: { value: amount.amount.toFixed(2), currency: amount.currency },
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

/** What the schema cannot say: the currency of a domestic instrument, an amount in cents at most. */
function checkPayments(scheme: ObcScheme, payments: Record<string, unknown>): string | undefined {
  const amount = payments.instructedAmount as { amount: number; currency: string };
  if (!DECIMAL_AMOUNT.test(String(amount.amount)))
    return 'payments.instructedAmount.amount: at most two decimals.';
  if (scheme === 'sepa') return undefined;
  const instrument = String(payments.localInstrument);
  const currency = LOCAL_INSTRUMENTS[instrument];
  if (amount.currency !== currency) return `${instrument} pays in ${currency}.`;
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
