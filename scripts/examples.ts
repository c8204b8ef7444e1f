// The examples' plumbing, for the examples test and for maintainers:
//   node --import tsx scripts/examples.ts pack      pack the built package into examples/pay-by-bank.tgz
//   node --import tsx scripts/examples.ts install   `npm ci` in every example at once
//   node --import tsx scripts/examples.ts lock      rewrite every example's package-lock.json
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const EXAMPLES_DIR = join(ROOT, 'examples');
export const TARBALL = join(EXAMPLES_DIR, 'pay-by-bank.tgz');
export const EXAMPLES = ['html', 'react19', 'react18', 'vue', 'svelte', 'angular'] as const;
export type Example = (typeof EXAMPLES)[number];

export interface RunResult {
  code: number;
  output: string;
  ms: number;
}

/** Runs a command, collecting its output; rejects with that output when it exits non-zero. */
export function run(command: string, args: string[], cwd: string): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NG_CLI_ANALYTICS: 'false', CI: 'true' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const result = { code: code ?? 1, output, ms: Date.now() - started };
      if (result.code === 0) resolve(result);
      else reject(new Error(`${command} ${args.join(' ')} in ${cwd} failed:\n${output}`));
    });
  });
}

/** `npm pack` of the package as built now (run `npm run build` first), as examples/pay-by-bank.tgz. */
export async function packTarball(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'pay-by-bank-pack-'));
  try {
    await run('npm', ['pack', '--pack-destination', folder], ROOT);
    const [name] = (await readdir(folder)).filter((file) => file.endsWith('.tgz'));
    if (!name) throw new Error('npm pack made no tarball');
    await rename(join(folder, name), TARBALL);
    return TARBALL;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const NPM_QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

/** `npm ci` in every example, all at once (npm waits on the network and disk, not on the CPU). */
export async function installExamples(
  examples: readonly Example[] = EXAMPLES,
): Promise<Record<string, number>> {
  const results = await Promise.all(
    examples.map((example) => run('npm', ['ci', ...NPM_QUIET], join(EXAMPLES_DIR, example))),
  );
  return Object.fromEntries(examples.map((example, i) => [example, results[i]?.ms ?? 0]));
}

/**
 * `npm install` in every example, then drops the tarball's integrity from each lock: it changes with
 * every build, and with it `npm ci` would install a cached copy of an older tarball.
 */
export async function lockExamples(): Promise<void> {
  await Promise.all(
    EXAMPLES.map((example) => run('npm', ['install', ...NPM_QUIET], join(EXAMPLES_DIR, example))),
  );
  for (const example of EXAMPLES) {
    const path = join(EXAMPLES_DIR, example, 'package-lock.json');
    const lock = JSON.parse(await readFile(path, 'utf8')) as {
      packages: Record<string, { integrity?: string }>;
    };
    const entry = lock.packages['node_modules/pay-by-bank'];
    if (entry) delete entry.integrity;
    await writeFile(path, `${JSON.stringify(lock, null, 2)}\n`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = process.argv[2];
  const started = Date.now();
  if (command === 'pack') console.log(await packTarball());
  else if (command === 'install') console.log(await installExamples());
  else if (command === 'lock') {
    await packTarball();
    await lockExamples();
  } else {
    console.error('usage: node --import tsx scripts/examples.ts pack|install|lock');
    process.exit(2);
  }
  console.log(`examples: ${command} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
