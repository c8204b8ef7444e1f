import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';
import {
  createSqlitePaymentStore,
  StoreFileError,
  StoreUnavailableError,
} from '../../../src/server/stores/sqlite/index.js';
import { runPaymentStoreContract } from './payment-store-contract.js';
import { samplePayment } from './support/payments.js';

const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
const child = fileURLToPath(new URL('./support/sqlite-child.ts', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'pay-by-bank-sqlite-'));
after(() => rmSync(folder, { recursive: true, force: true }));

let files = 0;
const newFile = (name = 'payments') => join(folder, `${name}-${(files += 1)}.db`);

runPaymentStoreContract('sqlite file', (options) =>
  createSqlitePaymentStore({ path: newFile(), ...options }),
);
runPaymentStoreContract('sqlite :memory:', (options) =>
  createSqlitePaymentStore({ path: ':memory:', ...options }),
);

function runChild(args: string[], options: { uid?: number; gid?: number } = {}) {
  const process_ = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  let stdout = '';
  let stderr = '';
  process_.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  process_.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(process_, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    stdout,
    stderr,
  }));
  return { process: process_, exited, output: () => stdout };
}

describe('createSqlitePaymentStore', () => {
  it('keeps everything across closing and opening the file again', async () => {
    const path = newFile();
    const payment = samplePayment({ providerData: { consent: 'c-1' } });
    const first = createSqlitePaymentStore({ path });
    await first.insert(payment);
    await first.update(
      payment.id,
      (current) => ({ ...current, status: 'completed', providerStatus: 'ACSC' }),
      { source: 'webhook', webhookEventId: 'evt-1' },
    );
    await first.claimIdempotencyKey('key', 'print', { leaseMs: 60_000 });
    await first.completeIdempotencyKey('key', payment.id);
    await first.markWebhookEvent('evt-1', 60_000);
    const history = await first.history(payment.id);
    await first.close?.();

    const again = createSqlitePaymentStore({ path });
    try {
      assert.equal((await again.get(payment.id))?.status, 'completed');
      assert.equal(
        (await again.findByProviderPaymentId(payment.provider, payment.providerPaymentId))?.id,
        payment.id,
      );
      assert.deepEqual(await again.history(payment.id), history);
      assert.deepEqual(await again.claimIdempotencyKey('key', 'print'), {
        outcome: 'existing',
        fingerprint: 'print',
        paymentId: payment.id,
      });
      assert.equal(await again.markWebhookEvent('evt-1', 60_000), false);
      const deliveries = await again.claimDeliveries({ limit: 10, leaseMs: 1000 });
      assert.deepEqual(
        deliveries.map((delivery) => delivery.sequence),
        [1],
      );
    } finally {
      await again.close?.();
    }
  });

  it('makes the file’s folder when it is missing, in WAL mode', async () => {
    const path = join(folder, 'nested', 'deeper', 'payments.db');
    const store = createSqlitePaymentStore({ path });
    await store.insert(samplePayment());
    await store.close?.();
    const db = new Database(path, { readonly: true });
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('user_version', { simple: true }), 3);
    } finally {
      db.close();
    }
  });

  it('never loses a change made through two stores on one file', async () => {
    const path = newFile();
    const one = createSqlitePaymentStore({ path });
    const two = createSqlitePaymentStore({ path });
    try {
      const payment = samplePayment({ providerData: { log: '' } });
      await one.insert(payment);
      await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          (index % 2 ? one : two).update(payment.id, (current) => ({
            ...current,
            providerData: { log: `${current.providerData?.log ?? ''}[${index}]` },
          })),
        ),
      );
      const log = (await two.get(payment.id))?.providerData?.log ?? '';
      assert.equal(new Set(log.match(/\[\d+\]/g)).size, 50);

      const claims = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          (index % 2 ? one : two).claimIdempotencyKey('shared', 'f'),
        ),
      );
      assert.equal(claims.filter((claim) => claim.outcome === 'claimed').length, 1);
    } finally {
      await one.close?.();
      await two.close?.();
    }
  });

  it('answers, on the next read, what another store on the file committed since the last', async () => {
    const path = newFile();
    const reader = createSqlitePaymentStore({ path });
    const writer = createSqlitePaymentStore({ path });
    try {
      const payment = samplePayment();
      await reader.insert(payment);
      assert.equal((await reader.get(payment.id))?.status, 'awaiting_authorisation');
      await writer.update(payment.id, (current) => ({ ...current, status: 'authorised' }));
      assert.equal((await reader.get(payment.id))?.status, 'authorised');
      // And this store's own writes, seen by its next read as well as by the other store's.
      await reader.update(payment.id, (current) => ({ ...current, status: 'processing' }));
      assert.equal((await reader.get(payment.id))?.status, 'processing');
      assert.equal((await writer.get(payment.id))?.status, 'processing');
      await writer.update(payment.id, (current) => ({ ...current, status: 'completed' }));
      assert.equal((await reader.get(payment.id))?.status, 'completed');
    } finally {
      await reader.close?.();
      await writer.close?.();
    }
  });

  it('answers, on the next read, what another process committed since the last', async () => {
    const path = newFile();
    const store = createSqlitePaymentStore({ path });
    try {
      const payment = samplePayment();
      const other = samplePayment();
      await store.insert(payment);
      await store.insert(other);
      assert.equal((await store.get(payment.id))?.status, 'awaiting_authorisation');
      assert.equal((await store.get(other.id))?.status, 'awaiting_authorisation');
      const result = await runChild(['complete', path, payment.id]).exited;
      assert.equal(result.code, 0, result.stderr);
      assert.equal((await store.get(payment.id))?.status, 'completed');
      assert.equal((await store.get(other.id))?.status, 'awaiting_authorisation');
    } finally {
      await store.close?.();
    }
  });

  it('never loses a change made by two processes writing at once', async () => {
    const path = newFile();
    const store = createSqlitePaymentStore({ path });
    const payment = samplePayment({ providerData: { log: '' } });
    await store.insert(payment);
    const writers = [1, 2].map(() => runChild(['append', path, payment.id, '50']));
    const results = await Promise.all(writers.map((writer) => writer.exited));
    for (const result of results) assert.equal(result.code, 0, result.stderr);
    const log = (await store.get(payment.id))?.providerData?.log ?? '';
    const entries = log.match(/\[\d+:\d+\]/g) ?? [];
    assert.equal(entries.length, 100);
    assert.equal(new Set(entries).size, 100);
    await store.close?.();
  });

  it('leaves a readable file with no half-written payment when a writer is killed with SIGKILL', async () => {
    const path = newFile('killed');
    const writer = runChild(['loop', path]);
    while (!writer.output().includes('ready')) {
      const result = await Promise.race([
        writer.exited,
        new Promise((resolve) => setTimeout(resolve, 20)),
      ]);
      if (result) assert.fail(`the writer stopped: ${JSON.stringify(result)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
    writer.process.kill('SIGKILL');
    assert.equal((await writer.exited).signal, 'SIGKILL');

    const store = createSqlitePaymentStore({ path });
    const db = new Database(path, { readonly: true });
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      const ids = (db.prepare('SELECT id FROM payments').all() as { id: string }[]).map(
        (row) => row.id,
      );
      assert.ok(ids.length > 20, `the writer stored ${ids.length} payments`);
      const outbox = db.prepare('SELECT count(*) AS n FROM outbox WHERE payment_id = ?');
      for (const id of ids) {
        const payment = await store.get(id);
        const history = await store.history(id);
        assert.ok(payment);
        assert.deepEqual(
          history.map((entry) => entry.status),
          ['created', 'awaiting_authorisation', 'completed'].slice(0, history.length),
        );
        assert.equal(history.at(-1)?.status, payment.status, 'history matches the payment');
        assert.equal(
          (outbox.get(id) as { n: number }).n,
          history.length,
          'one delivery per change',
        );
      }
      const orphans = db
        .prepare(
          `SELECT count(*) AS n FROM status_history WHERE payment_id NOT IN (SELECT id FROM payments)`,
        )
        .get() as { n: number };
      assert.equal(orphans.n, 0);
      // The store writes on after the crash.
      const next = samplePayment();
      await store.insert(next);
      assert.equal((await store.get(next.id))?.id, next.id);
    } finally {
      db.close();
      await store.close?.();
    }
  });

  it('refuses a file that is not a database, naming the file', () => {
    const path = join(folder, 'notes.txt');
    writeFileSync(path, 'These are not the payments you are looking for.\n'.repeat(200));
    assert.throws(
      () => createSqlitePaymentStore({ path }),
      (error: unknown) =>
        error instanceof StoreFileError && error.path === path && error.message.includes(path),
    );
  });

  it('refuses another application’s database, naming the file, and leaves it untouched', () => {
    const path = newFile('foreign');
    const foreign = new Database(path);
    foreign.exec(
      `CREATE TABLE invoices (id INTEGER PRIMARY KEY); INSERT INTO invoices VALUES (7);`,
    );
    foreign.close();
    assert.throws(
      () => createSqlitePaymentStore({ path }),
      (error: unknown) =>
        error instanceof StoreFileError &&
        /another application/.test(error.message) &&
        error.message.includes(path),
    );
    const db = new Database(path, { readonly: true });
    try {
      assert.deepEqual(db.prepare('SELECT id FROM invoices').all(), [{ id: 7 }]);
      assert.equal(db.pragma('user_version', { simple: true }), 0);
    } finally {
      db.close();
    }
  });

  it('refuses a file written by a newer version, naming the file', async () => {
    const path = newFile('newer');
    await createSqlitePaymentStore({ path }).close?.();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    assert.throws(
      () => createSqlitePaymentStore({ path }),
      (error: unknown) =>
        error instanceof StoreFileError &&
        /newer version/.test(error.message) &&
        error.message.includes(path),
    );
  });

  it('refuses a damaged file, naming the file', async () => {
    const path = newFile('damaged');
    const store = createSqlitePaymentStore({ path });
    for (let index = 0; index < 200; index += 1) await store.insert(samplePayment());
    await store.close?.();
    const db = new Database(path);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const { openSync, writeSync, closeSync } = await import('node:fs');
    const handle = openSync(path, 'r+');
    // Garbage over the second and third pages: the schema's own tree and the first payments.
    writeSync(handle, Buffer.alloc(pageSize * 2, 0xa5), 0, pageSize * 2, pageSize);
    closeSync(handle);
    assert.throws(
      () => createSqlitePaymentStore({ path }),
      (error: unknown) => error instanceof StoreFileError && error.message.includes(path),
    );
  });

  it('answers StoreUnavailableError while another process holds the lock, writing nothing, then works', async () => {
    const path = newFile('locked');
    const store = createSqlitePaymentStore({ path, busyTimeoutMs: 50 });
    const holder = new Database(path);
    const payment = samplePayment();
    try {
      holder.exec('BEGIN IMMEDIATE');
      await assert.rejects(
        store.insert(payment),
        (error: unknown) => error instanceof StoreUnavailableError && error.code === 'SQLITE_BUSY',
      );
      await assert.rejects(store.claimIdempotencyKey('k', 'f'), StoreUnavailableError);
      holder.exec('ROLLBACK');
      assert.equal(await store.get(payment.id), undefined, 'nothing half-written');
      assert.deepEqual(await store.history(payment.id), []);
      await store.insert(payment);
      assert.equal((await store.get(payment.id))?.id, payment.id);
      assert.deepEqual(await store.claimIdempotencyKey('k', 'f'), { outcome: 'claimed' });
    } finally {
      holder.close();
      await store.close?.();
    }
  });

  it('answers StoreUnavailableError when the file cannot grow, with nothing half-written', async () => {
    // A file-size limit on the writer stands in for a full disk: its writes fail the same way.
    const path = newFile('full');
    const filler = spawn(
      'sh',
      [
        '-c',
        'ulimit -f 4096 && exec "$0" --import tsx "$1" fill "$2"',
        process.execPath,
        child,
        path,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    filler.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    filler.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code] = await once(filler, 'exit');
    assert.equal(code, 0, stderr);
    const seen = JSON.parse(stdout) as {
      error: { name: string; code: string };
      stored: string[];
      readAfter: boolean;
    };
    assert.equal(seen.error.name, 'StoreUnavailableError');
    assert.match(seen.error.code, /^SQLITE_(FULL|IOERR)/);
    assert.ok(seen.stored.length > 0, `stored ${seen.stored.length} before the limit`);
    assert.equal(seen.readAfter, true, 'reads go on while writes fail');

    const store = createSqlitePaymentStore({ path });
    const db = new Database(path, { readonly: true });
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      assert.equal(count('SELECT count(*) AS n FROM payments'), seen.stored.length);
      assert.equal(count('SELECT count(*) AS n FROM status_history'), seen.stored.length);
      assert.equal(count('SELECT count(*) AS n FROM outbox'), seen.stored.length);
      for (const id of seen.stored) assert.equal((await store.get(id))?.id, id);
      const next = samplePayment();
      await store.insert(next);
      assert.equal((await store.history(next.id)).length, 1);
    } finally {
      db.close();
      await store.close?.();
    }
  });

  it('answers StoreUnavailableError on a read-only file, then works once it is writable', async () => {
    // The round trip runs in a child process that is not root: root may write any file.
    const own = mkdtempSync(join(folder, 'read-only-'));
    const path = join(own, 'payments.db');
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      chmodSync(folder, 0o755);
      chownSync(own, 65534, 65534);
    }
    const result = await runChild(['read-only', path], asRoot ? { uid: 65534, gid: 65534 } : {})
      .exited;
    assert.equal(result.code, 0, result.stderr);
    const seen = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.equal(seen.readWhileReadOnly, true);
    assert.deepEqual(
      { ...(seen.insertWhileReadOnly as object), message: undefined },
      { name: 'StoreUnavailableError', code: 'SQLITE_READONLY', message: undefined },
    );
    assert.equal(seen.insertOnceWritable, 'stored');
    assert.equal(seen.readBack, true);
    assert.equal(seen.history, 1);
  });

  it('fails clearly once closed, after answering the reads asked before', async () => {
    const store = createSqlitePaymentStore({ path: newFile() });
    const payment = samplePayment();
    await store.insert(payment);
    const askedBefore = store.get(payment.id);
    await store.close?.();
    assert.equal((await askedBefore)?.id, payment.id);
    await assert.rejects(store.get('pay_x'), /closed/);
  });
});
