// The writer's links and emphasis (export/inline.ts): `[words](https://…)`, `**strong**`,
// `*emphasis*`, `\*` for a plain asterisk — read the same way by every format and written in
// its own: HTML and WordPress as elements, Markdown as written, plain text as "words (URL)".
// Read back with the real parsers; for any text, only http(s) links and the three elements.
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { renderExport, type ExportInput } from '../../src/export';
import { inlineText, parseInline } from '../../src/export/inline';
import { makePost } from './helpers/posts';

const post = makePost(1);
function input(commentary: string, extra: Partial<ExportInput['settings']> = {}): ExportInput {
  return {
    roundup: { id: 'r', title: 'T', intro: '', closing: '', items: [{ postId: post.id, leadIn: '', commentary }], createdAt: '2026-11-29T00:00:00.000Z', updatedAt: '2026-11-29T00:00:00.000Z' },
    posts: { [post.id]: post },
    settings: { signature: '', defaultFormat: 'html', includeEmbedScript: false, doNotTrack: true, theme: 'light', markdownFrontMatter: false, markdownImages: true, keepCopies: true, pictures: 'x', inlineButtons: { x: true, bluesky: true }, ...extra },
  } as ExportInput;
}

describe('reading a line of the writer\'s words', () => {
  it('links, strong, emphasis, nested, and escapes', () => {
    expect(parseInline('See [the report](https://example.org/r?a=1&b=2) — **really** *good*.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', href: 'https://example.org/r?a=1&b=2', children: [{ kind: 'text', text: 'the report' }] },
      { kind: 'text', text: ' — ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'really' }] },
      { kind: 'text', text: ' ' },
      { kind: 'em', children: [{ kind: 'text', text: 'good' }] },
      { kind: 'text', text: '.' },
    ]);
    expect(parseInline('**[bold link](https://a.example/x_(film))**')).toEqual([
      { kind: 'strong', children: [{ kind: 'link', href: 'https://a.example/x_(film)', children: [{ kind: 'text', text: 'bold link' }] }] },
    ]);
    expect(parseInline('*an **inner** one*')).toEqual([
      { kind: 'em', children: [{ kind: 'text', text: 'an ' }, { kind: 'strong', children: [{ kind: 'text', text: 'inner' }] }, { kind: 'text', text: ' one' }] },
    ]);
    expect(parseInline('\\*not emphasis\\* and \\[not](https://a.example)')).toEqual([{ kind: 'text', text: '*not emphasis* and [not](https://a.example)' }]);
  });

  it('what is no link or emphasis stays the characters typed', () => {
    for (const line of [
      '2 * 3 * 4', '* a list?', '**', '*open', 'close*', '[x](javascript:alert(1))', '[x](data:text/html,hi)', '[](https://a.example)',
      '[x] (https://a.example)', '[x](https://a.example with space)', '[x](//evil.example)', '[x](https://a.example', 'a ** b ** c',
    ]) {
      expect(parseInline(line), line).toEqual([{ kind: 'text', text: line }]);
    }
  });

  it('for any line: never throws, the words are kept in order, links are http(s) only', () => {
    const unit = fc.constantFrom('*', '**', '[', ']', '(', ')', '\\', ' ', 'a', 'é', 'https://a.example/', 'javascript:', '<b>', '&', '!');
    fc.assert(fc.property(fc.string({ unit, maxLength: 25 }), (line) => {
      const nodes = parseInline(line);
      const links: string[] = [];
      const walk = (ns: typeof nodes) => ns.forEach((n) => (n.kind === 'link' && links.push(n.href), n.kind !== 'text' && walk(n.children)));
      walk(nodes);
      for (const href of links) expect(href).toMatch(/^https?:\/\/[^\s"<>]+$/);
      // Nothing is invented: the words read are a subsequence of what was typed.
      let at = 0;
      for (const c of inlineText(nodes)) {
        at = line.indexOf(c, at);
        expect(at).toBeGreaterThanOrEqual(0);
        at += c.length;
      }
    }), { numRuns: 500 });
  });
});

describe('every format writes them its own way', () => {
  const words = 'Read [the report](https://example.org/report) — **twice**, *slowly*. 2 * 3 stays.';

  it('HTML: elements, the rest escaped', () => {
    const html = renderExport('html', input(words));
    expect(html).toContain('<p>Read <a href="https://example.org/report">the report</a> — <strong>twice</strong>, <em>slowly</em>. 2 * 3 stays.</p>');
  });

  it('WordPress: the same elements inside a paragraph block the block parser reads', () => {
    const wp = renderExport('wordpress', input(words));
    const para = parseBlocks(wp).find((b) => b.blockName === 'core/paragraph' && b.innerHTML.includes('report'))!;
    expect(para.innerHTML).toContain('<a href="https://example.org/report">the report</a> — <strong>twice</strong>, <em>slowly</em>');
  });

  it('Markdown: as written, and markdown-it reads the same link and emphasis', () => {
    const md = renderExport('markdown', input(words));
    expect(md).toContain('Read [the report](https://example.org/report) — **twice**, *slowly*. 2 \\* 3 stays.');
    const html = new MarkdownIt().render(md);
    expect(html).toContain('<a href="https://example.org/report">the report</a> — <strong>twice</strong>, <em>slowly</em>. 2 * 3 stays.');
  });

  it('Plain text: the words, and a link\'s address after them', () => {
    const text = renderExport('text', input(`${words} See [https://example.org/](https://example.org/).`));
    expect(text).toContain('Read the report (https://example.org/report) — twice, slowly. 2 * 3 stays. See https://example.org/.');
  });

  it('a link to anything but http(s), and an image, stay words in every format', () => {
    const hostile = '[click](javascript:alert(1)) ![pic](https://evil.example/x.png)';
    const html = renderExport('html', input(hostile));
    const doc = parse(html) as unknown as { childNodes: unknown[] };
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.filter((h) => h!.includes('javascript'))).toEqual([]);
    expect(html).not.toContain('<img src="https://evil.example');
    expect(doc).toBeTruthy();
    const md = new MarkdownIt().render(renderExport('markdown', input(hostile)));
    expect(md).not.toContain('<img');
    expect(md).not.toContain('href="javascript');
  });
});
