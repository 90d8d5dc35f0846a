// Capture never throws: posts with parts removed come back partial (or null without an id),
// and random subtree removals over every fixture never throw. Saved pages' scripts never run.
import { afterAll, describe, expect, it } from 'vitest';
import { capturePost, capturePosts, findPostElements, postIdOf } from '../../src/capture';
import { closeFixtures, loadFixture, parseHtml } from './helpers/capture-fixture';

afterAll(closeFixtures);
const PAGE = 'https://x.com/home';
const HOME = 'control-panel-for-twitter/home-twitter-complete.html';

/** A fresh copy of the cmsholdings post from the home timeline. */
function cms(): Element {
  const doc = loadFixture(HOME, PAGE);
  const el = findPostElements(doc).find((e) => postIdOf(e) === 'x:1991586882858172684');
  if (!el) throw new Error('fixture post missing');
  return el;
}
const drop = (el: Element, sel: string): Element => {
  el.querySelectorAll(sel).forEach((e) => e.remove());
  return el;
};

describe('posts with parts removed', () => {
  it('without its time: still identified by another own status link, createdAt missing → partial', () => {
    const p = capturePost(drop(cms(), 'time'), PAGE);
    expect(p).toMatchObject({ id: 'x:1991586882858172684', author: { handle: 'cmsholdings' }, partial: true });
    expect(p?.createdAt).toBeUndefined();
  });

  it('without the User-Name line: handle from the avatar container, name missing → partial', () => {
    const p = capturePost(drop(cms(), '[data-testid="User-Name"]'), PAGE);
    expect(p).toMatchObject({ id: 'x:1991586882858172684', author: { handle: 'cmsholdings', name: '' }, partial: true });
  });

  it('without its text: empty text and no media → partial', () => {
    const p = capturePost(drop(cms(), '[data-testid="tweetText"]'), PAGE);
    expect(p).toMatchObject({ text: '', segments: [], partial: true, createdAt: '2025-11-20T19:18:09.000Z' });
  });

  it('without any status link: null', () => {
    expect(capturePost(drop(cms(), 'a'), PAGE)).toBeNull();
  });

  it('an empty article shell: null', () => {
    const el = cms();
    el.innerHTML = '';
    expect(capturePost(el, PAGE)).toBeNull();
    expect(postIdOf(el)).toBeNull();
  });

  it('an unusable pageUrl does not matter', () => {
    expect(capturePost(cms(), 'not a url')?.id).toBe('x:1991586882858172684');
    expect(capturePost(cms(), '')?.author.handle).toBe('cmsholdings');
  });

  it('a DOM whose methods throw gives null, not an exception', () => {
    const evil = new Proxy(cms(), {
      get(target, key) {
        if (key === 'querySelectorAll' || key === 'getElementsByTagName') throw new Error('boom');
        const v = Reflect.get(target, key, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    expect(() => capturePost(evil, PAGE)).not.toThrow();
    expect(() => postIdOf(evil)).not.toThrow();
    expect(() => findPostElements(evil)).not.toThrow();
    expect(() => capturePosts(evil, PAGE)).not.toThrow();
  });
});

// A small deterministic PRNG so a failure can be replayed from its seed.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const FIXTURES = [
  HOME,
  'control-panel-for-twitter/mario-zechner-twitter.html',
  'control-panel-for-twitter/mario-zechner-wow.html',
  'tweetyoink/x-tweet-quote.html',
  'tweetyoink/x-tweet-quote-video.html',
  'twittermediaharvest/timeline.html',
  'twittermediaharvest/edited-modal.html',
  'defuddle/general--x.com-article-2026-02-13.html',
];

describe('random subtree removals', () => {
  it.each(FIXTURES)('never throw on %s', (path) => {
    const doc = loadFixture(path, PAGE);
    const posts = findPostElements(doc);
    const next = rng(path.length * 7919);
    for (let round = 0; round < 40; round++) {
      for (const post of posts) {
        const all = post.querySelectorAll('*');
        for (let k = 0; k < 3 && all.length > 0; k++) all[Math.floor(next() * all.length)]?.remove();
        let got: ReturnType<typeof capturePost> = null;
        expect(() => (got = capturePost(post, PAGE))).not.toThrow();
        if (got) expect((got as { id: string }).id).toMatch(/^x:\d+$/);
      }
    }
    expect(() => capturePosts(doc, PAGE)).not.toThrow();
  });
});

describe('saved pages are inert', () => {
  it('does not run inline scripts', () => {
    const doc = parseHtml('<body><script>document.body.setAttribute("data-ran", "1")</script><p>x</p></body>');
    expect(doc.body.getAttribute('data-ran')).toBeNull();
    const home = loadFixture(HOME, PAGE);
    expect(home.querySelectorAll('script').length).toBeGreaterThan(0);
    expect(home.body.getAttribute('data-ran')).toBeNull();
  });
});
