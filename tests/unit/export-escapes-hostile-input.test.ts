// @vitest-environment happy-dom
// No page or user string can add an element, attribute, comment or script to the HTML and
// WordPress exports: each hostile string goes into each field of a post from each network,
// and the parsed output must have the same element kinds, attributes and block comments as an
// ordinary roundup's.
import { describe, expect, it } from 'vitest';
import { renderExport, type ExportInput } from '../../src/export';
import {
  HOSTILE_TEXT, HOSTILE_URLS, NETWORKS, TEXT_FIELDS, URL_FIELDS, hostileInput,
} from '../golden/export-hostile';

interface Structure {
  /** `tag[attr,attr]` for every element, in document order. */
  elements: string[];
  comments: string[];
  urls: string[];
}

function structure(html: string): Structure {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out: Structure = { elements: [], comments: [], urls: [] };
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.COMMENT_NODE) out.comments.push((child as Comment).data);
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const el = child as Element;
      const attrs = el.getAttributeNames().sort();
      if (!['HTML', 'HEAD', 'BODY'].includes(el.tagName)) out.elements.push(`${el.tagName.toLowerCase()}[${attrs}]`);
      for (const name of ['href', 'src']) if (el.hasAttribute(name)) out.urls.push(el.getAttribute(name)!);
      walk(el);
    }
  };
  walk(doc);
  return out;
}

// Elements whose number legitimately follows the text: line and paragraph breaks.
const countsFree = (e: string): boolean => e.startsWith('br[') || e.startsWith('p[]');
const counts = (list: string[]): Record<string, number> =>
  list.filter((e) => !countsFree(e)).reduce<Record<string, number>>((acc, e) => ({ ...acc, [e]: (acc[e] ?? 0) + 1 }), {});

function expectSafeUrls(s: Structure): void {
  for (const url of s.urls) expect(url).toMatch(/^https?:\/\/[^\s"<>]+$/);
}

/** Gutenberg's block delimiter: name, optional JSON attributes; anything else is injected. */
const DELIMITER = /^ (\/?)wp:([a-z][a-z0-9-]*)(?: (\{.*\}))? $/s;

function expectWellFormedBlocks(output: string, s: Structure): string[] {
  const raw = [...output.matchAll(/<!--([\s\S]*?)-->/g)].map((m) => m[1]!);
  // What WordPress's block parser sees and what a browser sees must be the same comments
  // (sorted: happy-dom's parser does not keep comments in document order).
  expect([...s.comments].sort()).toEqual([...raw].sort());
  const stack: string[] = [];
  for (const comment of raw) {
    const m = DELIMITER.exec(comment);
    expect(m, `comment ${JSON.stringify(comment.slice(0, 80))}`).not.toBeNull();
    const [, closing, name, json] = m!;
    if (json) expect(() => JSON.parse(json)).not.toThrow();
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
  return raw.map((c) => DELIMITER.exec(c)![2]!);
}

const FORMATS = ['html', 'wordpress'] as const;
/** The writer's own fields, and the elements their links and emphasis make. */
const WRITER_FIELDS: ReadonlySet<string> = new Set(['intro', 'leadIn', 'commentary', 'closing', 'signature']);
const INLINE_ELEMENTS: ReadonlySet<string> = new Set(['a[href]', 'strong[]', 'em[]']);
const SETTINGS = [{ includeEmbedScript: true }, { includeEmbedScript: false, theme: 'dark' as const }];

function render(format: (typeof FORMATS)[number], input: ExportInput, extra: object): string {
  return renderExport(format, { ...input, settings: { ...input.settings, ...extra } });
}

describe.each(FORMATS)('%s export', (format) => {
  describe.each(NETWORKS)('of a post from %s', (site) => {
    describe.each(SETTINGS)('with %o', (extra) => {
      const baseline = render(format, hostileInput(null, '', site), extra);
      const base = structure(baseline);
      const baseBlocks = format === 'wordpress' ? expectWellFormedBlocks(baseline, base) : [];
      // A bad address may cost a post its embed (Mastodon's needs a status link): it is then
      // the static card, as with the script off. Never anything else.
      const asStatic = structure(render(format, hostileInput(null, '', site), { ...extra, includeEmbedScript: false }));

      it('has the expected shape for an ordinary roundup', () => {
        const scripts = base.elements.filter((e) => e.startsWith('script[')).length;
        expect(scripts).toBe(format === 'html' && extra.includeEmbedScript ? 1 : 0);
        expect(base.elements.some((e) => e.startsWith('img['))).toBe(true);
        expect(base.elements.filter((e) => e === 'strong[]')).toHaveLength(1); // its content warning
        if (format === 'html') expect(base.comments).toEqual([]);
      });

      it.each(TEXT_FIELDS)('adds no element, attribute or comment from hostile text in %s', (field) => {
        // The writer's own words may hold links and emphasis (export/inline.ts): an http(s) link,
        // strong, em — and nothing else. A post's words, names and the title hold none.
        const writer = WRITER_FIELDS.has(field);
        const own = (elements: string[]) => (writer ? elements.filter((e) => !INLINE_ELEMENTS.has(e)) : elements);
        for (const hostile of HOSTILE_TEXT) {
          const output = render(format, hostileInput(field, hostile, site), extra);
          const s = structure(output);
          const allowed = new Set([...base.elements, 'br[]', 'p[]', ...(writer ? INLINE_ELEMENTS : [])]);
          for (const e of s.elements) expect(allowed.has(e), `${field} = ${JSON.stringify(hostile.slice(0, 60))}: ${e}`).toBe(true);
          expect(counts(own(s.elements))).toEqual(counts(own(base.elements)));
          if (writer) expect(s.urls.filter((u) => !base.urls.includes(u)).every((u) => /^https?:\/\//.test(u))).toBe(true);
          else expect(s.urls).toEqual(base.urls);
          expectSafeUrls(s);
          if (format === 'html') expect(s.comments).toEqual([]);
          else expect(new Set(expectWellFormedBlocks(output, s))).toEqual(new Set(baseBlocks));
        }
      });

      it.each(URL_FIELDS)('never emits a non-http(s) link from a hostile URL in %s', (field) => {
        const baseKinds = new Set([...base.elements, ...asStatic.elements]);
        const [baseCounts, staticCounts] = [counts(base.elements), counts(asStatic.elements)];
        for (const hostile of HOSTILE_URLS) {
          const output = render(format, hostileInput(field, hostile, site), extra);
          const s = structure(output);
          for (const e of s.elements) expect(baseKinds.has(e), `${field} = ${JSON.stringify(hostile)}: ${e}`).toBe(true);
          for (const [e, n] of Object.entries(counts(s.elements))) {
            expect(n, e).toBeLessThanOrEqual(Math.max(baseCounts[e] ?? 0, staticCounts[e] ?? 0));
          }
          expectSafeUrls(s);
          expect(output).not.toMatch(/(href|src|url)["=:]+\s*(javascript|vbscript|data|file):/i);
          if (format === 'html') expect(s.comments).toEqual([]);
          else expectWellFormedBlocks(output, s);
        }
      });
    });
  });
});
