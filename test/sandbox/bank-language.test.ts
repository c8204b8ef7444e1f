import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { en, type BankTexts } from '../../src/sandbox/bank-language/bank-texts.js';
import { BANK_TEXTS } from '../../src/sandbox/bank-language/catalogs.js';
import { matchBankLocale } from '../../src/sandbox/bank-language/page-language.js';
import { SANDBOX_DEFAULTS } from '../../src/sandbox/index.js';
import { UPI_TEXTS } from '../../src/sandbox/providers/cashfree/upi-texts.js';
import { localeDirection, SUPPORTED_LOCALES } from '../../src/locales/index.js';
import { startSandbox, type RunningSandbox } from '../server/support/sandbox-fixture.js';

function flatten(texts: BankTexts): [string, string][] {
  const { reasons, ...rest } = texts;
  return [
    ...Object.entries(rest),
    ...Object.entries(reasons).map(([code, text]): [string, string] => [`reasons.${code}`, text]),
  ];
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

async function mastercardStartPage(url: string, acceptLanguage?: string) {
  const created = await fetch(`${url}/mastercard/v1/payments/create`, {
    method: 'POST',
    headers: {
      'x-client-id': SANDBOX_DEFAULTS.mastercard.clientId,
      'x-client-secret': SANDBOX_DEFAULTS.mastercard.clientSecret,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      userHash: 'user-1',
      request: {
        destination: { iban: { ibanNumber: 'DK5000400440116243' }, name: 'Shop' },
        amount: { value: '2.00', currency: 'EUR' },
      },
      redirectUrl: 'https://shop.example/back',
      providerId: 'DE_NordhafenSparkasse',
    }),
  });
  assert.equal(created.status, 200);
  const { redirectUrl } = (await created.json()) as { redirectUrl: string };
  const page = await fetch(redirectUrl, {
    headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
  });
  return { status: page.status, html: await page.text() };
}

describe('the bank pages’ catalog', () => {
  it('has every text, in every locale the element speaks, with English’s placeholders', () => {
    assert.deepEqual(Object.keys(BANK_TEXTS).sort(), [...SUPPORTED_LOCALES].sort());
    const english = new Map(flatten(en));
    for (const [tag, texts] of Object.entries(BANK_TEXTS)) {
      const entries = flatten(texts);
      assert.deepEqual(
        entries.map(([key]) => key).sort(),
        [...english.keys()].sort(),
        `${tag}: keys`,
      );
      for (const [key, text] of entries) {
        assert.ok(text.trim().length > 0, `${tag}.${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(english.get(key) ?? ''), `${tag}.${key}`);
      }
      if (!tag.startsWith('en')) {
        for (const key of ['heading', 'approve', 'cancel', 'pending', 'payFrom'] as const)
          assert.notEqual(texts[key], en[key], `${tag}.${key} is still English`);
      }
    }
  });

  it('has the UPI app’s texts in every locale too, with English’s placeholders', () => {
    assert.deepEqual(Object.keys(UPI_TEXTS).sort(), [...SUPPORTED_LOCALES].sort());
    const english = UPI_TEXTS.en;
    for (const [tag, texts] of Object.entries(UPI_TEXTS)) {
      for (const [key, text] of Object.entries(texts) as [keyof typeof english, string][]) {
        assert.ok(text.trim().length > 0, `${tag}.${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(english[key]), `${tag}.${key}`);
      }
      if (!tag.startsWith('en')) assert.notEqual(texts.approve, english.approve, tag);
    }
  });

  it('finds a supported locale by lookup, and none for a language it does not speak', () => {
    const cases: [string, string | undefined][] = [
      ['de', 'de'],
      ['de-AT', 'de'],
      ['pt-PT', 'pt'],
      ['pt-br', 'pt-BR'],
      ['nb-NO', 'nb'],
      ['no', 'nb'],
      ['zh-Hans-CN', 'zh-CN'],
      ['zh', 'zh-CN'],
      ['en-US', 'en'],
      ['en-GB', 'en-GB'],
      ['sw', undefined],
      ['not a tag', undefined],
    ];
    for (const [asked, expected] of cases) assert.equal(matchBankLocale(asked), expected, asked);
  });
});

describe('the bank pages speak the payer’s language', () => {
  let running: RunningSandbox;
  before(async () => {
    running = await startSandbox();
  });
  after(() => running.close());

  it('answers in German, lang="de", for a German browser', async () => {
    const { status, html } = await mastercardStartPage(running.url, 'de-DE,de;q=0.9,en;q=0.5');
    assert.equal(status, 200);
    assert.match(html, /<html lang="de">/);
    assert.match(html, /<h1>Zahlung bestätigen<\/h1>/);
    assert.match(html, /<legend>Zahlen von<\/legend>/);
    assert.match(html, /Girokonto/);
    for (const label of ['Zahlung freigeben', 'Ablehnen', 'Zahlung abbrechen', 'Offen lassen'])
      assert.match(html, new RegExp(`name="decision" value="[a-z]+"[^>]*>${label}</button>`));
    assert.match(html, /<input type="hidden" name="lang" value="de">/);
    assert.doesNotMatch(html, /Confirm your payment|Approve payment/);
  });

  it('lays the page out right to left for Arabic and Hebrew', async () => {
    const arabic = await mastercardStartPage(running.url, 'ar-EG');
    assert.match(arabic.html, /<html lang="ar" dir="rtl">/);
    assert.match(arabic.html, /<h1>أكّد عملية الدفع<\/h1>/);
    const hebrew = await mastercardStartPage(running.url, 'he');
    assert.match(hebrew.html, /<html lang="he" dir="rtl">/);
    assert.match(hebrew.html, /אישור התשלום/);
    for (const tag of SUPPORTED_LOCALES) {
      const { html } = await mastercardStartPage(running.url, tag);
      assert.match(html, new RegExp(`<html lang="${tag}"`), tag);
      assert.equal(/ dir="rtl"/.test(html), localeDirection(tag) === 'rtl', `${tag}: direction`);
    }
  });

  it('falls back to English for a language it does not speak, or none', async () => {
    for (const accept of ['sw-KE,sw;q=0.9', '*', 'x-invalid-!!', undefined]) {
      const { html } = await mastercardStartPage(running.url, accept);
      assert.match(html, /<html lang="en">/, String(accept));
      assert.match(html, /<h1>Confirm your payment<\/h1>/);
    }
    // The first language the payer's browser lists that the bank speaks wins over later ones.
    const { html } = await mastercardStartPage(running.url, 'sw, fr;q=0.8, de;q=0.9');
    assert.match(html, /<html lang="de">/);
  });

  it('answers a refused decision in the language the page was shown in', async () => {
    const { html } = await mastercardStartPage(running.url, 'pl');
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const response = await fetch(`${running.url}/bank/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, decision: 'approve', account: 'none', lang: 'pl' }),
    });
    assert.equal(response.status, 400);
    const answer = await response.text();
    assert.match(answer, /<html lang="pl">/);
    assert.match(answer, /role="alert">Wybierz rachunek, z którego płacisz\.</);
  });

  it('opens the payer’s UPI app in their phone’s language', async () => {
    const app = await fetch(`${running.url}/cashfree/upi`, {
      headers: { 'accept-language': 'hi-IN' },
    });
    const html = await app.text();
    assert.match(html, /<html lang="hi">/);
    assert.match(html, /<h1>UPI: भुगतान अनुरोध<\/h1>/);
    assert.match(html, /कोई भुगतान अनुरोध प्रतीक्षा में नहीं है।/);
    const refused = await fetch(`${running.url}/cashfree/upi`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'ar' },
      body: new URLSearchParams({ transaction_ref_id: 'nope', decision: 'approve' }),
    });
    assert.equal(refused.status, 404);
    assert.match(await refused.text(), /<html lang="ar" dir="rtl">[\s\S]*<h1>طلب غير معروف<\/h1>/);
  });

  it('words an unknown link in the payer’s language', async () => {
    const response = await fetch(`${running.url}/aiia/authorize?token=nope`, {
      headers: { 'accept-language': 'fr-FR' },
    });
    assert.equal(response.status, 404);
    const html = await response.text();
    assert.match(html, /<html lang="fr">/);
    assert.match(html, /<h1>Lien non valide<\/h1>/);
  });
});
