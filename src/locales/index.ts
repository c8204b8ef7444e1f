import type { Catalog } from './en.js';
import type { SupportedLocale } from './supported-locales.js';

export { SUPPORTED_LOCALES, isSupportedLocale, localeDirection } from './supported-locales.js';
export type { SupportedLocale, TextDirection } from './supported-locales.js';

/**
 * Every locale the element speaks, each catalog a separate dynamic import, so the bundler makes one
 * chunk per locale and a payer downloads only theirs. English's bank-list words also ship in the
 * main bundle (`en-bank-list.ts`), so an English page paints its bank list without this fetch.
 * This table is itself loaded lazily (the element's first paint needs only the tags, in
 * `supported-locales.ts`). Adding a locale: one file `<tag>.ts`, its line here and its tag there
 * (the type checker keeps the two in step); test/locales/catalogs.test.ts then checks the catalog.
 */
const LOADERS = {
  en: () => import('./en.js').then((m) => m.en),
  'en-GB': () => import('./en-GB.js').then((m) => m.enGB),
  da: () => import('./da.js').then((m) => m.da),
  de: () => import('./de.js').then((m) => m.de),
  es: () => import('./es.js').then((m) => m.es),
  fi: () => import('./fi.js').then((m) => m.fi),
  fr: () => import('./fr.js').then((m) => m.fr),
  it: () => import('./it.js').then((m) => m.it),
  nb: () => import('./nb.js').then((m) => m.nb),
  nl: () => import('./nl.js').then((m) => m.nl),
  pl: () => import('./pl.js').then((m) => m.pl),
  pt: () => import('./pt.js').then((m) => m.pt),
  'pt-BR': () => import('./pt-BR.js').then((m) => m.ptBR),
  sv: () => import('./sv.js').then((m) => m.sv),
  cs: () => import('./cs.js').then((m) => m.cs),
  sk: () => import('./sk.js').then((m) => m.sk),
  hu: () => import('./hu.js').then((m) => m.hu),
  ro: () => import('./ro.js').then((m) => m.ro),
  bg: () => import('./bg.js').then((m) => m.bg),
  hr: () => import('./hr.js').then((m) => m.hr),
  sl: () => import('./sl.js').then((m) => m.sl),
  el: () => import('./el.js').then((m) => m.el),
  et: () => import('./et.js').then((m) => m.et),
  lt: () => import('./lt.js').then((m) => m.lt),
  lv: () => import('./lv.js').then((m) => m.lv),
  ga: () => import('./ga.js').then((m) => m.ga),
  mt: () => import('./mt.js').then((m) => m.mt),
  is: () => import('./is.js').then((m) => m.is),
  tr: () => import('./tr.js').then((m) => m.tr),
  uk: () => import('./uk.js').then((m) => m.uk),
  ja: () => import('./ja.js').then((m) => m.ja),
  'zh-CN': () => import('./zh-CN.js').then((m) => m.zhCN),
  hi: () => import('./hi.js').then((m) => m.hi),
  bn: () => import('./bn.js').then((m) => m.bn),
  ta: () => import('./ta.js').then((m) => m.ta),
  te: () => import('./te.js').then((m) => m.te),
  mr: () => import('./mr.js').then((m) => m.mr),
  ar: () => import('./ar.js').then((m) => m.ar),
  he: () => import('./he.js').then((m) => m.he),
} satisfies Record<SupportedLocale, () => Promise<Catalog>>;

/** The catalog of a supported tag; English for any other tag, so an unknown language never breaks the element. */
export function loadCatalog(tag: string): Promise<Catalog> {
  return Object.hasOwn(LOADERS, tag) ? LOADERS[tag as SupportedLocale]() : LOADERS.en();
}
