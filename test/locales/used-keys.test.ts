import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../../src/locales/en.js';
import type { MessageKey } from '../../src/locales/en.js';
import type { PayByBankStrings } from '../../src/core/i18n.js';

/** The element's and core's sources, where a catalog key is used by its name. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

test('every catalog key is used by the element: a key nothing shows is a word nobody reads', () => {
  const code = [
    ...sources('src/element'),
    ...sources('src/core'),
    // The tables from error codes and plural forms to keys.
    readFileSync('src/locales/message-keys.ts', 'utf8'),
    readFileSync('src/locales/plural-keys.ts', 'utf8'),
  ].join('\n');
  const unused = (Object.keys(en) as MessageKey[]).filter(
    (key) => !new RegExp(`['"\`]${key}['"\`]`).test(code),
  );
  assert.deepEqual(unused, []);
});

// The merchant's wording is typed: `npm run typecheck` fails if these stop being type errors.
const wording: PayByBankStrings = { de: { payWithBank: 'Jetzt {amount} über {bank} zahlen' } };
// @ts-expect-error a key the catalog does not have is a typo
const unknownKey: PayByBankStrings = { de: { payWithBnak: 'Jetzt zahlen' } };
// @ts-expect-error a language the element does not speak
const unknownLocale: PayByBankStrings = { xx: { payWithBank: 'Pay' } };
// @ts-expect-error words are strings
const notWords: PayByBankStrings = { en: { payWithBank: 42 } };
void [wording, unknownKey, unknownLocale, notWords];
