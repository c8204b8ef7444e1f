import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SUPPORTED_LOCALES } from '../../src/locales/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

test('the README’s "Languages" lists every locale the element speaks, by its own name', () => {
  const found = /^## Languages\n\n([\s\S]*?)\n\n/m.exec(readme)?.[1];
  assert.ok(found, 'README has a "## Languages" section');
  // The section's first paragraph is the list; its lines wrap anywhere.
  const section = found.replace(/\s+/g, ' ');
  const listed = [...section.matchAll(/`([a-z]{2,3}(?:-[A-Z]{2})?)` /g)].map((m) => m[1]);
  assert.deepEqual(listed, [...SUPPORTED_LOCALES]);
  for (const tag of SUPPORTED_LOCALES) {
    const own = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
    assert.ok(
      section.toLocaleLowerCase(tag).includes(`\`${tag}\` ${own}`.toLocaleLowerCase(tag)),
      `${tag} is named ${own}`,
    );
  }
  assert.match(section, new RegExp(`speaks ${SUPPORTED_LOCALES.length} languages`));
});
