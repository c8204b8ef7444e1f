// The size budgets of the script-tag build, checked by `size-limit` at the end of `npm run build`
// (brotli, as a CDN serves it). The file lists follow dist/'s own imports (scripts/dist-graph.mjs),
// so a new or renamed chunk is counted where it loads.
import { firstPaintFiles, readDist, redirectPaymentFiles } from './scripts/dist-graph.mjs';

const graph = readDist();
const inDist = (files) => files.map((file) => `dist/${file}`);

export default [
  {
    name: 'first paint: dist/pay-by-bank.js and what it imports at once',
    path: inDist(firstPaintFiles(graph)),
    limit: '17 KiB',
    brotli: true,
  },
  {
    name: 'a redirect payment: the first paint, the payment session and its views',
    path: inDist(redirectPaymentFiles(graph)),
    limit: '22 KiB',
    brotli: true,
  },
];
