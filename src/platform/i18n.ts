// The extension's own words in the writer's language: `_locales/<lang>/messages.json`, looked
// up by the browser (`i18n.getMessage`: synchronous, no message passing). Every context has it
// — the pages, the content scripts, the worker — as `browser.i18n` (Firefox) or `chrome.i18n`
// (Chrome), so this module reads whichever is there and needs no polyfill: it weighs a few
// hundred bytes in any bundle. Tests install a fake that reads the English catalogue
// (tests/unit/helpers/i18n.ts).
//
// - `t(key, ...substitutions)`: a message; `$1`…`$9` in it (the catalogue's named placeholders)
//   take the substitutions in order.
// - `plural(base, n, ...more)`: the message `<base>_<category>` for n's CLDR plural category in
//   the catalogue's language (`Intl.PluralRules`), falling back to `<base>_other`; n, formatted
//   for that language, is `$1`, the others follow. Every catalogue has `_one` and `_other`; a
//   language that needs more forms (Arabic: zero, two, few, many) adds them.
// - `uiLanguage()`, `uiDirection()`: the language of the words shown, for `lang` and `dir`.
import type catalogue from '../../_locales/en/messages.json';

/** Every message the English catalogue holds (the others hold the same): a typo is a type error. */
export type MessageKey = Extract<keyof typeof catalogue, string>;
/** The bases of plural messages: `postCount` for `postCount_one`, `postCount_other`… */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;
type Substitution = string | number;

interface I18nApi {
  getMessage(name: string, substitutions?: string | string[]): string;
}

const api = (): I18nApi | undefined => {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n;
};

// Messages without substitutions, remembered: a long roundup asks for the same few labels
// hundreds of times as it opens. Forgotten when the API object changes (tests swap catalogues).
let cachedFor: I18nApi | undefined;
let cache = new Map<string, string>();
let rules: Intl.PluralRules | undefined;
let numbers: Intl.NumberFormat | undefined;

function message(key: string, subs: readonly Substitution[]): string {
  const i18n = api();
  if (!i18n) return '';
  if (i18n !== cachedFor) {
    cachedFor = i18n;
    cache = new Map();
    rules = numbers = undefined;
  }
  if (subs.length > 0) return i18n.getMessage(key, subs.map(String)) ?? '';
  let text = cache.get(key);
  if (text === undefined) cache.set(key, (text = i18n.getMessage(key) ?? ''));
  return text;
}

/** The message `key` in the writer's language, with its substitutions; the key itself if there is none. */
export function t(key: MessageKey, ...subs: Substitution[]): string {
  return message(key, subs) || key;
}

/** The BCP 47 tag of the language the words are in (the catalogue's own, e.g. `pt-BR`). */
export function uiLanguage(): string {
  return message('languageTag', []) || 'en';
}

const primary = (tag: string) => tag.split(/[-_]/)[0]!.toLowerCase();

/**
 * `rtl` when the browser's language is written right to left and the words shown are in it; a
 * language with no catalogue of its own shows English, left to right.
 */
export function uiDirection(): 'ltr' | 'rtl' {
  return message('@@bidi_dir', []) === 'rtl' && primary(message('@@ui_locale', [])) === primary(uiLanguage()) ? 'rtl' : 'ltr';
}

/** `n` as the writer's language writes numbers; with `fractionDigits`, exactly that many decimals. */
export function formatNumber(n: number, fractionDigits?: number): string {
  const language = uiLanguage(); // first: a new catalogue forgets the formatter
  if (fractionDigits !== undefined) {
    return new Intl.NumberFormat(language, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(n);
  }
  return (numbers ??= new Intl.NumberFormat(language)).format(n);
}

/** The message for `n` things: `<base>_<plural category>`, else `<base>_other`; `$1` is n. */
export function plural(base: PluralBase, n: number, ...more: Substitution[]): string {
  const subs = [formatNumber(n), ...more];
  const category = (rules ??= new Intl.PluralRules(uiLanguage())).select(n);
  return (category !== 'other' && message(`${base}_${category}`, subs)) || message(`${base}_other`, subs) || base;
}

/** `a, b, c` as the writer's language lists them (the catalogue's `listPair`). */
export function list(items: readonly string[]): string {
  return items.length === 0 ? '' : items.reduce((all, item) => t('listPair', all, item));
}

/** Sentences one after another, as the writer's language puts them (the catalogue's `sentences`). */
export function sentences(...parts: Array<string | false | null | undefined>): string {
  const said = parts.filter((p): p is string => !!p);
  return said.length === 0 ? '' : said.reduce((all, next) => t('sentences', all, next));
}

/** The page's `lang` and `dir` (and its title, when given) in the writer's language. */
export function localizePage(title?: MessageKey): void {
  const html = document.documentElement;
  html.lang = uiLanguage();
  html.dir = uiDirection();
  if (title) document.title = t(title);
}
