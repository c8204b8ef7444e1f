import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const BASELINES = fileURLToPath(new URL('./baselines/', import.meta.url));
const OUTPUT = fileURLToPath(new URL('./output/', import.meta.url));

/** pixelmatch's per-pixel colour threshold (0 to 1): a little more than its 0.1 default is noise. */
const COLOUR_THRESHOLD = 0.1;
/**
 * Pixels that may differ beyond that, besides the anti-aliased ones pixelmatch leaves out: a glyph's
 * edge rasterised one step apart, never a moved or recoloured part.
 */
const MAX_CHANGED_RATIO = 0.0005;

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Comparison {
  ok: boolean;
  message: string;
}

/** `npm run test:visual -- --update` sets this: baselines that differ (or are missing) are written. */
const updating = () => process.env.PAY_BY_BANK_VISUAL_UPDATE === '1';

/** Compares a screenshot with its committed baseline, writing the actual and the diff when they differ. */
export function compareWithBaseline(name: string, png: Uint8Array): Comparison {
  if (!/^[a-z0-9-]+$/.test(name)) return { ok: false, message: `bad screenshot name "${name}"` };
  const file = `${BASELINES}${name}.png`;
  const write = (message: string): Comparison => {
    mkdirSync(BASELINES, { recursive: true });
    writeFileSync(file, png);
    return { ok: true, message };
  };
  if (!existsSync(file)) {
    return updating()
      ? write(`wrote the new baseline ${name}.png`)
      : { ok: false, message: `no baseline ${name}.png: run npm run test:visual -- --update` };
  }
  const expected = PNG.sync.read(readFileSync(file));
  const actual = PNG.sync.read(Buffer.from(png));
  if (expected.width !== actual.width || expected.height !== actual.height) {
    if (updating()) return write(`rewrote ${name}.png (size changed)`);
    saveActual(name, png);
    return {
      ok: false,
      message: `${name}: ${actual.width}x${actual.height} px, baseline ${expected.width}x${expected.height} px`,
    };
  }
  const { width, height } = actual;
  const diff = new PNG({ width, height });
  const changed = pixelmatch(expected.data, actual.data, diff.data, width, height, {
    threshold: COLOUR_THRESHOLD,
    includeAA: false,
  });
  if (changed <= width * height * MAX_CHANGED_RATIO) return { ok: true, message: 'same' };
  if (updating()) return write(`rewrote ${name}.png (${changed} px changed)`);
  saveActual(name, png);
  writeFileSync(`${OUTPUT}${name}.diff.png`, PNG.sync.write(diff));
  return {
    ok: false,
    message: `${name}: ${changed} px differ from the baseline (see test/visual/output/${name}.*.png)`,
  };
}

function saveActual(name: string, png: Uint8Array) {
  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(`${OUTPUT}${name}.actual.png`, png);
}

/** The part of a puppeteer page these commands use (web-test-runner's Chrome launcher). */
interface PuppeteerPage {
  setViewport(viewport: {
    width: number;
    height: number;
    deviceScaleFactor?: number;
  }): Promise<void>;
  emulateTimezone(zone: string): Promise<void>;
  emulateMediaFeatures(features: { name: string; value: string }[]): Promise<void>;
  screenshot(options: { clip: Clip; type: 'png' }): Promise<Uint8Array>;
}

interface CommandContext {
  command: string;
  payload: unknown;
  session: { id: string; browser: { getPage(id: string): PuppeteerPage } };
}

/**
 * web-test-runner commands for test/visual: `visual-viewport` sizes the page (and fixes its time zone
 * and motion), `visual-compare` screenshots a clip of it against test/visual/baselines/.
 */
export function visualDiffPlugin() {
  return {
    name: 'visual-diff',
    async executeCommand({ command, payload, session }: CommandContext) {
      if (command === 'visual-viewport') {
        const { width, height, scale } = payload as {
          width: number;
          height: number;
          scale?: number;
        };
        const page = session.browser.getPage(session.id);
        await page.setViewport({ width, height, deviceScaleFactor: scale ?? 1 });
        await page.emulateTimezone('UTC');
        await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
        return true;
      }
      if (command === 'visual-compare') {
        const { name, clip } = payload as { name: string; clip: Clip };
        const page = session.browser.getPage(session.id);
        return compareWithBaseline(name, await page.screenshot({ clip, type: 'png' }));
      }
      return undefined;
    },
  };
}
