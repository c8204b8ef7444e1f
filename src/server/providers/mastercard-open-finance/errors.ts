import { isRecord, stringField } from '../../provider-http.js';

/** `{ "error": "InvalidInput", "details": { "reason", "validationErrors" } }`. */
export function mastercardErrorCode(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const error = stringField(body, 'error');
  const details = isRecord(body.details) ? body.details : undefined;
  const fields =
    details && isRecord(details.validationErrors) ? Object.keys(details.validationErrors) : [];
  return error && fields.length > 0 ? `${error}: ${fields.slice(0, 5).join(', ')}` : error;
}
