/**
 * What a route answers: the status, the headers and the body as text. The Fetch handler turns it into a
 * `Response`; `toNodeListener` writes it as is, which spares a web stream per answer
 * (docs/architecture.md, "The hot path").
 */
export interface KitAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
}

export function toFetchResponse(answer: KitAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
