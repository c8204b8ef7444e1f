// A separate process writing to a SQLite payment store, for the tests that need a second writer or a
// process killed mid-write. Usage: node --import tsx sqlite-child.ts <mode> <file> [...]
//   loop <file>                 inserts and advances payments until killed; prints "ready" once writing
//   append <file> <id> <count>  appends <count> tagged entries to one payment's providerData.log
//   complete <file> <id>        moves one payment to completed, as a webhook would
//   read-only <file>            the read-only round trip; prints what it saw as JSON
//   fill <file>                 inserts payments until the file cannot grow; prints what it saw as JSON
import { chmodSync, existsSync } from 'node:fs';
import { createSqlitePaymentStore } from '../../../../src/server/stores/sqlite/index.js';
import { samplePayment } from './payments.js';

const [mode, path, ...rest] = process.argv.slice(2);
if (!path) throw new Error('usage: sqlite-child.ts <mode> <file>');

if (mode === 'loop') {
  const store = createSqlitePaymentStore({ path });
  for (let index = 0; ; index += 1) {
    const payment = samplePayment({ status: 'created' });
    await store.claimIdempotencyKey(`key-${payment.id}`, 'f', { leaseMs: 1000 });
    await store.insert(payment);
    await store.update(payment.id, (current) => ({ ...current, status: 'awaiting_authorisation' }));
    await store.update(payment.id, (current) => ({ ...current, status: 'completed' }), {
      source: 'webhook',
    });
    await store.completeIdempotencyKey(`key-${payment.id}`, payment.id);
    if (index === 20) process.stdout.write('ready\n');
  }
}

if (mode === 'append') {
  const [id, count] = rest;
  if (!id || !count) throw new Error('append needs <id> <count>');
  const store = createSqlitePaymentStore({ path, busyTimeoutMs: 20_000 });
  for (let index = 0; index < Number(count); index += 1) {
    await store.update(id, (current) => ({
      ...current,
      providerData: { log: `${current.providerData?.log ?? ''}[${process.pid}:${index}]` },
    }));
  }
  await store.close?.();
}

if (mode === 'complete') {
  const [id] = rest;
  if (!id) throw new Error('complete needs <id>');
  const store = createSqlitePaymentStore({ path });
  await store.update(
    id,
    (current) => ({ ...current, status: 'completed', providerStatus: 'ACSC' }),
    {
      source: 'webhook',
    },
  );
  await store.close?.();
}

const describe = (error: unknown) =>
  error instanceof Error
    ? { name: error.name, code: (error as { code?: string }).code, message: error.message }
    : { name: typeof error };

if (mode === 'fill') {
  // Run under a file-size limit (ulimit -f): past it, writes fail as on a full disk instead of killing us.
  process.on('SIGXFSZ', () => {});
  const store = createSqlitePaymentStore({ path });
  const seen: Record<string, unknown> = {};
  const stored: string[] = [];
  try {
    for (;;) {
      const payment = samplePayment({ reference: 'R'.repeat(2000) });
      await store.insert(payment);
      stored.push(payment.id);
    }
  } catch (error) {
    seen.error = describe(error);
  }
  seen.stored = stored;
  seen.readAfter = (await store.get(stored[0] ?? ''))?.id === stored[0];
  process.stdout.write(`${JSON.stringify(seen)}\n`);
  process.exit(0);
}

if (mode === 'read-only') {
  const seen: Record<string, unknown> = {};
  const first = samplePayment();
  const second = samplePayment();
  const writable = createSqlitePaymentStore({ path });
  await writable.insert(first);
  await writable.close?.();

  chmodSync(path, 0o444);
  const store = createSqlitePaymentStore({ path });
  seen.readWhileReadOnly = (await store.get(first.id))?.id === first.id;
  try {
    await store.insert(second);
    seen.insertWhileReadOnly = 'stored';
  } catch (error) {
    seen.insertWhileReadOnly = describe(error);
  }
  // In WAL mode a database is three files, and SQLite gives the -wal and -shm files it creates the
  // main file's mode: writable again means all of them.
  for (const file of [path, `${path}-wal`, `${path}-shm`])
    if (existsSync(file)) chmodSync(file, 0o644);
  try {
    await store.insert(second);
    seen.insertOnceWritable = 'stored';
  } catch (error) {
    seen.insertOnceWritable = describe(error);
  }
  seen.readBack = (await store.get(second.id))?.id === second.id;
  seen.history = (await store.history(second.id)).length;
  await store.close?.();
  process.stdout.write(`${JSON.stringify(seen)}\n`);
}
