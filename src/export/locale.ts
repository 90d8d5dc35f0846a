// The one place that turns a roundup's language into what its exports write: the fixed words
// (words.ts), the dates, and the language and direction an HTML document declares. Each export
// builds one ExportLocale from the roundup (`exportLocale(roundup.language)`) and passes it down;
// nothing else calls Intl for an export. Pure.
import { DEFAULT_LANGUAGE, languageTag } from '../model/language';
import { EXPORT_WORDS, wordsLanguage, type ExportWords } from './words';

export interface ExportLocale {
  /**
   * The roundup's language as an HTML document declares it (`<html lang>`); null for a roundup
   * with none (made before languages, or unreadable), which declares nothing and writes English.
   */
  lang: string | null;
  /** `rtl` for a language written right to left (Arabic, Hebrew, Persian, Urdu…). */
  dir: 'ltr' | 'rtl';
  words: Readonly<ExportWords>;
  /**
   * The day of `iso` as the language writes it, in UTC as X's embed code gives it: `November
   * 20, 2025`, `20. November 2025`, `2025年11月20日`; null when absent or not a date.
   */
  date(iso: string | undefined): string | null;
}

// Scripts written right to left (ISO 15924), as a tag's likely script names them: `ar` → Arab.
const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

function direction(tag: string): 'ltr' | 'rtl' {
  try {
    const script = new Intl.Locale(tag).maximize().script;
    return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/**
 * Month, day and year in the language's own order and words, Gregorian whatever the tag asks
 * (`ar-SA`'s default is the Hijri calendar: a post's date is the day it was posted on X). A
 * language this engine has no dates for writes English ones, never the machine's own.
 */
function dateFormat(tag: string): (iso: string | undefined) => string | null {
  const known = Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0 ? tag : DEFAULT_LANGUAGE;
  const format = new Intl.DateTimeFormat(known, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC', calendar: 'gregory' });
  return (iso) => {
    if (!iso) return null;
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? null : format.format(date);
  };
}

function build(tag: string | null): ExportLocale {
  return {
    lang: tag,
    dir: tag ? direction(tag) : 'ltr',
    words: EXPORT_WORDS[wordsLanguage(tag)],
    date: dateFormat(tag ?? DEFAULT_LANGUAGE),
  };
}

// One per language, made on first use: the editor's preview exports at every keystroke.
const made = new Map<string | null, ExportLocale>();

/** What the exports of a roundup in `language` write; a missing or unreadable tag: English, declared as nothing. */
export function exportLocale(language: string | undefined): ExportLocale {
  const tag = languageTag(language);
  let locale = made.get(tag);
  if (!locale) {
    if (made.size >= 64) made.clear(); // a bound, should tags ever come from anywhere but the roundups at hand
    made.set(tag, (locale = build(tag)));
  }
  return locale;
}
