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
    // 17.0 kB measured (docs/architecture.md, "The element's first paint", has where it goes):
    // lowered from 17.7 kB by taking out what only some lists, or only a payment, need: the bill
    // above the list and a bank's payer fields (the bill-and-fields chunk), the resume decision and
    // the bank window's return page, the payment attempt, the redirect and tracking spinners and the
    // QR countdown's wiring (all with the payment session or views), and the output's comments;
    // the root collation keys (+330 B) keep the page's first Intl.Collator off the mount; 17.17 kB
    // with the first frame of 20 options and the typefaces looked up while the list is requested.
    limit: '17.2 kB',
    brotli: true,
  },
  {
    name: 'a redirect payment: the first paint, the payment session and its views',
    path: inDist(redirectPaymentFiles(graph)),
    // Raised from 22 KiB: the views after Pay now carry the receipt and its drawn marks, the UPI
    // intent and QR hand-off and the BBPS receipt, and their words; all of it loads while the bank
    // list is shown, never before it. To 24.7 KiB by the first paint's root collation keys, to
    // 24.8 KiB by its first frame of 20 options and its typefaces looked up early (+170 B).
    limit: '24.8 KiB',
    brotli: true,
  },
];
