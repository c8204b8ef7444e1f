import { isRecord, stringField } from '../../provider-http.js';

/** `{ "Errors": { "Error": [ { Source, ReasonCode, Description, Details, Recoverable } ] } }`. */
function errorsOf(body: unknown): Record<string, unknown>[] {
  const errors = isRecord(body) && isRecord(body.Errors) ? body.Errors.Error : undefined;
  const list = Array.isArray(errors) ? errors : isRecord(errors) ? [errors] : [];
  return list.filter(isRecord);
}

/** The reason codes, e.g. `INVALID_AUTHORIZATION, AM04`, for logs and the problem's detail. */
export function openBankingConnectErrorCode(body: unknown): string | undefined {
  const codes = errorsOf(body)
    .map((error) => stringField(error, 'ReasonCode'))
    .filter((code): code is string => code !== undefined);
  return codes.length > 0 ? codes.slice(0, 3).join(', ') : undefined;
}

/** `Recoverable`: true when any error says trying again may work, false when all say it will not. */
export function openBankingConnectRetryable(body: unknown): boolean | undefined {
  const flags = errorsOf(body)
    .map((error) => error.Recoverable)
    .filter((flag): flag is boolean => typeof flag === 'boolean');
  if (flags.length === 0) return undefined;
  return flags.some(Boolean);
}
