// Runs the node tests (server kit, sandbox) with Node's own test runner. Node 20 neither expands globs
// in `--test` nor strips TypeScript types, so this finds the files and loads them through tsx.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = [
  'test/server',
  'test/sandbox',
  'test/locales',
  'test/e2e',
  'test/ssr',
  'test/examples',
  'test/package',
  'test/design',
  'test/locales',
];

function findTests(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findTests(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const only = process.argv.slice(2);
const files = (only.length ? only : roots).flatMap((root) =>
  root.endsWith('.test.ts') ? [root] : findTests(root),
);
if (files.length === 0) {
  console.log('node tests: no test files found under', roots.join(', '));
  process.exit(0);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
