// Prints the compressed size of the script-tag builds and their chunks, and fails the build when
// what a script tag for dist/pay-by-bank.js loads before the first paint (the entry and the chunks
// it imports statically) is over its budget of 16 KB brotli, or when any chunk imports the entry
// file by name (a page that renamed or hashed it would then load a second copy of the element).
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const BUDGET_BROTLI_BYTES = 16 * 1024;
const ENTRIES = ['pay-by-bank.js', 'pay-by-bank.iife.js'];
const files = readdirSync('dist')
  .filter((name) => name.endsWith('.js'))
  .sort((a, b) => Number(ENTRIES.includes(b)) - Number(ENTRIES.includes(a)));

/** The files a chunk imports: `from"./x.js"` and `import"./x.js"` statically, `import("./x.js")` lazily. */
function importsOf(source) {
  const found = (pattern) => [...source.matchAll(pattern)].map((match) => match[1]);
  return {
    static: found(/(?:\bfrom|\bimport)\s*["'`]\.\/([\w.-]+\.js)["'`]/g),
    lazy: found(/\bimport\s*\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g),
  };
}

const chunks = new Map();
for (const name of files) {
  const source = readFileSync(`dist/${name}`);
  const code = source.toString('utf8');
  chunks.set(name, {
    raw: source.length,
    gzip: gzipSync(source, { level: 9 }).length,
    brotli: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    imports: importsOf(code),
  });
}

const problems = [];
for (const [name, chunk] of chunks) {
  const role = ENTRIES.includes(name) ? '' : ' (chunk)';
  console.log(
    `size: dist/${name}${role}: ${(chunk.raw / 1024).toFixed(1)} KB raw, ${(chunk.gzip / 1024).toFixed(1)} KB gzip, ${chunk.brotli} B brotli (${(chunk.brotli / 1024).toFixed(1)} KB)`,
  );
  for (const imported of [...chunk.imports.static, ...chunk.imports.lazy]) {
    if (ENTRIES.includes(imported)) problems.push(`dist/${name} imports the entry ./${imported}`);
    else if (!chunks.has(imported)) problems.push(`dist/${name} imports a missing ./${imported}`);
  }
}

/** The entry and every chunk it reaches by static imports: all of it loads before the first paint. */
function initialFiles(entry) {
  const seen = new Set([entry]);
  for (const name of seen)
    for (const next of chunks.get(name)?.imports.static ?? []) seen.add(next);
  return [...seen];
}

const initial = initialFiles('pay-by-bank.js');
const initialBrotli = initial.reduce((sum, name) => sum + (chunks.get(name)?.brotli ?? 0), 0);
console.log(
  `size: first paint of dist/pay-by-bank.js (${initial.join(' + ')}): ${initialBrotli} B brotli (${(initialBrotli / 1024).toFixed(1)} KB, budget ${BUDGET_BROTLI_BYTES} B)`,
);
if (initialBrotli > BUDGET_BROTLI_BYTES) {
  problems.push(`the first paint of dist/pay-by-bank.js is over ${BUDGET_BROTLI_BYTES} B brotli`);
}
if (problems.length) {
  for (const problem of problems) console.error(`size: ${problem}`);
  process.exit(1);
}
