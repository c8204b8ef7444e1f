import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../src/locales/en.js';
import type { Catalog, MessageKey } from '../../src/locales/en.js';
import {
  SUPPORTED_LOCALES,
  isSupportedLocale,
  loadCatalog,
  localeDirection,
} from '../../src/locales/index.js';
import {
  PAYER_MESSAGE_BY_CODE,
  bankCountKey,
  payerMessageKey,
} from '../../src/locales/message-keys.js';

// The catalog type itself rejects a missing or an extra key; `npm run typecheck` fails otherwise.
const { title: _dropped, ...withoutTitle } = en;
// @ts-expect-error a catalog without `title` is incomplete
const missingKey: Catalog = withoutTitle;
// @ts-expect-error a key the English catalog does not have is a typo
const extraKey: Catalog = { ...en, titel: 'Pay by bank' };
void missingKey;
void extraKey;

/** The locales issue 14 asks for, at the least. */
const REQUIRED_LOCALES = [
  'en', 'en-GB', 'da', 'de', 'es', 'fi', 'fr', 'it', 'nb', 'nl', 'pl', 'pt', 'pt-BR', 'sv', 'cs',
  'sk', 'hu', 'ro', 'bg', 'hr', 'sl', 'el', 'et', 'lt', 'lv', 'ga', 'mt', 'is', 'tr', 'uk', 'ja',
  'zh-CN', 'hi', 'bn', 'ta', 'te', 'mr', 'ar', 'he',
]; // prettier-ignore

const KEYS = Object.keys(en) as MessageKey[];
const BANK_COUNT_KEYS = new Set<MessageKey>([
  'bankCountZero',
  'bankCountOne',
  'bankCountTwo',
  'bankCountFew',
  'bankCountMany',
  'bankCountOther',
]);

/**
 * Values that rightly read as in English: the same word in the language. British English is
 * English, so it is checked for its spelling instead.
 */
const SAME_AS_ENGLISH: Readonly<Record<string, readonly MessageKey[]>> = {
  da: ['reference', 'receiptReference', 'receiptBank'],
  // The receipt's labels, written as English writes them.
  ...Object.fromEntries(
    ['de', 'nb', 'sv', 'nl', 'pl', 'hu', 'mt'].map((tag) => [tag, ['receiptBank']]),
  ),
  cs: ['receiptReference'],
  // "Date" is French for a receipt's date too.
  fr: ['receiptDate'],
};

function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
}

async function catalogs(): Promise<[string, Catalog][]> {
  return Promise.all(
    SUPPORTED_LOCALES.map(async (tag) => [tag, await loadCatalog(tag)] as [string, Catalog]),
  );
}

test('every required locale is supported, English first', () => {
  assert.equal(SUPPORTED_LOCALES[0], 'en');
  assert.deepEqual([...SUPPORTED_LOCALES].sort(), [...REQUIRED_LOCALES].sort());
  assert.equal(new Set(SUPPORTED_LOCALES).size, SUPPORTED_LOCALES.length);
});

test('each catalog has exactly the English keys, none empty where English has words', async () => {
  for (const [tag, catalog] of await catalogs()) {
    assert.deepEqual(Object.keys(catalog).sort(), [...KEYS].sort(), tag);
    for (const key of KEYS) {
      assert.equal(typeof catalog[key], 'string', `${tag}.${key}`);
      if (en[key] !== '') assert.notEqual(catalog[key].trim(), '', `${tag}.${key} is empty`);
    }
  }
});

test('each message keeps the placeholders of the English one, and adds none', async () => {
  for (const [tag, catalog] of await catalogs()) {
    for (const key of KEYS) {
      // The bank counts are checked against the plural rules below.
      if (BANK_COUNT_KEYS.has(key)) continue;
      assert.deepEqual(placeholders(catalog[key]), placeholders(en[key]), `${tag}.${key}`);
    }
  }
});

test('each language word is its own, not the English left in place', async () => {
  for (const [tag, catalog] of await catalogs()) {
    if (tag === 'en' || tag === 'en-GB') continue;
    const allowed = new Set(SAME_AS_ENGLISH[tag] ?? []);
    for (const key of KEYS) {
      if (en[key] === '' || allowed.has(key)) continue;
      assert.notEqual(catalog[key], en[key], `${tag}.${key} is still English`);
    }
  }
});

test('British English spells the British way', async () => {
  const enGB = await loadCatalog('en-GB');
  const american = /\b\w*(?:iz(?:e|es|ed|ing)|yze|color|center)\b/i;
  for (const key of KEYS) assert.doesNotMatch(enGB[key], american, `en-GB.${key}`);
  assert.notDeepEqual(enGB, en);
});

test('every plural form a language uses is worded, with the number where it varies', async () => {
  for (const [tag, catalog] of await catalogs()) {
    const rules = new Intl.PluralRules(tag);
    const numbersByForm = new Map<Intl.LDMLPluralRule, number[]>();
    for (let n = 0; n <= 1000; n += 1) {
      const form = rules.select(n);
      numbersByForm.set(form, [...(numbersByForm.get(form) ?? []), n]);
    }
    for (const [form, numbers] of numbersByForm) {
      const message = catalog[bankCountKey(form)];
      const extra = placeholders(message).filter((name) => name !== '{count}');
      assert.deepEqual(extra, [], `${tag} ${form}: only {count} may appear`);
      // "bank wieħed" may stand for 1 alone; a form that covers 2, 3 and 4 must show which.
      if (numbers.length > 1) {
        assert.match(message, /\{count\}/, `${tag} ${form} (${numbers.slice(0, 3).join(', ')}…)`);
      }
    }
  }
});

test('Arabic and Hebrew read right to left, every other locale left to right', () => {
  for (const tag of SUPPORTED_LOCALES) {
    assert.equal(localeDirection(tag), tag === 'ar' || tag === 'he' ? 'rtl' : 'ltr', tag);
  }
});

test('an unknown tag loads English and is not reported as supported', async () => {
  assert.equal(isSupportedLocale('xx'), false);
  assert.equal(isSupportedLocale('toString'), false);
  assert.equal(await loadCatalog('xx'), en);
  assert.equal(localeDirection('xx'), 'ltr');
});

test('every payer-visible error code has a catalog message; unknown codes get the generic one', () => {
  for (const [code, key] of Object.entries(PAYER_MESSAGE_BY_CODE)) {
    assert.ok(key in en, `${code} -> ${key}`);
    assert.equal(payerMessageKey(code), key);
  }
  // The server kit's ISO 20022 and final-status codes, and the element's own.
  for (const code of [
    'insufficient_funds',
    'amount_limit_exceeded',
    'duplicate_payment',
    'account_closed',
    'account_blocked',
    'transaction_forbidden',
    'payment_declined',
    'payment_failed',
    'payment_cancelled',
    'payment_expired',
    'network_error',
    'timeout',
    'malformed_response',
    'server_error',
    'unsafe_authorization_url',
    'invalid_payer_input',
    'provider_unavailable',
    'provider_error',
  ]) {
    assert.notEqual(payerMessageKey(code), 'reasonGeneric', code);
  }
  assert.equal(payerMessageKey('something_new'), 'reasonGeneric');
  assert.equal(payerMessageKey('constructor'), 'reasonGeneric');
  assert.equal(payerMessageKey(undefined), 'reasonGeneric');
});

test('every reason message is reachable from an error code', () => {
  const reachable = new Set<string>([...Object.values(PAYER_MESSAGE_BY_CODE), 'reasonGeneric']);
  for (const key of KEYS.filter((name) => name.startsWith('reason'))) {
    assert.ok(reachable.has(key), `${key} has no error code`);
  }
});
