// A roundup's language: the BCP 47 tag ("en", "de", "pt-BR", "ar") its exports' dates and few
// fixed words follow (export/locale.ts). Pure: the caller reads the browser's UI language and
// hands it in; nothing here asks the browser.

/** What a roundup exports in when it has no language (one made before languages) or an unreadable one. */
export const DEFAULT_LANGUAGE = 'en';

/**
 * The languages the exports have words for (export/words.ts must hold each one's: the compiler
 * says so), in the order the editor offers them. A roundup may be in any other language too:
 * its dates follow it, its fixed words are English.
 */
export const EXPORT_LANGUAGES = ['en', 'de', 'es', 'fr', 'ja', 'pt-BR', 'ar'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** Far longer than any tag a browser reports or the editor offers: a ceiling against absurd data. */
export const MAX_LANGUAGE_TAG = 64;

/**
 * The tag in its canonical form ("EN-us" → "en-US", "iw" → "he"), or null when `value` is no
 * BCP 47 language tag ("en_US", "x-private", ""). The rule is the grammar's, the same in every
 * engine (a tag no engine has data for, "tlh", passes), and a language of two or three letters,
 * as every language has (the grammar keeps five to eight for none yet: "english" is no tag).
 */
export function languageTag(value: unknown): string | null {
  if (typeof value !== 'string' || value === '' || value.length > MAX_LANGUAGE_TAG) return null;
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(value)[0];
  } catch {
    return null;
  }
  return tag && /^[a-z]{2,3}(?:-|$)/.test(tag) ? tag : null;
}

/**
 * The language a new roundup gets: the browser's UI language as the caller read it (some
 * report `en_US`), else English.
 */
export function roundupLanguage(browser: string | undefined): string {
  return languageTag(browser?.replace(/_/g, '-')) ?? DEFAULT_LANGUAGE;
}
