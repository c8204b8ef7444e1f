import { ProblemError } from './problem.js';
import type { KitRequest } from './kit-request.js';

/** Reads a body as text, refusing more than `limit` bytes without buffering them all first. */
export async function readBodyText(request: KitRequest, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export async function readJsonBody(request: KitRequest, limit: number): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new ProblemError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const text = await readBodyText(request, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProblemError(400, 'invalid_request', 'The body is not valid JSON.');
  }
}

function tooLarge(limit: number): ProblemError {
  return new ProblemError(413, 'request_too_large', `The body may be at most ${limit} bytes.`);
}
