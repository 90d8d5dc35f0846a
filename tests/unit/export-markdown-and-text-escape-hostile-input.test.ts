// Markdown and plain text: a hostile string in any field of a post from any network comes out
// as the characters typed.
// Markdown: once backslash-escapes are removed, the output has exactly the syntax an
// ordinary roundup has (no new link, image, HTML, heading, list, template tag), and every
// link goes to http(s). Plain text: a post's words stay inside the post's indented quote.
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../src/export';
import { safeUrl } from '../../src/export/escape';
import type { Site } from '../../src/model/post';
import {
  HOSTILE_TEXT, HOSTILE_URLS, NETWORKS, TEXT_FIELDS, URL_FIELDS, hostileInput, type TextField, type UrlField,
} from '../golden/export-hostile';

/** The writer's own fields: their links and emphasis are written as Markdown (export/inline.ts). */
const WRITER_FIELDS: ReadonlySet<string> = new Set(['intro', 'leadIn', 'commentary', 'closing', 'signature']);

const MD_SETTINGS = [
  { markdownImages: true, markdownFrontMatter: true },
  { markdownImages: false, markdownFrontMatter: false },
];

const LINK = /\]\(([^()\s]*)\)/g;

const FRONT_MATTER = /^---\ntitle: (.*)\n(?:date: \d{4}-\d{2}-\d{2}\n)?---\n/;

/**
 * Markdown syntax left once the front matter (YAML, checked on its own), escaped characters
 * and link targets are taken out. Parentheses are not counted: they mean something only
 * right after `]`, and every `](` is a link target here.
 */
function syntax(md: string): { chars: Record<string, number>; lineStarts: (string | undefined)[]; targets: string[] } {
  // Escaped characters become a plain letter: they are text, and must not pair up with
  // real syntax (an escaped `\]` followed by `(` is not a link).
  const body = md.replace(FRONT_MATTER, '').replace(/\\[!-/:-@[-`{-~]/g, 'E');
  const targets = [...body.matchAll(LINK)].map((m) => m[1]!);
  // Blockquote markers off: their number follows the post's line breaks.
  const lines = body.replace(LINK, '](URL)').split('\n').map((line) => line.replace(/^(>\s?)+/, ''));
  const bare = lines.join('\n');
  const chars: Record<string, number> = {};
  for (const c of bare) if ('<>*_`|~{}&#'.includes(c)) chars[c] = (chars[c] ?? 0) + 1;
  // Every bracket must belong to a link or image (a lone `!` means nothing).
  expect(bare.split('[').length - 1).toBe(targets.length);
  expect(bare.split(']').length - 1).toBe(targets.length);
  // What starts each line: list, heading, setext underline, code indent.
  const lineStarts = lines
    .map((line) => /^(\s{4}|\t|[-+=#*]|\d+[.)])/.exec(line)?.[0])
    .filter((marker) => marker !== undefined);
  return { chars, lineStarts, targets };
}

function markdown(field: TextField | UrlField | null, value: string, extra: object, site: Site = 'x'): string {
  const input = hostileInput(field, value, site);
  return renderExport('markdown', { ...input, settings: { ...input.settings, ...extra } });
}

describe.each(NETWORKS.flatMap((site) => MD_SETTINGS.map((extra) => ({ site, ...extra }))))('Markdown export with %o', ({ site, ...extra }) => {
  const base = syntax(markdown(null, '', extra, site));

  it.each(TEXT_FIELDS)('escapes every hostile string in %s', (field) => {
    for (const hostile of HOSTILE_TEXT) {
      const md = markdown(field, hostile, extra, site);
      const got = syntax(md);
      const label = `${field} = ${JSON.stringify(hostile.slice(0, 60))}`;
      // The writer's own words may hold emphasis (`*`, `**`) and http(s) links, written as
      // Markdown writes them (export/inline.ts); nothing else. A post's words hold none.
      const writer = WRITER_FIELDS.has(field);
      const noStars = <T,>(x: T): T => (writer ? (Array.isArray(x) ? (x.filter((m) => m !== '*') as T) : (Object.fromEntries(Object.entries(x as object).filter(([c]) => c !== '*')) as T)) : x);
      expect(noStars(got.chars), label).toEqual(noStars(base.chars));
      expect(noStars(got.lineStarts), label).toEqual(noStars(base.lineStarts));
      // A link whose text has a line break becomes one link per line: same targets.
      if (writer) {
        expect(base.targets.every((t) => got.targets.includes(t)), label).toBe(true);
        expect(got.targets.filter((t) => !base.targets.includes(t)).every((t) => safeUrl(t) === t), label).toBe(true);
      } else expect(new Set(got.targets), label).toEqual(new Set(base.targets));
      expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/);
    }
  });

  it('writes the title in the front matter as one YAML double-quoted string', () => {
    if (!extra.markdownFrontMatter || site !== 'x') return;
    for (const hostile of HOSTILE_TEXT) {
      const md = markdown('title', hostile, extra);
      const match = FRONT_MATTER.exec(md);
      expect(match, JSON.stringify(hostile.slice(0, 60))).not.toBeNull();
      // A JSON string with no raw U+2028/2029/C1 characters is a valid YAML 1.1 and 1.2 scalar.
      expect(match![1]).not.toMatch(/[\u007f-\u009f\u2028\u2029]/);
      expect(JSON.parse(match![1]!)).toBe(`A ${hostile} Z`.replace(/\s+/g, ' ').replace(/[\u0000-\u0008\u000e-\u001f]/g, '').replace(/\uD800/, '\uFFFD'));
    }
  });

  it.each(URL_FIELDS)('links only to http(s) with a hostile URL in %s', (field) => {
    for (const hostile of HOSTILE_URLS) {
      const got = syntax(markdown(field, hostile, extra, site));
      expect(got.targets.length).toBeLessThanOrEqual(base.targets.length);
      for (const target of got.targets) expect(safeUrl(target), `${field} = ${hostile}`).toBe(target);
      expect(got.lineStarts).toEqual(base.lineStarts);
    }
  });
});

describe.each(NETWORKS)('Plain text export of a post from %s', (site) => {
  const text = (field: TextField | UrlField | null, value: string): string =>
    renderExport('text', hostileInput(field, value, site));
  const unindented = (out: string): string[] => out.split('\n').filter((l) => l && !l.startsWith('    '));
  const base = unindented(text(null, ''));
  const POST_FIELDS: TextField[] = [
    'postText', 'linkText', 'authorName', 'handle', 'mediaAlt', 'quotedText', 'quotedName', 'cardTitle', 'cardDomain', 'contentWarning', 'instance',
  ];

  it.each(POST_FIELDS)('keeps hostile %s inside the indented quote', (field) => {
    for (const hostile of HOSTILE_TEXT) {
      const out = text(field, hostile);
      expect(unindented(out), `${field} = ${JSON.stringify(hostile.slice(0, 60))}`).toEqual(base);
    }
  });

  it.each(TEXT_FIELDS)('writes no control character or odd line break from %s', (field) => {
    for (const hostile of HOSTILE_TEXT) {
      expect(text(field, hostile)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });

  it.each(URL_FIELDS)('prints no non-http(s) URL from a hostile %s', (field) => {
    for (const hostile of HOSTILE_URLS) {
      expect(text(field, hostile)).not.toMatch(/^\s*(javascript|vbscript|data|file):/im);
    }
  });
});
