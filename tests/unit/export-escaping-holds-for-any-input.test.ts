// Property-based: for ANY string (fast-check generates them, biased towards the characters
// each format gives meaning to) in any field of a post from any network, the export read by
// its readers' parser has exactly the elements, attributes, comments and blocks an ordinary
// roundup has, and every link and image points to http(s). The fixed hostile list
// (export-escapes-*) stays too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderExport, type TextFormatId, type ExportInput } from '../../src/export';
import { parseBackup } from '../../src/export/backup-import';
import { oneLine } from '../../src/export/paragraphs';
import type { Site } from '../../src/model/post';
import {
  HOSTILE_TEXT, HOSTILE_URLS, NETWORKS, PATTERNED_FIELDS, TEXT_FIELDS, URL_FIELDS, hostileInput, type TextField, type UrlField,
} from '../golden/export-hostile';
import { blockNames, elementCounts, isWebUrl, parseHtml, parseMarkdown, type Parsed } from '../golden/export-parsed';

const RUNS = { numRuns: 150 };

// Pieces that mean something to HTML, Markdown, Gutenberg, YAML, templates or URLs.
const MEANINGFUL = [
  '<', '>', '&', '"', "'", '`', '[', ']', '(', ')', '!', '*', '_', '#', '-', '+', '=', '|', '~', '\\', '{', '}',
  ':', '/', '.', ' ', '  ', '\n', '\n\n', '\t', '\r', '\u2028', '\u0000', '\u001b', '1.', '1)', '>', '---', '```',
  '<!--', '-->', '--', 'wp:', '<!-- wp:html -->', '<!-- /wp:quote -->', '<script>', '</p>', '<img src=x onerror=alert(1)>',
  'javascript:', 'data:', '&lt;', '&#60;', '&amp;', 'http://', 'https://evil.example', '](', '![', '[x]: ', '{{', '{%',
  '\u202e', '\ud800', '🎉', 'é', 'a', 'Z', '0',
];
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...MEANINGFUL), maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(...HOSTILE_TEXT),
);
const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.tuple(fc.constantFrom('javascript:', 'JaVaScRiPt:', 'data:text/html,', 'vbscript:', 'file://', '//', ' https://', 'https://ok.example/'),
    fc.string({ unit: fc.constantFrom(...MEANINGFUL), maxLength: 8 })).map(([a, b]) => a + b),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(...HOSTILE_URLS),
);
const textField = fc.constantFrom(...TEXT_FIELDS);
const urlField = fc.constantFrom(...URL_FIELDS);
const network = fc.constantFrom(...NETWORKS);
const settings = fc.record({
  includeEmbedScript: fc.boolean(), doNotTrack: fc.boolean(), theme: fc.constantFrom('light' as const, 'dark' as const),
  markdownFrontMatter: fc.boolean(), markdownImages: fc.boolean(),
});

type Extra = Partial<ExportInput['settings']>;
/** The writer's own fields, which may hold links and emphasis (export/inline.ts), and the elements those make. */
const WRITER_FIELDS: ReadonlySet<string> = new Set(['intro', 'leadIn', 'commentary', 'closing', 'signature']);
const INLINE_ELEMENTS = ['a[href]', 'strong[]', 'em[]'];
function render(format: TextFormatId, field: TextField | UrlField | null, value: string, extra: Extra, site: Site): string {
  const input = hostileInput(field, value, site);
  return renderExport(format, { ...input, settings: { ...input.settings, ...extra } });
}

/**
 * The same elements as the ordinary roundup (breaks aside), none new, every URL http(s).
 * `exact`: the same number of each, too (a text cannot remove anything; a bad URL may drop
 * its link or image, or a post's embed: `alt`, the roundup as static cards, is then allowed
 * too). `splitLinks`: Markdown writes a link whose words span lines as one link per line, so
 * their number may grow, always to the same targets.
 */
function expectSameShape(got: Parsed, base: Parsed, exact: boolean, splitLinks = false, alt: Parsed = base, writer = false): void {
  const allowed = new Set([...base.elements, ...(exact ? [] : alt.elements), 'br[]', 'p[]', ...(writer ? INLINE_ELEMENTS : [])]);
  for (const e of got.elements) expect(allowed.has(e), `unexpected ${e}`).toBe(true);
  const [counts, baseCounts, altCounts] = [elementCounts(got), elementCounts(base), elementCounts(alt)];
  // The writer's links and emphasis are theirs to add (their URLs still checked below).
  if (writer) for (const c of [counts, baseCounts, altCounts]) for (const e of INLINE_ELEMENTS) delete c[e];
  if (splitLinks && !writer) {
    expect(new Set(got.urls)).toEqual(new Set(base.urls));
    delete counts['a[href]'];
    delete baseCounts['a[href]'];
  }
  if (exact) expect(counts).toEqual(baseCounts);
  else for (const [e, n] of Object.entries(counts)) expect(n, e).toBeLessThanOrEqual(Math.max(baseCounts[e] ?? 0, altCounts[e] ?? 0));
  for (const u of got.urls) expect(isWebUrl(u), `not an http(s) URL: ${u}`).toBe(true);
}

// Gutenberg's block delimiter: name, optional JSON attributes; anything else was injected.
const DELIMITER = /^ \/?wp:[a-z][a-z0-9-]*(?: \{.*\})? $/s;
const count = (list: string[], item: string): number => list.filter((x) => x === item).length;

/**
 * Every comment is a block delimiter, two per block WordPress's parser finds, and the
 * blocks are the ordinary roundup's. Paragraph blocks may be more (a paragraph break in a
 * note is a new paragraph), exactly as many more as there are new `<p>`s.
 */
function expectSameBlocks(out: string, base: string, got: Parsed, baseParsed: Parsed, exact: boolean): void {
  for (const c of got.comments) expect(c, 'a comment that is no block delimiter').toMatch(DELIMITER);
  const [names, baseNames] = [blockNames(out), blockNames(base)];
  expect(got.comments.length).toBe(2 * names.length);
  const others = (list: string[]) => list.filter((n) => n !== 'core/paragraph');
  if (exact) expect(others(names)).toEqual(others(baseNames));
  else for (const n of new Set(others(names))) expect(count(names, n), n).toBeLessThanOrEqual(count(baseNames, n));
  // A photo whose URL is refused is named in words instead, in a paragraph of its own.
  const lostImages = count(baseNames, 'core/image') - count(names, 'core/image');
  if (!exact) expect(count(names, 'core/paragraph')).toBeLessThanOrEqual(count(baseNames, 'core/paragraph') + lostImages);
  if (exact) {
    expect(count(names, 'core/paragraph') - count(baseNames, 'core/paragraph'))
      .toBe(count(got.elements, 'p[]') - count(baseParsed.elements, 'p[]'));
  }
}

describe.each(['html', 'wordpress'] as const)('%s export, parsed by parse5 (and WordPress\'s block parser)', (format) => {
  const check = (field: TextField | UrlField, value: string, extra: Extra, site: Site, exact: boolean) => {
    const out = render(format, field, value, extra, site);
    const base = render(format, null, '', extra, site);
    const asStatic = parseHtml(render(format, null, '', { ...extra, includeEmbedScript: false }, site));
    const [got, baseParsed] = [parseHtml(out), parseHtml(base)];
    expectSameShape(got, baseParsed, exact, false, asStatic, WRITER_FIELDS.has(field));
    if (format === 'wordpress') expectSameBlocks(out, base, got, baseParsed, exact);
    else expect(got.comments).toEqual([]);
  };

  it('no text in any field adds an element, attribute, comment, block or script', () => {
    fc.assert(fc.property(textField, text, settings, network, (field, value, extra, site) => check(field, value, extra, site, true)), RUNS);
  });

  it('no URL in any field makes a link or image to anything but http(s), or adds anything', () => {
    fc.assert(fc.property(urlField, url, settings, network, (field, value, extra, site) => check(field, value, extra, site, false)), RUNS);
  });
});

describe('Markdown export, rendered by markdown-it with raw HTML allowed', () => {
  const check = (field: TextField | UrlField, value: string, extra: Extra, site: Site, exact: boolean) => {
    const got = parseMarkdown(render('markdown', field, value, extra, site));
    const base = parseMarkdown(render('markdown', null, '', extra, site));
    // Front matter reads as a paragraph and a rule here; the YAML has its own test below.
    expectSameShape(got, base, exact, exact, base, WRITER_FIELDS.has(field));
    expect(got.rawHtml).toEqual([]);
  };

  it('no text in any field adds an element, raw HTML or a link', () => {
    fc.assert(fc.property(textField, text, settings, network, (field, value, extra, site) => check(field, value, extra, site, true)), RUNS);
  });

  it('no URL in any field links or shows anything but http(s)', () => {
    fc.assert(fc.property(urlField, url, settings, network, (field, value, extra, site) => check(field, value, extra, site, false)), RUNS);
  });

  it('front matter is YAML whose title is the roundup\'s title, whatever it holds', () => {
    fc.assert(fc.property(text, (value) => {
      const out = render('markdown', 'title', value, { markdownFrontMatter: true }, 'x');
      const yaml = /^---\n([\s\S]*?)\n---\n/.exec(out)![1]!;
      expect(parseYaml(yaml)).toEqual({ title: oneLine(`A ${value} Z`), date: '2025-11-22' });
    }), RUNS);
  });
});

describe('Plain text export', () => {
  const POST_FIELDS: TextField[] = [
    'postText', 'linkText', 'authorName', 'handle', 'mediaAlt', 'quotedText', 'quotedName', 'cardTitle', 'cardDomain', 'contentWarning', 'instance',
  ];

  it('a post\'s words, whatever they are, stay inside its indented quote', () => {
    const unindented = (out: string) => out.split('\n').filter((l) => l && !l.startsWith('    '));
    fc.assert(fc.property(fc.constantFrom(...POST_FIELDS), text, network, (field, value, site) => {
      const out = render('text', field, value, {}, site);
      expect(unindented(out)).toEqual(unindented(render('text', null, '', {}, site)));
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/);
    }), RUNS);
  });
});

describe('JSON backup', () => {
  it('any text in any field (but a handle or a host, which must be one) reads back unchanged', () => {
    const fields = TEXT_FIELDS.filter((f) => !PATTERNED_FIELDS.includes(f));
    fc.assert(fc.property(fc.constantFrom(...fields), text, network, (field, value, site) => {
      const input = hostileInput(field, value, site);
      const result = parseBackup(renderExport('json', input));
      expect(result.ok && result.data.roundups[0]).toEqual(input.roundup);
      expect(result.ok && result.data.posts).toEqual(Object.values(input.posts));
    }), RUNS);
  });
});
