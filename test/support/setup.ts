/**
 * Shared by every browser test: a Lit dev-mode warning (a change-in-update, a missing polyfill...)
 * fails the test that caused it. The one-off "Lit is in dev mode" notice is muted in the test page.
 */
const litWarnings: unknown[][] = [];
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (args.some((arg) => typeof arg === 'string' && /lit\.dev\/msg/.test(arg)))
    litWarnings.push(args);
  warn(...args);
};

afterEach(() => {
  const found = litWarnings.splice(0);
  if (found.length)
    throw new Error(`Lit warned: ${found.map((args) => args.join(' ')).join('\n')}`);
});
