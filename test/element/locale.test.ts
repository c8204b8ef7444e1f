import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { BANKS, FakeMerchant } from '../support/fake-merchant.js';
import { mountReady, options, payWith, query, shadow, shown } from '../support/element.js';
import { matchLocale, requestedLocales } from '../../src/core/i18n.js';
import { browserEffects } from '../../src/element/browser-effects.js';
import type { PayByBank } from '../../src/element/pay-by-bank.js';
import { en } from '../../src/locales/en.js';
import { loadCatalog } from '../../src/locales/index.js';

/** Waits until the element's bank list is shown in the language whose search label is `label`. */
async function speaks(element: PayByBank, label: string) {
  await waitUntil(
    () => shadow(element).querySelector('label[for$="-search"]')?.textContent === label,
    `the bank list never said "${label}"`,
    { timeout: 4000 },
  );
}

const base = (element: PayByBank) => query(element, '[part="base"]');

describe('<pay-by-bank> speaks the payer’s language', () => {
  let merchant: FakeMerchant;
  const pageLang = document.documentElement.lang;

  beforeEach(() => {
    sessionStorage.clear();
    merchant = new FakeMerchant();
    sinon.stub(browserEffects, 'navigate');
  });
  afterEach(() => {
    merchant.restore();
    sinon.restore();
    document.documentElement.lang = pageLang;
  });

  describe('matching', () => {
    it('finds a catalog by lookup: the tag, then its shorter prefixes, and a few aliases', () => {
      expect(matchLocale(['pt-PT'])).to.deep.equal({ language: 'pt', formatting: 'pt-PT' });
      expect(matchLocale(['nb-NO'])).to.deep.equal({ language: 'nb', formatting: 'nb-NO' });
      expect(matchLocale(['zh-Hans-CN']).language).to.equal('zh-CN');
      expect(matchLocale(['no']).language).to.equal('nb');
      expect(matchLocale(['pt-BR']).language).to.equal('pt-BR');
      expect(matchLocale(['en-GB']).language).to.equal('en-GB');
      expect(matchLocale(['cy', 'de-AT']).language).to.equal('de');
      expect(matchLocale(['cy', 'xx'])).to.deep.equal({ language: 'en', formatting: 'en' });
    });

    it('asks the locale, the element’s or an ancestor’s lang, then the browser, skipping bad tags', async () => {
      const outer = await fixture<HTMLElement>(
        html`<div lang="nl">
          <section><span lang=""></span><b></b></section>
        </div>`,
      );
      const inner = outer.querySelector('b')!;
      expect(requestedLocales('de', inner, ['fr'])).to.deep.equal(['de', 'nl', 'fr']);
      expect(requestedLocales('not a tag!', inner, 'fr-CA')).to.deep.equal(['nl', 'fr-CA']);
      inner.lang = 'fi';
      expect(requestedLocales(undefined, inner, [])).to.deep.equal(['fi']);
    });
  });

  it('paints the bank list in German, with no English word before it', async () => {
    const english = new Set(
      Object.values(en)
        .filter((text) => !text.includes('{'))
        .map((text) => text.trim()),
    );
    const seen: string[] = [];
    const element = document.createElement('pay-by-bank');
    Object.assign(element, { endpoint: '/api/pay-by-bank', checkout: 'order-1', locale: 'de' });
    element.setAttribute('amount', '42.00');
    element.setAttribute('currency', 'EUR');
    document.body.append(element);
    // Every word the element ever shows, from its first paint on.
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') seen.push((record.target as Text).data);
        for (const node of record.addedNodes) seen.push(node.textContent ?? '');
        if (record.type === 'attributes' && record.attributeName !== 'class') {
          seen.push((record.target as Element).getAttribute(record.attributeName!) ?? '');
        }
      }
    });
    observer.observe(element.shadowRoot!, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-label', 'placeholder'],
    });
    try {
      await oneEvent(element, 'pay-by-bank-ready');
      await speaks(element, 'Bank suchen');
      observer.takeRecords();
      const shownEnglish = seen
        .flatMap((text) => text.split('\n'))
        .map((text) => text.trim())
        .filter((text) => english.has(text));
      expect(shownEnglish).to.deep.equal([]);
      expect(base(element).lang).to.equal('de');
      expect(base(element).getAttribute('aria-label')).to.equal('Per Bank bezahlen');
      // Money through Intl in the payer's locale.
      query<HTMLButtonElement>(element, '[data-bank-id="alpha"]').click();
      await element.updateComplete;
      expect(query(element, 'button[type="submit"]').textContent?.trim()).to.equal(
        '42,00\u00a0€ mit Alpha Bank bezahlen',
      );
    } finally {
      observer.disconnect();
      element.remove();
    }
  });

  it('has its words on screen at loadComplete, which waits for a catalog on its way', async () => {
    const element = await mountReady();
    // Lithuanian: a catalog no other test of this page fetches, so its chunk is still to come.
    element.locale = 'lt';
    await element.updateComplete;
    expect(query(element, 'label[for$="-search"]').textContent, 'before').to.equal(en.searchLabel);
    expect(await element.loadComplete).to.equal(true);
    const shown = query(element, 'label[for$="-search"]').textContent;
    expect(options(element)).to.have.length(BANKS.length);
    expect(shown).to.equal((await loadCatalog('lt')).searchLabel);
  });

  it('fires pay-by-bank-ready once the list is shown in the payer’s words, not before', async () => {
    // Estonian: a catalog no other test of this page fetches, so it arrives after the banks.
    const element = await fixture<PayByBank>(html`
      <pay-by-bank endpoint="/api/pay-by-bank" checkout="order-1" locale="et"></pay-by-bank>
    `);
    await oneEvent(element, 'pay-by-bank-ready');
    expect(options(element)).to.have.length(BANKS.length);
    expect(query(element, 'label[for$="-search"]').textContent).to.equal(
      (await loadCatalog('et')).searchLabel,
    );
  });

  it('speaks its own lang, else the nearest ancestor’s, and follows a change of either', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div lang="nl">
        <section>
          <pay-by-bank endpoint="/api/pay-by-bank" checkout="order-1" flow="redirect"></pay-by-bank>
        </section>
      </div>
    `);
    const element = wrapper.querySelector<PayByBank>('pay-by-bank')!;
    await speaks(element, 'Zoek je bank');
    wrapper.lang = 'pl';
    await speaks(element, 'Wyszukaj swój bank');
    // A nearer lang, added later, wins over the outer one.
    wrapper.querySelector('section')!.setAttribute('lang', 'fi');
    await speaks(element, 'Hae pankkiasi');
    element.lang = 'pt-PT';
    await speaks(element, 'Pesquisar o seu banco');
    element.locale = 'fr';
    await speaks(element, (await loadCatalog('fr')).searchLabel);
    element.locale = undefined;
    await speaks(element, 'Pesquisar o seu banco');
  });

  it('follows the page’s own lang, and the browser’s languages when no lang is set', async () => {
    const languages = sinon.stub(navigator, 'languages').get(() => ['nb-NO', 'en']);
    document.documentElement.lang = 'da';
    const element = await mountReady();
    await speaks(element, (await loadCatalog('da')).searchLabel);
    document.documentElement.removeAttribute('lang');
    await speaks(element, (await loadCatalog('nb')).searchLabel);
    languages.restore();
  });

  it('falls back to English without an error for a language it does not speak', async () => {
    const errors = sinon.spy(console, 'error');
    const element = await mountReady({ locale: 'cy-GB' });
    await speaks(element, en.searchLabel);
    expect(base(element).lang).to.equal('en');
    expect(errors).not.to.have.been.called;
  });

  it('shows two widgets on one page in two languages', async () => {
    const page = await fixture<HTMLElement>(
      html`<div>
        <pay-by-bank endpoint="/api/pay-by-bank" checkout="a" locale="de"></pay-by-bank>
        <pay-by-bank endpoint="/api/pay-by-bank" checkout="b" locale="ar"></pay-by-bank>
      </div>`,
    );
    const [german, arabic] = [...page.querySelectorAll<PayByBank>('pay-by-bank')];
    await speaks(german!, 'Bank suchen');
    await speaks(arabic!, (await loadCatalog('ar')).searchLabel);
    expect(base(german!).dir).to.equal('ltr');
    expect(base(arabic!).dir).to.equal('rtl');
    expect(base(arabic!).lang).to.equal('ar');
  });

  it('counts banks with the language’s plural rules', async () => {
    merchant.options.banks = BANKS.slice(0, 2);
    const element = await mountReady({ locale: 'pl' });
    await speaks(element, 'Wyszukaj swój bank');
    expect(query(element, '[id$="-summary"]').textContent?.trim()).to.equal('2 banki');
    merchant.options.banks = BANKS;
    element.reset();
    await waitUntil(() => options(element).length === BANKS.length);
    expect(query(element, '[id$="-summary"]').textContent?.trim()).to.equal('5 banków');
  });

  it('sends the payer’s locale with the payment, for the bank’s own pages', async () => {
    const element = await mountReady({ locale: 'pt-PT' });
    await speaks(element, 'Pesquisar o seu banco');
    await payWith(element, 'alpha');
    await waitUntil(() => merchant.creates.length === 1);
    expect((merchant.creates[0]!.body as { locale: string }).locale).to.equal('pt-PT');
  });

  it('tells the payer an unsafe bank link was stopped, never the developer’s message', async () => {
    merchant.options.authorizationUrl = 'javascript:alert(1)';
    const errors = sinon.stub(console, 'error');
    const element = await mountReady({ locale: 'de' });
    await speaks(element, 'Bank suchen');
    const failure = oneEvent(element, 'pay-by-bank-failure');
    await payWith(element, 'alpha');
    const { detail } = await failure;
    expect(detail.error.code).to.equal('unsafe_authorization_url');
    expect(detail.error.message).to.contain('javascript:alert(1)');
    const de = await loadCatalog('de');
    const outcome = await shown(element, '[part~="error"]', de.errorUnsafeLink);
    expect(outcome.textContent).not.to.contain('javascript:');
    expect(outcome.textContent).not.to.contain('Refused');
    expect(errors.args.flat().join(' ')).to.contain('javascript:alert(1)');
  });

  describe('strings', () => {
    it('says it the merchant’s way, per locale', async () => {
      const element = await mountReady({ locale: 'de' });
      element.strings = {
        de: { payWithBank: 'Jetzt {amount} über {bank} zahlen', searchLabel: 'Ihre Bank' },
        en: { searchLabel: 'Your bank' },
      };
      await speaks(element, 'Ihre Bank');
      query<HTMLButtonElement>(element, '[data-bank-id="alpha"]').click();
      await element.updateComplete;
      expect(query(element, 'button[type="submit"]').textContent?.trim()).to.equal(
        'Jetzt 42,00\u00a0€ über Alpha Bank zahlen',
      );
      element.locale = 'en';
      await speaks(element, 'Your bank');
    });

    it('keeps the catalog’s words, with a console error, when a placeholder is missing', async () => {
      const errors = sinon.stub(console, 'error');
      const element = await mountReady({ locale: 'en' });
      element.strings = { en: { payWithBank: 'Pay now', continueWithBank: 'Go' } };
      query<HTMLButtonElement>(element, '[data-bank-id="alpha"]').click();
      await waitUntil(() => errors.called, 'no console error');
      await element.updateComplete;
      expect(query(element, 'button[type="submit"]').textContent?.trim()).to.equal(
        'Pay €42.00 with Alpha Bank',
      );
      expect(errors.args.flat().join(' ')).to.contain('strings.payWithBank');
    });
  });
});
