// @vitest-environment happy-dom
// The HTML export: X's official embed markup with the post's full words inside, one
// widgets.js for the whole post, or a static inline-styled card when the script is off.
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../src/export';
import { input, PLAIN_POST, RICH_POST, SMALL_ROUNDUP } from '../golden/export-fixtures';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const html = (settings = {}, roundup = SMALL_ROUNDUP, posts = [RICH_POST, PLAIN_POST]): string =>
  renderExport('html', input(roundup, settings, posts));

describe('HTML export', () => {
  it('writes title, intro, each item (lead-in, post, commentary), closing, signature, script — in order', () => {
    const body = parse(html()).body;
    const outline = Array.from(body.children).map((el) => `${el.tagName.toLowerCase()}:${el.textContent!.slice(0, 18)}`);
    expect(outline).toEqual([
      'h1:Healthcare Social ',
      "p:I've been reading ",
      "p:Let's take a look:",
      'blockquote:Docs on social med',
      'p:I love Dr. Ghaheri',
      'p:This next tweet:',
      'blockquote:wow— Mario Zechner',
      'p:First paragraph.Sa',
      'p:Second.',
      'p:That is all.',
      'p:About the author',
      'script:',
    ]);
  });

  it("renders a post as X's embed markup with its links, line break, photo and quoted post", () => {
    const out = html();
    expect(out).toContain(
      '<blockquote class="twitter-tweet" data-dnt="true"><p lang="en" dir="ltr">Docs on social media: read this ' +
        '<a href="https://example.com/article?a=1&amp;b=2">example.com/article</a> by ' +
        '<a href="https://x.com/techguy">@techguy</a> <a href="https://x.com/hashtag/hcsm?src=hashtag_click">#hcsm</a> 🎉<br>Second line</p>',
    );
    const tweet = parse(out).querySelector('blockquote.twitter-tweet')!;
    expect(tweet.querySelector('img')!.getAttribute('alt')).toBe('A doctor at a laptop');
    const quoted = tweet.querySelector('blockquote')!;
    expect(quoted.textContent).toBe('Healthcare needs a good offense.— John Lynn (@techguy) November 19, 2025');
    // widgets.js reads the post id from the last link: it must be the post's own permalink.
    const links = tweet.querySelectorAll('a');
    const last = links[links.length - 1]!;
    expect(last.getAttribute('href')).toBe('https://twitter.com/DrGhaheri/status/1991586882858172684');
    expect(last.textContent).toBe('November 20, 2025');
    expect(out).toContain('&mdash; Bobby Ghaheri (@DrGhaheri) <a href="https://twitter.com/DrGhaheri/status/1991586882858172684">November 20, 2025</a></blockquote>');
  });

  it('still links a post that has no date', () => {
    expect(html()).toContain('&mdash; Mario Zechner (@badlogicgames) <a href="https://twitter.com/badlogicgames/status/1991612272289161300">View post</a>');
  });

  it('adds widgets.js exactly once, at the end, and only when asked and needed', () => {
    const script = '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';
    expect(html().split(script)).toHaveLength(2);
    expect(html().trimEnd().endsWith(script)).toBe(true);
    expect(html({ includeEmbedScript: false })).not.toContain('<script');
    expect(html({}, { ...SMALL_ROUNDUP, items: [] })).not.toContain('<script');
  });

  it('without the script, styles each post inline as a card that needs no stylesheet', () => {
    const doc = parse(html({ includeEmbedScript: false }));
    expect(doc.querySelectorAll('script, style, link')).toHaveLength(0);
    for (const tweet of Array.from(doc.querySelectorAll('blockquote.twitter-tweet'))) {
      expect(tweet.getAttribute('style')).toMatch(/border:1px solid #cfd9de/);
      expect(tweet.getAttribute('style')).toMatch(/background:#ffffff/);
    }
    const classes = Array.from(doc.querySelectorAll('[class]')).map((el) => el.getAttribute('class'));
    expect(new Set(classes)).toEqual(new Set(['twitter-tweet']));
  });

  it('follows the theme and do-not-track settings', () => {
    const dark = html({ theme: 'dark', doNotTrack: false, includeEmbedScript: false });
    expect(dark).toContain('<blockquote class="twitter-tweet" data-theme="dark" style=');
    expect(dark).toContain('background:#15202b');
    expect(dark).not.toContain('data-dnt');
    expect(html()).not.toContain('data-theme');
  });

  it('exports an item whose post is missing with its own words and a note', () => {
    const roundup = { ...SMALL_ROUNDUP, items: [{ postId: 'x:42', leadIn: 'Before', commentary: 'After' }] };
    expect(html({}, roundup, [])).toBe(
      "<h1>Healthcare Social Media #hcsm</h1>\n<p>I've been reading tweet after tweet.</p>\n<p>Let's take a look:</p>\n" +
        '<p>Before</p>\n<p><em>Post not available.</em> <a href="https://twitter.com/i/web/status/42">https://twitter.com/i/web/status/42</a></p>\n' +
        '<p>After</p>\n<p>That is all.</p>\n<p>About the author</p>\n',
    );
  });

  it('finds no post for ids that name Object.prototype members', () => {
    const roundup = { ...SMALL_ROUNDUP, items: ['__proto__', 'constructor', 'toString'].map((postId) => ({ postId, leadIn: '', commentary: '' })) };
    const out = html({}, roundup);
    expect(out.match(/Post not available/g)).toHaveLength(3);
    expect(out).not.toContain('<script');
  });

  it('drops a link that is not http(s) to plain text and never shows a broken date', () => {
    const post = { ...PLAIN_POST, url: 'javascript:alert(1)', createdAt: 'not a date', segments: [{ kind: 'link' as const, text: 'click', href: 'javascript:alert(1)' }] };
    const out = html({}, { ...SMALL_ROUNDUP, items: [{ postId: post.id, leadIn: '', commentary: '' }] }, [post]);
    expect(out).toContain('<p dir="auto">click</p>&mdash; Mario Zechner (@badlogicgames)</blockquote>');
  });

  it('turns blank lines into paragraphs and single line breaks into <br>', () => {
    const out = html({}, { ...SMALL_ROUNDUP, intro: ' one\r\ntwo \n \n\n\nthree\u2028four ', items: [] });
    expect(out).toContain('<p>one<br>two</p>\n<p>three<br>four</p>');
  });
});
