// Link cards (`card.wrapper`: the preview box X draws for a link), read from the saved real
// pages. Only two of them hold cards in their posts: mario-zechner-twitter.html (one large
// card) and edited-modal.html (one small card, two large). home-twitter-complete.html and
// mario-zechner-wow.html name `card.wrapper` only in the stylesheet an extension injected.
import { afterAll, describe, expect, it } from 'vitest';
import { capturePost, capturePosts, findPostElements, postIdOf } from '../../src/capture';
import type { LinkCard, Post } from '../../src/model/post';
import { closeFixtures, loadFixture } from './helpers/capture-fixture';

afterAll(closeFixtures);

const cards = (posts: Post[]) => posts.filter((p) => p.card || p.quoted?.card).map((p) => [p.id, p.card, p.quoted?.card]);

const MARIO_PAGE = 'https://x.com/badlogicgames';
const MARIO_FILE = 'control-panel-for-twitter/mario-zechner-twitter.html';
const MARIO_CARD: LinkCard = {
  url: 'https://t.co/j64CpIysH1',
  title: "What if you don't need MCP at all?",
  domain: 'mariozechner.at',
  // Saved with "Save page as": the picture is a local copy, resolved like the post's photos.
  image: { url: 'https://x.com/Mario%20Zechner%20(@badlogicgames)%20_%20Twitter_files/WPyU9R6h.png' },
};

/** The pinned post with the large card, fresh (tests change it). */
function pinnedPost(): Element {
  const el = findPostElements(loadFixture(MARIO_FILE, MARIO_PAGE)).find((e) => postIdOf(e) === 'x:1985127737481154951');
  if (!el) throw new Error('fixture post missing');
  return el;
}

describe('cards on the saved pages, exactly', () => {
  it('profile timeline: the pinned post has a large card (title over the image, domain in its label)', () => {
    const posts = capturePosts(loadFixture(MARIO_FILE, MARIO_PAGE), MARIO_PAGE, () => 'T');
    expect(cards(posts)).toEqual([['x:1985127737481154951', MARIO_CARD, undefined]]);
    expect(posts[0]?.text).toBe('New blog post, wherein I beat a dead horse for the last time.');
  });

  it('photo viewer: a small card without a picture, then two large cards', () => {
    const page = 'https://x.com/seigura/status/1842037500065546723/photo/1';
    const posts = capturePosts(loadFixture('twittermediaharvest/edited-modal.html', page), page, () => 'T');
    expect(posts).toHaveLength(6);
    expect(cards(posts)).toEqual([
      ['x:1847192179980357715', {
        url: 'https://t.co/pZU8UZE7Uc',
        title: '『幸村恵理1st写真集 果報 -kafuu-』 - infosquare（インフォスクエア）',
        domain: 'infosquare.shop',
      }, undefined],
      ['x:1847199894718820443', {
        url: 'https://t.co/L6ZEGWuLNv',
        title: '「幸村恵理1st写真集(仮)」発売記念イベント｜アニメイト',
        domain: 'animate-onlineshop.jp',
        image: { url: 'https://pbs.twimg.com/card_img/1854824827556954112/d_3rRhHQ?format=jpg&name=small' },
      }, undefined],
      ['x:1847201098085650478', {
        url: 'https://t.co/tBfT8MPMXl',
        title: '『幸村恵理1st写真集（仮）』早期予約イベント | ゲーマーズ',
        domain: 'gamers.co.jp',
        image: { url: 'https://pbs.twimg.com/card_img/1854766233444667392/GpqC9ROO?format=jpg&name=small' },
      }, undefined],
    ]);
    for (const p of posts) expect(p.partial).toBeUndefined();
  });

  it.each([
    ['control-panel-for-twitter/home-twitter-complete.html', 'https://x.com/home', 20],
    ['control-panel-for-twitter/mario-zechner-wow.html', 'https://x.com/badlogicgames/status/1991612272289161300', 1],
  ])('%s: no post or quoted post has a card (the testid is only in a stylesheet)', (file, page, count) => {
    const posts = capturePosts(loadFixture(file, page), page, () => 'T');
    expect(posts).toHaveLength(count);
    expect(cards(posts)).toEqual([]);
  });
});

describe('a quoted post keeps its own card', () => {
  const PAGE = 'https://x.com/home';
  /** The real quote post, with the real large card (and its "From" line) added in `where`. */
  function quoteWithCard(where: 'outer' | 'quoted'): Post | null {
    const cardHtml = pinnedPost().querySelector('[data-testid="card.wrapper"]')!.parentElement!.outerHTML;
    const doc = loadFixture('tweetyoink/x-tweet-quote.html', PAGE);
    const post = findPostElements(doc)[0]!;
    const target = where === 'quoted'
      ? post.querySelector('div[role="link"] [data-testid="tweetText"]')!.parentElement!
      : post.querySelector('[data-testid="tweetText"]')!.parentElement!;
    target.insertAdjacentHTML('afterend', cardHtml);
    return capturePost(post, PAGE, () => 'T');
  }

  it('a card inside the quoted block goes on the quoted post, not the quoting one', () => {
    const post = quoteWithCard('quoted');
    expect(post?.card).toBeUndefined();
    expect(post?.quoted?.card).toEqual(MARIO_CARD);
    expect(post?.quoted?.id).toBe('x:1983129251856470493');
  });

  it('a card of the quoting post stays on it', () => {
    const post = quoteWithCard('outer');
    expect(post?.card).toEqual(MARIO_CARD);
    expect(post?.quoted?.card).toBeUndefined();
    expect(post?.id).toBe('x:1983130065320780162');
  });
});

describe('a card with parts missing or changed', () => {
  const capture = (el: Element) => capturePost(el, MARIO_PAGE, () => 'T');
  const whole = capture(pinnedPost());
  const edit = (change: (card: Element) => void): Post | null => {
    const el = pinnedPost();
    change(el.querySelector('[data-testid="card.wrapper"]')!);
    return capture(el);
  };
  /** The post as before, but for its card. */
  const expectRestOfPost = (p: Post | null) => {
    const { card: _card, ...rest } = p ?? ({} as Post);
    const { card: _wholeCard, ...wholeRest } = whole!;
    expect(rest).toEqual(wholeRest);
    expect(p?.partial).toBeUndefined();
  };

  it('no picture: the card without image', () => {
    const p = edit((c) => c.querySelector('img')!.remove());
    expect(p?.card).toEqual({ url: MARIO_CARD.url, title: MARIO_CARD.title, domain: MARIO_CARD.domain });
    expectRestOfPost(p);
  });

  it('no title: the domain alone, from the link label or else the "From" line', () => {
    expect(edit((c) => c.querySelector('[dir]')!.remove())?.card).toEqual({ ...MARIO_CARD, title: undefined });
    const p = edit((c) => {
      c.querySelector('[dir]')!.remove();
      c.querySelector('a')!.removeAttribute('aria-label');
    });
    expect(p?.card).toEqual({ url: MARIO_CARD.url, domain: 'mariozechner.at', image: MARIO_CARD.image });
  });

  it('only the domain over the picture: a domain, no title', () => {
    const p = edit((c) => (c.querySelector('[dir] span')!.textContent = 'mariozechner.at'));
    expect(p?.card).toEqual({ url: MARIO_CARD.url, domain: 'mariozechner.at', image: MARIO_CARD.image });
  });

  it('no link, or a link that is not http(s): no card, the rest of the post unchanged', () => {
    for (const href of [null, 'javascript:alert(1)', 'data:text/html,x']) {
      const p = edit((c) => c.querySelectorAll('a').forEach((a) => (href ? a.setAttribute('href', href) : a.removeAttribute('href'))));
      expect(p?.card).toBeUndefined();
      expectRestOfPost(p);
    }
  });

  it('a picture that is not https is left out', () => {
    for (const src of ['http://pbs.twimg.com/card_img/1/a?format=jpg', 'data:image/png;base64,AAAA', 'javascript:alert(1)']) {
      expect(edit((c) => c.querySelector('img')!.setAttribute('src', src))?.card).toEqual({ ...MARIO_CARD, image: undefined });
    }
  });

  it('a picture with a description keeps it as alt text', () => {
    const p = edit((c) => c.querySelector('img')!.setAttribute('alt', '  A  robot  '));
    expect(p?.card?.image).toEqual({ url: MARIO_CARD.image!.url, alt: 'A robot' });
  });

  it('the card emptied, or one that throws when read: no card, no error, post not partial', () => {
    expectRestOfPost(edit((c) => c.replaceChildren()));
    expectRestOfPost(edit((c) => Object.defineProperty(c, 'querySelector', { value: () => { throw new Error('odd DOM'); } })));
  });
});
