/** Answers one key of a batch, or the batch's failure. */
interface Pending<K, V> {
  key: K;
  resolve(value: V): void;
  reject(error: unknown): void;
}

export interface ReadBatch<K, V> {
  (key: K): Promise<V>;
  /** Answers what is asked so far, now. */
  flush(): void;
}

/**
 * Reads asked for in one turn of the event loop, answered together at its end (`setImmediate`, after
 * every request that arrived in the turn has asked): what a batch costs once, such as a look at whether
 * another process wrote to the file, is paid once for all of them, and each read is still answered from
 * a look taken after it was asked (docs/architecture.md, "The hot path").
 */
export function readBatch<K, V>(readAll: (keys: readonly K[]) => V[]): ReadBatch<K, V> {
  let pending: Pending<K, V>[] = [];
  let scheduled: NodeJS.Immediate | undefined;

  function flush(): void {
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    let values: V[];
    try {
      values = readAll(batch.map((read) => read.key));
    } catch (error) {
      for (const read of batch) read.reject(error);
      return;
    }
    batch.forEach((read, index) => read.resolve(values[index] as V));
  }

  const read = (key: K) =>
    new Promise<V>((resolve, reject) => {
      pending.push({ key, resolve, reject });
      scheduled ??= setImmediate(flush);
    });
  return Object.assign(read, { flush });
}
