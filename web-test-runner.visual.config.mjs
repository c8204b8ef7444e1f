// `npm run test:visual`: the screenshots of test/visual against their baselines, one page at a time
// (two pages at once would share the machine's cores and fonts' caches, not the pixels, but one is
// enough and keeps the timing calm). No coverage: these tests check pixels, not branches.
import base from './web-test-runner.config.mjs';

export default {
  ...base,
  files: ['test/visual/**/*.test.ts'],
  concurrency: 1,
  coverage: false,
};
