import { isRecord, stringField } from '../../provider-http.js';

/** ASP.NET-style problem bodies; which field carries the code is not public, so the first present wins. */
export function aiiaErrorCode(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  return stringField(body, 'errorCode') ?? stringField(body, 'error') ?? stringField(body, 'title');
}
