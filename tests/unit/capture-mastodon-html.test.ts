// @vitest-environment happy-dom
// A Mastodon status's `content` HTML as words and segments, walked node by node: real content
// from real API answers (tests/fixtures/mastodon/SOURCES.md), the rules one by one, and HTML
// written to hurt. The output is text and segments, never markup, and links are http(s) only.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentsFromContent } from '../../src/capture/mastodon-html';
import type { Segment } from '../../src/model/post';
import { POST_LIMITS } from '../../src/model/post-schema';
import { webUrl } from '../../src/model/validate';

const F = 'tests/fixtures/mastodon/api/';
const load = (path: string): any => JSON.parse(readFileSync(F + path, 'utf8'));
const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const words = (html: string, options?: { dropQuoteInline?: boolean }) => segmentsFromContent(parse(html), options);
const text = (t: string): Segment => ({ kind: 'text', text: t });
const link = (t: string, href: string): Segment => ({ kind: 'link', text: t, href });
const mention = (t: string, href: string): Segment => ({ kind: 'mention', text: t, href });
const hashtag = (t: string, href: string): Segment => ({ kind: 'hashtag', text: t, href });

/** The output's own promises: text is the segments joined, links are web addresses, nothing is empty. */
function wellFormed(out: { text: string; segments: Segment[] }): void {
  expect(out.text).toBe(out.segments.map((s) => s.text).join(''));
  for (const [i, s] of out.segments.entries()) {
    expect(s.text).not.toBe('');
    if (s.kind === 'link' || s.kind === 'mention' || s.kind === 'hashtag') expect(webUrl(s.href)).toBe(s.href);
    if (i > 0) expect(s.kind === 'text' && out.segments[i - 1]!.kind === 'text').toBe(false);
  }
}

describe('real content (API answers of mastodon.social, fosstodon.org and a Mastodon 4.6 test server)', () => {
  it('mastodon.social, 2022: paragraphs, line breaks, a shortened link, h-card mentions, a hashtag', () => {
    const status = load('rtoot/mastodon.social-status-109294719267373593.json');
    const out = words(status.content);
    expect(out).toEqual({
      text:
        'Mastodon will update to 4.0 soon! Here are the most exciting new features (in addition to fixes & changes):\n\n' +
        '- ability to follow hashtags\n- ability to filter by language\n- ability to translate posts \n' +
        '- ability to post HEIC files (i.e. your iPhone’s native photo format)\n- define user roles (big deal for admins)\n' +
        '- define sign-up process on your Instance (admins again)\n\n' +
        'See all changes here: github.com/mastodon/mastodon/r…\n\nThanks, @Gargron and @Mastodon Team. #Mastodon4',
      segments: [
        text(
          'Mastodon will update to 4.0 soon! Here are the most exciting new features (in addition to fixes & changes):\n\n' +
            '- ability to follow hashtags\n- ability to filter by language\n- ability to translate posts \n' +
            '- ability to post HEIC files (i.e. your iPhone’s native photo format)\n- define user roles (big deal for admins)\n' +
            '- define sign-up process on your Instance (admins again)\n\nSee all changes here: ',
        ),
        link('github.com/mastodon/mastodon/r…', 'https://github.com/mastodon/mastodon/releases/tag/v4.0.0rc1'),
        text('\n\nThanks, '),
        mention('@Gargron', 'https://mastodon.social/@Gargron'),
        text(' and '),
        mention('@Mastodon', 'https://mastodon.social/@Mastodon'),
        text(' Team. '),
        hashtag('#Mastodon4', 'https://mastodon.social/tags/Mastodon4'),
      ],
    });
    wellFormed(out);
  });

  it('the documentation’s example (mastodon.social): an entity-escaped quote and an ellipsis link', () => {
    expect(words(load('docs/entities-Status-example.json').content)).toEqual({
      text: '"I lost my inheritance with one wrong digit on my sort code"\n\ntheguardian.com/money/2019/dec…',
      segments: [
        text('"I lost my inheritance with one wrong digit on my sort code"\n\n'),
        link(
          'theguardian.com/money/2019/dec…',
          'https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code',
        ),
      ],
    });
  });

  const federated = load('rtoot/fosstodon.org-timeline-federated.json') as any[];
  const byId = (id: string) => federated.find((s) => s.id === id);

  it('a bot’s status: tabs and leading spaces kept (Mastodon shows content pre-wrap), a link with no ellipsis', () => {
    const out = words(byId('114868870412893948').content);
    expect(out.segments).toEqual([
      text(
        'Now playing:\n\n Station:\tThe Indie Beat Radio - Not What I Call Radio Bonk Wave\n Title:\tMoolblanrev\n Artist:\tC. Circo\n' +
          ' Album:\t The Four Seasons of Bonk Wave: Bonks of Spring 1\n Support:\t',
      ),
      link('bonkwave.org/music/c-circo/', 'https://bonkwave.org/music/c-circo/'),
      text('\n Live:\t'),
      link('theindiebeat.fm/not-what-i-cal…', 'https://theindiebeat.fm/not-what-i-call-radio-bonk-wave/'),
      text('\n\nUp next:\t - id-bwave2-6\n\nVisit:\t'),
      link('theindiebeat.fm', 'https://theindiebeat.fm/'),
      text('\n\n'),
      hashtag('#tibrNowPlaying', 'https://mastodon.social/tags/tibrNowPlaying'),
      text(' '),
      hashtag('#theIndieBeatNowPlaying', 'https://mastodon.social/tags/theIndieBeatNowPlaying'),
      text(' '),
      hashtag('#tibrNotWhatICallRadioBonkWave', 'https://mastodon.social/tags/tibrNotWhatICallRadioBonkWave'),
    ]);
    wellFormed(out);
  });

  it('an Akkoma status as Mastodon passes it on: no paragraph, hashtags by class alone', () => {
    expect(words(byId('114868870064397629').content).segments).toEqual([
      text('now i wonder if '),
      hashtag('#microsoft', 'https://agora.l0g.eu/tag/microsoft'),
      text(' does not have a plan to provide a full '),
      hashtag('#linux', 'https://agora.l0g.eu/tag/linux'),
      text(
        " system. WSL2 was already a step. If they wanted to do that move they wouldn't have done differenty with a kind of windows11 sabotage.",
      ),
    ]);
  });

  it('a Threads status: two <br> are a blank line; a status with no words is empty', () => {
    expect(words(byId('114868870213513199').content).text).toBe(
      'I am begging people to remember that "illegal" =/= "impossible."\n\nIt means "might be punished by the government."\n\nAnd that\'s a BIG difference.',
    );
    expect(words(byId('114868870289384644').content)).toEqual({ text: '', segments: [] });
  });

  it('a trailing space before a paragraph’s end is dropped, emoji characters kept', () => {
    expect(words(byId('114868870441061974').content).text).toBe(
      'Die Bank hat angerufen. Jetzt rufen die schon an… 🙃\nÜbrigens dient eine Kontovollmacht über den Tod hinaus nur dazu, Informationen zu erhalten. Von Verfügung ist keine Rede…\n' +
        'Die Bank ist auch bemüht, Nachlasskonten schnell los zu werden. Definiere schnell! Unser Konto ist seit Oktober 24 gesperrt 🤷‍♀️\n' +
        'Die Nachlassabteilung meinte heute zum drölfzigsten Mal, dass ja jetzt alle Unterlagen da sind und sie das Konto jetzt auflösen könnten 🤪🤪\n\n' +
        'Bleibt dran. Es bleibt spannend…\n\n' +
        'Vielleicht sollte ich Wetten annehmen, wann das Konto wirklich freigegeben wird.  Und dann verdiene ich damit mehr als auf dem Konto ist 😎',
    );
  });

  it('Mastodon 4.4+ quotes: the "RE:" fallback stays unless the quoted post is shown', () => {
    const content = load('mastodonpy/status-quote.json').content;
    expect(words(content)).toEqual({
      text: 'RE: localhost:3000/@mastodonpy_tes…\n\nyoooooooo',
      segments: [
        text('RE: '),
        link('localhost:3000/@mastodonpy_tes…', 'http://localhost:3000/@mastodonpy_test/117020582917124092'),
        text('\n\nyoooooooo'),
      ],
    });
    expect(words(content, { dropQuoteInline: true })).toEqual({ text: 'yoooooooo', segments: [text('yoooooooo')] });
  });

  it('every status of two real timelines reads without markup, each link a web address', () => {
    for (const s of [...federated, ...(load('rtoot/fosstodon.org-timeline-local.json') as any[])]) {
      const out = words(s.content);
      wellFormed(out);
      expect(out.text).not.toMatch(/<\/?[a-z]+[\s>]/i);
    }
  });
});

describe('the rules', () => {
  it('paragraphs are a blank line apart, <br> a line break, the markup’s own white space is not words', () => {
    expect(words('<p>One</p>\n  <p>Two<br>three<br/>\nfour</p>\n')).toEqual({ text: 'One\n\nTwo\nthree\n\nfour', segments: [text('One\n\nTwo\nthree\n\nfour')] });
    expect(words('<p>a<br></p><p>b</p>').text).toBe('a\n\nb');
    expect(words('<p></p><p> </p><p>x</p><p></p>').text).toBe('x');
    expect(words('plain, no markup').text).toBe('plain, no markup');
  });

  it('lists, quotes, headings and preformatted text as Mastodon shows them', () => {
    expect(words('<p>Before</p><ul><li>one</li><li>two<ol start="3"><li>three</li><li>four</li></ol></li></ul><p>After</p>').text).toBe(
      'Before\n\n• one\n• two\n3. three\n4. four\n\nAfter',
    );
    expect(words('<blockquote><p>quoted</p></blockquote><h2>Title</h2><pre>  a\n    b</pre><p><code>x()</code> <b>bold</b> <del>gone</del></p>').text).toBe(
      'quoted\n\nTitle\n\n  a\n    b\n\nx() bold gone',
    );
    expect(words('<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>').text).toBe('漢(kan)');
  });

  it('mentions, hashtags and links by Mastodon’s classes and rel', () => {
    expect(
      words(
        '<p><span class="h-card"><a href="https://a.example/@x" class="u-url mention">@<span>x</span></a></span> ' +
          '<a href="https://a.example/tags/t" class="mention hashtag" rel="tag">#<span>t</span></a> ' +
          '<a href="https://b.example/tag/u" rel="nofollow tag">#u</a> ' +
          '<a href="https://c.example/page">a page</a></p>',
      ).segments,
    ).toEqual([
      mention('@x', 'https://a.example/@x'),
      text(' '),
      hashtag('#t', 'https://a.example/tags/t'),
      text(' '),
      hashtag('#u', 'https://b.example/tag/u'),
      text(' '),
      link('a page', 'https://c.example/page'),
    ]);
  });

  it('the hidden parts of a link are its address only; "…" follows the part shown', () => {
    expect(
      words(
        '<a href="https://example.com/a/very/long/path"><span class="invisible">https://</span><span class="ellipsis">example.com/a/ve</span><span class="invisible">ry/long/path</span></a>',
      ).segments,
    ).toEqual([link('example.com/a/ve…', 'https://example.com/a/very/long/path')]);
    // A link that shows nothing is left out; an ellipsis outside a link is drawn too.
    expect(words('<p><a href="https://e.example/"><span class="invisible">https://e.example/</span></a>x <span class="ellipsis">abc</span></p>').segments).toEqual([
      text('x abc…'),
    ]);
  });

  it('custom emoji (the web app’s <img>) are emoji segments; other pictures are left out', () => {
    expect(
      words(
        '<p>Hi <img class="emojione custom-emoji" alt=":blobcat:" title=":blobcat:" src="https://e.example/blobcat.png"> ' +
          '<img alt=":party_parrot:" src="https://e.example/p.gif"><img class="emojione" alt="🎉" src="https://e.example/1f389.svg">' +
          '<img alt="a photo of a cat" src="https://e.example/cat.jpg"> bye</p>',
      ).segments,
    ).toEqual([
      text('Hi '),
      { kind: 'emoji', text: ':blobcat:' },
      text(' '),
      { kind: 'emoji', text: ':party_parrot:' },
      { kind: 'emoji', text: '🎉' },
      text(' bye'),
    ]);
    expect(words('<a href="https://e.example/@x" class="u-url mention">@<span>x</span><img class="custom-emoji" alt=":wave:"></a>').segments).toEqual([
      mention('@x:wave:', 'https://e.example/@x'),
    ]);
  });

  it('only http(s) targets are links: any other is its words', () => {
    expect(
      words(
        '<p><a href="/relative">rel</a> <a href="mailto:a@b.example">mail</a> <a href="gemini://g.example/">gem</a> ' +
          '<a>no href</a> <a href="https://">empty host</a> <a href="HTTPS://UP.EXAMPLE/X">up</a></p>',
      ).segments,
    ).toEqual([text('rel mail gem no href empty host '), link('up', 'https://up.example/X')]);
  });

  it('accepts a fragment or an element as the root', () => {
    const doc = parse('<div id="c"><p>in a div</p></div>');
    expect(segmentsFromContent(doc.getElementById('c')!).text).toBe('in a div');
    const template = document.createElement('template');
    template.innerHTML = '<p>from a template</p>';
    expect(segmentsFromContent(template.content).text).toBe('from a template');
  });
});

describe('hostile HTML', () => {
  it('scripts, styles, frames, forms, pictures and hidden parts leave no words and no markup', () => {
    const out = words(
      // (No address in the iframe: happy-dom, unlike a browser's DOMParser, would fetch it.)
      '<style>p{color:red}</style><script>alert(1)</script><p>Hello<script>document.cookie</script>' +
        '<img src=x onerror="alert(1)"><iframe srcdoc="<p>srcdoc words</p>"><p>frame words</p></iframe>' +
        '<svg><text>svg words</text></svg><noscript>noscript words</noscript><template><p>template words</p></template>' +
        '<input value="input words"><textarea>area words</textarea><button>button words</button><select><option>option words</select>' +
        '<span hidden>hidden words</span><object data="x">object words</object><video>video words</video> world</p>' +
        // A form closes the paragraph it is in (HTML's parsing rules): it is a block of no words.
        '<p>and <form><input value="input words"></form>after</p>',
    );
    expect(out).toEqual({ text: 'Hello world\n\nand\n\nafter', segments: [text('Hello world\n\nand\n\nafter')] });
  });

  it('javascript:, data: and disguised scripts are never links', () => {
    const out = words(
      '<a href="javascript:alert(1)">one</a> <a href=" JaVaScRiPt:alert(2)">two</a> <a href="java&#x09;script:alert(3)">three</a> ' +
        '<a href="data:text/html,<script>alert(4)</script>">four</a> <a href="vbscript:x">five</a> ' +
        '<a class="mention" href="javascript:alert(6)">@six</a> <a class="hashtag" href="//evil.example/x">#seven</a>',
    );
    expect(out).toEqual({ text: 'one two three four five @six #seven', segments: [text('one two three four five @six #seven')] });
  });

  it('markup written as text stays the author’s text; it is never parsed again', () => {
    const out = words('<p>&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt; and &amp;lt;b&amp;gt;</p>');
    expect(out.segments).toEqual([text('<script>alert(1)</script> and <img src=x onerror=alert(2)> and &lt;b&gt;')]);
  });

  it('a link inside a link, and a mention holding a paragraph, are one link of their words', () => {
    const doc = parse('<p>x</p>');
    const outer = doc.createElement('a');
    outer.setAttribute('href', 'https://outer.example/');
    outer.append('out ');
    const inner = doc.createElement('a');
    inner.setAttribute('href', 'javascript:alert(1)');
    inner.append('in');
    const p = doc.createElement('p');
    p.append('para');
    outer.append(inner, p);
    doc.body.append(outer);
    expect(segmentsFromContent(doc).segments).toEqual([text('x\n\n'), link('out inpara', 'https://outer.example/')]);
  });

  it('deep nesting walks without recursion', () => {
    const doc = parse('');
    let node: Element = doc.body;
    for (let i = 0; i < 20_000; i++) {
      const span = doc.createElement('span');
      node.append(span);
      node = span;
    }
    node.append('deep');
    expect(segmentsFromContent(doc).text).toBe('deep');
  });

  it('keeps within a post’s limits: segments and text length', () => {
    const many = '<p>' + '<a href="https://e.example/">l</a> '.repeat(POST_LIMITS.segments + 500) + '</p>';
    const out = words(many);
    expect(out.segments.length).toBeLessThanOrEqual(POST_LIMITS.segments);
    expect(out.segments[out.segments.length - 1]!.kind).toBe('text');
    wellFormed(out);
    const doc = parse('');
    doc.body.append('x'.repeat(POST_LIMITS.text + 10));
    const long = segmentsFromContent(doc);
    expect(long.text.length).toBe(POST_LIMITS.text);
    expect(long.truncated).toBe(true);
  });

  it('never throws, even on a DOM that does', () => {
    const broken = {
      nodeType: 1,
      get childNodes(): never {
        throw new Error('no');
      },
    } as unknown as ParentNode;
    expect(segmentsFromContent(broken)).toEqual({ text: '', segments: [], truncated: true });
    expect(segmentsFromContent(null as unknown as ParentNode)).toEqual({ text: '', segments: [], truncated: true });
  });

  it('for any HTML: well-formed words, no element’s markup, links only to web addresses', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '<p>', '</p>', '<br>', '<a href="https://ok.example/x">', '<a href="javascript:alert(1)">', '<a class="mention" href="data:x">',
        '</a>', '<span class="invisible">', '<span class="ellipsis">', '</span>', '<script>', '</script>', '<img onerror=alert(1) alt=":x:">',
        '<ul><li>', '</li></ul>', '<pre>', '</pre>', '<iframe>', '</iframe>', '<style>', '</style>', '<!-- c -->', '<b>', '</b>',
      ),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const out = words(pieces.join(''));
        wellFormed(out);
        expect(out.text).not.toMatch(/<(script|iframe|style|img|a|p|span|ul|li|pre|b)[\s>]/);
      }),
      { numRuns: 300 },
    );
  });
});
