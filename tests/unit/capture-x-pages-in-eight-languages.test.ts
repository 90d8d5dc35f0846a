// Every saved real X page, as X shows it in German, Spanish, French, Japanese, Portuguese,
// Arabic and Hindi: X's own interface strings replaced by X's own wording of them
// (tests/fixtures/x/languages.ts, sources in SOURCES.md), `<html lang>` set and Arabic
// right-to-left. Capture must read each page exactly as it reads the English one. Ads and a
// "Replying to" line are not on any saved page: they are made from the page's own posts as X
// marks them (said at each). A last pseudo-locale, in which no string is in any language,
// shows what is read from structure alone.
import { afterAll, describe, expect, it } from 'vitest';
import { capturePosts, findPostElements, isPromoted, postIdOf } from '../../src/capture';
import type { Post } from '../../src/model/post';
import {
  adLabelIn,
  LANGUAGES,
  pseudo,
  replyingToIn,
  repostedIn,
  translatePage,
  wording,
  type PageLanguage,
} from '../fixtures/x/languages';
import { closeFixtures, loadFixture } from './helpers/capture-fixture';

afterAll(closeFixtures);

const HOME = 'https://x.com/home';
const PAGES = [
  { file: 'control-panel-for-twitter/home-twitter-complete.html', url: HOME },
  { file: 'control-panel-for-twitter/mario-zechner-twitter.html', url: 'https://x.com/badlogicgames' },
  { file: 'control-panel-for-twitter/mario-zechner-wow.html', url: 'https://x.com/badlogicgames/status/1991612272289161300' },
  { file: 'defuddle/general--x.com-article-2026-02-13.html', url: 'https://x.com/arscontexta/status/2013045749580259680' },
  { file: 'tweetyoink/x-tweet-quote.html', url: HOME },
  { file: 'tweetyoink/x-tweet-quote-video.html', url: HOME },
  { file: 'twittermediaharvest/edited-modal.html', url: 'https://x.com/seigura/status/1842037500065546723/photo/3' },
  { file: 'twittermediaharvest/timeline.html', url: HOME },
];
const NAMES: Record<PageLanguage, string> = {
  en: 'English', de: 'German', es: 'Spanish', fr: 'French', ja: 'Japanese', pt: 'Portuguese', ar: 'Arabic', hi: 'Hindi', qps: 'a pseudo-locale',
};
const F = 'https://x.com/Home%20_%20Twitter_complete_files/';
const clock = () => '2025-11-21T00:00:00.000Z';

/** A saved page as X shows it in `lang` (a fresh copy, for a test that changes it). */
function page(file: string, url: string, lang: PageLanguage): Document {
  const doc = loadFixture(file, url);
  expect(translatePage(doc, lang), `${file} holds strings to replace`).toBeGreaterThan(0);
  return doc;
}

/** Pages read once per language (parsing a saved page is the slow part), let go after it. */
function pagesIn(lang: PageLanguage) {
  const docs = new Map<string, Document>();
  const captured = new Map<string, Post[]>();
  let home: Document | undefined;
  afterAll(async () => {
    docs.clear();
    captured.clear();
    home = undefined;
    await closeFixtures();
  });
  const doc = (file: string) => {
    let d = docs.get(file);
    if (!d) docs.set(file, (d = page(file, PAGES.find((p) => p.file === file)!.url, lang)));
    return d;
  };
  return {
    doc,
    posts(file: string): Post[] {
      let ps = captured.get(file);
      if (!ps) captured.set(file, (ps = capturePosts(doc(file), PAGES.find((p) => p.file === file)!.url, clock)));
      return ps;
    },
    /** The home page with the made ads, reply line and photo description (see homeWithAdsAndAReply). */
    home: () => (home ??= homeWithAdsAndAReply(lang)),
  };
}

const english = new Map(PAGES.map(({ file, url }) => [file, capturePosts(loadFixture(file, url), url, clock)]));
const homeIds = (english.get(PAGES[0]!.file) ?? []).map((p) => p.id);

const articleOf = (doc: Document, id: string): Element => {
  const a = Array.from(doc.querySelectorAll('article[data-testid="tweet"]')).find((e) => postIdOf(e) === `x:${id}`);
  if (!a) throw new Error(`no article ${id}`);
  return a;
};
const ownText = (article: Element): Element =>
  Array.from(article.querySelectorAll('[data-testid="tweetText"]')).find((t) => !t.closest('div[role="link"]'))!;

/**
 * The home page with what no saved page shows, made from its own posts as X marks them:
 * @repligate's post inside X's `placementTracking` ad wrapper, @ericjang11's post with X's ad
 * label in the page's language beside its author line, @aeyakovenko's with X's "Replying to
 * @solana" line above its text, and a description on @nic__carter's photo.
 */
function homeWithAdsAndAReply(lang: PageLanguage): Document {
  const doc = page(PAGES[0]!.file, HOME, lang);
  const placed = articleOf(doc, '1991607454917144922');
  const wrapper = doc.createElement('div');
  wrapper.setAttribute('data-testid', 'placementTracking');
  placed.replaceWith(wrapper);
  wrapper.append(placed);

  const labelled = articleOf(doc, '1991606465300426936');
  const label = doc.createElement('div');
  label.setAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  label.innerHTML = `<span>${adLabelIn(lang)}</span>`;
  labelled.querySelector('[data-testid="User-Name"]')!.after(label);

  const reply = articleOf(doc, '1991604521647432094');
  const [before, after] = replyingToIn(lang);
  const line = doc.createElement('div');
  line.setAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  line.innerHTML = `<span>${before}</span><div><a href="/solana" dir="ltr" role="link"><span>@solana</span></a></div><span>${after}</span>`;
  ownText(reply).before(line);

  const photo = articleOf(doc, '1991606789301776835').querySelector('[data-testid="tweetPhoto"]')!;
  photo.setAttribute('aria-label', 'A chart of the day’s trading volume');
  photo.querySelector('img')!.setAttribute('alt', 'A chart of the day’s trading volume');
  return doc;
}

/** Takes the icon off every "social context" line (the one beside it in the line's row); returns how many. */
function withoutContextIcons(doc: Document): number {
  let removed = 0;
  for (const ctx of Array.from(doc.querySelectorAll('[data-testid="socialContext"]'))) {
    for (let box = ctx.parentElement; box && box.tagName !== 'ARTICLE'; box = box.parentElement) {
      const svg = Array.from(box.querySelectorAll('svg')).find((e) => !ctx.contains(e));
      if (svg) {
        svg.remove();
        removed++;
        break;
      }
    }
  }
  return removed;
}

const HOME_FILE = PAGES[0]!.file;
const PROFILE = PAGES[1]!;
const TIMELINE = 'twittermediaharvest/timeline.html';
const QUOTE_VIDEO = 'tweetyoink/x-tweet-quote-video.html';
const englishOf = (file: string): Post[] => english.get(file) ?? [];
const byId = (posts: Post[], id: string): Post | undefined => posts.find((p) => p.id === `x:${id}`);
// Parsing and reading eight large saved pages per language takes a while on a small machine.
const SLOW = { timeout: 60_000 };

for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
  describe(`X in ${NAMES[lang]}`, SLOW, () => {
    const at = pagesIn(lang);

    it('reads every saved page exactly as in English: the same posts, and every field of each the same', () => {
      for (const { file } of PAGES) expect(at.posts(file), file).toEqual(englishOf(file));
    });

    it('the pages are in the language: X’s labels replaced, the English ones gone', () => {
      const home = at.doc(HOME_FILE);
      expect(home.documentElement.getAttribute('lang')).toBe(lang);
      expect(home.documentElement.getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      const contexts = Array.from(home.querySelectorAll('[data-testid="socialContext"]'), (c) => c.textContent ?? '');
      const [before, after] = repostedIn(lang);
      expect(contexts[0]).toBe(`${before}hdf${after}`);
      expect(contexts.join('|')).not.toContain('reposted');
      expect(home.querySelectorAll(`img[alt="${wording('Image', lang)}"]`)).toHaveLength(7);
      if (wording('Image', lang) !== 'Image') expect(home.querySelectorAll('img[alt="Image"]')).toHaveLength(0);
      expect(at.doc(PROFILE.file).querySelector('[data-testid="socialContext"]')?.textContent).toBe(pseudo('Pinned'));
    });

    it('names the reposters by their names alone, and marks only the pinned post', () => {
      const home = at.posts(HOME_FILE);
      expect(home.map((p) => p.repostedBy ?? '')).toEqual([
        'hdf', 'j⧉nus', '', '', '', '', '', '', '', 'j⧉nus', '', 'Flood', '', 'hdf', 'Flood', '', 'vibhu', 'latent moss', '', '',
      ]);
      expect(home.filter((p) => p.pinned)).toEqual([]);
      const profile = at.posts(PROFILE.file);
      expect(profile.map((p) => p.pinned ?? false)).toEqual([true, false, false, false, false, false, false, false, false]);
      expect(profile.every((p) => p.repostedBy === undefined)).toBe(true);
      expect(at.posts(TIMELINE)[0]?.repostedBy).toBe('birdman🦊');
    });

    it('names the reposters from the words of the line in the language when its icon is one X has not drawn before', () => {
      const home = page(HOME_FILE, HOME, lang);
      expect(withoutContextIcons(home)).toBe(8);
      expect(capturePosts(home, HOME, clock).map((p) => p.repostedBy ?? '')).toEqual(englishOf(HOME_FILE).map((p) => p.repostedBy ?? ''));
      // No source gives X's "Pinned" in the language: without its icon, a pinned post is not known.
      const profile = page(PROFILE.file, PROFILE.url, lang);
      expect(withoutContextIcons(profile)).toBe(1);
      expect(capturePosts(profile, PROFILE.url, clock).filter((p) => p.pinned)).toEqual([]);
    });

    it('keeps a photo’s description, and X’s own “Image” label in the language is no description', () => {
      const home = capturePosts(at.home(), HOME, clock);
      expect(byId(home, '1991606789301776835')?.media).toEqual([{ kind: 'image', url: F + 'G6ObyU-WAAA09fH.jpg', alt: 'A chart of the day’s trading volume' }]);
      expect(byId(home, '1991562419542557009')?.media).toEqual([{ kind: 'image', url: F + 'G6NzdbEW4AAwADv.jpg' }]);
      expect(byId(home, '1991604521647432094')?.quoted?.media).toEqual([
        { kind: 'image', url: F + 'G6MxYxaX0AAwCE4.jpg' },
        { kind: 'image', url: F + 'G6MxZhpXEAA_Goc.png' },
      ]);
    });

    it('tells a GIF from a video by X’s GIF badge and play button in the language', () => {
      const home = at.posts(HOME_FILE);
      expect(byId(home, '1991606928280318423')?.media).toEqual([
        { kind: 'gif', url: 'https://x.com/cryptolyxe/status/1991606928280318423', posterUrl: F + 'G6Ob8LuacAIy-jj.jpg' },
      ]);
      expect(byId(home, '1991600690448224406')?.media).toEqual([
        { kind: 'video', url: 'https://x.com/mlunghi2000/status/1991600690448224406', posterUrl: F + 'ciU6SVnetRciuAv7.jpg' },
      ]);
    });

    it('skips an ad inside X’s placement wrapper and one labelled as an ad in the language; a video’s wrapper is no ad', () => {
      const doc = at.home();
      const ads = ['1991607454917144922', '1991606465300426936'];
      expect(findPostElements(doc).map(postIdOf)).toEqual(homeIds.filter((id) => !ads.includes(id.slice(2))));
      expect(ads.map((id) => isPromoted(articleOf(doc, id)))).toEqual([true, true]);
      // Posts whose video X wraps in its placement element are offered.
      expect(findPostElements(at.doc(PROFILE.file))).toHaveLength(9);
      expect(findPostElements(at.doc(QUOTE_VIDEO))).toHaveLength(1);
    });

    it('reads who a reply answers from X’s “Replying to” line in the language', () => {
      const home = capturePosts(at.home(), HOME, clock);
      expect(home.filter((p) => p.replyTo).map((p) => [p.author.handle, p.replyTo])).toEqual([['aeyakovenko', 'solana']]);
    });
  });
}

describe('X in a language capture has no word for (a pseudo-locale): what structure alone tells', SLOW, () => {
  const at = pagesIn('qps');

  it('finds the same posts on every page, with the same authors, text, dates, quoted posts and threads', () => {
    const pick = (ps: Post[]) => ps.map((p) => [p.id, p.author, p.text, p.createdAt, p.quoted?.id, p.truncated, p.thread]);
    for (const { file } of PAGES) expect(pick(at.posts(file)), file).toEqual(pick(englishOf(file)));
  });

  it('names the reposters and marks the pinned post by the icon beside the line', () => {
    expect(at.posts(HOME_FILE).map((p) => p.repostedBy ?? '')).toEqual(englishOf(HOME_FILE).map((p) => p.repostedBy ?? ''));
    expect(at.posts(PROFILE.file).map((p) => p.pinned ?? false)).toEqual([true, false, false, false, false, false, false, false, false]);
    expect(at.posts(TIMELINE)[0]?.repostedBy).toBe('birdman🦊');
  });

  it('reads a reply’s “Replying to” handle by its place, and skips an ad in X’s placement wrapper', () => {
    const posts = capturePosts(at.home(), HOME, clock);
    expect(posts.filter((p) => p.replyTo).map((p) => p.replyTo)).toEqual(['solana']);
    expect(posts.map((p) => p.id)).not.toContain('x:1991607454917144922');
    expect(findPostElements(at.doc(QUOTE_VIDEO))).toHaveLength(1);
  });

  it('GIFs from X’s video host are GIFs and videos are videos in any language', () => {
    expect(at.posts(TIMELINE)[0]?.media).toEqual([
      { kind: 'gif', url: 'https://video.twimg.com/tweet_video/GbS7YUabsAAfjEP.mp4', posterUrl: 'https://pbs.twimg.com/tweet_video_thumb/GbS7YUabsAAfjEP.jpg' },
    ]);
    expect(byId(at.posts(HOME_FILE), '1991600690448224406')?.media[0]?.kind).toBe('video');
  });

  it('words are the only sign of three things, so in a language without them: an ad by its label alone is offered, X’s photo label reads as a description, and a saved GIF without its address reads as a video', () => {
    const posts = capturePosts(at.home(), HOME, clock);
    expect(posts.map((p) => p.id)).toContain('x:1991606465300426936');
    expect(byId(posts, '1991562419542557009')?.media).toEqual([{ kind: 'image', url: F + 'G6NzdbEW4AAwADv.jpg', alt: pseudo('Image') }]);
    expect(byId(posts, '1991606928280318423')?.media[0]?.kind).toBe('video');
  });
});
