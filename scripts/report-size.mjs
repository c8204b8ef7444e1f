// Prints the compressed size of the script-tag builds and their lazily loaded chunks, and fails the
// build when dist/pay-by-bank.js is over its budget (issue 2: at most 16 KB brotli).
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const BUDGET_BROTLI_BYTES = 16 * 1024;
const files = readdirSync('dist')
  .filter((name) => name.endsWith('.js'))
  .sort((a, b) => Number(b.startsWith('pay-by-bank')) - Number(a.startsWith('pay-by-bank')));

let overBudget = false;
for (const name of files) {
  const source = readFileSync(`dist/${name}`);
  const gzip = gzipSync(source, { level: 9 }).length;
  const brotli = brotliCompressSync(source, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  const role = name.startsWith('pay-by-bank') ? '' : ' (lazily loaded chunk)';
  console.log(
    `size: dist/${name}${role}: ${(source.length / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip, ${brotli} B brotli (${(brotli / 1024).toFixed(1)} KB)`,
  );
  if (name === 'pay-by-bank.js' && brotli > BUDGET_BROTLI_BYTES) overBudget = true;
}
if (overBudget) {
  console.error(`size: dist/pay-by-bank.js is over its budget of ${BUDGET_BROTLI_BYTES} B brotli`);
  process.exit(1);
}
