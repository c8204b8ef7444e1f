import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createTranslator, langAncestors, matchLocale, requestedLocales } from '../../core/i18n.js';
import type {
  Catalog,
  LocaleMatch,
  PayByBankStrings,
  SupportedLocale,
  Translate,
  Words,
} from '../../core/i18n.js';
import { enBankList } from '../../locales/en-bank-list.js';
import { localeDirection } from '../../locales/supported-locales.js';

export interface LocaleHost extends ReactiveControllerHost, HTMLElement {
  readonly locale?: string | undefined;
  readonly strings?: PayByBankStrings | undefined;
}

/** Catalogs are read-only and the same for every element: each is fetched once per page. */
const loaded = new Map<SupportedLocale, Catalog>();
const loading = new Map<SupportedLocale, Promise<Catalog>>();

type Overrides = typeof import('../../core/i18n-overrides.js');
let overrides: Overrides | undefined;
/** The table of catalogs, overrides and right-to-left isolation: a chunk an English page may skip. */
let overridesRequest: Promise<Overrides> | undefined;
const loadOverrides = () =>
  (overridesRequest ??= import('../../core/i18n-overrides.js').then(
    (module) => (overrides = module),
  ));

function fetchCatalog(language: SupportedLocale): Promise<Catalog> {
  let request = loading.get(language);
  if (!request) {
    request = loadOverrides()
      .then(({ loadCatalog }) => loadCatalog(language))
      .then((catalog) => (loaded.set(language, catalog), catalog));
    // A chunk that failed to load may be asked for again, e.g. once the payer is back online.
    request.catch(() => loading.delete(language));
    loading.set(language, request);
  }
  return request;
}

/**
 * The language of one element: resolved from its `locale`, its own or an ancestor's `lang` (watched,
 * across shadow roots) and the browser's languages (read when the element connects), and the words of that language once they are
 * here. Until a language's catalog arrives the element keeps the words it had, or shows no words
 * at all on the first paint, so the payer never sees English flash before their language.
 */
export class LocaleController implements ReactiveController {
  #match: LocaleMatch = { language: 'en', formatting: 'en' };
  #language: SupportedLocale | undefined;
  #words: Words | undefined;
  #translate: Translate | undefined;
  #observer: MutationObserver | undefined;
  /** Catalogs (and the overrides chunk) asked for and not here yet. */
  readonly #arriving = new Set<Promise<unknown>>();

  constructor(private readonly host: LocaleHost) {
    host.addController(this);
  }

  /** The language of the words shown (their plural rules and direction). */
  get language(): SupportedLocale {
    return this.#language ?? 'en';
  }

  /** The tag money, dates and country names are formatted with. */
  get formatting(): string {
    return this.#match.language === this.#language ? this.#match.formatting : this.language;
  }

  get direction() {
    return localeDirection(this.language);
  }

  /** Whether any words are here; false before the first catalog of a non-English page. */
  get ready(): boolean {
    if (this.host.strings && !overridesRequest)
      this.#track(loadOverrides().then(() => this.update()));
    return this.#words !== undefined && (overrides !== undefined || !this.host.strings);
  }

  /** Whether the words after Pay are here too (English's first part has only the bank list's). */
  get complete(): boolean {
    return this.#words !== undefined && this.#words !== enBankList;
  }

  /** What is on its way: the host's `updateComplete` waits for it (pay-by-bank.ts). */
  get arriving(): ReadonlySet<Promise<unknown>> {
    return this.#arriving;
  }

  /** Fetches the words after Pay, if they are not here: called while the bank list is shown. */
  loadAll(): void {
    if (this.#words === enBankList) this.#track(this.#load('en'));
  }

  get translate(): Translate {
    const { language, direction } = this;
    return (this.#translate ??= overrides
      ? overrides.createTranslator(
          this.#words ?? enBankList,
          this.host.strings?.[language],
          direction,
        )
      : createTranslator(this.#words));
  }

  hostConnected(): void {
    this.#observer = new MutationObserver(() => this.update());
    for (const element of langAncestors(this.host)) {
      this.#observer.observe(element, { attributes: true, attributeFilter: ['lang'] });
    }
    this.update();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  /** Resolves the language again (after a change of `locale`, `lang` or `strings`). */
  update(): void {
    this.#match = matchLocale(
      requestedLocales(this.host.locale, this.host, navigator.languages ?? navigator.language),
    );
    this.#translate = undefined;
    const { language } = this.#match;
    const words = loaded.get(language) ?? (language === 'en' ? enBankList : undefined);
    if (words) this.#show(language, words);
    else this.#track(this.#load(language));
    this.host.requestUpdate();
  }

  #show(language: SupportedLocale, words: Words) {
    this.#language = language;
    this.#words = words;
    this.#translate = undefined;
    this.host.requestUpdate();
  }

  #track(request: Promise<unknown>) {
    this.#arriving.add(request);
    const done = () => this.#arriving.delete(request);
    request.then(done, done);
  }

  async #load(language: SupportedLocale) {
    try {
      const catalog = await fetchCatalog(language);
      // Shown unless the payer's language changed again while this one was on its way.
      const wanted = this.#match.language === language || this.#language === language;
      if (wanted && this.#words !== catalog) this.#show(language, catalog);
    } catch (error) {
      console.error(`<pay-by-bank>: the "${language}" words did not load; using English.`, error);
      if (!this.#words) this.#show('en', enBankList);
    }
  }
}
