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

/**
 * An answer still to come: a held long-poll's (`src/server/routes/status-wait.ts`). The route resolves
 * with it as soon as it decides to wait, so that every promise between it and the socket settles and
 * goes; what stays is this one object and the writer it was given (docs/architecture.md, "Many
 * instances").
 */
export abstract class LaterAnswer {
  /** Calls `deliver` once with the answer: when it comes, or at once if it came already. */
  abstract whenAnswered(deliver: (answer: KitAnswer) => void): void;
}

/** What a route resolves with: its answer, or one still to come. */
export type RouteAnswer = KitAnswer | LaterAnswer;

/** The answer itself, waited for if it is still to come. */
export function answerOf(answer: RouteAnswer): KitAnswer | Promise<KitAnswer> {
  if (!(answer instanceof LaterAnswer)) return answer;
  return new Promise((resolve) => answer.whenAnswered(resolve));
}

export function toFetchResponse(answer: KitAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
