import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSqlitePaymentStore } from '../../src/server/stores/sqlite/index.js';
import { countingFetch, temporaryFolder } from './support/go-live.js';
import { startKit, type RunningKit } from './support/kit-fixture.js';
import { createBody, postPayment, readProblem } from './support/merchant-client.js';
import { startSandboxProcess, type SandboxProcess } from './support/processes.js';
import { providerFor } from './support/providers.js';

const newFile = temporaryFolder('bank-check');

/** The bank is checked against the provider's list before the provider is asked for a payment. */
describe('bank check before the provider is called', () => {
  let sandbox: SandboxProcess;
  const kits: RunningKit[] = [];
  const creates = countingFetch(/\/v1\/payments\/create$|\/v2\/payments\/accept$/);

  before(async () => {
    sandbox = await startSandboxProcess();
  });
  after(async () => {
    for (const kit of kits) await kit.close();
    await sandbox.kill();
  });

  for (const name of ['mastercard-open-finance', 'aiia-pay'] as const) {
    it(`${name}: an unlisted bank answers 422 unknown_bank, an unavailable one 409 bank_unavailable, without a provider call`, async () => {
      const store = createSqlitePaymentStore({ path: newFile() });
      const kit = await startKit(providerFor(name, sandbox.url, { fetch: creates.fetch }), {
        store,
      });
      kits.push(kit);
      const before = creates.count();
      const createdBefore = await sandbox.created();

      const unknown = await postPayment(kit.endpoint, createBody({ bankId: 'XX_NoSuchBank' }));
      assert.equal(unknown.status, 422);
      const unknownProblem = await readProblem(unknown);
      assert.equal(unknownProblem.code, 'unknown_bank');
      assert.equal(unknownProblem.status, 422);

      // Münchner Privatbank is listed for DE with status `unavailable`.
      const banks = (await (await fetch(`${kit.endpoint}/banks?country=DE`)).json()) as {
        banks: { id: string; status: string }[];
      };
      assert.equal(
        banks.banks.find((bank) => bank.id === 'DE_MunchnerPrivatbank')?.status,
        'unavailable',
      );
      const unavailable = await postPayment(
        kit.endpoint,
        createBody({ bankId: 'DE_MunchnerPrivatbank' }),
      );
      assert.equal(unavailable.status, 409);
      assert.match(unavailable.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal((await readProblem(unavailable)).code, 'bank_unavailable');

      assert.equal(creates.count(), before, 'no create call reached the provider');
      assert.deepEqual(await sandbox.created(), createdBefore);
      assert.deepEqual(
        await store.listUnfinished({ limit: 10, before: new Date(Date.now() + 1000) }),
        [],
      );

      // A listed, available bank still pays: the check refuses only what it must.
      const fine = await postPayment(kit.endpoint, createBody());
      assert.equal(fine.status, 201, await fine.clone().text());
      assert.equal(creates.count(), before + 1);
    });
  }
});
