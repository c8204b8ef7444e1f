// Prints the compressed size of the script-tag build and fails the build above the budget
// (issue 2: at most 16 KB brotli for dist/pay-by-bank.js).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const BUDGET_BROTLI_BYTES = 16 * 1024;
const files = ['dist/pay-by-bank.js', 'dist/pay-by-bank.iife.js'];

let overBudget = false;
for (const file of files) {
  const source = readFileSync(file);
  const gzip = gzipSync(source, { level: 9 }).length;
  const brotli = brotliCompressSync(source, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  console.log(
    `size: ${file}: ${(source.length / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip, ${(brotli / 1024).toFixed(1)} KB brotli`,
  );
  if (file === 'dist/pay-by-bank.js' && brotli > BUDGET_BROTLI_BYTES) overBudget = true;
}
if (overBudget) {
  console.error(
    `size: dist/pay-by-bank.js is over its budget of ${BUDGET_BROTLI_BYTES / 1024} KB brotli`,
  );
  process.exit(1);
}
