// `npm run test:visual [-- --update]`: the visual regression tests in the system Chromium. With
// --update, baselines that differ beyond the tolerance (or are missing) are rewritten; review them
// with `git diff --stat test/visual/baselines` before committing.
import { spawnSync } from 'node:child_process';

const update = process.argv.includes('--update');
const rest = process.argv.slice(2).filter((arg) => arg !== '--update');
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    'node_modules/@web/test-runner/dist/bin.js',
    '--config',
    'web-test-runner.visual.config.mjs',
    ...rest,
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, ...(update ? { PAY_BY_BANK_VISUAL_UPDATE: '1' } : {}) },
  },
);
process.exit(result.status ?? 1);
