import type { ApiContext } from '../../api-context.js';
import { bankLanguage, type BankLanguage } from '../../bank-language/page-language.js';
import { authorizePage, noticePage, unknownLinkPage } from '../../bank-page-html.js';
import { html, redirect } from '../../http.js';
import type { ObcConsent, ObcState } from './state.js';

/** What the sandbox bank offers as reasons to reject (ISO 20022 status reason codes). */
export const OBC_REJECT_REASONS = [
  { code: 'AM04', label: 'Insufficient funds' },
  { code: 'AC06', label: 'Account blocked' },
  { code: 'AG01', label: 'Transaction forbidden' },
  { code: 'MS03', label: 'Reason not specified' },
] as const;

const DECISIONS = new Set(['approve', 'reject', 'cancel', 'pending']);

/**
 * Back to the TPP: `code` and `state` after an approval, a rejection (the transfer is then refused
 * with the reason code) or "leave pending"; OAuth's `error=access_denied` and `state` after a cancel.
 */
function backToTpp(state: ObcState, consent: ObcConsent): Response {
  const url = new URL(consent.tppRedirectURI);
  if (consent.decision === 'cancel') {
    url.searchParams.set('error', 'access_denied');
  } else {
    const code = state.newCode();
    consent.code = code;
    state.byCode.set(code, consent);
    url.searchParams.set('code', code);
  }
  url.searchParams.set('state', consent.state);
  return redirect(url.href);
}

function page(
  context: ApiContext,
  request: Request,
  consent: ObcConsent,
  language: BankLanguage,
  error?: string,
) {
  const base = context.publicUrl(request);
  return authorizePage({
    base,
    payment: consent,
    bank: context.engine.bank(consent.bankId),
    choices: [],
    action: `${base}/obc/bank/authorize`,
    rejectReasons: OBC_REJECT_REASONS,
    language,
    ...(error ? { error } : {}),
  });
}

function decidedPage(base: string, language: BankLanguage): string {
  return noticePage(base, language.texts.finished, language.texts.startAgain, undefined, language);
}

/**
 * `GET …/obc/bank/authorize?token=&state=`: the bank's SCA page of one consent, in the payer's browser
 * language (Open Banking Connect's consent request carries none; see `docs/protocol.md`).
 */
export function showObcBankPage(context: ApiContext, state: ObcState, request: Request): Response {
  const base = context.publicUrl(request);
  const language = bankLanguage(undefined, request);
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const consent = state.byToken.get(token);
  if (!consent) return html(unknownLinkPage(base, language), 404);
  if (consent.decision) return html(decidedPage(base, language), 409);
  const outcome = context.knobs.outcome;
  if (outcome) {
    consent.decision = outcome;
    if (outcome === 'reject') consent.reasonCode = 'AM04';
    return backToTpp(state, consent);
  }
  return html(page(context, request, consent, language));
}

/** `POST …/obc/bank/authorize` (form: token, decision, account, reason?, lang?). */
export async function decideObc(
  context: ApiContext,
  state: ObcState,
  request: Request,
): Promise<Response> {
  const base = context.publicUrl(request);
  const form = new URLSearchParams(await request.text());
  const language = bankLanguage(form.get('lang'), request);
  const consent = state.byToken.get(form.get('token') ?? '');
  if (!consent) return html(unknownLinkPage(base, language), 404);
  if (consent.decision) return html(decidedPage(base, language), 409);
  const decision = form.get('decision') ?? '';
  if (!DECISIONS.has(decision))
    return html(page(context, request, consent, language, language.texts.chooseDecision), 400);
  const reason = form.get('reason') ?? OBC_REJECT_REASONS[0].code;
  if (decision === 'reject' && !/^[A-Z0-9]{4}$/.test(reason))
    return html(page(context, request, consent, language, language.texts.chooseReason), 400);
  consent.decision = decision as ObcConsent['decision'];
  if (decision === 'reject') consent.reasonCode = reason;
  return backToTpp(state, consent);
}
