import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import type { TemplateResult } from 'lit';
import '../support/setup.js';
import { UPI_BANK } from '../support/fake-merchant.js';
import type { CheckoutState, Outcome } from '../../src/core/checkout-state.js';
import { INITIAL_STATE } from '../../src/core/checkout-state.js';
import { countBanks } from '../../src/core/i18n.js';
import type { Catalog, Translate } from '../../src/core/i18n.js';
import { createTranslator } from '../../src/core/i18n-overrides.js';
import { formatMoney } from '../../src/core/money.js';
import { initials } from '../../src/core/text.js';
import type { Bank } from '../../src/core/protocol.js';
import { styles } from '../../src/element/styles.js';
import * as billAndFields from '../../src/element/views/bill-and-fields.js';
import { bankWindowView, handedBackView } from '../../src/element/views/bank-window-view.js';
import { chooseView } from '../../src/element/views/choose-view.js';
import type { ChooseViewActions } from '../../src/element/views/choose-view.js';
import { configErrorView, errorView } from '../../src/element/views/error-view.js';
import { outcomeView } from '../../src/element/views/outcome-view.js';
import { paymentStyles } from '../../src/element/views/payment-styles.js';
import { progressView } from '../../src/element/views/progress-view.js';
import { qrView } from '../../src/element/views/qr-view.js';
import { en } from '../../src/locales/en.js';
import { SUPPORTED_LOCALES, loadCatalog, localeDirection } from '../../src/locales/index.js';
import { PAYER_MESSAGE_BY_CODE, payerMessageKey } from '../../src/locales/message-keys.js';

/**
 * Every view of the element, rendered in every locale with the element's own styles, the way the
 * element renders them (docs/architecture.md, "Languages"): no English left, every placeholder
 * filled; axe-clean in Arabic, German and Hindi; German and Finnish fit 320 px.
 */

const BANKS: Bank[] = [
  { id: 'alpha', name: 'Alpha Bank', country: 'DE', status: 'available', popular: true },
  { id: 'bravo', name: 'Bravo Sparkasse', country: 'DE', status: 'degraded' },
  { id: 'charlie', name: 'Charlie Bank', country: 'DE', status: 'unavailable' },
  UPI_BANK,
];
/** The merchant's and the banks' words, which no catalog translates. */
const DATA = new Set([
  ...BANKS.flatMap((bank) => [bank.name, initials(bank.name)]),
  'Order',
  'INV-2041',
  'UPI ID',
]);
/** Words a language writes as English does: "1 bank" is Danish, Dutch, Hungarian, Norwegian, Polish and Swedish too. */
const SAME_AS_ENGLISH: Readonly<Record<string, RegExp>> = {
  da: /^(?:Reference: .*|1 bank|Reference|Bank)$/,
  ...Object.fromEntries(['nb', 'sv', 'nl', 'pl', 'hu'].map((tag) => [tag, /^(?:1 bank|Bank)$/])),
  // The receipt's labels: "Bank" in German and Maltese, "Reference" in Czech, "Date" in French.
  de: /^Bank$/,
  mt: /^Bank$/,
  cs: /^Reference$/,
  fr: /^Date$/,
};
const SUMMARY = [{ label: 'Order', value: 'INV-2041' }];
/** The receipt's time: Intl's words for it (English where Chromium has no data for a language). */
const RECEIPT_TIME = '2026-12-01T10:30:00Z';

const noop = () => {};
let bankLists = 0;
const actions: ChooseViewActions = {
  onCountry: noop,
  onSearch: noop,
  onSearchKeydown: noop,
  onListKeydown: noop,
  onListClick: noop,
  onLogoError: noop,
  onField: noop,
  onSubmit: noop,
};

function bankList(translate: Translate, locale: string, choice: Partial<CheckoutState>) {
  const state = {
    ...INITIAL_STATE,
    view: 'choose',
    country: 'DE',
    countries: ['DE', 'AT'],
    banks: BANKS,
    summary: SUMMARY,
    ...choice,
  } as CheckoutState;
  const selectedBank = BANKS.find((bank) => bank.id === state.selectedBankId);
  return chooseView(
    {
      state,
      visibleBanks: state.query ? [] : BANKS,
      shownCount: state.query ? 0 : BANKS.length,
      matchingCount: state.query ? 0 : (choice.qrLinks ?? BANKS.length),
      selectedBank,
      activeBankId: undefined,
      brokenLogos: new Set(),
      displayAmount: formatMoney('42.00', 'EUR', locale),
      disabled: false,
      locale,
      // Unique per rendering: several bank lists share one page in the accessibility check.
      idPrefix: `list-${++bankLists}`,
      translate,
      billAndFields,
    },
    actions,
  );
}

type View = (translate: Translate, locale: string) => TemplateResult | unknown;

function outcome(name: Outcome, code?: string): View {
  return (translate, locale) =>
    outcomeView({
      outcome: name,
      payment: {
        paymentId: 'pay_1',
        status: name === 'completed' ? 'completed' : 'failed',
        reference: 'INV-2041',
        updatedAt: RECEIPT_TIME,
        ...(code ? { error: { code, message: 'Developer text.', retryable: true } } : {}),
      },
      displayAmount: formatMoney('42.00', 'EUR', locale),
      bankName: BANKS[0]?.name,
      locale,
      translate,
      onStartAgain: noop,
    });
}

const VIEWS: Record<string, View> = {
  'bank list, a bank with a payer field left empty': (translate, locale) =>
    bankList(translate, locale, { selectedBankId: 'upi', payerProblems: { vpa: 'required' } }),
  'bank list, a payer field in the wrong format': (translate, locale) =>
    bankList(translate, locale, { selectedBankId: 'upi', payerProblems: { vpa: 'invalid' } }),
  // `qrLinks` stands in for the matching count here: more matches than the list shows.
  'bank list of 250 banks': (translate, locale) => bankList(translate, locale, { qrLinks: 250 }),
  'bank list without a match': (translate, locale) =>
    bankList(translate, locale, { query: 'zzz', selectedBankId: 'alpha' }),
  'bank list without banks': (translate, locale) => bankList(translate, locale, { banks: [] }),
  'bank list, no bank chosen yet': (translate, locale) => bankList(translate, locale, {}),
  loading: (translate) => progressView(translate, translate('loadingBanks')),
  creating: (translate) => progressView(translate, translate('creating')),
  redirecting: (translate) =>
    progressView(translate, translate('redirecting', { bank: 'Alpha Bank' })),
  'waiting, offline': (translate) => progressView(translate, translate('statusWaiting'), 'offline'),
  authorised: (translate) => progressView(translate, translate('statusAuthorised')),
  processing: (translate) => progressView(translate, translate('statusProcessing')),
  'configuration error': (translate) => configErrorView(translate),
  popup: (translate) =>
    bankWindowView({
      view: 'popup',
      bankName: 'Alpha Bank',
      translate,
      onFocusWindow: noop,
      onOpenWindow: noop,
      onChooseAnotherBank: noop,
    }),
  'popup blocked': (translate) =>
    bankWindowView({
      view: 'popup-blocked',
      bankName: 'Alpha Bank',
      translate,
      onFocusWindow: noop,
      onOpenWindow: noop,
      onChooseAnotherBank: noop,
    }),
  'popup closed': (translate) =>
    bankWindowView({
      view: 'popup-closed',
      bankName: 'Alpha Bank',
      translate,
      onFocusWindow: noop,
      onOpenWindow: noop,
      onChooseAnotherBank: noop,
    }),
  'handed back': (translate) => handedBackView(translate),
  'QR code': (translate) =>
    qrView({
      authorizationUrl: 'https://bank.example/a',
      bankName: 'Alpha Bank',
      secondsLeft: 125,
      translate,
      onPayOnThisDevice: noop,
    }),
  'QR code renewing': (translate) =>
    qrView({
      authorizationUrl: 'https://bank.example/a',
      bankName: 'Alpha Bank',
      secondsLeft: 0,
      translate,
      onPayOnThisDevice: noop,
    }),
  'your bank, when none is chosen': (translate) => progressView(translate, translate('yourBank')),
  completed: outcome('completed'),
  failed: outcome('failed'),
  cancelled: outcome('cancelled'),
  expired: outcome('expired'),
  pending: outcome('pending'),
  'error, a network error': (translate) =>
    errorView(translate, translate(payerMessageKey('network_error')), noop),
  // What the payer reads for every error code, in one view (each is an error view's message).
  'error, every code': (translate) =>
    html`<ul>
      ${[...Object.keys(PAYER_MESSAGE_BY_CODE), 'a code no catalog knows'].map(
        (code) => html`<li>${translate(payerMessageKey(code))}</li>`,
      )}
    </ul>`,
  'failed payment with a reason code': outcome('failed', 'insufficient_funds'),
  // The element's own box: its accessible name, and the bank count in every plural form.
  'the element box and bank counts': (translate, locale) =>
    html`<div role="group" aria-label=${translate('title')}>
      ${[0, 1, 2, 3, 5, 11, 22, 101].map((count) => html`<p>${countBanks(translate, locale, count)}</p>`)}
      <label>${translate('country')} <input aria-label=${translate('bankListLabel')} /></label>
    </div>`,
};

/** A box like the element's: its shadow root with its styles (the lazy views' too), `lang` and `dir`. */
function host(tag: string, width?: string): { box: HTMLElement; base: HTMLElement } {
  const box = document.createElement('div');
  if (width) box.style.inlineSize = width;
  document.body.append(box);
  const root = box.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [
    styles.styleSheet!,
    billAndFields.styles.styleSheet!,
    paymentStyles.styleSheet!,
  ];
  const base = document.createElement('div');
  base.setAttribute('part', 'base');
  base.lang = tag;
  base.dir = localeDirection(tag);
  root.append(base);
  return { box, base };
}

/** The words a payer reads or hears: text, and the accessible names and hints in attributes. */
function wordsIn(base: HTMLElement): string[] {
  const words: string[] = [];
  const walker = document.createTreeWalker(base, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) words.push(node.data);
    else if (node instanceof Element) {
      for (const name of ['aria-label', 'placeholder', 'alt', 'title']) {
        const value = node.getAttribute(name);
        if (value) words.push(value);
      }
    }
  }
  // Isolation marks (U+2066..U+2069) are not words.
  return words.map((text) => text.replace(/[\u2066-\u2069]/g, '').trim()).filter(Boolean);
}

async function translatorFor(tag: string): Promise<Translate> {
  const catalog: Catalog = await loadCatalog(tag);
  return createTranslator(catalog, {}, localeDirection(tag));
}

/** The words only: rendered into a detached box, so no style or layout work for 39 × 30 views. */
function wordsOf(view: View, tag: string, translate: Translate): string[] {
  const base = document.createElement('div');
  render(view(translate, tag), base);
  return wordsIn(base);
}

function rendered(view: View, tag: string, translate: Translate, width?: string) {
  const { box, base } = host(tag, width);
  render(view(translate, tag), base);
  return { box, base };
}

describe('every view in every locale', () => {
  afterEach(() => {
    for (const box of document.body.querySelectorAll(':scope > div')) box.remove();
  });

  it('leaves no English (but brand names and the merchant’s data) and fills every placeholder', async function () {
    this.timeout(20_000); // 39 locales × 30 views, rendered without layout
    const english = await translatorFor('en');
    const englishWords = new Map(
      Object.entries(VIEWS).map(([name, view]) => [name, new Set(wordsOf(view, 'en', english))]),
    );
    const unfilled: string[] = [];
    const notTranslated: string[] = [];
    const wordless: string[] = [];
    for (const tag of SUPPORTED_LOCALES) {
      const translate = await translatorFor(tag);
      // Country names are Intl's, in the payer's language ("Austria" is Spanish too).
      const regions = new Intl.DisplayNames([tag], { type: 'region' });
      const countries = new Set(['DE', 'AT'].map((code) => regions.of(code)));
      countries.add(
        new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(RECEIPT_TIME),
        ),
      );
      const same = SAME_AS_ENGLISH[tag];
      for (const [name, view] of Object.entries(VIEWS)) {
        const words = wordsOf(view, tag, translate);
        const where = `${tag}, ${name}: `;
        if (!words.length) wordless.push(where);
        unfilled.push(...words.filter((text) => /\{\w+\}/.test(text)).map((text) => where + text));
        if (tag === 'en' || tag === 'en-GB') continue;
        const inEnglish = englishWords.get(name);
        const left = words.filter(
          (text) =>
            inEnglish?.has(text) &&
            !DATA.has(text) &&
            !countries.has(text) &&
            !/^[\d\s.,:€%-]+$/.test(text) &&
            !same?.test(text),
        );
        notTranslated.push(...left.map((text) => where + text));
      }
    }
    expect(unfilled, 'placeholders left').to.deep.equal([]);
    expect(notTranslated, 'still English').to.deep.equal([]);
    expect(wordless, 'views without words').to.deep.equal([]);
  });

  it('words every payer message by its code, never the developer’s text', async () => {
    for (const tag of SUPPORTED_LOCALES) {
      const translate = await translatorFor(tag);
      const { base } = rendered(VIEWS['failed payment with a reason code']!, tag, translate);
      expect(base.textContent).not.to.contain('Developer text.');
      expect(base.textContent).to.contain((await loadCatalog(tag)).reasonInsufficientFunds);
    }
    expect(en.reasonInsufficientFunds).to.not.equal('');
  });

  for (const tag of ['ar', 'de', 'hi']) {
    it(`is accessible in ${tag}, in every view`, async () => {
      const translate = await translatorFor(tag);
      // Every view on one page, each in a box of its own: one axe run checks them all.
      const boxes = Object.values(VIEWS).map((view) => rendered(view, tag, translate).box);
      const page = document.createElement('main');
      page.append(...boxes);
      document.body.append(page);
      try {
        await expect(page).to.be.accessible();
      } finally {
        page.remove();
      }
    });
  }

  for (const tag of ['de', 'fi']) {
    it(`fits 320 px in ${tag}: no part is wider than its box`, async () => {
      const translate = await translatorFor(tag);
      for (const [name, view] of Object.entries(VIEWS)) {
        const { box, base } = rendered(view, tag, translate, '320px');
        const outer = base.getBoundingClientRect();
        expect(outer.width, name).to.be.at.most(320);
        for (const element of [base, ...base.querySelectorAll('*')]) {
          const label = `${tag}, ${name}: <${element.localName} class="${element.className}">`;
          if (element.clientWidth > 0) {
            expect(element.scrollWidth, `${label} scrolls sideways`).to.be.at.most(
              element.clientWidth,
            );
          }
          const rect = element.getBoundingClientRect();
          if (rect.width === 0) continue;
          expect(rect.right, `${label} sticks out at the end`).to.be.at.most(outer.right + 0.5);
          expect(rect.left, `${label} sticks out at the start`).to.be.at.least(outer.left - 0.5);
        }
        box.remove();
      }
    });
  }
});
