// Clipping on Bluesky, end to end — written once, run by each browser's test file. The local
// server (scripts/x-server.mjs) answers as bsky.app with a page made of the real saved feed
// cells (tests/fixtures/bluesky/pages), as Bluesky's public API public.api.bsky.app, and as its
// media hosts. Press "Clip post" in a post; the editor shows it at once, as the page showed it;
// the background reads it whole from the API (CID, exact link, language) and the HTML export
// writes Bluesky's embed for it, embed.js once. With the API answering 503 a post clipped next
// stays as the page showed it, marked partial, and is not written as an embed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { ElementHandle, Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Post } from '../../../src/model/post';
import { ALEXBENZER_DID, BSKY_APP_DID, CELLS, PAGE_URL, pageHtml, restoreLiveImages } from '../../fixtures/bluesky/pages/load.js';
import type { ChromiumDriver } from './chromium.js';
import { ROOT } from './driver.js';
import { all, attr, backup, hasClass, textOf } from './extension-reads.js';
import type { ExportView } from './export-view.js';
import type { FirefoxDriver } from './firefox.js';
import type { EvalPage } from './picking.js';

// ---- the page ----

/**
 * The saved cells as bsky.app serves the page: the pictures back at their cdn.bsky.app
 * addresses (load.ts `restoreLiveImages`: the saved page points them at local copies, and the
 * CDN address is where the author's DID shows), and the video stills at video.bsky.app
 * rather than at the Wayback Machine's copy of them. Nothing else is changed: the page's own
 * links stay the archived addresses the saved page has (the content script reads both forms).
 */
export function livePage(): string {
  const window = new Window({
    url: PAGE_URL,
    settings: { enableJavaScriptEvaluation: false, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableComputedStyleRendering: true },
  });
  try {
    const doc = new window.DOMParser().parseFromString(pageHtml(CELLS), 'text/html') as unknown as Document;
    restoreLiveImages(doc);
    const html = `<!DOCTYPE html>${doc.documentElement.outerHTML}`;
    return html.replace(/https:\/\/web\.archive\.org\/web\/\d{1,20}[a-z_]{0,8}\/(?=https:\/\/video\.bsky\.app\/)/g, '');
  } finally {
    void window.happyDOM.close();
  }
}

const PAGE_PATH = new URL(PAGE_URL).pathname;
const at = (did: string, rkey: string) => `at://${did}/app.bsky.feed.post/${rkey}`;

// ---- the API's answers ----
//
// CONSTRUCTED: no recorded API answer exists for these posts (tests/fixtures/bluesky/api holds
// other people's posts of 2023–2025). Each `#postView` below is made in the shape of the real
// recorded getPosts answer (bskyr/app.bsky.feed.getPosts-e6010f.json: field names and order,
// `$type`s, a blob `ref`), signed out (no `viewer`), from what the saved page shows of the post:
// author, words, link card, photo and alt text, counts. What the page does not show is made up
// and marked so: the CIDs, the record's seconds (the page shows the minute, in its saver's
// unknown time zone; taken here as UTC), the account's own dates, the blobs' sizes. The link
// the words show shortened is the card's address without the archive's prefix, as Bluesky's
// composer writes a shortened link (shown text in `text`, whole address in its facet).

/** The post clipped first: alex benzer's, reposted by Bluesky, a link in its words and a link card. */
const MAIN = {
  rkey: '3mde5mzjht22f',
  did: ALEXBENZER_DID,
  uri: at(ALEXBENZER_DID, '3mde5mzjht22f'),
  cid: 'bafyreiconstructedroundupemainpostthreemdefivemzjhttwotwof', // CONSTRUCTED
  name: 'alex benzer',
  handle: 'alexbenzer.com',
  shown: '2026 is the year Bluesky and the Atmosphere really come alive',
  link: 'https://bsky.social/about/blog/01-26-2026-whats-next-at-bluesky',
  linkText: 'bsky.social/about/blog/0...',
};
/** The post clipped while the API is down: Bluesky's own, an emoji and a photo with alt text. */
const SECOND = {
  rkey: '3mcibezwvxk2g',
  did: BSKY_APP_DID,
  uri: at(BSKY_APP_DID, '3mcibezwvxk2g'),
  cid: 'bafyreiconstructedroundupesecondpostthreemcibezwvxktwog', // CONSTRUCTED
  shown: '📢 v1.114 is rolling out!',
};

const MAIN_TEXT = `2026 is the year Bluesky and the Atmosphere really come alive\n\nhere's what's next\n\n${MAIN.linkText}`;
const MAIN_CARD = {
  title: "What's Next at Bluesky - Bluesky",
  description:
    "As we head into 2026, we're entering a new phase for the Bluesky app. Last year was about scaling through rapid growth and getting the fundamentals in place. This year is about leaning into what's wor...",
  thumbCid: 'bafkreifpxtznlfouhqn3oxuqysjbks7iqxtzbnfmdtrz6tyovxlyzas64m',
};
const linkStart = Buffer.byteLength(MAIN_TEXT) - Buffer.byteLength(MAIN.linkText);

const cdn = (kind: string, did: string, cid: string) => `https://cdn.bsky.app/img/${kind}/plain/${did}/${cid}@jpeg`;

const MAIN_VIEW = {
  uri: MAIN.uri,
  cid: MAIN.cid,
  author: {
    did: ALEXBENZER_DID,
    handle: MAIN.handle,
    displayName: MAIN.name,
    avatar: cdn('avatar', ALEXBENZER_DID, 'bafkreihzuqtw2hng77xsimputpyrcpv3lodeqpclragsqhmj2h3me4hqnu'),
    labels: [],
    createdAt: '2023-05-02T18:10:37.000Z', // CONSTRUCTED
  },
  record: {
    text: MAIN_TEXT,
    $type: 'app.bsky.feed.post',
    embed: {
      $type: 'app.bsky.embed.external',
      external: {
        uri: MAIN.link,
        title: MAIN_CARD.title,
        description: MAIN_CARD.description,
        thumb: { $type: 'blob', ref: { $link: MAIN_CARD.thumbCid }, mimeType: 'image/jpeg', size: 201_334 }, // size CONSTRUCTED
      },
    },
    langs: ['en'],
    facets: [
      {
        index: { byteEnd: linkStart + Buffer.byteLength(MAIN.linkText), byteStart: linkStart },
        features: [{ uri: MAIN.link, $type: 'app.bsky.richtext.facet#link' }],
      },
    ],
    createdAt: '2026-01-27T00:07:41.262Z',
  },
  embed: {
    $type: 'app.bsky.embed.external#view',
    external: { uri: MAIN.link, title: MAIN_CARD.title, description: MAIN_CARD.description, thumb: cdn('feed_thumbnail', ALEXBENZER_DID, MAIN_CARD.thumbCid) },
  },
  replyCount: 155,
  repostCount: 475,
  likeCount: 1827,
  quoteCount: 0,
  indexedAt: '2026-01-27T00:07:41.262Z',
  labels: [],
};

const SECOND_TEXT =
  "📢 v1.114 is rolling out!\n\nToday, we're expanding access to the Live Now beta to everyone. \n\nThis experimental feature lets you add a temporary LIVE badge to your avatar, helping others discover that you're currently live-streaming on Twitch. They can click it to land directly on your stream page.";
const SECOND_PHOTO = 'bafkreigychak325jtfjjj644vg7kydyshzknhpzal2xwvjng3gnazach2m';
const SECOND_ALT = 'A preview of the Live Now feature, showing the popup that appears when someone is live streaming and you click their avatar. ';
/** Answered only while the API is up: the test proves it is never read, because the API is down. */
const SECOND_VIEW = {
  uri: SECOND.uri,
  cid: SECOND.cid,
  author: {
    did: BSKY_APP_DID,
    handle: 'bsky.app',
    displayName: 'Bluesky',
    avatar: cdn('avatar', BSKY_APP_DID, 'bafkreihwihm6kpd6zuwhhlro75p5qks5qtrcu55jp3gddbfjsieiv7wuka'),
    labels: [],
    createdAt: '2023-04-12T04:53:57.057Z', // CONSTRUCTED
  },
  record: {
    text: SECOND_TEXT,
    $type: 'app.bsky.feed.post',
    embed: {
      $type: 'app.bsky.embed.images',
      images: [{ alt: SECOND_ALT, image: { $type: 'blob', ref: { $link: SECOND_PHOTO }, mimeType: 'image/jpeg', size: 412_906 } }], // size CONSTRUCTED
    },
    langs: ['en'],
    createdAt: '2026-01-15T22:00:12.508Z',
  },
  embed: {
    $type: 'app.bsky.embed.images#view',
    images: [{ thumb: cdn('feed_thumbnail', BSKY_APP_DID, SECOND_PHOTO), fullsize: cdn('feed_fullsize', BSKY_APP_DID, SECOND_PHOTO), alt: SECOND_ALT }],
  },
  replyCount: 367,
  repostCount: 2300, // the page shows "2.3K"
  likeCount: 6282,
  quoteCount: 0,
  indexedAt: '2026-01-15T22:00:12.508Z',
  labels: [],
};

// ---- the server and the bsky.app tab ----

interface BlueskyServer {
  port: number;
  close(): Promise<void>;
  /** public.api.bsky.app answers 503 from now on (false), or serves again. */
  serveApi(on: boolean): void;
  /** Every public.api.bsky.app path and query asked for, in order. */
  apiRequests: string[];
}

async function startServer(pages: Record<string, string>, blueskyPosts: Record<string, unknown>): Promise<BlueskyServer> {
  const href = pathToFileURL(join(ROOT, 'scripts/x-server.mjs')).href;
  const mod = (await import(href)) as { startXServer(o: { pages: Record<string, string>; blueskyPosts: Record<string, unknown> }): Promise<BlueskyServer> };
  return mod.startXServer({ pages, blueskyPosts });
}

/** The bsky.app tab, one implementation per browser (below). */
export interface BlueskyTab {
  open(url: string): Promise<void>;
  /** Presses the one "Clip post" button of the post whose own link ends in /post/<rkey>. */
  clip(rkey: string): Promise<void>;
  /** How many "Clip post" buttons that post has, the first's aria-pressed and the post id it clips. */
  button(rkey: string): Promise<{ count: number; pressed: string | null; postId: string | null }>;
  page(): EvalPage;
}

/** A post on bsky.app by its own link (the saved page's are archived addresses ending so). */
const postSelector = (rkey: string) => `[data-testid^="feedItem-by-"]:has(a[data-tooltip][href$="/post/${rkey}"])`;

export function chromiumBlueskyTab(d: ChromiumDriver): BlueskyTab {
  let tab: PlaywrightPage | undefined;
  const on = (): PlaywrightPage => {
    if (!tab) throw new Error('open first');
    return tab;
  };
  const buttons = (rkey: string) => on().locator(postSelector(rkey)).getByRole('button', { name: 'Clip post', exact: true });
  return {
    async open(url) {
      tab ??= await d.context.newPage();
      await tab.goto(url);
    },
    async clip(rkey) {
      await buttons(rkey).click({ timeout: 15_000 }); // strict: exactly one
    },
    async button(rkey) {
      const all = buttons(rkey);
      const count = await all.count();
      if (!count) return { count, pressed: null, postId: null };
      const first = all.first();
      return { count, pressed: await first.getAttribute('aria-pressed'), postId: await first.getAttribute('data-roundup-clip') };
    },
    page: () => on() as unknown as EvalPage,
  };
}

export function firefoxBlueskyTab(d: FirefoxDriver): BlueskyTab {
  let tab: PuppeteerPage | undefined;
  const on = (): PuppeteerPage => {
    if (!tab) throw new Error('open first');
    return tab;
  };
  // The button is a plain <button> in the page (no shadow root): Firefox's own accessible names serve.
  const buttons = async (rkey: string): Promise<ElementHandle<Element>[]> => {
    const post = await on().$(postSelector(rkey));
    return post ? post.$$('::-p-aria([name="Clip post"][role="button"])') : [];
  };
  return {
    async open(url) {
      tab ??= await d.browser.newPage();
      await tab.goto(url, { waitUntil: 'domcontentloaded' });
    },
    async clip(rkey) {
      await on().bringToFront();
      let found: ElementHandle<Element>[] = [];
      for (const end = Date.now() + 15_000; found.length === 0 && Date.now() < end; await new Promise((r) => setTimeout(r, 100))) found = await buttons(rkey);
      if (found.length !== 1) throw new Error(`post ${rkey} has ${found.length} "Clip post" buttons`);
      await found[0]!.click();
    },
    async button(rkey) {
      const found = await buttons(rkey);
      if (!found.length) return { count: 0, pressed: null, postId: null };
      const [pressed, postId] = await found[0]!.evaluate((b) => [b.getAttribute('aria-pressed'), b.getAttribute('data-roundup-clip')]);
      return { count: found.length, pressed: pressed ?? null, postId: postId ?? null };
    },
    page: () => on() as unknown as EvalPage,
  };
}

// ---- reading what was stored and exported ----


const storedPost = async (editor: EvalPage, id: string): Promise<Post | undefined> => (await backup(editor)).posts.find((p) => p.id === id);

const embeds = (html: string) => all(html, (n) => n.nodeName === 'blockquote' && hasClass(n, 'bluesky-embed'));

const PARTIAL_NOTE = 'Some parts of this post could not be read from the page.';
const poll = { timeout: 15_000, interval: 200 };

export function blueskyScenario(launch: (port: number) => Promise<{ view: ExportView & { cleanUp?(): void }; tab: BlueskyTab }>): void {
  let server: BlueskyServer | undefined;
  let view: (ExportView & { cleanUp?(): void }) | undefined;
  let bsky: BlueskyTab | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'roundup-e2e-bluesky-'));
  const v = (): ExportView => {
    if (!view) throw new Error('the browser did not start');
    return view;
  };
  const tab = (): BlueskyTab => {
    if (!bsky) throw new Error('the browser did not start');
    return bsky;
  };
  /** The posts' at:// URIs the API was asked for (getPosts). */
  const askedFor = () => (server?.apiRequests ?? []).flatMap((r) => {
    const u = new URL(r, 'https://public.api.bsky.app');
    return u.pathname === '/xrpc/app.bsky.feed.getPosts' ? u.searchParams.getAll('uris') : [];
  });

  beforeAll(async () => {
    const page = join(dir, 'bsky.app-profile.html');
    writeFileSync(page, livePage());
    server = await startServer({ [PAGE_PATH]: page }, { [MAIN.uri]: MAIN_VIEW, [SECOND.uri]: SECOND_VIEW });
    const launched = await launch(server.port);
    view = launched.view;
    bsky = launched.tab;
  });
  afterAll(async () => {
    await view?.driver.quit();
    view?.cleanUp?.();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('on bsky.app every post has one "Clip post" button; pressing it clips the post, and the editor shows it', async () => {
    await tab().open(PAGE_URL);
    // Each saved cell is a post the page names, by its author's DID (from a picture's address) and record key.
    await expect.poll(() => tab().page().evaluate(
      () => [...document.querySelectorAll('button[aria-label="Clip post"]')].map((b) => b.getAttribute('data-roundup-clip')),
      null,
    ), { ...poll, message: 'a "Clip post" button in each post' }).toEqual([
      `bsky:${at(BSKY_APP_DID, '3mlr7prm6g22c')}`,
      `bsky:${at(ALEXBENZER_DID, '3mloibwobns2b')}`,
      `bsky:${at(BSKY_APP_DID, '3mk4lzkrnk22d')}`,
      `bsky:${at(BSKY_APP_DID, '3mhgq3cfnts2b')}`,
      `bsky:${MAIN.uri}`,
      `bsky:${SECOND.uri}`,
    ]);
    expect(await tab().button(MAIN.rkey)).toEqual({ count: 1, pressed: 'false', postId: `bsky:${MAIN.uri}` });
    await tab().clip(MAIN.rkey);
    await expect.poll(async () => (await tab().button(MAIN.rkey)).pressed, poll).toBe('true');

    const d = v().driver;
    await d.openEditor('?home=tab');
    await expect.poll(() => d.itemTexts(), { ...poll, message: 'the clipped post in the editor' }).toHaveLength(1);
    const [item] = await d.itemTexts();
    expect(item).toContain(MAIN.name);
    expect(item).toContain(`@${MAIN.handle}`);
    expect(item).toContain(MAIN.shown);
  });

  test('the background reads the post whole from Bluesky\'s API: its CID, the link its words shorten, no longer partial', async () => {
    await expect.poll(askedFor, { ...poll, message: 'getPosts asked for the post' }).toContain(MAIN.uri);
    const id = `bsky:${MAIN.uri}`;
    await expect.poll(async () => (await storedPost(v().editor(), id))?.cid, { ...poll, message: 'the stored post has its CID' }).toBe(MAIN.cid);
    const post = (await storedPost(v().editor(), id))!;
    expect(post.partial).toBeUndefined();
    expect(post.atUri).toBe(MAIN.uri);
    expect(post.lang).toBe('en'); // the page never shows a post's language
    expect(post.author).toMatchObject({ name: MAIN.name, handle: MAIN.handle });
    expect(post.text).toBe(MAIN_TEXT);
    // The page linked the Wayback Machine's copy; the facet names the address itself.
    expect(post.segments).toContainEqual({ kind: 'link', text: MAIN.linkText, href: MAIN.link });
    expect(post.card?.url).toBe(MAIN.link);
    // The open editor was told: the note on a post read only from the page is gone.
    await expect.poll(async () => (await v().driver.itemTexts())[0], poll).not.toContain(PARTIAL_NOTE);
  });

  test('the HTML export writes Bluesky\'s embed with the post\'s at:// URI and CID, its words inside, embed.js once; Markdown links it on bsky.app', async () => {
    await v().openExport();
    await v().chooseFormat('HTML');
    await expect.poll(() => v().output(), poll).toContain('bluesky-embed');
    const html = await v().output();
    const [embed, ...more] = embeds(html);
    expect(more).toHaveLength(0);
    expect(attr(embed!, 'data-bluesky-uri')).toBe(MAIN.uri);
    expect(attr(embed!, 'data-bluesky-cid')).toBe(MAIN.cid);
    const words = textOf(embed!);
    expect(words).toContain(MAIN.shown);
    expect(words).toContain(MAIN.name);
    const link = all(embed!, (n) => n.nodeName === 'a' && attr(n, 'href') === MAIN.link);
    expect(link.map(textOf), 'the link in its words, to the address the facet names').toContain(MAIN.linkText);
    const scripts = all(html, (n) => n.nodeName === 'script');
    expect(scripts.map((s) => attr(s, 'src'))).toEqual(['https://embed.bsky.app/static/embed.js']);
    expect(html.split('embed.bsky.app/static/embed.js')).toHaveLength(2);

    await v().chooseFormat('Markdown');
    await expect.poll(() => v().output(), poll).toContain(`https://bsky.app/profile/${MAIN.handle}/post/${MAIN.rkey}`);
    expect(await v().output()).toContain(MAIN.shown);
  });

  test('with the API answering 503, a post clipped next stays as the page showed it, and is not written as an embed', async () => {
    server!.serveApi(false);
    await tab().clip(SECOND.rkey);
    await expect.poll(async () => (await tab().button(SECOND.rkey)).pressed, poll).toBe('true');
    await expect.poll(askedFor, { ...poll, message: 'getPosts asked for the second post' }).toContain(SECOND.uri);
    // The 503 came back at once; give the background a moment to have done whatever it would do with it.
    await new Promise((r) => setTimeout(r, 1_500));
    const post = await storedPost(v().editor(), `bsky:${SECOND.uri}`);
    expect(post, 'the second post is stored').toBeDefined();
    expect(post!.partial).toBe(true);
    expect(post!.cid).toBeUndefined();
    expect(post!.lang).toBeUndefined();
    expect(post!.text).toBe(SECOND_TEXT);
    expect(post!.media).toEqual([{ kind: 'image', url: cdn('feed_fullsize', BSKY_APP_DID, SECOND_PHOTO), alt: SECOND_ALT }]);

    const d = v().driver;
    await d.openEditor('?home=tab');
    await expect.poll(() => d.itemTexts(), poll).toHaveLength(2);
    const second = (await d.itemTexts()).find((t) => t.includes(SECOND.shown));
    expect(second, 'the second post in the editor, with its words').toBeDefined();
    expect(second).toContain(PARTIAL_NOTE);

    await v().openExport();
    await v().chooseFormat('HTML');
    await expect.poll(() => v().output(), poll).toContain('v1.114 is rolling out!');
    const html = await v().output();
    expect(embeds(html).map((e) => attr(e, 'data-bluesky-uri'))).toEqual([MAIN.uri]);
    expect(html.split('embed.bsky.app/static/embed.js')).toHaveLength(2);
  });
}
