import type { PaymentStore, StatusChangeNotice } from '../../../../src/server/index.js';

/** Everything a store's status feed told one subscriber, with a way to wait for what it will tell. */
export function recordNotices(store: PaymentStore) {
  const seen: StatusChangeNotice[] = [];
  const waiting = new Set<() => void>();
  const subscribe = store.subscribeStatusChanges;
  if (!subscribe) throw new Error('the store has no status feed');
  const unsubscribe = subscribe.call(store, (notice) => {
    seen.push(notice);
    for (const check of [...waiting]) check();
  });
  const resyncs = () => seen.filter((notice) => 'resync' in notice).length;
  const changesOf = (paymentId: string) =>
    seen.filter((notice) => 'paymentId' in notice && notice.paymentId === paymentId).length;

  /** Resolves once `done` holds, counting what was seen before the call too: no notice can slip by. */
  function until(done: () => boolean, timeoutMs = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        waiting.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`not seen within ${timeoutMs} ms; seen ${JSON.stringify(seen)}`));
      }, timeoutMs);
      waiting.add(check);
      check();
    });
  }

  return {
    seen,
    unsubscribe,
    changesOf,
    /** The feed has (re)established LISTEN `count` times: it says so with a resync each time. */
    resyncs: (count: number, timeoutMs?: number) => until(() => resyncs() >= count, timeoutMs),
    /** `count` notices of this payment's changes have arrived. */
    changes: (paymentId: string, count = 1, timeoutMs?: number) =>
      until(() => changesOf(paymentId) >= count, timeoutMs),
  };
}
