import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The system Chromium: CHROME_PATH, else Debian's `chromium` on PATH. Never a downloaded browser. */
export function chromiumPath(): string {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (path && existsSync(path)) return path;
    } catch {
      // not on PATH; try the next name
    }
  }
  throw new Error('No Chromium found: install Debian\'s "chromium" package or set CHROME_PATH.');
}

/** Flags for headless Chromium as root on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // performance.memory in whole bytes, not bucketed: test/element/memory.test.ts measures with it.
  '--enable-precise-memory-info',
];
