import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FetchFunction } from '../../src/server/index.js';
import { decideAtBank } from './support/bank-browser.js';
import { startKit, type RunningKit } from './support/kit-fixture.js';
import { createBody, createPayment } from './support/merchant-client.js';
import { obcProviderFor, providerFor } from './support/providers.js';
import { startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

/** A fetch that keeps each JSON body the adapter sends its provider. */
function recordingFetch(bodies: unknown[]): FetchFunction {
  return async (input, init) => {
    if (typeof init?.body === 'string') bodies.push(JSON.parse(init.body));
    return fetch(input, init);
  };
}

async function bankPage(url: string, acceptLanguage?: string) {
  const response = await fetch(url, {
    headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
  });
  return { status: response.status, html: await response.text() };
}

/** Every key anywhere in a JSON value, to see that no language field was made up. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
}

describe('the payer’s language at the bank (Aiia Pay: `culture` on its hosted link)', () => {
  let sandbox: RunningSandbox;
  let kit: RunningKit;
  const bodies: unknown[] = [];

  before(async () => {
    sandbox = await startSandbox();
    kit = await startKit(providerFor('aiia-pay', sandbox.url, { fetch: recordingFetch(bodies) }));
  });
  after(async () => {
    await kit.close();
    await sandbox.close();
  });

  it('sends locale de to Aiia, whose bank page then answers in German', async () => {
    bodies.length = 0;
    const created = await createPayment(kit.endpoint, createBody({ locale: 'de' }));
    const link = new URL(created.authorizationUrl ?? '');
    assert.equal(link.searchParams.get('culture'), 'de');
    // The accept body stays as Aiia documents it: the language travels on the link only.
    assert.ok(!keysOf(bodies).some((key) => /lang|locale|culture/i.test(key)));
    // No Accept-Language at all: only the provider request can have made this page German.
    const { status, html } = await bankPage(link.href);
    assert.equal(status, 200);
    assert.match(html, /<html lang="de">/);
    assert.match(html, /<h1>Zahlung bestätigen<\/h1>/);
    assert.match(html, />Zahlung freigeben<\/button>/);
    assert.doesNotMatch(html, /dir="rtl"/);
    const back = await decideAtBank(link.href, 'approve');
    assert.ok(back.startsWith(`${kit.endpoint}/return?`), back);
  });

  it('names Norwegian Bokmål by Aiia’s culture "no"', async () => {
    const created = await createPayment(kit.endpoint, createBody({ locale: 'nb-NO' }));
    const link = new URL(created.authorizationUrl ?? '');
    assert.equal(link.searchParams.get('culture'), 'no');
    assert.match((await bankPage(link.href)).html, /<html lang="nb">/);
  });

  it('sends no culture Aiia does not speak: Arabic then follows the payer’s browser, right to left', async () => {
    const created = await createPayment(kit.endpoint, createBody({ locale: 'ar' }));
    const link = new URL(created.authorizationUrl ?? '');
    assert.equal(link.searchParams.has('culture'), false);
    const { html } = await bankPage(link.href, 'ar');
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.match(html, />الموافقة على الدفع<\/button>/);
  });

  it('falls back to English for a locale nobody speaks', async () => {
    const created = await createPayment(kit.endpoint, createBody({ locale: 'sw-KE' }));
    const link = new URL(created.authorizationUrl ?? '');
    assert.equal(link.searchParams.has('culture'), false);
    const { html } = await bankPage(link.href, 'sw');
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<h1>Confirm your payment<\/h1>/);
  });
});

describe('the payer’s language at the bank (providers whose API takes none)', () => {
  let sandbox: RunningSandbox;
  const bodies: unknown[] = [];
  const kits: RunningKit[] = [];

  before(async () => {
    sandbox = await startSandbox();
  });
  after(async () => {
    for (const kit of kits) await kit.close();
    await sandbox.close();
  });

  it('Mastercard Open Finance: nothing is sent, and the bank follows the payer’s browser', async () => {
    const kit = await startKit(
      providerFor('mastercard-open-finance', sandbox.url, { fetch: recordingFetch(bodies) }),
    );
    kits.push(kit);
    bodies.length = 0;
    const created = await createPayment(kit.endpoint, createBody({ locale: 'de' }));
    assert.ok(bodies.length > 0);
    assert.ok(!keysOf(bodies).some((key) => /lang|locale|culture/i.test(key)));
    const german = await bankPage(created.authorizationUrl ?? '', 'de-DE');
    assert.match(german.html, /<html lang="de">/);
    assert.match(german.html, /<h1>Zahlung bestätigen<\/h1>/);
    const english = await bankPage(created.authorizationUrl ?? '');
    assert.match(english.html, /<html lang="en">/);
  });

  it('Open Banking Connect: nothing is sent, and the bank follows the payer’s browser', async () => {
    const kit = await startKit(
      obcProviderFor(sandbox.sandbox, sandbox.url, { fetch: recordingFetch(bodies) }),
    );
    kits.push(kit);
    bodies.length = 0;
    const created = await createPayment(
      kit.endpoint,
      createBody({ locale: 'he', payer: { name: 'Erika Mustermann' } }),
    );
    assert.ok(bodies.length > 0);
    assert.ok(!keysOf(bodies).some((key) => /lang|locale|culture/i.test(key)));
    const { html } = await bankPage(created.authorizationUrl ?? '', 'he-IL');
    assert.match(html, /<html lang="he" dir="rtl">/);
    assert.match(html, /<label for="reason">סיבת הדחייה<\/label>/);
    assert.match(html, /AM04: אין מספיק כסף בחשבון/);
  });
});
