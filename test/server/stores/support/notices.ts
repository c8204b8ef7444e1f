import type { PaymentStore, StatusChangeNotice } from '../../../../src/server/index.js';

/** Everything a store's status feed told one subscriber, with a way to wait for a notice. */
export function recordNotices(store: PaymentStore) {
  const seen: StatusChangeNotice[] = [];
  const waiting: { match: (notice: StatusChangeNotice) => boolean; resolve: () => void }[] = [];
  const subscribe = store.subscribeStatusChanges;
  if (!subscribe) throw new Error('the store has no status feed');
  const unsubscribe = subscribe.call(store, (notice) => {
    seen.push(notice);
    for (const waiter of waiting.splice(0))
      if (waiter.match(notice)) waiter.resolve();
      else waiting.push(waiter);
  });
  function next(match: (notice: StatusChangeNotice) => boolean, timeoutMs = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`no such notice within ${timeoutMs} ms; seen ${JSON.stringify(seen)}`)),
        timeoutMs,
      );
      waiting.push({
        match,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }
  return {
    seen,
    unsubscribe,
    /** The feed is listening: it says so with a resync once LISTEN is in place. */
    resync: (timeoutMs?: number) => next((notice) => 'resync' in notice, timeoutMs),
    change: (paymentId: string, timeoutMs?: number) =>
      next((notice) => 'paymentId' in notice && notice.paymentId === paymentId, timeoutMs),
    changesOf: (paymentId: string) =>
      seen.filter((notice) => 'paymentId' in notice && notice.paymentId === paymentId).length,
  };
}
