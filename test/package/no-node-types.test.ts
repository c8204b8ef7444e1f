import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

function tsc(args: string[], cwd: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [TSC, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * A merchant's project that has no `@types/node` (Deno, Bun, a worker, or Node's types left out):
 * `pay-by-bank/server` and `pay-by-bank/sandbox` must type-check there with the library checked too
 * (`skipLibCheck: false`), so no `node:` type may reach their declarations. The declarations are
 * emitted from the sources now, into an installed-looking `node_modules/pay-by-bank`.
 */
describe('the server kit and the sandbox, typed without @types/node', () => {
  let project: string;

  before(() => {
    project = mkdtempSync(join(tmpdir(), 'pay-by-bank-no-node-types-'));
    const installed = join(project, 'node_modules', 'pay-by-bank');
    mkdirSync(installed, { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(installed, 'package.json'));
    const emitted = tsc(
      [
        '-p',
        join(ROOT, 'tsconfig.server.json'),
        '--emitDeclarationOnly',
        '--outDir',
        join(installed, 'dist', 'server'),
      ],
      ROOT,
    );
    assert.equal(emitted.status, 0, emitted.output);
  });

  after(() => rmSync(project, { recursive: true, force: true }));

  it('passes tsc --noEmit with types: [] and skipLibCheck: false', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM'],
          types: [],
          strict: true,
          skipLibCheck: false,
          noEmit: true,
        },
        include: ['server.ts'],
      }),
    );
    writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module', private: true }));
    writeFileSync(
      join(project, 'server.ts'),
      [
        "import { answerClientErrors, createPayByBankHandler, toNodeListener, type NodeListener } from 'pay-by-bank/server';",
        "import { createSandbox, type ListeningServer } from 'pay-by-bank/sandbox';",
        'export const sandbox = createSandbox();',
        'export const listening: Promise<ListeningServer> = sandbox.listen(0);',
        'export function serve(kit: ReturnType<typeof createPayByBankHandler>): NodeListener {',
        '  return toNodeListener(kit);',
        '}',
        'export const refusals: typeof answerClientErrors = answerClientErrors;',
        '',
      ].join('\n'),
    );
    const checked = tsc(['--noEmit', '-p', 'tsconfig.json'], project);
    assert.equal(checked.status, 0, checked.output);
  });
});
