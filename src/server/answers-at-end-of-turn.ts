/**
 * Writes handed over during one turn of the event loop, made together at its end (`setImmediate`),
 * after every request read in that turn has been answered. On the bench's loopback a write made
 * while other requests are still being read cost the kernel more than twice what it does in a run of
 * writes: the memory store's status reads went from 0.66x to 1.15x of bare `node:http` this way
 * (docs/architecture.md, "The hot path"). The answer waits for the turn's last read, no longer.
 */
export interface WritesAtEndOfTurn<T> {
  (item: T): void;
}

export function writesAtEndOfTurn<T>(write: (item: T) => void): WritesAtEndOfTurn<T> {
  let due: T[] = [];
  let scheduled = false;
  const writeAll = () => {
    scheduled = false;
    const items = due;
    due = [];
    for (const item of items) write(item);
  };
  return (item) => {
    due.push(item);
    if (scheduled) return;
    scheduled = true;
    setImmediate(writeAll);
  };
}
