// A roundup has a language (model/language.ts): every export writes its dates and its few fixed
// words in it (export/locale.ts, export/words.ts), and the self-contained page declares it. The
// markup never changes with the language, and a roundup in English, or with no language (made
// before languages), exports byte for byte as the golden files.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, renderExport, type ExportInput, type TextFormatId } from '../../src/export';
import { exportLocale } from '../../src/export/locale';
import { renderPage } from '../../src/export/page';
import { EXPORT_WORDS, wordsLanguage, type WordsLanguage } from '../../src/export/words';
import { HOSTILE_TEXT, TEXT_FIELDS, hostileInput } from '../golden/export-hostile';
import { blockNames, parseHtml, parseMarkdown } from '../golden/export-parsed';
import { languageInput } from '../golden/language-roundup';
import { MIXED_INPUT } from '../golden/mixed-roundup';
import { SEED_INPUT, closeSeedPages } from '../golden/seed-roundup';

afterAll(closeSeedPages);

const lines = (...all: string[]): string => all.join('\n') + '\n';
const X = 'https://twitter.com';
const HERON = `${X}/heronwatch/status/1991000000000000101`;
const CLIP = `${X}/clipmaker/status/1991000000000000202`;
const DESK = `${X}/newsdesk/status/1991000000000000303`;
const GONE = `${X}/i/web/status/42`;
const PHOTO = 'https://pbs.twimg.com/media/heron.jpg';
const WIDGETS = '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';
const TWEET = '<blockquote class="twitter-tweet" data-dnt="true">';

function embed(url: string): string {
  return lines(
    `<!-- wp:embed {"url":"${url}","type":"rich","providerNameSlug":"twitter","responsive":true} -->`,
    '<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper">',
    url,
    '</div></figure>',
    '<!-- /wp:embed -->',
  );
}
const para = (html: string): string => lines('<!-- wp:paragraph -->', html, '<!-- /wp:paragraph -->');

/** The exact exports of tests/golden/language-roundup.ts, from the words and dates of one language. */
function expected(w: { video: string; image: string; note: string; dates: [string, string, string]; colon: string; comma: string }): Record<'html' | 'markdown' | 'text' | 'wordpress', string> {
  const [d1, d2, d3] = w.dates;
  return {
    html: lines(
      '<h1>Week 47</h1>',
      '<p>Three posts.</p>',
      `${TWEET}<p lang="en" dir="auto">Morning at the marsh.</p><p><img src="${PHOTO}" alt="A grey heron at dawn"></p>&mdash; Heron Watch (@heronwatch) <a href="${HERON}">${d1}</a></blockquote>`,
      '<p>A photo.</p>',
      `${TWEET}<p lang="en" dir="auto">Watch this.</p><p>[${w.video}]</p>&mdash; Clip Maker (@clipmaker) <a href="${CLIP}">${d2}</a></blockquote>`,
      '<p>A video.</p>',
      `${TWEET}<p lang="en" dir="auto">Read the whole report.</p>&mdash; News Desk (@newsdesk) <a href="${DESK}">${d3}</a></blockquote>`,
      '<p>A repost.</p>',
      `<p><em>${w.note}</em> <a href="${GONE}">${GONE}</a></p>`,
      '<p>Gone.</p>',
      '<p>Bye.</p>',
      WIDGETS,
    ),
    markdown: lines(
      '# Week 47', '',
      'Three posts.', '',
      '> Morning at the marsh.', '>', `> ![A grey heron at dawn](${PHOTO})`, '>', `> — Heron Watch (@heronwatch) [${d1}](${HERON})`, '',
      'A photo.', '',
      '> Watch this.', '>', `> \\[${w.video}\\]`, '>', `> — Clip Maker (@clipmaker) [${d2}](${CLIP})`, '',
      'A video.', '',
      '> Read the whole report.', '>', `> — News Desk (@newsdesk) [${d3}](${DESK})`, '',
      'A repost.', '',
      `*${w.note}* [${GONE}](${GONE})`, '',
      'Gone.', '',
      'Bye.',
    ),
    text: lines(
      'Week 47', '=======', '',
      'Three posts.', '',
      '    Morning at the marsh.', '',
      `    [${w.image}${w.colon}A grey heron at dawn] ${PHOTO}`, '',
      `    — Heron Watch (@heronwatch)${w.comma}${d1}`, `    ${HERON}`, '',
      'A photo.', '',
      '    Watch this.', '', `    [${w.video}]`, '',
      `    — Clip Maker (@clipmaker)${w.comma}${d2}`, `    ${CLIP}`, '',
      'A video.', '',
      '    Read the whole report.', '',
      `    — News Desk (@newsdesk)${w.comma}${d3}`, `    ${DESK}`, '',
      'A repost.', '',
      `    [${w.note.replace(/[.。]$/, '')}${w.colon}${GONE}]`, '',
      'Gone.', '',
      'Bye.',
    ),
    wordpress: [
      lines('<!-- wp:heading -->', '<h2 class="wp-block-heading">Week 47</h2>', '<!-- /wp:heading -->'),
      para('<p>Three posts.</p>'),
      embed(HERON),
      lines(
        '<!-- wp:quote -->',
        '<blockquote class="wp-block-quote"><!-- wp:paragraph -->', '<p>Morning at the marsh.</p>', '<!-- /wp:paragraph -->', '',
        '<!-- wp:image -->', `<figure class="wp-block-image"><img src="${PHOTO}" alt="A grey heron at dawn"/></figure>`,
        `<!-- /wp:image --><cite>&mdash; Heron Watch (@heronwatch) <a href="${HERON}">${d1}</a></cite></blockquote>`,
        '<!-- /wp:quote -->',
      ),
      para('<p>A photo.</p>'),
      embed(CLIP),
      lines(
        '<!-- wp:quote -->',
        '<blockquote class="wp-block-quote"><!-- wp:paragraph -->', '<p>Watch this.</p>', '<!-- /wp:paragraph -->', '',
        '<!-- wp:paragraph -->', `<p>[${w.video}]</p>`,
        `<!-- /wp:paragraph --><cite>&mdash; Clip Maker (@clipmaker) <a href="${CLIP}">${d2}</a></cite></blockquote>`,
        '<!-- /wp:quote -->',
      ),
      para('<p>A video.</p>'),
      embed(DESK),
      lines(
        '<!-- wp:quote -->',
        '<blockquote class="wp-block-quote"><!-- wp:paragraph -->', '<p>Read the whole report.</p>',
        `<!-- /wp:paragraph --><cite>&mdash; News Desk (@newsdesk) <a href="${DESK}">${d3}</a></cite></blockquote>`,
        '<!-- /wp:quote -->',
      ),
      para('<p>A repost.</p>'),
      para(`<p><em>${w.note}</em> <a href="${GONE}">${GONE}</a></p>`),
      para('<p>Gone.</p>'),
      para('<p>Bye.</p>'),
    ].join('\n'),
  };
}

const GERMAN = expected({
  video: 'Video', image: 'Bild', note: 'Beitrag nicht verfügbar.', colon: ': ', comma: ', ',
  dates: ['20. November 2025', '21. November 2025', '22. November 2025'],
});
const JAPANESE = expected({
  video: '動画', image: '画像', note: 'ポストを表示できません。', colon: '：', comma: '、',
  dates: ['2025年11月20日', '2025年11月21日', '2025年11月22日'],
});
const ENGLISH = expected({
  video: 'Video', image: 'Image', note: 'Post not available.', colon: ': ', comma: ', ',
  dates: ['November 20, 2025', 'November 21, 2025', 'November 22, 2025'],
});
const FORMATS = ['html', 'markdown', 'text', 'wordpress'] as const;

describe('a roundup in German', () => {
  it.each(FORMATS)('writes its %s with German dates and words, and the markup of the English one', (format) => {
    expect(renderExport(format, languageInput('de'))).toBe(GERMAN[format]);
  });

  it('writes the same for an Austrian or Swiss German tag, dates included', () => {
    expect(renderExport('text', languageInput('de-CH'))).toBe(GERMAN.text);
    expect(renderExport('html', languageInput('de-AT'))).toBe(GERMAN.html);
  });

  it('names a photo linked in Markdown in German when photos are links, not images', () => {
    const input = languageInput('de');
    const md = renderExport('markdown', { ...input, settings: { ...input.settings, markdownImages: false } });
    expect(md).toContain(`> [Bild: A grey heron at dawn](${PHOTO})`);
  });
});

describe('a roundup in Japanese', () => {
  it.each(FORMATS)('writes its %s with Japanese dates, words and punctuation', (format) => {
    expect(renderExport(format, languageInput('ja'))).toBe(JAPANESE[format]);
  });
});

describe('a roundup in English, or with no language', () => {
  it.each(FORMATS)('writes the same %s either way', (format) => {
    expect(renderExport(format, languageInput())).toBe(ENGLISH[format]);
    expect(renderExport(format, languageInput('en'))).toBe(ENGLISH[format]);
  });

  const golden = (name: string): string => readFileSync(new URL(`../golden/${name}`, import.meta.url), 'utf8');
  const inEnglish = (input: ExportInput, language: string): ExportInput => ({ ...input, roundup: { ...input.roundup, language } });
  const textFormats = EXPORT_FORMATS.filter((f) => f.id !== 'json');

  it.each(['en', 'en-US'])('%s: every text format is byte for byte its golden file', (language) => {
    for (const [input, name] of [[MIXED_INPUT, 'mixed-roundup'], [SEED_INPUT, 'seed-roundup']] as const) {
      for (const f of textFormats) expect(renderExport(f.id, inEnglish(input, language)), `${name}.${f.extension}`).toBe(golden(`${name}.${f.extension}`));
      const staticHtml = { ...inEnglish(input, language), settings: { ...input.settings, includeEmbedScript: false } };
      expect(renderExport('html', staticHtml)).toBe(golden(`${name}.static.html`));
    }
    const frontMatter = { ...inEnglish(SEED_INPUT, language), settings: { ...SEED_INPUT.settings, markdownFrontMatter: true, markdownImages: false } };
    expect(renderExport('markdown', frontMatter)).toBe(golden('seed-roundup.front-matter.md'));
  });

  it('the self-contained page is its golden file, declaring the language it is in', () => {
    const page = renderPage(inEnglish(MIXED_INPUT, 'en'), new Map());
    expect(page).toBe(golden('mixed-roundup.page.html').replace('<html>\n', '<html lang="en">\n'));
    // With no language the page declares none: a roundup made before languages may be in any.
    expect(renderPage(MIXED_INPUT, new Map())).toBe(golden('mixed-roundup.page.html'));
  });

  it('the JSON backup carries the language and nothing else changes', () => {
    const json = JSON.parse(renderExport('json', inEnglish(MIXED_INPUT, 'en')));
    expect(json.roundups[0].language).toBe('en');
    delete json.roundups[0].language;
    expect(json).toEqual(JSON.parse(golden('mixed-roundup.json')));
  });
});

describe('dates', () => {
  const NOV_20 = '2025-11-20T23:30:00.000Z';
  it.each<[string, string]>([
    ['en', 'November 20, 2025'],
    ['de', '20. November 2025'],
    ['es', '20 de noviembre de 2025'],
    ['fr', '20 novembre 2025'],
    ['ja', '2025年11月20日'],
    ['pt-BR', '20 de novembro de 2025'],
    ['en-GB', '20 November 2025'],
  ])('in %s: %s, the UTC day', (language, date) => {
    expect(exportLocale(language).date(NOV_20)).toBe(date);
    // The video post's, 21 November, in the plain-text export.
    expect(renderExport('text', languageInput(language))).toContain(exportLocale(language).date('2025-11-21T18:00:00.000Z')!);
  });

  it('in Arabic: day, month name and year, whichever digits the language takes', () => {
    expect(exportLocale('ar').date(NOV_20)).toMatch(/^(20|٢٠) نوفمبر (2025|٢٠٢٥)$/);
  });

  it('always Gregorian, whatever calendar the tag asks for (a post was posted on a Gregorian day)', () => {
    expect(exportLocale('ja-JP-u-ca-japanese').date(NOV_20)).toBe('2025年11月20日');
    expect(exportLocale('ar-SA').date(NOV_20)).toMatch(/نوفمبر/);
  });

  it('in English for a language no engine has dates for, never in the machine’s own', () => {
    expect(exportLocale('tlh').date(NOV_20)).toBe('November 20, 2025');
  });

  it('none for a missing or impossible date, in any language', () => {
    for (const language of ['de', 'ja', 'ar']) {
      expect(exportLocale(language).date(undefined)).toBeNull();
      expect(exportLocale(language).date('soon')).toBeNull();
    }
  });

  it('in English the same as X’s embed wording ("Month D, YYYY") for any day of years 1000–9999', () => {
    const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const xWording = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
    fc.assert(
      fc.property(fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        expect(exportLocale(undefined).date(d.toISOString())).toBe(xWording(d));
        expect(exportLocale('en').date(d.toISOString())).toBe(xWording(d));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the fixed words', () => {
  it.each<[string, WordsLanguage]>([
    ['en', 'en'], ['en-GB', 'en'], ['de', 'de'], ['de-AT', 'de'], ['es-MX', 'es'], ['fr-CA', 'fr'], ['ja-JP', 'ja'],
    ['pt', 'pt-BR'], ['pt-BR', 'pt-BR'], ['pt-PT', 'pt-BR'], ['ar', 'ar'], ['ar-EG', 'ar'],
    ['zh-Hant-TW', 'en'], ['hi', 'en'], ['he', 'en'],
  ])('%s takes the words of %s', (tag, words) => {
    expect(wordsLanguage(tag)).toBe(words);
    expect(exportLocale(tag).words).toBe(EXPORT_WORDS[words]);
  });

  it('are English for a roundup with no language or one that is no tag', () => {
    expect(exportLocale(undefined).words).toBe(EXPORT_WORDS.en);
    expect(exportLocale('english').words).toBe(EXPORT_WORDS.en);
    expect(exportLocale('english').lang).toBeNull();
  });

  it('are all there in every language, and each language has its own', () => {
    const keys = Object.keys(EXPORT_WORDS.en).sort();
    for (const [language, words] of Object.entries(EXPORT_WORDS)) {
      expect(Object.keys(words).sort(), language).toEqual(keys);
      for (const [key, word] of Object.entries(words)) expect(word.trim() || word, `${language}.${key}`).not.toBe('');
      if (language !== 'en') expect(words.postNotAvailable, language).not.toBe(EXPORT_WORDS.en.postNotAvailable);
    }
  });

  it('say a content warning, an unknown author and a post with no date in the roundup’s language', () => {
    const input = languageInput('fr');
    const post = { ...input.posts['x:1991000000000000202']!, author: { name: '', handle: '' }, createdAt: undefined, contentWarning: 'Divulgâchage' };
    const withPost = { ...input, posts: { ...input.posts, [post.id]: post } };
    expect(renderExport('text', withPost)).toContain('    Avertissement de contenu\u00a0: Divulgâchage\n');
    expect(renderExport('html', withPost)).toContain(
      `<p><strong>Avertissement de contenu\u00a0:</strong> Divulgâchage</p><p lang="en" dir="auto">Watch this.</p><p>[Vidéo]</p>&mdash; Auteur inconnu <a href="${CLIP}">Voir la publication</a>`,
    );
    expect(renderExport('markdown', withPost)).toContain(`> — Auteur inconnu [Voir la publication](${CLIP})`);
    expect(renderExport('wordpress', { ...withPost, roundup: { ...withPost.roundup, language: 'pt-BR' } })).toContain(
      `<p><strong>Aviso de conteúdo:</strong> Divulgâchage</p>`,
    );
  });

  it('name a photo the page has no copy of in the roundup’s language', () => {
    expect(renderPage(languageInput('es'), new Map())).toContain('<p>[Foto: A grey heron at dawn]</p>');
    expect(renderPage(languageInput('ja'), new Map())).toContain('<p>[写真：A grey heron at dawn]</p>');
  });
});

describe('the language an HTML document declares', () => {
  const root = (language?: string): string => /<html[^>]*>/.exec(renderPage(languageInput(language), new Map()))![0];

  it.each([['ar', '<html lang="ar" dir="rtl">'], ['ar-EG', '<html lang="ar-EG" dir="rtl">'], ['he', '<html lang="he" dir="rtl">'],
    ['fa', '<html lang="fa" dir="rtl">'], ['de', '<html lang="de">'], ['ja', '<html lang="ja">'], ['pt-br', '<html lang="pt-BR">']])(
    'a page in %s is %s',
    (language, html) => expect(root(language)).toBe(html),
  );

  it('a page with no language, or one that is no tag, declares nothing', () => {
    expect(root()).toBe('<html>');
    expect(root('"><script>')).toBe('<html>');
  });

  it('an Arabic page writes Arabic words and dates around the posts, which keep their own direction', () => {
    const page = renderPage(languageInput('ar'), new Map());
    expect(page).toContain('<p lang="en" dir="auto">Morning at the marsh.</p><p>[صورة: A grey heron at dawn]</p>');
    expect(page).toMatch(/<p>\[فيديو\]<\/p>/);
  });

  it('the HTML and WordPress exports are fragments with no root: they declare nothing, the page they go into does', () => {
    for (const format of ['html', 'wordpress'] as const) {
      const out = renderExport(format, languageInput('ar'));
      expect(out).not.toMatch(/\bdir="rtl"|<html|<div lang/);
    }
  });
});

describe('markup never depends on the language', () => {
  it.each(['de', 'ja', 'ar'])('%s: each format reads back in its parser as the English one does', (language) => {
    const [en, other] = [languageInput('en'), languageInput(language)];
    expect(parseHtml(renderExport('html', other))).toEqual(parseHtml(renderExport('html', en)));
    expect(parseMarkdown(renderExport('markdown', other))).toEqual(parseMarkdown(renderExport('markdown', en)));
    expect(blockNames(renderExport('wordpress', other))).toEqual(blockNames(renderExport('wordpress', en)));
    const wp = parseHtml(renderExport('wordpress', other));
    expect(wp.comments).toEqual(parseHtml(renderExport('wordpress', en)).comments);
  });

  // Any language (a table language, one with no words, a tag with extensions, or a string that
  // is no tag at all, as a hostile file might hold before the schema refuses it) with any hostile
  // text in any field: the export has exactly the elements, comments and links of the English one.
  const LANGUAGES = ['en', 'de', 'es', 'fr', 'ja', 'pt-BR', 'ar', 'he', 'zh-Hant-TW', 'de-u-nu-arab', 'tlh', '', 'en_US', '"><b>', '<!--', 'ar-\u202e'];
  const language = fc.oneof(fc.constantFrom(...LANGUAGES), fc.string({ maxLength: 12 }));
  it('for any language and any hostile text, in HTML, Markdown, WordPress and the page', () => {
    fc.assert(
      fc.property(language, fc.constantFrom(...TEXT_FIELDS), fc.constantFrom(...HOSTILE_TEXT), (lang, field, value) => {
        const english = hostileInput(field, value);
        const other: ExportInput = { ...english, roundup: { ...english.roundup, language: lang } };
        const render = (format: TextFormatId, input: ExportInput) => renderExport(format, input);
        expect(parseHtml(render('html', other))).toEqual(parseHtml(render('html', english)));
        expect(parseMarkdown(render('markdown', other))).toEqual(parseMarkdown(render('markdown', english)));
        expect(blockNames(render('wordpress', other))).toEqual(blockNames(render('wordpress', english)));
        expect(parseHtml(render('wordpress', other)).comments).toEqual(parseHtml(render('wordpress', english)).comments);
        const body = (input: ExportInput) => renderPage(input, new Map()).replace(/^[\s\S]*?<body>/, '');
        expect(parseHtml(body(other))).toEqual(parseHtml(body(english)));
      }),
      { numRuns: 200 },
    );
  });
});
