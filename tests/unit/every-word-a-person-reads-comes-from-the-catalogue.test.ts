// The interface's words live in `_locales/<lang>/messages.json` (read through src/platform/i18n.ts):
// English is the reference every other catalogue matches key for key and placeholder for
// placeholder; the code asks only for messages English has; and the popup, options and content
// code write no words of their own (tests/unit/helpers/ui-literals.ts says what it looks for).
// Keys the code passes in typed maps (`MessageKey`) are checked by the type checker instead.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { readCatalogue, type Catalogue } from './helpers/i18n';
import { uiLiterals } from './helpers/ui-literals';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LANGUAGES = readdirSync(join(root, '_locales')).sort();
const en = readCatalogue('en');
const others = LANGUAGES.filter((l) => l !== 'en').map((lang) => [lang, readCatalogue(lang)] as const);
/** Forms a language may add to a counted message (`<base>_other` in English) beyond `_one` and `_other`. */
const EXTRA_FORMS = ['zero', 'two', 'few', 'many'];
const pluralBases = Object.keys(en).filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -'_other'.length));

const placeholderNames = (entry: Catalogue[string]) => Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase()).sort();
const used = (message: string) => [...new Set([...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()))].sort();
/** The English message a key of another catalogue is checked against: an extra plural form against `_other`. */
const englishOf = (key: string) => en[key] ?? en[key.replace(new RegExp(`_(?:${EXTRA_FORMS.join('|')})$`), '_other')];
/** A form for one thing (or none, or two) may leave the count out: "Delete this one for good?". */
const mayOmitCount = (key: string) => /_(?:one|zero|two)$/.test(key);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true }).map(String).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f));
}

/** Every message key a file asks for by a literal: `t('key', …)`, `plural('base', …)` (either side of a `?:`). */
function askedFor(file: string): Array<{ key: string; plural: boolean; line: number }> {
  const source = readFileSync(join(root, file), 'utf8');
  if (!/from '(?:\.\.?\/)+(?:platform\/)?i18n'/.test(source)) return [];
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Array<{ key: string; plural: boolean; line: number }> = [];
  const literals = (node: ts.Node): string[] =>
    ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? [node.text]
    : ts.isConditionalExpression(node) ? [...literals(node.whenTrue), ...literals(node.whenFalse)]
    : ts.isParenthesizedExpression(node) ? literals(node.expression)
    : [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && (node.expression.text === 't' || node.expression.text === 'plural') && node.arguments[0]) {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      for (const key of literals(node.arguments[0])) found.push({ key, plural: node.expression.text === 'plural', line });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('the catalogues', () => {
  it('are English, German, Spanish, French, Japanese and Brazilian Portuguese, each naming its own language', () => {
    expect(LANGUAGES).toEqual(['de', 'en', 'es', 'fr', 'ja', 'pt_BR']);
    for (const lang of LANGUAGES) {
      const tag = readCatalogue(lang).languageTag?.message;
      expect(tag, lang).toBe(lang.replace('_', '-'));
      expect(Intl.getCanonicalLocales(tag!)).toEqual([tag]);
    }
  });

  it('hold, in every other language, exactly the messages English holds (a counted one may add the forms its language needs)', () => {
    const problems: string[] = [];
    for (const [lang, catalogue] of others) {
      for (const key of Object.keys(en)) if (!(key in catalogue)) problems.push(`${lang} lacks "${key}"`);
      for (const key of Object.keys(catalogue)) {
        const extra = new RegExp(`^(.+)_(?:${EXTRA_FORMS.join('|')})$`).exec(key);
        if (!(key in en) && !(extra && pluralBases.includes(extra[1]!))) problems.push(`${lang} has "${key}", which English lacks`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('give each message the same placeholders in every language, and use in each what English uses', () => {
    const problems: string[] = [];
    for (const [lang, catalogue] of [['en', en] as const, ...others]) {
      for (const [key, entry] of Object.entries(catalogue)) {
        const english = englishOf(key);
        if (!english) continue; // said by the test above
        const names = placeholderNames(entry);
        if (JSON.stringify(names) !== JSON.stringify(placeholderNames(english))) problems.push(`${lang} "${key}": placeholders ${names} ≠ English ${placeholderNames(english)}`);
        for (const name of names) {
          if (entry.placeholders![Object.keys(entry.placeholders!).find((n) => n.toLowerCase() === name)!]!.content
            !== english.placeholders![Object.keys(english.placeholders!).find((n) => n.toLowerCase() === name)!]!.content) {
            problems.push(`${lang} "${key}": $${name}$ stands for another substitution than in English`);
          }
        }
        for (const name of used(entry.message)) if (!names.includes(name)) problems.push(`${lang} "${key}": $${name}$ is no placeholder of it`);
        const wanted = used(english.message).filter((n) => !(n === 'count' && mayOmitCount(key)));
        for (const name of wanted) if (!used(entry.message).includes(name)) problems.push(`${lang} "${key}": lacks $${name}$`);
        if (/\$(?![A-Za-z0-9_@]+\$|[1-9$])/.test(entry.message.replace(/\$[A-Za-z0-9_@]+\$/g, ''))) problems.push(`${lang} "${key}": a lone "$" (write "$$")`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('are well formed: text in every message, a description for translators in English, keys unique whatever their case', () => {
    const problems: string[] = [];
    for (const [lang, catalogue] of [['en', en] as const, ...others]) {
      const lower = new Map<string, string>();
      for (const [key, entry] of Object.entries(catalogue)) {
        if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${lang}: "${key}" is not a message name (letters, digits, _)`);
        if (lower.has(key.toLowerCase())) problems.push(`${lang}: "${key}" and "${lower.get(key.toLowerCase())}" are one name to the browser`);
        lower.set(key.toLowerCase(), key);
        if (typeof entry.message !== 'string' || !entry.message.trim()) problems.push(`${lang} "${key}": no text`);
        else if (entry.message !== entry.message.trim()) problems.push(`${lang} "${key}": starts or ends with a space (the browser may drop it)`);
        if (lang === 'en' && !entry.description?.trim()) problems.push(`en "${key}": no description`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('give every counted message its forms for one and for many, and every language twelve month names', () => {
    for (const base of pluralBases) expect(en, base).toHaveProperty(`${base}_one`);
    for (const lang of LANGUAGES) expect(readCatalogue(lang).monthNames!.message.split(' '), lang).toHaveLength(12);
  });

  it('hold every message the manifest names, and the manifest says English is the default', () => {
    const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
    const named = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(named).toEqual(expect.arrayContaining(['extName', 'extDescription', 'actionTitle', 'commandToggleSelectMode', 'commandClipFocused']));
    expect(named.filter((key) => !(key in en))).toEqual([]);
    expect(JSON.parse(manifest).default_locale).toBe('en');
  });
});

describe('the code', () => {
  it('asks only for messages the English catalogue holds', () => {
    const asked = sourceFiles('src').flatMap((file) => askedFor(file).map((a) => ({ ...a, file })));
    expect(asked.length).toBeGreaterThan(200);
    const missing = asked
      .filter(({ key, plural }) => (plural ? !(`${key}_other` in en && `${key}_one` in en) : !(key in en)))
      .map(({ file, line, key }) => `${file}:${line}: "${key}"`);
    expect(missing).toEqual([]);
  });

  it('writes no words a person reads outside the catalogue, in the popup, the options page or the content script', () => {
    const keys = new Set(Object.keys(en));
    const offenders = ['src/popup', 'src/options', 'src/content']
      .flatMap(sourceFiles)
      .flatMap((file) => uiLiterals(file, readFileSync(join(root, file), 'utf8'), keys))
      .map(({ file, line, text }) => `${relative('.', file)}:${line}: ${text}`);
    // Each line names a file, a line and the words found there: give them a message in
    // _locales/en/messages.json (and the other catalogues) and show them with t().
    expect(offenders).toEqual([]);
  });

  it('would catch a label written into the code (the check itself, on a sample)', () => {
    const sample = `
      import { t } from '../platform/i18n';
      export function Bar({ n }: { n: number }) {
        const b = document.createElement('button');
        b.textContent = 'Done';
        b.setAttribute('aria-label', 'Leave select mode');
        setNote(\`Trying \${n} pictures again…\`);
        return (
          <nav aria-label="Roundup">
            <button title={n ? 'Move up' : t('moveUp')}>Move up</button>
            <p>{n > 1 ? 'Many posts' : ''}</p>
            <input placeholder="mastodon.social" />
            <button aria-label={t('clipPost')}>{t('clipPost')} · {n}</button>
          </nav>
        );
      }`;
    expect(uiLiterals('sample.tsx', sample).map((l) => l.text)).toEqual([
      'Done',
      'Leave select mode',
      'Trying … pictures again…',
      'Roundup',
      'Move up',
      'Move up',
      'Many posts',
    ]);
  });
});

describe("the stores' limits on the manifest's words", () => {
  // The Chrome Web Store refuses a package whose description is over 132 characters, or whose
  // name is over 75 (short_name: 12 shows in full); AMO takes the same package.
  it.each(LANGUAGES)('%s: a description of at most 132 characters, a name of at most 12', (lang) => {
    const catalogue = readCatalogue(lang);
    expect([...catalogue.extDescription!.message].length).toBeLessThanOrEqual(132);
    expect([...catalogue.extName!.message].length).toBeLessThanOrEqual(12);
  });
});
