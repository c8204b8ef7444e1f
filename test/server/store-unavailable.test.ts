import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type BetterSqlite3 from 'better-sqlite3';
import { createServer as createViteServer } from 'vite';
import { createSqlitePaymentStore } from '../../src/server/stores/sqlite/index.js';
import { countingFetch, temporaryFolder } from './support/go-live.js';
import { startKit, type RunningKit } from './support/kit-fixture.js';
import { createBody, postPayment, readProblem } from './support/merchant-client.js';
import {
  failingMerchantProcess,
  startSandboxProcess,
  type SandboxProcess,
} from './support/processes.js';
import { providerFor } from './support/providers.js';

const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
const newFile = temporaryFolder('store-unavailable');

describe('a payment store that cannot write', () => {
  let sandbox: SandboxProcess;
  let kit: RunningKit;
  let path: string;
  const creates = countingFetch(/\/v1\/payments\/create$/);

  before(async () => {
    sandbox = await startSandboxProcess();
    path = newFile();
    kit = await startKit(
      providerFor('mastercard-open-finance', sandbox.url, { fetch: creates.fetch }),
      { store: createSqlitePaymentStore({ path, busyTimeoutMs: 100 }) },
    );
  });
  after(async () => {
    await kit.close();
    await kit.store.close?.();
    await sandbox.kill();
  });

  it('answers 503 store_unavailable while the file is locked, stores nothing, and works once it is free', async () => {
    // Another process holding the write lock longer than the store's busy timeout.
    const other = new Database(path);
    other.exec('BEGIN EXCLUSIVE');
    const key = randomUUID();
    let locked: Response;
    try {
      locked = await postPayment(kit.endpoint, createBody(), key);
    } finally {
      other.exec('COMMIT');
    }
    assert.equal(locked.status, 503);
    assert.equal(locked.headers.get('retry-after'), '5');
    const problem = await readProblem(locked);
    assert.equal(problem.code, 'store_unavailable');
    assert.equal(problem.status, 503);
    assert.equal(creates.count(), 0, 'the provider was not called');
    const rows = other.prepare('SELECT count(*) AS n FROM payments').get() as { n: number };
    assert.equal(rows.n, 0, 'no half-written payment');
    other.close();

    const again = await postPayment(kit.endpoint, createBody(), key);
    assert.equal(again.status, 201, await again.clone().text());
    const { paymentId } = (await again.json()) as { paymentId: string };
    assert.equal((await kit.handler.getPayment(paymentId))?.status, 'created');
    assert.equal(creates.count(), 1);
  });
});

describe('a payment store file that is not one', () => {
  it('npm run serve fails at start-up naming a corrupt file', async () => {
    const path = newFile('corrupt.db');
    writeFileSync(path, 'SQLite format 3\u0000'.padEnd(4096, '\u0001'));
    const { code, output } = await failingMerchantProcess({ PAY_BY_BANK_DB: path });
    assert.equal(code, 1);
    assert.ok(output.includes(path), output);
  });

  it('npm run serve fails at start-up naming another application’s database', async () => {
    const path = newFile('foreign.db');
    const foreign = new Database(path);
    foreign.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    foreign.close();
    const { code, output } = await failingMerchantProcess({ PAY_BY_BANK_DB: path });
    assert.equal(code, 1);
    assert.ok(output.includes(path), output);
    assert.match(output, /not a usable payment store|another application|not a payment store/i);
  });

  it('npm start (vite) fails at start-up naming the file', async () => {
    const path = newFile('not-a-database.db');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(200));
    const previous = process.env.PAY_BY_BANK_DB;
    process.env.PAY_BY_BANK_DB = path;
    try {
      await assert.rejects(
        createViteServer({
          configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
          server: { host: '127.0.0.1', port: 0 },
          logLevel: 'silent',
        }),
        (error: Error) => error.message.includes(path),
      );
    } finally {
      if (previous === undefined) delete process.env.PAY_BY_BANK_DB;
      else process.env.PAY_BY_BANK_DB = previous;
    }
  });
});
