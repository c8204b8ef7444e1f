// After `vite build` (both modes): prints each script-tag file's size, fails when a chunk imports an
// entry file by name (a page that renamed `pay-by-bank.js` would then load a second copy of the
// element), imports a file that is not there, or has a name without its content hash (a CDN caches
// chunks for a year: a changed chunk must get a new name), or has no sourcemap beside it. Then writes dist/integrity.json, the
// Subresource Integrity hash (sha384) of every file, and prints the ones a page names in its
// <script> and <link rel="modulepreload"> tags. The budgets themselves are size-limit's
// (.size-limit.js), over the same file lists (scripts/dist-graph.mjs).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { DIST, ENTRIES, firstPaintFiles, isHashed, readDist } from './dist-graph.mjs';

const graph = readDist();
const problems = [];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

for (const [name, { bytes, imports }] of graph) {
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const role = ENTRIES.includes(name) ? '' : ' (chunk)';
  console.log(
    `size: dist/${name}${role}: ${kb(bytes.length)} raw, ${kb(gzip)} gzip, ${brotli} B brotli (${kb(brotli)})`,
  );
  if (!ENTRIES.includes(name) && !isHashed(name))
    problems.push(`dist/${name} has no content hash in its name`);
  const mapFile = `${name}.map`;
  if (!bytes.toString('utf8').trimEnd().endsWith(`//# sourceMappingURL=${mapFile}`))
    problems.push(`dist/${name} does not name its sourcemap ${mapFile}`);
  else if (!existsSync(`${DIST}/${mapFile}`)) problems.push(`dist/${mapFile} is missing`);
  else {
    const map = JSON.parse(readFileSync(`${DIST}/${mapFile}`, 'utf8'));
    if (map.sources.length === 0 || map.sourcesContent?.length !== map.sources.length)
      problems.push(`dist/${mapFile} does not carry the sources it maps to`);
  }
  for (const imported of [...imports.static, ...imports.lazy]) {
    if (ENTRIES.includes(imported)) problems.push(`dist/${name} imports the entry ./${imported}`);
    else if (!graph.has(imported)) problems.push(`dist/${name} imports a missing ./${imported}`);
  }
}

const integrity = Object.fromEntries(
  [...graph].map(([name, { bytes }]) => [
    name,
    `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
  ]),
);
writeFileSync(`${DIST}/integrity.json`, `${JSON.stringify(integrity, null, 2)}\n`);
for (const name of [...firstPaintFiles(graph), ...ENTRIES.filter((e) => e !== 'pay-by-bank.js')]) {
  if (integrity[name]) console.log(`integrity: dist/${name} ${integrity[name]}`);
}
console.log(`integrity: every file's hash is in ${DIST}/integrity.json`);

if (problems.length) {
  for (const problem of problems) console.error(`size: ${problem}`);
  process.exit(1);
}
