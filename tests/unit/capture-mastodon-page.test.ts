// Mastodon capture from the page (capture/mastodon-page.ts) on two CONSTRUCTED pages in the shape
// Mastodon's web app renders them (tests/fixtures/mastodon/SOURCES.md, "pages"): a home timeline
// on mastodon.social and a remote account's status page with its self-thread. Statuses are found
// once each (a quoted status is not one of its own), named `mastodon:<home address>` only when
// the page says it (a local account, a canonical link, an absolute time link) or the caller knows
// it, and read — author, words with links, mentions and hashtags, the warning, pictures with alt
// text, a video, a boost, a quote — into a Post marked partial that passes parsePost unchanged.
// Hostile names and words come out as text. Exact values throughout.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  captureMastodonPost,
  findMastodonPosts,
  isQuotedStatus,
  MASTODON_POST_SELECTOR,
  mastodonButtonPlace,
  mastodonPagePost,
  mastodonPostIdOnPage,
  mastodonStatusOnPage,
} from '../../src/capture/mastodon-page';
import { parsePost } from '../../src/model/parse-post';
import type { Post } from '../../src/model/post';
import { closeFixtures, parseHtml } from './helpers/capture-fixture';

afterAll(closeFixtures);

// A path, not `new URL(…, import.meta.url)`: under happy-dom the global URL is the page's.
const PAGES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/mastodon/pages');
const HOME = 'https://mastodon.social/home';
const THREAD = 'https://mastodon.social/@dana@other.example/113900000000000200';
const AT = '2026-05-22T00:00:00.000Z';

const load = (file: string, url: string): Document => parseHtml(readFileSync(join(PAGES, file), 'utf8'), url);
const timeline = () => load('constructed-home-timeline.html', HOME);
const thread = () => load('constructed-status-thread.html', THREAD);
const byId = (doc: Document, id: string): Element => doc.querySelector(`.status[data-id="${id}"]`)!;
const detailed = (doc: Document): Element => doc.querySelector('.detailed-status')!;

const IDS = {
  alice: '113800000000000101',
  mallory: '113800000000000102',
  erin: '113799000000000050', // boosted by carol; the boost itself is article 113800000000000103
  frank: '113800000000000104',
  gina: '113800000000000105',
  henry: '113800000000000106',
  iris: '113799000000000060', // quoted by henry
} as const;
const DANA = { first: '113900000000000100', page: '113900000000000200', third: '113900000000000300', fourth: '113900000000000400' } as const;
const ALICE_REPLY = '113900000000000350';
const DANA_HOME = 'https://other.example/@dana/110200300400500600';

const FILES = 'https://files.mastodon.social';
const text = (t: string) => ({ kind: 'text' as const, text: t });

/** The post as the store would keep it: parsePost changes nothing. */
function expectStorable(post: Post | null): Post {
  expect(post).not.toBeNull();
  const checked = parsePost(post);
  expect(checked).toEqual({ ok: true, value: post });
  return post!;
}

describe('finding statuses', () => {
  it('finds each timeline status once, in order, and never the status quoted inside another', () => {
    const doc = timeline();
    const found = findMastodonPosts(doc).map((el) => el.getAttribute('data-id'));
    expect(found).toEqual([IDS.alice, IDS.mallory, IDS.erin, IDS.frank, IDS.gina, IDS.henry]);
    // The selector alone leaves the quote out.
    expect(Array.from(doc.querySelectorAll(MASTODON_POST_SELECTOR)).map((el) => el.getAttribute('data-id'))).toEqual(found);
    const quote = byId(doc, IDS.iris);
    expect(quote).not.toBeNull();
    expect(isQuotedStatus(quote)).toBe(true);
    for (const id of found) expect(isQuotedStatus(byId(doc, id!))).toBe(false);
  });

  it('knows a quote by where it sits, even without the class that says so', () => {
    const doc = timeline();
    const quote = byId(doc, IDS.iris);
    quote.classList.remove('status--is-quote');
    expect(isQuotedStatus(quote)).toBe(true);
    expect(findMastodonPosts(doc).map((el) => el.getAttribute('data-id'))).toEqual([IDS.alice, IDS.mallory, IDS.erin, IDS.frank, IDS.gina, IDS.henry]);
  });

  it("finds a status page's ancestor, its detailed status and the replies, in order", () => {
    const doc = thread();
    const found = findMastodonPosts(doc);
    expect(found.map((el) => el.getAttribute('data-id') ?? el.className)).toEqual([DANA.first, 'detailed-status', DANA.third, DANA.fourth, ALICE_REPLY]);
    expect(findMastodonPosts(detailed(doc))).toEqual([detailed(doc)]);
  });
});

describe('which status: local ids, accounts and home addresses', () => {
  it('reads each timeline status from its own time link; a local status has its address', () => {
    const doc = timeline();
    const on = (id: string) => mastodonStatusOnPage(byId(doc, id), HOME);
    expect(on(IDS.alice)).toEqual({ localId: IDS.alice, acct: 'alice', local: true, statusUrl: `https://mastodon.social/@alice/${IDS.alice}` });
    expect(on(IDS.mallory)).toEqual({ localId: IDS.mallory, acct: 'mallory@other.example', local: false });
    expect(on(IDS.erin)).toEqual({ localId: IDS.erin, acct: 'erin@photos.example', local: false });
    expect(on(IDS.frank)).toEqual({ localId: IDS.frank, acct: 'frank', local: true, statusUrl: `https://mastodon.social/@frank/${IDS.frank}` });
    expect(on(IDS.gina)).toEqual({ localId: IDS.gina, acct: 'gina', local: true, statusUrl: `https://mastodon.social/@gina/${IDS.gina}` });
    // Henry's own link, not the quoted post's (which comes later inside his status).
    expect(on(IDS.henry)).toEqual({ localId: IDS.henry, acct: 'henry', local: true, statusUrl: `https://mastodon.social/@henry/${IDS.henry}` });
    expect(on(IDS.iris)).toEqual({ localId: IDS.iris, acct: 'iris@other.example', local: false });
  });

  it('names local statuses; a remote one only once the caller knows its home address', () => {
    const doc = timeline();
    const asked: string[] = [];
    const known: Record<string, string> = { [IDS.erin]: 'https://photos.example/@erin/55501' };
    const knownUrl = (localId: string) => (asked.push(localId), known[localId]);
    const ids = findMastodonPosts(doc).map((el) => mastodonPostIdOnPage(el, HOME));
    expect(ids).toEqual([
      `mastodon:https://mastodon.social/@alice/${IDS.alice}`,
      null,
      null,
      `mastodon:https://mastodon.social/@frank/${IDS.frank}`,
      `mastodon:https://mastodon.social/@gina/${IDS.gina}`,
      `mastodon:https://mastodon.social/@henry/${IDS.henry}`,
    ]);
    const withKnown = findMastodonPosts(doc).map((el) => mastodonPostIdOnPage(el, HOME, knownUrl));
    expect(withKnown[1]).toBeNull();
    expect(withKnown[2]).toBe('mastodon:https://photos.example/@erin/55501');
    // Asked only for what the page does not say.
    expect(asked).toEqual([IDS.mallory, IDS.erin]);
    // A cache that throws names nothing and breaks nothing.
    expect(mastodonPostIdOnPage(byId(doc, IDS.erin), HOME, () => { throw new Error('gone'); })).toBeNull();
    expect(mastodonPostIdOnPage(byId(doc, IDS.alice), 'not an address')).toBeNull();
  });

  it("a status page: the remote status's home address from the canonical link; the rest by local id", () => {
    const doc = thread();
    expect(mastodonStatusOnPage(detailed(doc), THREAD)).toEqual({ localId: DANA.page, acct: 'dana@other.example', local: false, statusUrl: DANA_HOME });
    expect(mastodonPostIdOnPage(detailed(doc), THREAD)).toBe(`mastodon:${DANA_HOME}`);
    for (const id of [DANA.first, DANA.third, DANA.fourth]) {
      expect(mastodonStatusOnPage(byId(doc, id), THREAD)).toEqual({ localId: id, acct: 'dana@other.example', local: false });
      expect(mastodonPostIdOnPage(byId(doc, id), THREAD)).toBeNull();
      expect(mastodonPostIdOnPage(byId(doc, id), THREAD, (local) => `https://other.example/@dana/${local.slice(-3)}`)).toBe(`mastodon:https://other.example/@dana/${id.slice(-3)}`);
    }
    expect(mastodonPostIdOnPage(byId(doc, ALICE_REPLY), THREAD)).toBe(`mastodon:https://mastodon.social/@alice/${ALICE_REPLY}`);
  });

  it('trusts a canonical link only on the page of that very status, when all agree, on the account’s domain', () => {
    const statusUrl = (doc: Document, page = THREAD) => mastodonStatusOnPage(detailed(doc), page)?.statusUrl;
    // Another status's page (the detailed one is still 200): not this status's canonical.
    expect(statusUrl(thread(), 'https://mastodon.social/@dana@other.example/113900000000000300')).toBeUndefined();
    // `/statuses/<id>` names the status without an account.
    expect(statusUrl(thread(), `https://mastodon.social/statuses/${DANA.page}`)).toBe(DANA_HOME);
    // A stale one left beside the new one.
    const two = thread();
    const stale = two.createElement('link');
    stale.setAttribute('rel', 'canonical');
    stale.setAttribute('href', 'https://other.example/@dana/1');
    two.head.append(stale);
    expect(statusUrl(two)).toBeUndefined();
    // On a host that is not the account's.
    const elsewhere = thread();
    elsewhere.querySelector('link[rel="canonical"]')!.setAttribute('href', 'https://evil.example/@dana/110200300400500600');
    expect(statusUrl(elsewhere)).toBeUndefined();
    // The web domain of an instance whose accounts are named by a shorter one.
    const sub = thread();
    sub.querySelector('link[rel="canonical"]')!.setAttribute('href', 'https://social.other.example/@dana/110200300400500600?x=1#y');
    expect(statusUrl(sub)).toBe('https://social.other.example/@dana/110200300400500600');
  });

  it('glitch-soc (and Mastodon’s older detailed_status.js) link the detailed time to status.url: the home address', () => {
    const doc = thread();
    doc.querySelector('link[rel="canonical"]')!.remove();
    expect(mastodonStatusOnPage(detailed(doc), THREAD)).toEqual({ localId: DANA.page, acct: 'dana@other.example', local: false });
    doc.querySelector('a.detailed-status__datetime')!.setAttribute('href', DANA_HOME);
    // The local id from the page's address, the account from the author link.
    expect(mastodonStatusOnPage(detailed(doc), THREAD)).toEqual({ localId: DANA.page, acct: 'dana@other.example', local: false, statusUrl: DANA_HOME });
    expect(mastodonPostIdOnPage(detailed(doc), THREAD)).toBe(`mastodon:${DANA_HOME}`);
  });

  it('a timeline time link to status.url (older status.js): the home address, with the local id from data-id', () => {
    const doc = timeline();
    const erin = byId(doc, IDS.erin);
    erin.querySelector('a.status__relative-time')!.setAttribute('href', 'https://photos.example/@erin/55501');
    expect(mastodonStatusOnPage(erin, HOME)).toEqual({ localId: IDS.erin, acct: 'erin@photos.example', local: false, statusUrl: 'https://photos.example/@erin/55501' });
  });

  it('the advanced web UI: `/deck` links name the same statuses', () => {
    const doc = timeline();
    const alice = byId(doc, IDS.alice);
    alice.querySelector('a.status__relative-time')!.setAttribute('href', `/deck/@alice/${IDS.alice}`);
    expect(mastodonPostIdOnPage(alice, 'https://mastodon.social/deck/home')).toBe(`mastodon:https://mastodon.social/@alice/${IDS.alice}`);
    const mallory = byId(doc, IDS.mallory);
    mallory.querySelector('a.status__relative-time')!.setAttribute('href', `/deck/@mallory@Other.Example/${IDS.mallory}`);
    expect(mastodonStatusOnPage(mallory, 'https://mastodon.social/deck/home')).toEqual({ localId: IDS.mallory, acct: 'mallory@other.example', local: false });
  });

  it('an account written with the page’s own host is local', () => {
    const doc = timeline();
    const gina = byId(doc, IDS.gina);
    gina.querySelector('a.status__relative-time')!.setAttribute('href', `/@gina@mastodon.social/${IDS.gina}`);
    expect(mastodonStatusOnPage(gina, HOME)).toEqual({ localId: IDS.gina, acct: 'gina@mastodon.social', local: true, statusUrl: `https://mastodon.social/@gina/${IDS.gina}` });
  });

  it('no time link, no author: no name', () => {
    const doc = timeline();
    const alice = byId(doc, IDS.alice);
    alice.querySelector('a.status__relative-time')!.remove();
    // The author link and data-id still say it.
    expect(mastodonStatusOnPage(alice, HOME)).toEqual({ localId: IDS.alice, acct: 'alice', local: true, statusUrl: `https://mastodon.social/@alice/${IDS.alice}` });
    alice.querySelector('a.status__display-name')!.remove();
    expect(mastodonStatusOnPage(alice, HOME)).toBeNull();
    expect(mastodonPostIdOnPage(alice, HOME)).toBeNull();
  });
});

describe('the status a page is about (for "Clip thread")', () => {
  it('reads the forms of a status page', () => {
    expect(mastodonPagePost(THREAD)).toEqual({ localId: DANA.page, acct: 'dana@other.example' });
    expect(mastodonPagePost('https://mastodon.social/@alice/113800000000000101')).toEqual({ localId: '113800000000000101', acct: 'alice' });
    expect(mastodonPagePost('https://mastodon.social/@alice/113800000000000101/?x=1#top')).toEqual({ localId: '113800000000000101', acct: 'alice' });
    expect(mastodonPagePost('https://mastodon.social/deck/@bob@other.example/42')).toEqual({ localId: '42', acct: 'bob@other.example' });
    expect(mastodonPagePost('https://mastodon.social/statuses/113800000000000101')).toEqual({ localId: '113800000000000101', acct: '' });
    expect(mastodonPagePost('https://mastodon.social/deck/statuses/7')).toEqual({ localId: '7', acct: '' });
  });

  it('nothing for other pages', () => {
    for (const page of [
      'https://mastodon.social/@alice',
      'https://mastodon.social/@alice/media',
      'https://mastodon.social/@alice/with_replies',
      'https://mastodon.social/@alice/113800000000000101/reblogs',
      'https://mastodon.social/@alice/113800000000000101/embed',
      'https://mastodon.social/explore',
      'https://mastodon.social/home',
      'https://mastodon.social/tags/Fediverse',
      'https://mastodon.social/@<script>/1',
      'not an address',
    ]) {
      expect(mastodonPagePost(page), page).toBeNull();
    }
  });
});

describe('capturing a status as the page shows it', () => {
  const ALICE_POST: Post = {
    id: `mastodon:https://mastodon.social/@alice/${IDS.alice}`,
    site: 'mastodon',
    url: `https://mastodon.social/@alice/${IDS.alice}`,
    author: {
      name: 'Alice :blobcat:',
      handle: 'alice@mastodon.social',
      avatarUrl: `${FILES}/accounts/avatars/109/000/000/000/000/001/original/alice.png`,
      profileUrl: 'https://mastodon.social/@alice',
    },
    text: 'Reading about the #Fediverse with @bob today.\n\nNotes: example.org/notes/fedivers…\n\n#RoundupTest',
    segments: [
      text('Reading about the '),
      { kind: 'hashtag', text: '#Fediverse', href: 'https://mastodon.social/tags/Fediverse' },
      text(' with '),
      { kind: 'mention', text: '@bob', href: 'https://mastodon.social/@bob@other.example' },
      text(' today.\n\nNotes: '),
      { kind: 'link', text: 'example.org/notes/fedivers…', href: 'https://example.org/notes/fediverse-101' },
      text('\n\n'),
      { kind: 'hashtag', text: '#RoundupTest', href: 'https://mastodon.social/tags/RoundupTest' },
    ],
    lang: 'en',
    createdAt: '2026-05-20T09:15:00.000Z',
    media: [],
    capturedAt: AT,
    pageUrl: HOME,
    instance: 'mastodon.social',
    partial: true,
  };

  it('a local status: author with a custom emoji, hashtags and a mention made absolute, a shortened link, the hashtag bar', () => {
    const doc = timeline();
    const el = byId(doc, IDS.alice);
    const post = captureMastodonPost(el, HOME, AT, mastodonStatusOnPage(el, HOME)!.statusUrl!);
    expect(expectStorable(post)).toEqual(ALICE_POST);
  });

  it('leaves the page as it was (links are made absolute in an inert copy)', () => {
    const doc = timeline();
    const before = doc.body.innerHTML;
    for (const el of findMastodonPosts(doc)) captureMastodonPost(el, HOME, AT, `https://mastodon.social/@x/${el.getAttribute('data-id')}`);
    expect(doc.body.innerHTML).toBe(before);
    expect(byId(doc, IDS.alice).querySelector('a.hashtag')!.getAttribute('href')).toBe('/tags/Fediverse');
  });

  it('a boost: the boosted status, with the booster as "… boosted" names them; the author’s avatar, not the booster’s', () => {
    const doc = timeline();
    const post = captureMastodonPost(byId(doc, IDS.erin), HOME, AT, 'https://photos.example/@erin/55501');
    expect(expectStorable(post)).toEqual({
      id: 'mastodon:https://photos.example/@erin/55501',
      site: 'mastodon',
      url: 'https://photos.example/@erin/55501',
      author: {
        name: 'Erin',
        handle: 'erin@photos.example',
        avatarUrl: `${FILES}/cache/accounts/avatars/109/000/000/000/000/005/original/erin.jpg`,
        profileUrl: 'https://mastodon.social/@erin@photos.example',
      },
      text: 'Golden hour over the harbour.',
      segments: [text('Golden hour over the harbour.')],
      lang: 'en',
      createdAt: '2026-05-19T19:30:00.000Z',
      media: [],
      repostedBy: 'Carol :sparkle:',
      capturedAt: AT,
      pageUrl: HOME,
      instance: 'photos.example',
      partial: true,
    } satisfies Post);
  });

  it('a content warning not opened: the warning (custom emoji as its shortcode), no words', () => {
    const doc = timeline();
    const post = expectStorable(captureMastodonPost(byId(doc, IDS.frank), HOME, AT, `https://mastodon.social/@frank/${IDS.frank}`));
    expect(post.contentWarning).toBe('Spoilers for the finale :popcorn:');
    expect(post.text).toBe('');
    expect(post.segments).toEqual([]);
    expect(post.createdAt).toBe('2026-05-20T08:40:00.000Z');
  });

  it('a filter’s warning is not the author’s', () => {
    const doc = timeline();
    const frank = byId(doc, IDS.frank);
    frank.querySelector('.content-warning')!.classList.add('content-warning--filter');
    const post = expectStorable(captureMastodonPost(frank, HOME, AT, `https://mastodon.social/@frank/${IDS.frank}`));
    expect(post.contentWarning).toBeUndefined();
  });

  it('two pictures: the full-size addresses the thumbnails link to, with their alt text', () => {
    const doc = timeline();
    const post = captureMastodonPost(byId(doc, IDS.gina), HOME, AT, `https://mastodon.social/@gina/${IDS.gina}`);
    const media = `${FILES}/media_attachments/files/113/800/000/000/000`;
    expect(expectStorable(post)).toEqual({
      id: `mastodon:https://mastodon.social/@gina/${IDS.gina}`,
      site: 'mastodon',
      url: `https://mastodon.social/@gina/${IDS.gina}`,
      author: {
        name: 'Gina',
        handle: 'gina@mastodon.social',
        avatarUrl: `${FILES}/accounts/avatars/109/000/000/000/000/007/original/gina.png`,
        profileUrl: 'https://mastodon.social/@gina',
      },
      text: 'Two views of the same bridge.',
      segments: [text('Two views of the same bridge.')],
      lang: 'en',
      createdAt: '2026-05-20T08:00:00.000Z',
      media: [
        { kind: 'image', url: `${media}/201/original/3f1a2b.jpg`, alt: 'The bridge at dawn, seen from the north bank' },
        { kind: 'image', url: `${media}/202/original/9c4d5e.jpg`, alt: 'The same bridge at night, lit in blue' },
      ],
      capturedAt: AT,
      pageUrl: HOME,
      instance: 'mastodon.social',
      partial: true,
    } satisfies Post);
  });

  it('a quote: the status’s own words, and the quoted post (remote: no id from the page) with its video and poster', () => {
    const doc = timeline();
    const post = captureMastodonPost(byId(doc, IDS.henry), HOME, AT, `https://mastodon.social/@henry/${IDS.henry}`);
    expect(expectStorable(post)).toEqual({
      id: `mastodon:https://mastodon.social/@henry/${IDS.henry}`,
      site: 'mastodon',
      url: `https://mastodon.social/@henry/${IDS.henry}`,
      author: {
        name: 'Henry',
        handle: 'henry@mastodon.social',
        avatarUrl: `${FILES}/accounts/avatars/109/000/000/000/000/008/original/henry.png`,
        profileUrl: 'https://mastodon.social/@henry',
      },
      text: 'This is the best explanation I have seen.',
      segments: [text('This is the best explanation I have seen.')],
      lang: 'en',
      createdAt: '2026-05-20T07:45:00.000Z',
      media: [],
      quoted: {
        id: '',
        site: 'mastodon',
        url: '',
        author: {
          name: 'Iris',
          handle: 'iris@other.example',
          avatarUrl: `${FILES}/cache/accounts/avatars/109/000/000/000/000/009/original/iris.png`,
          profileUrl: 'https://mastodon.social/@iris@other.example',
        },
        text: 'How federation works, in one video.',
        segments: [text('How federation works, in one video.')],
        lang: 'en',
        createdAt: '2026-05-18T12:00:00.000Z',
        media: [
          {
            kind: 'video',
            url: `${FILES}/cache/media_attachments/files/113/799/000/000/000/301/original/5e6f7a.mp4`,
            alt: 'A diagram of servers passing messages to each other',
            posterUrl: `${FILES}/cache/media_attachments/files/113/799/000/000/000/301/small/5e6f7a.png`,
          },
        ],
        capturedAt: AT,
        pageUrl: HOME,
        partial: true,
      },
      capturedAt: AT,
      pageUrl: HOME,
      instance: 'mastodon.social',
      partial: true,
    } satisfies Post);
  });

  it('a quote of a local status carries its id and address', () => {
    const doc = timeline();
    const quote = byId(doc, IDS.iris);
    quote.querySelector('a.status__relative-time')!.setAttribute('href', `/@iris/${IDS.iris}`);
    const post = expectStorable(captureMastodonPost(byId(doc, IDS.henry), HOME, AT, `https://mastodon.social/@henry/${IDS.henry}`));
    expect(post.quoted?.id).toBe(`mastodon:https://mastodon.social/@iris/${IDS.iris}`);
    expect(post.quoted?.url).toBe(`https://mastodon.social/@iris/${IDS.iris}`);
    expect(post.quoted?.instance).toBe('mastodon.social');
  });

  it("a status page's detailed status: the remote author, a line break, a picture, the home instance", () => {
    const doc = thread();
    const el = detailed(doc);
    const post = captureMastodonPost(el, THREAD, AT, mastodonStatusOnPage(el, THREAD)!.statusUrl!);
    expect(expectStorable(post)).toEqual({
      id: `mastodon:${DANA_HOME}`,
      site: 'mastodon',
      url: DANA_HOME,
      author: {
        name: 'Dana 🌊',
        handle: 'dana@other.example',
        avatarUrl: `${FILES}/cache/accounts/avatars/109/000/000/000/000/040/original/dana.png`,
        profileUrl: 'https://mastodon.social/@dana@other.example',
      },
      text: 'Tide pools, part two: the anemones.\nThey close up when the water leaves and open again when it comes back.',
      segments: [text('Tide pools, part two: the anemones.\nThey close up when the water leaves and open again when it comes back.')],
      lang: 'en',
      createdAt: '2026-05-21T18:02:00.000Z',
      media: [{ kind: 'image', url: 'https://cdn.other.example/media/anemone-original.jpg', alt: 'A green anemone, half open, in a shallow pool' }],
      capturedAt: AT,
      pageUrl: THREAD,
      instance: 'other.example',
      partial: true,
    } satisfies Post);
  });

  it('every status of both pages is storable as it is, and partial', () => {
    for (const [doc, page] of [[timeline(), HOME], [thread(), THREAD]] as const) {
      for (const el of findMastodonPosts(doc)) {
        const post = expectStorable(captureMastodonPost(el, page, AT, `https://other.example/@someone/${el.getAttribute('data-id') ?? '1'}`));
        expect(post.partial).toBe(true);
        expect(post.site).toBe('mastodon');
      }
    }
  });

  it('a hostile name and words come out as plain text; a javascript: link is its words; nothing runs', () => {
    const doc = timeline();
    const post = expectStorable(captureMastodonPost(byId(doc, IDS.mallory), HOME, AT, 'https://other.example/@mallory/666'));
    expect(post.author).toEqual({
      name: '<img src=x onerror=alert(1)>',
      handle: 'mallory@other.example',
      avatarUrl: `${FILES}/cache/accounts/avatars/109/000/000/000/000/003/original/mallory.png`,
      profileUrl: 'https://mastodon.social/@mallory@other.example',
    });
    // The escaped words stay words; the <img onerror> and <script> elements leave nothing.
    expect(post.text).toBe('Totally safe <script>alert(2)</script> — claim your prize');
    expect(post.segments).toEqual([text('Totally safe <script>alert(2)</script> — claim your prize')]);
    expect(JSON.stringify(post)).not.toMatch(/javascript:|__roundupPwned|onerror="/);
    expect((globalThis as Record<string, unknown>).__roundupPwned).toBeUndefined();
  });

  it('a link with no web address (javascript:, data:) is never a link segment, wherever it is', () => {
    const doc = timeline();
    const alice = byId(doc, IDS.alice);
    const link = alice.querySelector('a.unhandled-link')!;
    link.setAttribute('href', 'javascript:alert(1)');
    alice.querySelector('a.hashtag')!.setAttribute('href', 'data:text/html,<script>alert(1)</script>');
    alice.querySelector('.status__avatar img')!.setAttribute('src', 'javascript:alert(1)');
    const post = expectStorable(captureMastodonPost(alice, HOME, AT, `https://mastodon.social/@alice/${IDS.alice}`));
    expect(post.segments.filter((s) => s.kind !== 'text').map((s) => s.text)).toEqual(['@bob', '#RoundupTest']);
    expect(post.text).toBe(ALICE_POST.text);
    expect(post.author.avatarUrl).toBeUndefined();
  });

  it('no post for an address that names no status', () => {
    const doc = timeline();
    const el = byId(doc, IDS.alice);
    for (const bad of ['', 'not an address', 'javascript:alert(1)', 'https://mastodon.social/', 'ftp://mastodon.social/@alice/1']) {
      expect(captureMastodonPost(el, HOME, AT, bad), bad).toBeNull();
    }
    expect(captureMastodonPost(el, 'not an address', AT, `https://mastodon.social/@alice/${IDS.alice}`)).toBeNull();
    expect(captureMastodonPost(doc.body, HOME, AT, `https://mastodon.social/@alice/${IDS.alice}`)).toBeNull();
  });

  it('a part of a status captures the status around it', () => {
    const doc = timeline();
    const part = byId(doc, IDS.alice).querySelector('.status__content__text')!;
    expect(captureMastodonPost(part, HOME, AT, ALICE_POST.url)).toEqual(ALICE_POST);
  });

  it('pinned on a profile: `data-featured`', () => {
    const doc = timeline();
    const gina = byId(doc, IDS.gina);
    gina.parentElement!.setAttribute('data-featured', 'true');
    expect(captureMastodonPost(gina, HOME, AT, `https://mastodon.social/@gina/${IDS.gina}`)?.pinned).toBe(true);
  });
});

describe('where the "Clip post" button goes', () => {
  it("each timeline status's own action bar (the quote has none; its quoter's is not the quote's)", () => {
    const doc = timeline();
    for (const el of findMastodonPosts(doc)) {
      const place = mastodonButtonPlace(el);
      expect(place.classList.contains('status__action-bar')).toBe(true);
      expect(place.closest('.status')).toBe(el);
    }
    // A quoted status shows no actions: the button would go on the status itself.
    const quote = byId(doc, IDS.iris);
    expect(mastodonButtonPlace(quote)).toBe(quote);
  });

  it('a detailed status: the action bar beside it, in the wrapper', () => {
    const doc = thread();
    const el = detailed(doc);
    const place = mastodonButtonPlace(el);
    expect(place.className).toBe('detailed-status__action-bar');
    expect(place.closest('.detailed-status__wrapper')).toBe(el.closest('.detailed-status__wrapper'));
    expect(el.contains(place)).toBe(false);
    // Its thread's statuses keep their own.
    expect(mastodonButtonPlace(byId(doc, DANA.third)).closest('.status')).toBe(byId(doc, DANA.third));
  });

  it('no action bar: the status itself', () => {
    const doc = thread();
    doc.querySelector('.detailed-status__action-bar')!.remove();
    expect(mastodonButtonPlace(detailed(doc))).toBe(detailed(doc));
    const first = byId(doc, DANA.first);
    first.querySelector('.status__action-bar')!.remove();
    expect(mastodonButtonPlace(first)).toBe(first);
  });
});

describe('never throws, whatever the page holds', () => {
  const CLASSES = [
    '', 'status', 'status status--is-quote', 'detailed-status', 'status__info', 'status__relative-time', 'status__display-name',
    'display-name__html', 'status__avatar', 'status__content', 'status__content__text', 'content-warning',
    'content-warning content-warning--filter', 'status__content__spoiler-text', 'media-gallery__item', 'media-gallery__item-thumbnail',
    'media-gallery__alt__label--non-interactive', 'video-player', 'hashtag-bar', 'status__quote', 'status__quote-author-button',
    'detailed-status__datetime', 'detailed-status__display-name', 'status__prepend', 'icon-retweet', 'status__action-bar',
    'detailed-status__action-bar', 'invisible', 'ellipsis', 'emojione custom-emoji', 'hashtag', 'mention',
  ];
  const ATTRS = ['href', 'src', 'alt', 'title', 'datetime', 'data-id', 'lang', 'poster', 'aria-label', 'data-featured', 'hidden'];
  const value = fc.oneof(
    fc.string({ maxLength: 24 }),
    fc.constantFrom(
      '/@alice/1', '/@bob@other.example/22', '/deck/@x/3', '/tags/x', '/@a@b@c/1', '/@%E0%A4%A/1', '//evil.example/x',
      'javascript:alert(1)', 'data:text/html,x', 'https://other.example/@bob/2', 'https://other.example/', '2026-05-20T09:15:00.000Z',
      '9999-99-99T99:99', '113800000000000101', 'GIF', 'true', '<img src=x onerror=alert(1)>', '\u202e\u0000',
    ),
  );
  const address = fc.oneof(value, fc.webUrl());
  type Node = { text: string } | { tag: string; cls: string; attrs: [string, string][]; children: Node[] };
  const el = (tag: string, cls: string, attrs: [string, string][], children: Node[] = []): Node => ({ tag, cls, attrs, children });
  const tree = fc.letrec<{ node: Node; el: Node; part: Node }>((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, fc.record({ text: value }), tie('el'), tie('part')),
    el: fc.record({
      tag: fc.constantFrom('div', 'a', 'span', 'p', 'img', 'video', 'time', 'strong', 'bdi', 'br', 'script', 'link', 'ul', 'li'),
      cls: fc.constantFrom(...CLASSES),
      attrs: fc.array(fc.tuple(fc.constantFrom(...ATTRS), value), { maxLength: 3 }),
      children: fc.array(tie('node'), { maxLength: 4 }),
    }),
    // The parts a status is made of, in Mastodon's shape, with random words and addresses.
    part: fc.oneof(
      fc.tuple(address, value).map(([href, time]) => el('div', 'status__info', [], [el('a', 'status__relative-time', [['href', href]], [el('time', '', [['datetime', time]])])])),
      fc.tuple(address, value, address, value).map(([href, title, src, name]) =>
        el('a', 'status__display-name', [['href', href], ['title', title]], [el('div', 'status__avatar', [], [el('img', '', [['src', src]])]), el('strong', 'display-name__html', [], [{ text: name }])])),
      fc.tuple(value, value, address, value).map(([lang, words, href, more]) =>
        el('div', 'status__content__text', [['lang', lang]], [el('p', '', [], [{ text: words }, el('a', 'mention hashtag', [['href', href]], [{ text: more }]), el('img', 'emojione custom-emoji', [['alt', more]])])])),
      fc.tuple(address, address, value).map(([href, src, alt]) =>
        el('div', 'media-gallery__item', [], [el('a', 'media-gallery__item-thumbnail', [['href', href]], [el('img', '', [['src', src], ['alt', alt]])])])),
      fc.tuple(address, address, value).map(([src, poster, alt]) => el('div', 'video-player', [], [el('video', '', [['src', src], ['poster', poster], ['aria-label', alt]])])),
      fc.tuple(address, value).map(([href, tag]) => el('div', 'hashtag-bar', [], [el('a', '', [['href', href]], [{ text: tag }])])),
      fc.tuple(value, fc.array(tie('node'), { maxLength: 3 })).map(([warning, rest]) => el('div', 'content-warning', [], [el('p', '', [], [{ text: warning }]), ...rest])),
      fc.tuple(value, fc.array(tie('node'), { maxLength: 3 })).map(([id, rest]) => el('div', 'status__quote', [], [el('div', 'status status--is-quote', [['data-id', id]], rest)])),
    ),
  }));

  it('captureMastodonPost and the id readers, on a status element of random parts, words and attributes', () => {
    const doc = parseHtml('<!DOCTYPE html><html><head></head><body></body></html>', HOME);
    const build = (n: Node): globalThis.Node => {
      if ('text' in n) return doc.createTextNode(n.text);
      const el = doc.createElement(n.tag);
      if (n.cls) el.setAttribute('class', n.cls);
      for (const [k, v] of n.attrs) el.setAttribute(k, v);
      for (const c of n.children) el.append(build(c));
      return el;
    };
    fc.assert(
      fc.property(
        fc.constantFrom('status', 'detailed-status', 'status status--is-quote'),
        value,
        fc.array(tree.node, { maxLength: 6 }),
        fc.array(tree.node, { maxLength: 2 }),
        fc.constantFrom(HOME, THREAD, 'https://mastodon.social/statuses/1', 'http://localhost:3000/@alice/1', 'not an address'),
        fc.oneof(
          { arbitrary: fc.constantFrom(`https://mastodon.social/@alice/${IDS.alice}`, 'https://other.example/@bob/2', 'javascript:x'), weight: 3 },
          { arbitrary: fc.webUrl(), weight: 1 },
          { arbitrary: fc.string(), weight: 1 },
        ),
        (cls, dataId, parts, before, page, statusUrl) => {
          doc.body.replaceChildren();
          const wrapper = doc.createElement('div');
          wrapper.className = 'status__wrapper';
          for (const b of before) wrapper.append(build(b));
          const status = doc.createElement('div');
          status.className = cls;
          status.setAttribute('data-id', dataId);
          for (const p of parts) status.append(build(p));
          wrapper.append(status);
          doc.body.append(wrapper);
          const html = doc.body.innerHTML;

          const post = captureMastodonPost(status, page, AT, statusUrl);
          if (post !== null) {
            expect(parsePost(post)).toEqual({ ok: true, value: post });
            expect(post.partial).toBe(true);
            for (const s of post.segments) if ('href' in s) expect(s.href).toMatch(/^https?:\/\//);
          }
          const on = mastodonStatusOnPage(status, page);
          if (on) expect(on.localId).toMatch(/^\d{1,30}$/);
          mastodonPostIdOnPage(status, page, () => 'https://other.example/@x/1');
          mastodonButtonPlace(status);
          isQuotedStatus(status);
          findMastodonPosts(doc);
          // Reading changes nothing on the page.
          expect(doc.body.innerHTML).toBe(html);
        },
      ),
      { numRuns: 300 },
    );
  });
});
