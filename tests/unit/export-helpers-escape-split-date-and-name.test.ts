// The shared helpers every format relies on: escaping, the http(s)-only URL gate,
// paragraph splitting, X-style dates, permalinks, file names and the format list.
import { describe, expect, it } from 'vitest';
import { formatLabel } from '../../src/popup/format-label';
import { EXPORT_FORMATS, exportFileName, isExportFormat } from '../../src/export';
import { escapeAttr, escapeHtml, escapeMarkdown, markdownUrl, safeUrl } from '../../src/export/escape';
import { cleanText, oneLine, paragraphs } from '../../src/export/paragraphs';
import { permalink } from '../../src/export/post-parts';
import { exportLocale } from '../../src/export/locale';

describe('escaping', () => {
  it('escapes HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(`&lt;a href="x"&gt;Tom &amp; 'Jerry'&lt;/a&gt;`);
    expect(escapeAttr(`"><img src=x onerror='1'>&`)).toBe('&quot;&gt;&lt;img src=x onerror=&#39;1&#39;&gt;&amp;');
  });

  it('escapes Markdown syntax anywhere and list/heading markers at a line start', () => {
    expect(escapeMarkdown('[x](javascript:alert(1)) *a* _b_ `c` <d> #e |f| ~g~ {{h}} &i; \\')).toBe(
      '\\[x\\](javascript:alert(1)) \\*a\\* \\_b\\_ \\`c\\` \\<d\\> \\#e \\|f\\| \\~g\\~ \\{\\{h\\}\\} \\&i; \\\\',
    );
    expect(['- a', '+ a', '= a', '12. a', '3) a'].map((l) => escapeMarkdown(l))).toEqual(['\\- a', '\\+ a', '\\= a', '12\\. a', '3\\) a']);
    expect(escapeMarkdown('- a', false)).toBe('- a');
    expect(markdownUrl('https://e.com/a_(b)?q="x"')).toBe('https://e.com/a_%28b%29?q=%22x%22');
  });
});

describe('safeUrl', () => {
  it.each(['https://example.com/a?b=1#c', 'http://example.com/', 'HTTPS://EXAMPLE.com'])('passes %s', (url) => {
    expect(safeUrl(url)).toMatch(/^https?:\/\//);
  });

  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'ftp://e.com', 'mailto:a@b.c', '//e.com', '/relative', '', 'not a url'])(
    'refuses %j',
    (url) => expect(safeUrl(url)).toBeNull(),
  );

  it('resolves a relative link against an http(s) base only', () => {
    expect(safeUrl('/hashtag/x', 'https://x.com/a/status/1')).toBe('https://x.com/hashtag/x');
    expect(safeUrl('javascript:alert(1)', 'https://x.com/')).toBeNull();
    expect(safeUrl('/x', 'javascript:alert(1)')).toBeNull();
  });
});

describe('paragraphs', () => {
  it('splits on blank lines, keeps single line breaks, trims, drops empty paragraphs', () => {
    expect(paragraphs('  a\r\nb  \n\t\n\n\nc\u2028d\u2029e\n\n   ')).toEqual([['a', 'b'], ['c', 'd', 'e']]);
    expect(paragraphs('')).toEqual([]);
  });

  it('removes control characters and repairs lone surrogates', () => {
    expect(cleanText('a\u0000b\u001bc\u0085d\uD800e\tf')).toBe('abc\nd\uFFFDe\tf');
    expect(oneLine(' a \n b\u2028c ')).toBe('a b c');
  });
});

describe('dates and permalinks', () => {
  it('formats dates as X does, in UTC', () => {
    const formatDate = (iso: string | undefined) => exportLocale(undefined).date(iso);
    expect(formatDate('2025-11-20T23:30:00.000Z')).toBe('November 20, 2025');
    expect(formatDate('2025-11-20T23:30:00-05:00')).toBe('November 21, 2025');
    expect(formatDate(undefined)).toBeNull();
    expect(formatDate('soon')).toBeNull();
  });

  it('writes X status links in the twitter.com form of the embed code', () => {
    expect(permalink({ url: 'https://x.com/DrGhaheri/status/123?s=20' })).toBe('https://twitter.com/DrGhaheri/status/123');
    expect(permalink({ url: 'https://mobile.twitter.com/a_b/status/9/photo/1' })).toBe('https://twitter.com/a_b/status/9');
    expect(permalink({ url: 'https://example.com/x' })).toBe('https://example.com/x');
    // A post known only by an /i/ link names no author: the form X serves for any post, not "@i".
    expect(permalink({ url: 'https://x.com/i/web/status/123' })).toBe('https://twitter.com/i/web/status/123');
    expect(permalink({ url: 'https://x.com/i/status/123/photo/1' })).toBe('https://twitter.com/i/web/status/123');
    expect(permalink({ url: '' })).toBeNull();
  });
});

describe('formats and file names', () => {
  it('offers the five formats the editor names, each with its own extension', () => {
    expect(EXPORT_FORMATS.map((f) => formatLabel(f.id))).toEqual(['HTML', 'Markdown', 'WordPress', 'Plain text', 'JSON backup']);
    expect(new Set(EXPORT_FORMATS.map((f) => f.extension)).size).toBe(5);
    expect(isExportFormat('markdown')).toBe(true);
    expect(isExportFormat('toString')).toBe(false);
  });

  it.each([
    ['Healthcare Social Media #hcsm', 'html', 'healthcare-social-media-hcsm.html'],
    ['Café  Crème!', 'markdown', 'cafe-creme.md'],
    ['日本語のまとめ', 'text', '日本語のまとめ.txt'],
    ['', 'html', 'roundup.html'],
    ['../../etc/passwd', 'json', 'etc-passwd.json'],
    ['<script>', 'wordpress', 'script.wp.html'],
    ['CON', 'text', 'con-roundup.txt'],
    ['🎉🎉', 'html', 'roundup.html'],
  ] as const)('names %j as %s', (title, format, name) => {
    expect(exportFileName(title, format)).toBe(name);
  });

  it('keeps long titles to a short name', () => {
    expect(exportFileName('word '.repeat(100), 'html').length).toBeLessThanOrEqual(65);
  });
});
