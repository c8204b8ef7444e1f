import type { RouteAnswer } from './kit-answer.js';
import type { KitRequest } from './kit-request.js';

/**
 * The handler's way in without Fetch objects, for `toNodeListener` only (not exported from the
 * package): a request the listener built, answered as a `KitAnswer` (or a held long-poll's `LaterAnswer`) (docs/architecture.md, "The hot
 * path").
 */
export const answerKitRequest = Symbol('pay-by-bank answer');

export type KitAnswering = (request: KitRequest) => Promise<RouteAnswer>;

export function kitAnsweringOf(handler: object): KitAnswering | undefined {
  return (handler as { [answerKitRequest]?: KitAnswering })[answerKitRequest];
}
