// Small hand-built posts for what the saved pages do not show: twitter.com / mobile hosts,
// permalink suffixes, legacy photo URLs, ads, "Replying to", and the photo viewer's div.
import { afterAll, describe, expect, it } from 'vitest';
import { capturePost, capturePosts, findPostElements, postIdOf } from '../../src/capture';
import { origPhoto } from '../../src/capture/x-media';
import { closeFixtures, parseHtml } from './helpers/capture-fixture';

afterAll(closeFixtures);

/** A minimal post in X's shape; `extra` goes after the text. */
function post(opts: { href?: string; tag?: string; before?: string; extra?: string; text?: string } = {}): string {
  const tag = opts.tag ?? 'article';
  const href = opts.href ?? 'https://x.com/alice/status/123';
  return `<${tag} data-testid="tweet">${opts.before ?? ''}
    <div data-testid="Tweet-User-Avatar"><div data-testid="UserAvatar-Container-alice"><a href="/alice"><img src="https://pbs.twimg.com/profile_images/1/a_normal.jpg"></a></div></div>
    <div data-testid="User-Name"><a href="/alice"><div dir="ltr"><span>Alice</span></div></a>
      <a href="/alice" tabindex="-1"><div dir="ltr"><span>@alice</span></div></a>
      <a href="${href}"><time datetime="2024-05-01T10:00:00.000Z">May 1</time></a></div>
    <div data-testid="tweetText" lang="en" dir="ltr"><span>${opts.text ?? 'Hello'}</span></div>${opts.extra ?? ''}
  </${tag}>`;
}
const one = (html: string, page = 'https://x.com/home') => capturePosts(parseHtml(`<body>${html}</body>`), page, () => 'NOW')[0];

describe('permalinks', () => {
  it.each([
    ['https://twitter.com/alice/status/123', 'https://x.com/alice/status/123'],
    ['https://mobile.twitter.com/alice/status/123', 'https://x.com/alice/status/123'],
    ['https://www.x.com/alice/status/123/photo/1', 'https://x.com/alice/status/123'],
    ['/alice/status/123/analytics', 'https://x.com/alice/status/123'],
    ['/alice/status/123/history', 'https://x.com/alice/status/123'],
    ['https://twitter.com/alice/statuses/123?s=20', 'https://x.com/alice/status/123'],
  ])('%s → %s', (href, url) => {
    expect(one(post({ href }))).toMatchObject({ id: 'x:123', url, author: { handle: 'alice', name: 'Alice' }, capturedAt: 'NOW' });
  });

  it('ignores status links to other sites', () => {
    expect(one(post({ href: 'https://example.com/alice/status/123' }))).toBeUndefined();
  });

  it('defaults capturedAt to the current time', () => {
    const el = parseHtml(post()).querySelector('article');
    const at = el && capturePost(el, 'https://x.com/home')?.capturedAt;
    expect(Date.parse(at ?? '')).toBeGreaterThan(Date.parse('2025-01-01'));
  });
});

describe('photo URLs', () => {
  it.each([
    ['https://pbs.twimg.com/media/ABC?format=jpg&name=small', 'https://pbs.twimg.com/media/ABC?format=jpg&name=orig'],
    ['https://pbs.twimg.com/media/ABC?format=png&name=900x900', 'https://pbs.twimg.com/media/ABC?format=png&name=orig'],
    ['https://pbs.twimg.com/media/ABC.jpg', 'https://pbs.twimg.com/media/ABC?format=jpg&name=orig'],
    ['https://pbs.twimg.com/media/ABC.png:large', 'https://pbs.twimg.com/media/ABC?format=png&name=orig'],
    ['https://pbs.twimg.com/profile_images/1/a_normal.jpg', 'https://pbs.twimg.com/profile_images/1/a_normal.jpg'],
    ['https://x.com/saved_files/ABC.jpg', 'https://x.com/saved_files/ABC.jpg'],
  ])('%s → %s', (src, url) => expect(origPhoto(src)).toBe(url));

  it('keeps real alt text, drops X’s "Image" placeholder', () => {
    const photo = (alt: string) => `<a href="/alice/status/123/photo/1"><div data-testid="tweetPhoto"><img alt="${alt}" src="https://pbs.twimg.com/media/P?format=jpg&name=small"></div></a>`;
    expect(one(post({ extra: photo('A cat on a mat') }))?.media).toEqual([{ kind: 'image', url: 'https://pbs.twimg.com/media/P?format=jpg&name=orig', alt: 'A cat on a mat' }]);
    expect(one(post({ extra: photo('Image') }))?.media).toEqual([{ kind: 'image', url: 'https://pbs.twimg.com/media/P?format=jpg&name=orig' }]);
  });
});

describe('contexts', () => {
  it('reads "Replying to @bob"', () => {
    const reply = '<div dir="ltr">Replying to <div><a href="/bob"><span>@bob</span></a></div></div>';
    expect(one(post({ before: reply }))?.replyTo).toBe('bob');
    expect(one(post())?.replyTo).toBeUndefined();
  });

  it('reads "Pinned" and "X reposted"', () => {
    expect(one(post({ before: '<div data-testid="socialContext">Pinned</div>' }))?.pinned).toBe(true);
    const rt = '<a href="/carol"><span data-testid="socialContext"><span dir="ltr"><span>Carol</span></span> reposted</span></a>';
    expect(one(post({ before: rt }))).toMatchObject({ repostedBy: 'Carol' });
  });

  it('links: t.co with hidden full URL, abbreviated link without one, hashtag, cashtag', () => {
    const text =
      'See <a href="https://t.co/abc" dir="ltr"><span aria-hidden="true">https://</span>example.org/a/very/lo<span aria-hidden="true">ng/path</span><span>…</span></a> ' +
      'and <a href="https://t.co/def" dir="ltr">x.com/bob/statu…</a> ' +
      '<a href="/hashtag/news?src=hashtag_click" dir="ltr">#news</a> <a href="/search?q=%24BTC&amp;src=cashtag_click" dir="ltr">$BTC</a>';
    const p = one(post({ text }));
    expect(p?.segments).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.org/a/very/long/path', href: 'https://t.co/abc' },
      { kind: 'text', text: ' and ' },
      { kind: 'link', text: 'https://t.co/def', href: 'https://t.co/def' },
      { kind: 'text', text: ' ' },
      { kind: 'hashtag', text: '#news', href: 'https://x.com/hashtag/news' },
      { kind: 'text', text: ' ' },
      { kind: 'hashtag', text: '$BTC', href: 'https://x.com/search?q=%24BTC&src=cashtag_click' },
    ]);
    expect(p?.text).toBe('See https://example.org/a/very/long/path and https://t.co/def #news $BTC');
  });
});

describe('which elements are posts', () => {
  it('skips ads: inside placementTracking, or labelled "Ad"', () => {
    const ad = `<div data-testid="placementTracking">${post({ href: '/alice/status/1' })}</div>`;
    const labelled = post({ href: '/alice/status/2', before: '<div><span>Ad</span></div>' });
    const video = post({ href: '/alice/status/3', extra: '<div data-testid="tweetPhoto"><div data-testid="placementTracking"><div data-testid="videoPlayer"><video poster="https://pbs.twimg.com/ext_tw_video_thumb/9/pu/img/v.jpg"></video></div></div></div>' });
    const doc = parseHtml(`<body>${ad}${labelled}${video}${post({ href: '/alice/status/4' })}</body>`);
    expect(findPostElements(doc).map(postIdOf)).toEqual(['x:3', 'x:4']);
    expect(capturePosts(doc, 'https://x.com/home')[0]?.media).toEqual([
      { kind: 'video', url: 'https://x.com/alice/status/3', posterUrl: 'https://pbs.twimg.com/ext_tw_video_thumb/9/pu/img/v.jpg' },
    ]);
  });

  it('a photo-viewer div without articles is itself the post; a post element as root counts', () => {
    const doc = parseHtml(`<body>${post({ tag: 'div', href: '/alice/status/77' })}</body>`);
    const div = doc.querySelector('div[data-testid="tweet"]');
    expect(findPostElements(doc)).toEqual([div]);
    expect(div && capturePosts(div, 'https://x.com/alice/status/77/photo/1').map((p) => p.id)).toEqual(['x:77']);
  });
});
