import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { initialsColour } from '../../src/core/text.js';

/**
 * WCAG 1.4.3 (AA): every text colour the element uses on every background it sets it on, in its own
 * light and dark palettes and in the demo's brand presets, is at least 4.5:1. axe checks the rendered
 * views (test/visual/views.test.ts); this checks the colours themselves, pairs a view may not show.
 */

const STYLES = readFileSync(new URL('../../src/element/styles.ts', import.meta.url), 'utf8');
const DEMO_CSS = readFileSync(new URL('../../demo/public/demo.css', import.meta.url), 'utf8');

type Palette = Record<string, string>;

/** `--_text: var(--pay-by-bank-color-text, light-dark(#111827, #f9fafb))`, per theme. */
function elementPalettes(): { light: Palette; dark: Palette } {
  const light: Palette = {};
  const dark: Palette = {};
  const declaration =
    /--pay-by-bank-color-([a-z-]+), light-dark\((#[0-9a-f]{3,6}), (#[0-9a-f]{3,6})\)/gi;
  for (const [, name, inLight, inDark] of STYLES.matchAll(declaration)) {
    light[name as string] = inLight as string;
    dark[name as string] = inDark as string;
  }
  return { light, dark };
}

/** A preset's `--pay-by-bank-color-*` declarations in demo.css. */
function preset(className: string): Palette {
  const block = new RegExp(`pay-by-bank\\.${className} \\{([^}]*)\\}`).exec(DEMO_CSS)?.[1];
  assert.ok(block, `demo.css has pay-by-bank.${className}`);
  const palette: Palette = {};
  for (const [, name, value] of block.matchAll(
    /--pay-by-bank-color-([a-z-]+):\s*(#[0-9a-f]{3,6})/gi,
  ))
    palette[name as string] = value as string;
  return palette;
}

function channels(hex: string): [number, number, number] {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits;
  return [0, 2, 4].map((start) => parseInt(full.slice(start, start + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) =>
    value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4,
  ) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(foreground: string, background: string): number {
  const [lighter, darker] = [luminance(foreground), luminance(background)].sort(
    (a, b) => b - a,
  ) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** Text colour on background colour, as the element's styles pair them. */
const PAIRS: [string, string][] = [
  ['text', 'background'],
  ['text', 'surface'], // a selected or active bank, the bill summary
  ['muted', 'background'], // hints, badges, summary labels
  ['muted', 'surface'], // the disabled Pay button, labels in the summary
  ['primary', 'background'], // secondary buttons
  ['on-primary', 'primary'], // the Pay button
  ['danger', 'background'], // errors, field problems
  ['success', 'background'],
  ['warning', 'background'], // slow and unavailable banks
  ['warning', 'surface'], // ... when that bank is the active one
];

describe('colour contrast of the element (WCAG 1.4.3, 4.5:1)', () => {
  it('computes the WCAG ratio', () => {
    assert.equal(Math.round(contrast('#000000', '#ffffff') * 10) / 10, 21);
    assert.equal(contrast('#777', '#777'), 1);
    assert.ok(Math.abs(contrast('#767676', '#ffffff') - 4.54) < 0.01);
  });

  const { light, dark } = elementPalettes();
  const palettes: Record<string, Palette> = {
    light,
    dark,
    'brand-fjord (light)': { ...light, ...preset('brand-fjord') },
    'brand-ember (dark)': { ...dark, ...preset('brand-ember') },
  };

  it('reads both palettes of the element', () => {
    for (const palette of [light, dark])
      for (const [foreground, background] of PAIRS) {
        assert.ok(palette[foreground], foreground);
        assert.ok(palette[background], background);
      }
  });

  for (const [name, palette] of Object.entries(palettes)) {
    it(`${name}: every text colour on every background it is used on`, () => {
      const low = PAIRS.map(([foreground, background]) => {
        const ratio = contrast(palette[foreground] ?? '', palette[background] ?? '');
        return { pair: `${foreground} on ${background}`, ratio: Math.round(ratio * 100) / 100 };
      }).filter(({ ratio }) => ratio < 4.5);
      assert.deepEqual(low, []);
    });
  }

  /** `hsl(h s% l%)` as #rrggbb (CSS Color 4's conversion). */
  function hslToHex(hsl: string): string {
    const [h, s, l] = (/hsl\((\d+) (\d+)% (\d+)%\)/.exec(hsl) ?? []).slice(1).map(Number) as [
      number,
      number,
      number,
    ];
    const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
    const channel = (n: number) => {
      const k = (n + h / 30) % 12;
      const value = l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
      return Math.round(value * 255)
        .toString(16)
        .padStart(2, '0');
    };
    return `#${channel(0)}${channel(8)}${channel(4)}`;
  }

  it('white initials on every bank colour, at every hue the name can give, in both themes', () => {
    assert.equal(hslToHex('hsl(0 100% 50%)'), '#ff0000');
    // The disc and its white text are the same in both themes: one check covers both.
    const low: string[] = [];
    for (let code = 0; code < 2000; code++) {
      const colour = initialsColour(String.fromCodePoint(code + 65));
      const ratio = contrast('#ffffff', hslToHex(colour));
      if (ratio < 4.5) low.push(`${colour}: ${ratio.toFixed(2)}`);
    }
    assert.deepEqual(low, []);
  });

  it('gives each bank a colour from its name: the same name the same colour, names apart', () => {
    const names = ['Volksbank Rheintal eG', 'Bayerische Kreditanstalt', 'Münchner Privatbank'];
    assert.equal(initialsColour(names[0] ?? ''), initialsColour('Volksbank Rheintal eG'));
    assert.equal(new Set(names.map(initialsColour)).size, names.length);
    const hues = new Set(
      Array.from({ length: 2000 }, (_, code) => initialsColour(String.fromCodePoint(code + 65))),
    );
    assert.equal(hues.size, 360);
  });
});
