// `browser.i18n` without a browser: `getMessage` over a catalogue in the format of
// `_locales/<lang>/messages.json`, as Chrome and Firefox read it — named placeholders whose
// content is `$1`…`$9`, `$1`… in the message itself, `$$` for a dollar sign; "" for a message the
// catalogue lacks; the predefined `@@ui_locale` and `@@bidi_dir`. The unit tests' setup
// (tests/unit/setup/i18n.ts) installs it over the English catalogue, so src/ speaks English there.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Catalogue = Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> }>;

// (A path from a string: happy-dom's URL is not Node's.)
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** `_locales/<lang>/messages.json`, read. */
export function readCatalogue(lang: string): Catalogue {
  return JSON.parse(readFileSync(join(root, '_locales', lang, 'messages.json'), 'utf8')) as Catalogue;
}

/** A message with its substitutions, as the browsers do it. */
export function formatMessage(entry: Catalogue[string], substitutions: readonly string[] = []): string {
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
  return named.replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : (substitutions[Number(what) - 1] ?? '')));
}

export interface FakeI18n {
  getMessage(name: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

/** An `i18n` API over `catalogue`; `uiLocale` as Chrome writes it (`en_US`, `ar`), `rtl` for right-to-left languages. */
export function fakeI18n(catalogue: Catalogue, { uiLocale = 'en', rtl = false } = {}): FakeI18n {
  return {
    getMessage(name, substitutions) {
      if (name === '@@ui_locale') return uiLocale;
      if (name === '@@bidi_dir') return rtl ? 'rtl' : 'ltr';
      const entry = catalogue[name] ?? Object.entries(catalogue).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
      if (!entry) return '';
      const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
      if (subs.some((s) => typeof s !== 'string')) throw new TypeError(`i18n.getMessage("${name}"): substitutions must be strings`);
      return formatMessage(entry, subs);
    },
    getUILanguage: () => uiLocale.replace('_', '-'),
  };
}

type Global = { browser?: { i18n?: FakeI18n } };

/** Puts `i18n` in `browser.i18n` (where src/platform/i18n.ts finds it); returns what puts the one before back. */
export function useI18n(i18n: FakeI18n): () => void {
  const g = globalThis as Global;
  const before = g.browser;
  g.browser = { ...before, i18n };
  return () => {
    g.browser = before;
  };
}
