import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { filterBanks, sortBanks, validatePayerFields } from '../../src/core/banks.js';
import { backoffDelay, POLL_BACKOFF } from '../../src/core/backoff.js';
import { parseSettings } from '../../src/core/config.js';
import { describeProblem } from '../../src/core/config-problems.js';
import { countBanks, createTranslator, resolveLocale } from '../../src/core/i18n.js';
import { formatMoney, isCurrencyCode, isDecimalAmount } from '../../src/core/money.js';
import { protocolLocale } from '../../src/core/protocol-locale.js';
import { canAdvance, isPaymentStatus, isTerminal } from '../../src/core/status.js';
import { foldForSearch, initials } from '../../src/core/text.js';
import { isSafeAuthorizationUrl } from '../../src/core/authorization-url.js';
import { isSafeImageUrl } from '../../src/core/url-safety.js';
import { navigate, typeAhead } from '../../src/element/listbox-navigation.js';
import { BANKS, UPI_BANK } from '../support/fake-merchant.js';

describe('text', () => {
  it('folds case and accents for search', () => {
    expect(foldForSearch('  Société GÉNÉRALE ')).to.equal('societe generale');
    expect(foldForSearch('Åland Bank')).to.equal('aland bank');
  });
  it('makes initials from a name', () => {
    expect(initials('Société Générale')).to.equal('SG');
    expect(initials('ING')).to.equal('I');
    expect(initials('Bank of the North')).to.equal('BN');
    expect(initials('')).to.equal('?');
  });
});

describe('protocol locale', () => {
  // The kit's create validation: language, then subtags of 2 to 8 letters or digits, at most 35 long.
  const accepted = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
  it('keeps language, script and region, and drops what a bank cannot use', () => {
    expect(protocolLocale('de')).to.equal('de');
    expect(protocolLocale('pt-BR')).to.equal('pt-BR');
    expect(protocolLocale('zh-Hans-CN')).to.equal('zh-Hans-CN');
    expect(protocolLocale('de-DE-u-co-phonebk-nu-latn')).to.equal('de-DE');
    expect(protocolLocale('en-GB-x-private-use-tag-that-runs-on')).to.equal('en-GB');
  });
  it('leaves out a tag that is no language tag, never failing the payment', () => {
    expect(protocolLocale('not a tag')).to.equal(undefined);
    expect(protocolLocale('')).to.equal(undefined);
  });
  it('answers only tags the kit accepts', () => {
    for (const tag of ['de-DE-u-nu-latn', 'sr-Latn-RS', 'es-419', 'hi-IN-u-ca-indian']) {
      const sent = protocolLocale(tag) ?? '';
      expect(sent.length <= 35 && accepted.test(sent), `${tag} -> ${sent}`).to.equal(true);
    }
  });
});

describe('money', () => {
  it('accepts protocol decimals only', () => {
    expect(isDecimalAmount('42')).to.equal(true);
    expect(isDecimalAmount('12.50')).to.equal(true);
    expect(isDecimalAmount('12,50')).to.equal(false);
    expect(isDecimalAmount('-1')).to.equal(false);
    expect(isDecimalAmount('1e3')).to.equal(false);
  });
  it('knows ISO currency codes', () => {
    expect(isCurrencyCode('EUR')).to.equal(true);
    expect(isCurrencyCode('eur')).to.equal(false);
    expect(isCurrencyCode('EURO')).to.equal(false);
  });
  it('accepts a currency exactly when Intl can format it, without making a formatter', () => {
    for (const code of ['EUR', 'INR', 'XYZ', 'eur', 'EU', 'EURO', 'E1R', '']) {
      let formats = true;
      try {
        new Intl.NumberFormat('en', { style: 'currency', currency: code });
      } catch {
        formats = false;
      }
      // Lower-case codes Intl accepts; the protocol writes them upper-case.
      expect(isCurrencyCode(code), code).to.equal(formats && code === code.toUpperCase());
    }
  });
  it('formats exactly, without binary floats', () => {
    expect(formatMoney('99999999.99', 'EUR', 'en')).to.equal('€99,999,999.99');
    expect(formatMoney('12.5', 'EUR', 'de').replace(/\s/g, ' ')).to.equal('12,50 €');
    expect(formatMoney('1999', 'INR', 'en-IN')).to.equal('₹1,999.00');
  });
  it('makes one formatter per locale and currency, however often it formats', () => {
    const made = sinon.spy(Intl, 'NumberFormat');
    try {
      // A locale and currency no other test formats with, so none is cached yet.
      formatMoney('1', 'CHF', 'en-NZ');
      formatMoney('2.50', 'CHF', 'en-NZ');
      expect(formatMoney('3', 'CHF', 'en-NZ').replace(/\s/g, ' ')).to.equal('CHF 3.00');
      expect(made.callCount).to.equal(1);
      expect(formatMoney('3', 'NZD', 'en-NZ')).to.equal('$3.00');
      expect(made.callCount).to.equal(2);
    } finally {
      made.restore();
    }
  });
});

describe('status', () => {
  it('only moves forward and never out of a terminal status', () => {
    expect(canAdvance('created', 'awaiting_authorisation')).to.equal(true);
    expect(canAdvance('processing', 'authorised')).to.equal(false);
    expect(canAdvance('processing', 'failed')).to.equal(true);
    expect(canAdvance('completed', 'failed')).to.equal(false);
    expect(canAdvance('authorised', 'authorised')).to.equal(false);
    expect(isTerminal('expired')).to.equal(true);
    expect(isTerminal('processing')).to.equal(false);
    expect(isPaymentStatus('teleported')).to.equal(false);
  });
});

describe('url safety', () => {
  it('allows https, and http only on localhost', () => {
    expect(isSafeAuthorizationUrl('https://bank.example/a')).to.equal(true);
    expect(isSafeAuthorizationUrl('http://localhost:5173/sandbox')).to.equal(true);
    expect(isSafeAuthorizationUrl('http://127.0.0.1/x')).to.equal(true);
    expect(isSafeAuthorizationUrl('http://bank.example/a')).to.equal(false);
    expect(isSafeAuthorizationUrl('javascript:alert(1)')).to.equal(false);
    expect(isSafeAuthorizationUrl('data:text/html,<p>')).to.equal(false);
    expect(isSafeAuthorizationUrl('https://user:pw@bank.example/')).to.equal(false);
    expect(isSafeAuthorizationUrl('not a url')).to.equal(false);
  });
  it('honours an allowlist of origins', () => {
    const allowed = ['https://bank.example'];
    expect(isSafeAuthorizationUrl('https://bank.example/a', allowed)).to.equal(true);
    expect(isSafeAuthorizationUrl('https://evil.example/a', allowed)).to.equal(false);
  });
  it('accepts image data URLs and http(s) logos only', () => {
    expect(isSafeImageUrl('data:image/svg+xml,<svg/>', location.href)).to.equal(true);
    expect(isSafeImageUrl('/logo.png', location.href)).to.equal(true);
    expect(isSafeImageUrl('javascript:alert(1)', location.href)).to.equal(false);
  });
});

describe('settings', () => {
  const base = 'https://shop.example/checkout';
  it('resolves a relative endpoint and upper-cases the country', () => {
    const result = parseSettings({ endpoint: '/api/pay-by-bank', country: 'de' }, base);
    expect(result.ok && result.settings.endpoint.href).to.equal(
      'https://shop.example/api/pay-by-bank',
    );
    expect(result.ok && result.settings.country).to.equal('DE');
    expect(result.ok && result.settings.flow).to.equal('auto');
  });
  it('names every bad attribute', () => {
    const result = parseSettings(
      {
        endpoint: 'ftp://x',
        amount: '1',
        country: 'Germany',
        flow: 'x',
        returnUrl: 'javascript:x',
      },
      base,
    );
    expect(result.ok).to.equal(false);
    const problems = result.ok ? '' : result.problems.map(describeProblem).join('\n');
    for (const name of ['"endpoint"', '"currency"', '"country"', '"flow"', '"return-url"']) {
      expect(problems).to.contain(name);
    }
    expect(problems).to.contain('the "currency" attribute is required');
    expect(problems).to.contain('"endpoint" must be an http(s) URL of your server kit');
  });
});

describe('banks', () => {
  it('sorts popular first and filters by every word', () => {
    expect(sortBanks(BANKS, 'en')[0]?.id).to.equal('alpha');
    expect(filterBanks(BANKS, 'bank').map((bank) => bank.id)).to.deep.equal([
      'alpha',
      'closed',
      'delta',
    ]);
    expect(filterBanks(BANKS, ' ')).to.have.length(BANKS.length);
  });
  it('validates payer fields, tolerating a pattern the browser cannot compile', () => {
    expect(validatePayerFields(UPI_BANK, {})).to.deep.equal({ vpa: 'required' });
    expect(validatePayerFields(UPI_BANK, { vpa: 'x@y' })).to.deep.equal({});
    const odd = { ...UPI_BANK, fields: [{ name: 'n', label: 'N', pattern: '(' }] };
    expect(validatePayerFields(odd, { n: 'anything' })).to.deep.equal({});
  });
});

describe('i18n', () => {
  it('resolves the language from locale, then the page, then the browser', () => {
    const host = document.createElement('div');
    const wrapper = document.createElement('section');
    wrapper.lang = 'nl-NL';
    wrapper.append(host);
    expect(resolveLocale('de', host, 'fr')).to.equal('de');
    expect(resolveLocale(undefined, host, 'fr')).to.equal('nl-NL');
    expect(resolveLocale('not a tag!', document.createElement('div'), 'fr')).to.equal('fr');
    expect(resolveLocale(undefined, document.body, 'fr')).to.equal('en');
  });
  it('fills placeholders and plurals', () => {
    const translate = createTranslator();
    expect(translate('payWithBank', { amount: '€1.00', bank: 'X' })).to.equal('Pay €1.00 with X');
    expect(translate('payWithBank')).to.equal('Pay {amount} with {bank}');
    expect(countBanks(translate, 'en', 1)).to.equal('1 bank');
    expect(countBanks(translate, 'en', 3)).to.equal('3 banks');
  });
});

describe('backoff', () => {
  it('grows, caps and jitters', () => {
    expect(backoffDelay(0, POLL_BACKOFF, () => 0.5)).to.equal(1000);
    expect(backoffDelay(1, POLL_BACKOFF, () => 0.5)).to.equal(1500);
    expect(backoffDelay(20, POLL_BACKOFF, () => 0.5)).to.equal(10_000);
    expect(backoffDelay(0, POLL_BACKOFF, () => 0)).to.equal(800);
  });
});

describe('listbox navigation', () => {
  const options = ['Alpha', 'Bravo', 'Beta', 'Charlie'].map((label) => ({ id: label, label }));
  it('moves with arrows, Home and End', () => {
    expect(navigate('ArrowDown', options, -1)).to.equal(0);
    expect(navigate('ArrowUp', options, -1)).to.equal(3);
    expect(navigate('ArrowDown', options, 3)).to.equal(3);
    expect(navigate('ArrowUp', options, 0)).to.equal(0);
    expect(navigate('End', options, 0)).to.equal(3);
    expect(navigate('Home', options, 2)).to.equal(0);
    expect(navigate('x', options, 2)).to.equal(undefined);
    expect(navigate('Home', [], 0)).to.equal(undefined);
  });
  it('type-ahead finds prefixes and cycles on a repeated letter', () => {
    expect(typeAhead('b', options, 0)).to.equal(1);
    expect(typeAhead('bb', options, 1)).to.equal(2);
    expect(typeAhead('be', options, 1)).to.equal(2);
    expect(typeAhead('z', options, 0)).to.equal(undefined);
    expect(typeAhead('', options, 0)).to.equal(undefined);
  });
});
