import type { SandboxBank } from './sandbox-bank.js';

/** Where logos come from: inline `data:` URLs (no route needed) or the sandbox's own `/logos/` route. */
export type SandboxLogoMode = 'inline' | 'served';

/**
 * The emblems a fictional bank's mark is drawn with, white on its brand colour, in a 40 x 40 box:
 * a pillared hall, waves, a rising sun, a diamond, linked rings, chevrons, a shield, a key-hole.
 * Strokes only, so every mark reads at 32 CSS px and stays sharp at any pixel ratio.
 */
const EMBLEMS: readonly string[] = [
  'M9 16L20 9l11 7M11 18v10M17 18v10M23 18v10M29 18v10M8 31h24',
  'M8 16q4-4 8 0t8 0 8 0M8 22q4-4 8 0t8 0 8 0M8 28q4-4 8 0t8 0 8 0',
  'M8 28h24M12 28a8 8 0 0 1 16 0M20 10v4M10 15l3 3M30 15l-3 3',
  'M20 8l12 12-12 12L8 20zM20 15l5 5-5 5-5-5z',
  'M17 20m-7 0a7 7 0 1 0 14 0a7 7 0 1 0-14 0M23 20m-7 0a7 7 0 1 0 14 0a7 7 0 1 0-14 0',
  'M11 13l9 7 9-7M11 20l9 7 9-7M11 27l9 7 9-7',
  'M20 8l11 4v8c0 6-5 10-11 12-6-2-11-6-11-12v-8zM15 20l4 4 7-7',
  'M20 8m-12 12a12 12 0 1 0 24 0a12 12 0 1 0-24 0M20 15m-3 0a3 3 0 1 0 6 0a3 3 0 1 0-6 0M20 18v8',
];

/**
 * FNV-1a over the name: the same bank always gets the same mark, on any machine. The offset is one
 * under which no two curated banks of one country share an emblem (test/sandbox/logos.test.ts).
 */
function nameHash(name: string): number {
  let hash = 0x30f67448;
  for (const char of name) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/**
 * A bank's mark as a small SVG document: its emblem (picked by its name) on its brand colour, with a
 * lighter corner so that two banks of one colour still differ. Paths and a fill only: no text (no
 * font to load), no script, no reference to anything outside the document.
 */
export function bankLogoSvg(name: string, color: string): string {
  const hash = nameHash(name);
  const emblem = EMBLEMS[(hash >>> 16) % EMBLEMS.length] ?? EMBLEMS[0];
  const fill = HEX_COLOR.test(color) ? color : '#334155';
  const corner = ['M0 0h16L0 16z', 'M40 0v16L24 0z', 'M40 40H24l16-16z', 'M0 40V24l16 16z'][
    (hash >>> 8) % 4
  ];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" width="40" height="40">` +
    `<clipPath id="r"><rect width="40" height="40" rx="9"/></clipPath>` +
    `<g clip-path="url(#r)"><rect width="40" height="40" fill="${fill}"/>` +
    `<path d="${corner}" fill="#fff" fill-opacity=".22"/></g>` +
    `<path d="${emblem}" fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round" ` +
    `stroke-linejoin="round"/></svg>`
  );
}

/** A bank's mark as a `data:` URL. */
export function bankLogo(name: string, color: string): string {
  return `data:image/svg+xml,${encodeURIComponent(bankLogoSvg(name, color))}`;
}

/**
 * The logo URL a provider hands out. `served` points at `${base}/logos/<bank id>.svg` on the sandbox
 * itself, so a page under `default-src 'self'` (which blocks `data:` images) still shows logos.
 */
export function bankLogoUrl(bank: SandboxBank, mode: SandboxLogoMode | undefined, base: string) {
  return mode === 'served'
    ? `${base}/logos/${encodeURIComponent(bank.id)}.svg`
    : bankLogo(bank.name, bank.color);
}

/**
 * `GET …/logos/<bank id>.svg`: the served mark, cacheable and inert: an image type the browser never
 * sniffs as HTML, and a policy that lets the document load and run nothing, were it opened directly.
 */
export function bankLogoResponse(bank: SandboxBank | undefined): Response {
  if (!bank) return new Response('Not found', { status: 404 });
  return new Response(bankLogoSvg(bank.name, bank.color), {
    headers: {
      'content-type': 'image/svg+xml',
      'cache-control': 'public, max-age=86400',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    },
  });
}
