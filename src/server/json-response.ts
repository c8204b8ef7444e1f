import type { KitAnswer } from './kit-answer.js';

export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): KitAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}
