import type { HandOff, HandOffContext } from './hand-off.js';

/** No link: the payer authorises elsewhere (a banking app, say); the element tracks the status. */
export function noHandOff(context: HandOffContext): HandOff {
  const track = (payment: Parameters<HandOff['resume']>[0]) =>
    context.startTracking(payment, 'tracking');
  return { start: track, resume: track, dispose() {} };
}
