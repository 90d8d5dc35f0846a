// A mixed roundup, clipped for real in the browser, exported in every text format and read back
// with real parsers — written once, run by each browser's test file. Into one roundup go:
// - two X posts, clipped with "Clip post" on the saved x.com home timeline;
// - an X self-thread of four posts, clipped with "Clip thread" on the post's own page;
// - two Bluesky posts clipped on the saved bsky.app page: one quoting another, one with a photo
//   and its alt text (their API answers CONSTRUCTED, see below);
// - two Mastodon posts clipped by link (`clipLink`, what the context menu sends): one behind a
//   content warning (Mastodon.py's recording of its development server, served where it was
//   recorded, http://localhost:3000), one boost (rtoot's recording of a real one on fosstodon.org).
// Then HTML, Markdown, WordPress, Plain text and JSON backup: every post's words, author and link.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import MarkdownIt from 'markdown-it';
import { parse } from 'parse5';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BackupData } from '../../../src/export';
import type { Post } from '../../../src/model/post';
import { ALEXBENZER_DID, BSKY_APP_DID, PAGE_URL } from '../../fixtures/bluesky/pages/load.js';
import { livePage, type BlueskyTab } from './bluesky-scenario.js';
import { all, attr, backup, hasClass, send, textOf, type Node } from './extension-reads.js';
import { HOME_FIXTURE, ROOT } from './driver.js';
import type { ExportView } from './export-view.js';
import type { EvalPage } from './picking.js';

// ---- X ----

const X_HOME = ['1991586882858172684', '1991606789301776835'];
const THREAD_PATH = '/seigura/status/1842037500065546723';
const THREAD = ['1842037500065546723', '1847192179980357715', '1847199894718820443', '1847201098085650478'];

// ---- Bluesky: the saved page, and CONSTRUCTED API answers ----

const at = (did: string, rkey: string) => `at://${did}/app.bsky.feed.post/${rkey}`;
const cdn = (kind: string, did: string, cid: string) => `https://cdn.bsky.app/img/${kind}/plain/${did}/${cid}@jpeg`;
const BSKY_AUTHOR = {
  did: BSKY_APP_DID, handle: 'bsky.app', displayName: 'Bluesky',
  avatar: cdn('avatar', BSKY_APP_DID, 'bafkreihwihm6kpd6zuwhhlro75p5qks5qtrcu55jp3gddbfjsieiv7wuka'),
  labels: [], createdAt: '2023-04-12T04:53:57.057Z', // createdAt CONSTRUCTED
};
const ALEX_AUTHOR = {
  did: ALEXBENZER_DID, handle: 'alexbenzer.com', displayName: 'alex benzer',
  avatar: cdn('avatar', ALEXBENZER_DID, 'bafkreihzuqtw2hng77xsimputpyrcpv3lodeqpclragsqhmj2h3me4hqnu'),
  labels: [], createdAt: '2023-05-02T18:10:37.000Z', // createdAt CONSTRUCTED
};

// CONSTRUCTED, like bluesky-scenario.ts's views: no recorded API answer exists for these posts.
// Made in the shape of the recorded getPosts/getQuotes answers (tests/fixtures/bluesky/api) from
// what the saved page shows; CIDs, seconds and the quoted post's record key (the page does not
// link the quoted post) are made up.
const QUOTE = { rkey: '3mlr7prm6g22c', uri: at(BSKY_APP_DID, '3mlr7prm6g22c'), cid: 'bafyreiconstructedroundupmixedquotepostthreemlrsevenprm' };
const QUOTED_URI = at(ALEXBENZER_DID, '3mlr7nconstructed'); // CONSTRUCTED record key
const QUOTED_TEXT =
  "we're hiring a Lead Product Designer at Bluesky.\n\nwe've built the foundation — now we need someone to lead our design team and bring a fresh vision for how this app should look and feel. \n\ncrazy fun & rare opportunity for the right leader!\n\njobs.gem.com/bluesky/am9i...";
const QUOTE_VIEW = {
  uri: QUOTE.uri,
  cid: QUOTE.cid,
  author: BSKY_AUTHOR,
  record: {
    text: 'Extremely cool job alert!',
    $type: 'app.bsky.feed.post',
    embed: { $type: 'app.bsky.embed.record', record: { cid: 'bafyreiconstructedroundupmixedquotedpostalexbenzerjobs', uri: QUOTED_URI } },
    langs: ['en'],
    createdAt: '2026-05-14T00:11:03.120Z',
  },
  embed: {
    $type: 'app.bsky.embed.record#view',
    record: {
      $type: 'app.bsky.embed.record#viewRecord',
      uri: QUOTED_URI,
      cid: 'bafyreiconstructedroundupmixedquotedpostalexbenzerjobs',
      author: ALEX_AUTHOR,
      value: { text: QUOTED_TEXT, $type: 'app.bsky.feed.post', langs: ['en'], createdAt: '2026-05-14T00:09:40.512Z' },
      labels: [], likeCount: 0, replyCount: 0, repostCount: 0, quoteCount: 0,
      indexedAt: '2026-05-14T00:09:40.512Z',
      embeds: [],
    },
  },
  replyCount: 12, repostCount: 40, likeCount: 300, quoteCount: 2, // CONSTRUCTED
  indexedAt: '2026-05-14T00:11:03.120Z',
  labels: [],
};
const PHOTO = { rkey: '3mcibezwvxk2g', uri: at(BSKY_APP_DID, '3mcibezwvxk2g'), cid: 'bafyreiconstructedroundupesecondpostthreemcibezwvxktwog' };
const PHOTO_CID = 'bafkreigychak325jtfjjj644vg7kydyshzknhpzal2xwvjng3gnazach2m';
const PHOTO_ALT = 'A preview of the Live Now feature, showing the popup that appears when someone is live streaming and you click their avatar. ';
const PHOTO_VIEW = {
  uri: PHOTO.uri,
  cid: PHOTO.cid,
  author: BSKY_AUTHOR,
  record: {
    text:
      "📢 v1.114 is rolling out!\n\nToday, we're expanding access to the Live Now beta to everyone. \n\nThis experimental feature lets you add a temporary LIVE badge to your avatar, helping others discover that you're currently live-streaming on Twitch. They can click it to land directly on your stream page.",
    $type: 'app.bsky.feed.post',
    embed: { $type: 'app.bsky.embed.images', images: [{ alt: PHOTO_ALT, image: { $type: 'blob', ref: { $link: PHOTO_CID }, mimeType: 'image/jpeg', size: 412_906 } }] },
    langs: ['en'],
    createdAt: '2026-01-15T22:00:12.508Z',
  },
  embed: {
    $type: 'app.bsky.embed.images#view',
    images: [{ thumb: cdn('feed_thumbnail', BSKY_APP_DID, PHOTO_CID), fullsize: cdn('feed_fullsize', BSKY_APP_DID, PHOTO_CID), alt: PHOTO_ALT }],
  },
  replyCount: 367, repostCount: 2300, likeCount: 6282, quoteCount: 0,
  indexedAt: '2026-01-15T22:00:12.508Z',
  labels: [],
};

// ---- Mastodon: recorded answers ----

const API = join(ROOT, 'tests/fixtures/mastodon/api');
const fixture = (path: string): string => readFileSync(join(API, path), 'utf8');
/** Mastodon.py's status with a content warning, recorded from its dev server at http://localhost:3000 (served there). */
const CW = {
  link: 'http://localhost:3000/@mastodonpy_test/117020586000687987',
  id: 'mastodon:http://localhost:3000/@mastodonpy_test/117020586000687987',
  warning: 'Content warning',
  words: 'Toot!',
};
/** rtoot's boost on fosstodon.org: David Schoch boosting a masto.ai post; clipped by the boost's own status link. */
const BOOST = {
  link: 'https://fosstodon.org/@schochastics/110646408237799248',
  id: 'mastodon:https://masto.ai/@stavvers/110632697527935576',
  words: 'lol twitter now requires login to view any tweet',
};

// ---- the server ----

interface Server { port: number; close(): Promise<void>; apiRequests: string[]; mastodonRequests: string[] }
type Instance = { v2?: string; v1?: string; statuses?: Record<string, string> };
async function startServer(o: { pages: Record<string, string>; blueskyPosts: Record<string, unknown>; mastodon: Record<string, Instance>; httpPort: number }): Promise<Server> {
  const mod = (await import(pathToFileURL(join(ROOT, 'scripts/x-server.mjs')).href)) as { startXServer(o: object): Promise<Server> };
  return mod.startXServer(o);
}

// ---- reading ----


/** Text and link targets of an HTML document, as a reader (or a browser) gets them. */
function readHtml(html: string): { text: string; hrefs: string[] } {
  const doc = parse(html) as unknown as Node;
  return { text: textOf(doc).replace(/\s+/g, ' '), hrefs: all(doc, (n) => n.nodeName === 'a').map((a) => attr(a, 'href') ?? '') };
}
type ParsedBlock = ReturnType<typeof parseBlocks>[number];
const flat = (blocks: ParsedBlock[]): ParsedBlock[] => blocks.flatMap((b) => [b, ...flat(b.innerBlocks)]);
const norm = (s: string) => s.replace(/\s+/g, ' ');

/** What every format must show of a post: a phrase of its words, its author's name, its link. */
interface Expect { id: string; phrase: string; author: string; link: (href: string) => boolean; linkText: string }
function expectations(posts: Post[]): Expect[] {
  return posts.map((p) => {
    // Its first line, up to any link, at most 40 characters (whole code points): every format
    // holds it, once its markup is read (the plain text has none).
    const phrase = Array.from(norm(p.text.trim().split('\n')[0]!.split('http')[0]!).trim()).slice(0, 40).join('').trim();
    const x = /^x:(\d+)$/.exec(p.id)?.[1];
    const bsky = p.site === 'bluesky' ? /\/post\/([^/]+)$/.exec(p.url)?.[1] : undefined;
    // X links are written in twitter.com's form (export/post-parts.ts); Bluesky's embed names the
    // post by its author's DID, with `?ref_src=embed`, as Bluesky's own embed code does; the
    // others as stored.
    const link = x ? (href: string) => new RegExp(`^https://(?:twitter|x)\\.com/[^/]+/status/${x}$`).test(href)
      : bsky ? (href: string) => href === p.url || new RegExp(`^https://bsky\\.app/profile/${p.atUri!.split('/')[2]}/post/${bsky}(?:\\?ref_src=embed)?$`).test(href)
      : (href: string) => href === p.url;
    return { id: p.id, phrase, author: p.author.name, link, linkText: x ? `/status/${x}` : p.url };
  });
}

const poll = { timeout: 15_000, interval: 200 };

export interface MixedLaunch {
  view: ExportView & { cleanUp?(): void };
  tab: BlueskyTab;
  /**
   * Presses the button with this exact name on the x.com tab from the keyboard (focus, Enter):
   * the saved thread page is X's photo viewer, whose overlay takes the pointer over the post.
   */
  pressOnXByKey(name: string): Promise<void>;
}

export function mixedScenario(launch: (port: number) => Promise<MixedLaunch>): void {
  let server: Server | undefined;
  let launched: MixedLaunch | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'roundup-e2e-mixed-'));
  const v = (): ExportView => {
    if (!launched) throw new Error('the browser did not start');
    return launched.view;
  };
  let posts: Post[] = [];
  let wanted: Expect[] = [];
  const t0 = Date.now();

  beforeAll(async () => {
    const bsky = join(dir, 'bsky.app-profile.html');
    writeFileSync(bsky, livePage());
    server = await startServer({
      pages: {
        '/home': HOME_FIXTURE,
        [THREAD_PATH]: join(ROOT, 'tests/fixtures/x/twittermediaharvest/edited-modal.html'),
        [new URL(PAGE_URL).pathname]: bsky,
      },
      blueskyPosts: { [QUOTE.uri]: QUOTE_VIEW, [PHOTO.uri]: PHOTO_VIEW },
      mastodon: {
        // Mastodon.py's development server, where its answers were recorded (plain http, port 3000).
        localhost: { v2: fixture('mastodonpy/instance-v2-localhost.json'), statuses: { '117020586000687987': fixture('mastodonpy/status-content-warning.json') } },
        // fosstodon.org: no instance answer of it was recorded; v1 from Mastodon.py stands in (as mastodon-scenario.ts).
        'fosstodon.org': { v1: fixture('mastodonpy/instance-v1-localhost.json'), statuses: { '110646408237799248': fixture('rtoot/fosstodon.org-reblog-110646408237799248.json') } },
      },
      httpPort: 3000,
    });
    launched = await launch(server.port);
  });
  afterAll(async () => {
    await launched?.view.driver.quit();
    launched?.view.cleanUp?.();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    console.log(`mixed roundup scenario: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });

  test('clip 2 X posts, an X self-thread of 4, 2 Bluesky posts and 2 Mastodon posts into one roundup, in order', async () => {
    const d = v().driver;
    await d.openX('/home');
    for (const id of X_HOME) {
      await d.clickClip(id);
      await expect.poll(() => d.clipPressed(id), poll).toBe('true');
    }
    await d.openX(THREAD_PATH);
    await launched!.pressOnXByKey('Clip thread');
    await d.openEditor('?home=tab');
    const editor = v().editor();
    const items = async () => {
      const b = await backup(editor);
      const current = b.roundups.find((r) => r.items.length > 0);
      return current?.items.map((i) => i.postId) ?? [];
    };
    await expect.poll(items, { ...poll, message: 'the X posts and the thread, in order' }).toEqual([...X_HOME, ...THREAD].map((id) => `x:${id}`));

    const tab = launched!.tab;
    await tab.open(PAGE_URL);
    await tab.clip(QUOTE.rkey);
    await expect.poll(async () => (await tab.button(QUOTE.rkey)).pressed, poll).toBe('true');
    await tab.clip(PHOTO.rkey);
    await expect.poll(async () => (await tab.button(PHOTO.rkey)).pressed, poll).toBe('true');
    // Read whole from the API: each gets its CID.
    await expect.poll(async () => (await backup(editor)).posts.filter((p) => p.cid === QUOTE.cid || p.cid === PHOTO.cid).length,
      { ...poll, message: 'both Bluesky posts read from the API' }).toBe(2);

    for (const [link, id] of [[CW.link, CW.id], [BOOST.link, BOOST.id]] as const) {
      const reply = await send<{ added: boolean; postId: string }>(editor, { type: 'clipLink', url: link, pageUrl: 'https://example.com/article' });
      expect(reply, link).toEqual({ ok: true, value: expect.objectContaining({ added: true, postId: id }) });
    }
    const ids = [...X_HOME.map((id) => `x:${id}`), ...THREAD.map((id) => `x:${id}`), `bsky:${QUOTE.uri}`, `bsky:${PHOTO.uri}`, CW.id, BOOST.id];
    await expect.poll(items, poll).toEqual(ids);
    const stored = (await backup(editor)).posts;
    posts = ids.map((id) => stored.find((p) => p.id === id)!);
    expect(posts.every(Boolean)).toBe(true);
    // What each network's reading made of them.
    const quote = posts[6]!;
    expect(quote.quoted?.text).toBe(QUOTED_TEXT);
    expect(posts[7]!.media).toEqual([{ kind: 'image', url: cdn('feed_fullsize', BSKY_APP_DID, PHOTO_CID), alt: PHOTO_ALT }]);
    expect(posts[8]).toMatchObject({ contentWarning: CW.warning, text: CW.words, author: { name: 'John Lennon' } });
    expect(posts[9]).toMatchObject({ repostedBy: 'David Schoch', author: { name: 'Another Angry Woman' } });
    expect(posts[9]!.text).toContain(BOOST.words);
    wanted = expectations(posts);
    await v().openExport();
  });

  const check = (format: string, read: (out: string) => { text: string; hrefs: string[] }) => {
    return async () => {
      await v().chooseFormat(format);
      await expect.poll(() => v().output(), poll).toContain(BOOST.words);
      const out = await v().output();
      const { text, hrefs } = read(out);
      for (const w of wanted) {
        expect(norm(text), `${format}: words of ${w.id}`).toContain(w.phrase);
        expect(norm(text), `${format}: author of ${w.id}`).toContain(norm(w.author));
        expect(hrefs.some(w.link), `${format}: link of ${w.id} (${w.linkText})`).toBe(true);
      }
      // The content warning comes before the words it hides.
      const cw = norm(text).indexOf(CW.warning);
      expect(cw, `${format}: the content warning`).toBeGreaterThanOrEqual(0);
      expect(norm(text).indexOf(CW.words, cw), `${format}: the words after the content warning`).toBeGreaterThan(cw);
      return out;
    };
  };

  test('HTML: every post, each network\'s embed with its attributes, each script once', async () => {
    const html = await check('HTML', readHtml)();
    const quotes = (c: string) => all(html, (n) => n.nodeName === 'blockquote' && hasClass(n, c));
    expect(quotes('twitter-tweet')).toHaveLength(X_HOME.length + THREAD.length);
    const bsky = quotes('bluesky-embed');
    expect(bsky.map((b) => [attr(b, 'data-bluesky-uri'), attr(b, 'data-bluesky-cid')])).toEqual([[QUOTE.uri, QUOTE.cid], [PHOTO.uri, PHOTO.cid]]);
    const masto = quotes('mastodon-embed');
    // Each Mastodon post is Mastodon's embed, the whole status inside: the boost (an https
    // status, on its home instance masto.ai) and the content-warning status, the only real
    // recording of one, on Mastodon.py's development server at http://localhost:3000 — where
    // Mastodon writes its embed code with http too (export/post-mastodon.ts `mastodonEmbed`).
    expect(masto.map((m) => attr(m, 'data-embed-url'))).toEqual([`${posts[8]!.url}/embed`, `${posts[9]!.url}/embed`]);
    expect(textOf(masto[1]!)).toContain(BOOST.words);
    const cwText = textOf(masto[0]!);
    expect(cwText.indexOf(CW.warning)).toBeGreaterThanOrEqual(0);
    expect(cwText.indexOf(CW.warning)).toBeLessThan(cwText.indexOf(CW.words));
    const srcs = all(html, (n) => n.nodeName === 'script').map((s) => attr(s, 'src') ?? '');
    expect(new Set(srcs).size, `each script once: ${srcs.join(' ')}`).toBe(srcs.length);
    expect(srcs.filter((s) => /platform\.twitter\.com\/widgets\.js$/.test(s))).toHaveLength(1);
    expect(srcs.filter((s) => s === 'https://embed.bsky.app/static/embed.js')).toHaveLength(1);
    // Mastodon's, once per instance: the test server's and the boosted status's home instance's.
    expect(srcs.filter((s) => s.endsWith('/embed.js') && !s.includes('bsky'))).toEqual(['http://localhost:3000/embed.js', 'https://masto.ai/embed.js']);
    // The photo's alt text is kept.
    const photo = bsky[1]!;
    const alts = all(photo, (n) => n.nodeName === 'img').map((i) => attr(i, 'alt') ?? '');
    expect([...alts, norm(textOf(photo))].some((t) => t.includes(PHOTO_ALT.trim())), `the photo's alt text in its embed: ${JSON.stringify(alts)} ${textOf(photo)}`).toBe(true);
  });

  test('Markdown, read with markdown-it: every post\'s words, author and link', async () => {
    const md = new MarkdownIt();
    await check('Markdown', (out) => {
      const hrefs = md.parse(out, {}).flatMap((t) => t.children ?? []).filter((t) => t.type === 'link_open').map((t) => String(t.attrGet('href') ?? ''));
      return { text: readHtml(md.render(out)).text, hrefs };
    })();
  });

  test('WordPress, read with the block parser: an embed block for each X and Bluesky post, a quote for each Mastodon post', async () => {
    const out = await check('WordPress', (out) => {
      const html = flat(parseBlocks(out)).map((b) => b.innerHTML).join('\n');
      return readHtml(html);
    })();
    const blocks = flat(parseBlocks(out));
    const embeds = blocks.filter((b) => b.blockName === 'core/embed').map((b) => b.attrs as { url?: string; providerNameSlug?: string });
    for (const id of [...X_HOME, ...THREAD]) expect(embeds.some((e) => e.providerNameSlug === 'twitter' && e.url?.endsWith(`/status/${id}`)), `X embed ${id}`).toBe(true);
    for (const rkey of [QUOTE.rkey, PHOTO.rkey]) expect(embeds.some((e) => e.providerNameSlug === 'bluesky' && e.url?.endsWith(`/post/${rkey}`)), `Bluesky embed ${rkey}`).toBe(true);
    const quotes = blocks.filter((b) => b.blockName === 'core/quote').map((b) => norm(readHtml(flat([b]).map((x) => x.innerHTML).join('\n')).text));
    for (const words of [CW.words, BOOST.words]) expect(quotes.some((q) => q.includes(words)), `a quote holding "${words}"`).toBe(true);
    expect(embeds.filter((e) => e.url?.includes('localhost') || e.url?.includes('masto'))).toEqual([]);
  });

  test('Plain text: every post\'s words, author and link', async () => {
    await check('Plain text', (out) => ({ text: out, hrefs: [...out.matchAll(/https?:\/\/[^\s<>)\]]+/g)].map((m) => m[0]) }))();
  });

  test('JSON backup: parses, and holds every post with its id', async () => {
    await v().chooseFormat('JSON backup');
    await expect.poll(() => v().output(), poll).toMatch(/^\{/);
    const data = JSON.parse(await v().output()) as BackupData;
    const ids = data.posts.map((p) => p.id);
    for (const p of posts) expect(ids, p.id).toContain(p.id);
    expect(ids.filter((id) => id.startsWith('x:'))).toHaveLength(6);
    expect(ids.filter((id) => id.startsWith('bsky:at://'))).toEqual(expect.arrayContaining([`bsky:${QUOTE.uri}`, `bsky:${PHOTO.uri}`]));
    // The quoted Bluesky post is inside its quoting post, not a post of its own.
    expect(ids.filter((id) => id.startsWith('mastodon:'))).toEqual(expect.arrayContaining([CW.id, BOOST.id]));
    for (const w of wanted) {
      const p = data.posts.find((q) => q.id === w.id)!;
      expect(p.text).toContain(w.phrase);
      expect(p.author.name).toBe(w.author);
    }
  });
}
