import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { loggedEvent, useDemo } from './support/demo.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core over the whole demo page (the element's shadow root included) in every theme. */
describe('demo page: no axe violations in any theme', () => {
  const demo = useDemo();

  const runs = [
    { theme: 'light', scheme: 'light', query: '?checkout=order-123' },
    { theme: 'dark', scheme: 'light', query: '?checkout=order-123' },
    { theme: 'auto', scheme: 'dark', query: '?checkout=order-123' },
    { theme: 'fjord', scheme: 'light', query: '?checkout=invoice-2024042' },
    { theme: 'ember', scheme: 'light', query: '?checkout=bill-CUST-7' },
  ] as const;
  for (const { theme, scheme, query } of runs) {
    it(`${theme} (system ${scheme}), ${query.slice(10)}`, async () => {
      const context = await demo.browser.newContext({ colorScheme: scheme });
      try {
        const page = await context.newPage();
        await page.goto(`${demo.origin}/${query}&theme=${theme}`);
        await loggedEvent(page, 'pay-by-bank-ready');
        await page.getByRole('listbox', { name: 'Banks' }).getByRole('option').first().click();
        await page.addScriptTag({ path: axePath });
        const violations = (await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run: (...args: unknown[]) => Promise<{ violations: unknown[] }> };
            }
          ).axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations;
        })) as AxeViolation[];
        const summary = violations.map(
          (violation) =>
            `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
              .map((node) => JSON.stringify(node.target))
              .join(', ')}`,
        );
        assert.deepEqual(summary, []);
      } finally {
        await context.close();
      }
    });
  }
});
