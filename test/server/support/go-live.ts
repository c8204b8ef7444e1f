import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import type { FetchFunction } from '../../../src/server/index.js';

/** A temporary folder for this test file's SQLite files, removed after its tests. */
export function temporaryFolder(prefix: string): (name?: string) => string {
  const folder = mkdtempSync(join(tmpdir(), `pay-by-bank-${prefix}-`));
  after(() => rmSync(folder, { recursive: true, force: true }));
  let files = 0;
  return (name = 'payments.db') => join(folder, `${(files += 1)}-${name}`);
}

/** A fetch that counts the provider calls whose path matches, e.g. the create call. */
export function countingFetch(pattern: RegExp): { fetch: FetchFunction; count(): number } {
  let count = 0;
  return {
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (pattern.test(url.pathname)) count += 1;
      return fetch(input, init);
    },
    count: () => count,
  };
}
