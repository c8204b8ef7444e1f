import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CEM = join(ROOT, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');

const EVENTS = [
  'pay-by-bank-ready',
  'pay-by-bank-select',
  'pay-by-bank-redirect',
  'pay-by-bank-status',
  'pay-by-bank-success',
  'pay-by-bank-failure',
  'pay-by-bank-cancel',
  'pay-by-bank-pending',
];

interface ManifestEvent {
  name: string;
  type?: { text: string };
}
interface Manifest {
  modules: { declarations?: { tagName?: string; events?: ManifestEvent[] }[] }[];
}

/**
 * `custom-elements.json` is what IDEs and framework-typing generators read: each event must say its
 * type, the `CustomEvent` of its detail, named by the package's exported `PayByBankEventDetails`.
 * Made as `npm run build:element` makes it, in a folder of the test's own (the analyzer rewrites the
 * `customElements` field of the package.json beside it, so it gets a copy).
 */
describe('custom-elements.json', () => {
  let outdir: string;
  let events: ManifestEvent[];

  before(() => {
    outdir = mkdtempSync(join(tmpdir(), 'pay-by-bank-manifest-'));
    symlinkSync(join(ROOT, 'src'), join(outdir, 'src'), 'dir');
    copyFileSync(join(ROOT, 'package.json'), join(outdir, 'package.json'));
    const analyzed = spawnSync(
      process.execPath,
      [CEM, 'analyze', '--litelement', '--globs', 'src/element/**/*.ts'],
      { cwd: outdir, encoding: 'utf8' },
    );
    assert.equal(analyzed.status, 0, `${analyzed.stdout}${analyzed.stderr}`);
    const manifest = JSON.parse(
      readFileSync(join(outdir, 'custom-elements.json'), 'utf8'),
    ) as Manifest;
    const element = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration) => declaration.tagName === 'pay-by-bank');
    assert.ok(element, 'the manifest declares <pay-by-bank>');
    events = element.events ?? [];
  });

  after(() => rmSync(outdir, { recursive: true, force: true }));

  it('lists the eight events, each once', () => {
    assert.deepEqual(events.map((event) => event.name).sort(), [...EVENTS].sort());
  });

  it("types every event as CustomEvent<PayByBankEventDetails['<its name>']>", () => {
    for (const event of events) {
      assert.equal(
        event.type?.text,
        `CustomEvent<PayByBankEventDetails['${event.name}']>`,
        `${event.name} has a type`,
      );
    }
  });
});
