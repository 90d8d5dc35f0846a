// Thread position: X joins the posts of a conversation thread with a line from avatar to
// avatar. Both saved pages that show one (a three-post thread in the home timeline, the
// author's self-thread under an edited post in the photo viewer) are read exactly, and every
// other post of every page is on its own. Hand-built markup checks the shape rules.
import { afterAll, describe, expect, it } from 'vitest';
import { capturePosts } from '../../src/capture';
import { closeFixtures, loadFixture, parseHtml } from './helpers/capture-fixture';

afterAll(closeFixtures);

const threadOf = (path: string, page: string) =>
  capturePosts(loadFixture(path, page), page)
    .filter((p) => p.thread)
    .map((p) => [p.id.slice(2), p.thread]);

describe('thread position on the saved pages', () => {
  it('home timeline: one thread of three, first, middle and last', () => {
    expect(threadOf('control-panel-for-twitter/home-twitter-complete.html', 'https://x.com/home')).toEqual([
      ['1991475453887217692', 'first'],
      ['1991586882858172684', 'middle'],
      ['1991607597108195581', 'last'],
    ]);
  });

  it('photo viewer conversation: the self-thread below the edited post; the post itself and other replies stand alone', () => {
    expect(threadOf('twittermediaharvest/edited-modal.html', 'https://x.com/seigura/status/1842037500065546723/photo/3')).toEqual([
      ['1847192179980357715', 'first'],
      ['1847199894718820443', 'middle'],
      ['1847201098085650478', 'last'],
    ]);
  });

  it.each([
    'control-panel-for-twitter/mario-zechner-twitter.html',
    'control-panel-for-twitter/mario-zechner-wow.html',
    'defuddle/general--x.com-article-2026-02-13.html',
    'tweetyoink/x-tweet-quote.html',
    'tweetyoink/x-tweet-quote-video.html',
    'twittermediaharvest/timeline.html',
  ])('%s: no post is in a thread', (path) => {
    expect(threadOf(path, 'https://x.com/home')).toEqual([]);
  });
});

// X's shape, without its classes: a top row (holding a line column when the thread comes from
// above, then a spacer), then the avatar row (avatar column, a line after the avatar when the
// thread goes on, then the content).
function post(id: string, opts: { above?: boolean; below?: boolean; quoteBelow?: boolean } = {}): string {
  const line = '<div></div>';
  const quote = opts.quoteBelow
    ? `<div role="link" tabindex="0"><div data-testid="Tweet-User-Avatar"><a href="/bob"><img src="https://pbs.twimg.com/profile_images/2/b_normal.jpg"></a></div>${line}
        <div data-testid="User-Name"><span>Bob</span><span>@bob</span></div><div data-testid="tweetText" lang="en"><span>quoted</span></div></div>`
    : '';
  return `<article data-testid="tweet"><div><div>
    <div><div>${opts.above ? `<div>${line}</div>` : ''}<div></div></div></div>
    <div>
      <div><div data-testid="Tweet-User-Avatar"><a href="/alice"><img src="https://pbs.twimg.com/profile_images/1/a_normal.jpg"></a></div>${opts.below ? line : ''}</div>
      <div>
        <div data-testid="User-Name"><a href="/alice"><span>Alice</span></a><a href="/alice"><span>@alice</span></a>
          <a href="/alice/status/${id}"><time datetime="2024-05-01T10:00:00.000Z">May 1</time></a></div>
        <div data-testid="tweetText" lang="en" dir="ltr"><span>Post ${id}</span></div>${quote}
      </div>
    </div>
  </div></div></article>`;
}
const threads = (html: string) => capturePosts(parseHtml(`<body>${html}</body>`), 'https://x.com/home').map((p) => p.thread ?? null);

describe('thread position by shape', () => {
  it('reads first, middle, last and alone', () => {
    expect(threads(post('1', { below: true }) + post('2', { above: true, below: true }) + post('3', { above: true }) + post('4'))).toEqual([
      'first', 'middle', 'last', null,
    ]);
  });

  it('a quoted post\'s own avatar and what follows it are not the post\'s thread', () => {
    expect(threads(post('5', { quoteBelow: true }))).toEqual([null]);
  });

  it('an avatar column with text or content after the avatar is no line', () => {
    const html = post('6').replace('</a></div></div>', '</a></div><div><span>Follow</span></div></div>');
    expect(threads(html)).toEqual([null]);
  });

  it('never throws on a post missing its rows', () => {
    expect(threads('<article data-testid="tweet"><div data-testid="Tweet-User-Avatar"></div><a href="/a/status/7"><time datetime="2024-05-01T10:00:00.000Z"></time></a></article>')).toEqual([null]);
  });
});
