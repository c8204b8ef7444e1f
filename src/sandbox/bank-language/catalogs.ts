import type { SupportedLocale } from '../../locales/index.js';
import { ar, bn, he, hi, ja, mr, ta, te, zhCN } from './catalogs-asia.js';
import {
  bg,
  cs,
  el,
  et,
  ga,
  hr,
  hu,
  is,
  lt,
  lv,
  mt,
  pl,
  ro,
  sk,
  sl,
  tr,
  uk,
} from './catalogs-europe-east.js';
import { da, de, enGB, es, fi, fr, it, nb, nl, pt, ptBR, sv } from './catalogs-europe-west.js';
import { en, type BankTexts } from './bank-texts.js';

/**
 * The bank pages' texts in every language the element speaks: typed by the element's own list, so a
 * locale added to `src/locales/` without its bank-page texts here fails the typecheck.
 */
export const BANK_TEXTS: Readonly<Record<SupportedLocale, BankTexts>> = {
  en,
  'en-GB': enGB,
  da,
  de,
  es,
  fi,
  fr,
  it,
  nb,
  nl,
  pl,
  pt,
  'pt-BR': ptBR,
  sv,
  cs,
  sk,
  hu,
  ro,
  bg,
  hr,
  sl,
  el,
  et,
  lt,
  lv,
  ga,
  mt,
  is,
  tr,
  uk,
  ja,
  'zh-CN': zhCN,
  hi,
  bn,
  ta,
  te,
  mr,
  ar,
  he,
};
