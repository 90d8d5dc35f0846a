// Roundup on a Mastodon instance's own pages, end to end — written once, run by each browser's
// test file. The local server answers as mastodon.social (its web app's pages, CONSTRUCTED from
// Mastodon's own components: tests/fixtures/mastodon/pages; its API) and as other.example and
// photos.example, the home instances of the pages' remote accounts.
// 1. Before the writer enables the server, its pages get no button: the content script runs
//    only where the manifest or the writer says.
// 2. Settings → "Mastodon servers" → "Add server": the browser's permission for that server
//    alone (granted by the test as the writer would: Chromium's extensions page, Firefox's own
//    switch for optional permissions), the background's check of the API, and the content
//    script started in the tab already open. Every status gets "Clip post", the quoted one
//    inside another none; a remote account's status once the instance's API names it.
// 3. A local and a remote status clipped: stored at once as the page shows them, then read whole
//    from their home instances.
// 4. "Clip thread" on a remote account's status page: the thread read from its home instance.
// 5. The HTML export: Mastodon's embed for each, each instance's embed.js once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'parse5';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Post } from '../../../src/model/post';
import { ROOT } from './driver.js';
import { all, attr, backup, hasClass, textOf, type Node } from './extension-reads.js';
import type { ExportView } from './export-view.js';

const PAGES = join(ROOT, 'tests/fixtures/mastodon/pages');
const API = join(ROOT, 'tests/fixtures/mastodon/api');
const INSTANCE_V2 = readFileSync(join(API, 'mastodonpy/instance-v2-mastodon-social.json'), 'utf8');

export const HOME = 'https://mastodon.social/home';
const THREAD_PAGE = 'https://mastodon.social/@dana@other.example/113900000000000200';

// ---- the statuses (CONSTRUCTED, in the shape of the recorded Status entities in tests/fixtures/mastodon/api) ----

interface Made { id: string; url: string; acct: string; name: string; html: string; at: string; replyTo?: string; accountId: string }
function status(s: Made): string {
  const [username, domain] = s.acct.split('@');
  return JSON.stringify({
    id: s.id, created_at: s.at, in_reply_to_id: s.replyTo ?? null, in_reply_to_account_id: s.replyTo ? s.accountId : null,
    sensitive: false, spoiler_text: '', visibility: 'public', language: 'en', uri: s.url, url: s.url,
    replies_count: 0, reblogs_count: 0, favourites_count: 0, edited_at: null, content: s.html, reblog: null,
    account: {
      id: s.accountId, username, acct: s.acct, display_name: s.name, url: `https://${domain ?? 'mastodon.social'}/@${username}`,
      avatar: `https://files.mastodon.social/accounts/avatars/${s.accountId}.png`, avatar_static: `https://files.mastodon.social/accounts/avatars/${s.accountId}.png`,
    },
    media_attachments: [], mentions: [], tags: [], emojis: [], card: null, poll: null,
  });
}

/** Alice, a mastodon.social account: her status's address is on the page. */
const ALICE = {
  localId: '113800000000000101',
  url: 'https://mastodon.social/@alice/113800000000000101',
  words: 'Reading about the #Fediverse with @bob today.',
};
/** Mallory of other.example: the page shows her status by mastodon.social's id; its home address comes from the API. Hostile words. */
const MALLORY = {
  localId: '113800000000000102',
  url: 'https://other.example/@mallory/7001',
  words: 'Totally safe',
};
/** Dana of other.example: a four-post self-thread; the page is of its second post, by mastodon.social's id. */
const DANA_URL = (n: number) => `https://other.example/@dana/110200300400500${n}`;
const DANA = [500, 600, 700, 800].map((n, i) => ({
  id: `110200300400500${n}`,
  url: DANA_URL(n),
  words: ['Tide pools, part one: the crabs.', 'Tide pools, part two: the anemones.', 'Part three: the starfish.', 'Part four: what the tide leaves.'][i]!,
}));

const MASTODON_SOCIAL = {
  v2: INSTANCE_V2,
  pages: {
    '/home': join(PAGES, 'constructed-home-timeline.html'),
    '/@dana@other.example/113900000000000200': join(PAGES, 'constructed-status-thread.html'),
  },
  statuses: {
    [ALICE.localId]: status({ id: ALICE.localId, url: ALICE.url, acct: 'alice', name: 'Alice', accountId: '1', at: '2026-11-20T09:00:00.000Z',
      html: '<p>Reading about the <a href="https://mastodon.social/tags/Fediverse" class="mention hashtag" rel="tag">#<span>Fediverse</span></a> with <span class="h-card"><a href="https://other.example/@bob" class="u-url mention">@<span>bob</span></a></span> today.</p>' }),
    // Her status as mastodon.social knows it: its own id, her home address.
    [MALLORY.localId]: status({ id: MALLORY.localId, url: MALLORY.url, acct: 'mallory@other.example', name: '<img src=x onerror=alert(1)>', accountId: '66', at: '2026-11-20T09:05:00.000Z',
      html: '<p>Totally safe &lt;script&gt;alert(2)&lt;/script&gt; — claim your prize</p>' }),
    // Erin of photos.example, named the same way (not clipped here).
    '113799000000000050': status({ id: '113799000000000050', url: 'https://photos.example/@erin/55501', acct: 'erin@photos.example', name: 'Erin', accountId: '77', at: '2026-11-20T08:00:00.000Z',
      html: '<p>Golden hour over the harbour.</p>' }),
  },
};
const OTHER_EXAMPLE = {
  v2: INSTANCE_V2,
  statuses: {
    '7001': status({ id: '7001', url: MALLORY.url, acct: 'mallory', name: '<img src=x onerror=alert(1)>', accountId: '6', at: '2026-11-20T09:05:00.000Z',
      html: '<p>Totally safe &lt;script&gt;alert(2)&lt;/script&gt; — claim your prize</p>' }),
    ...Object.fromEntries(DANA.map((d, i) => [d.id, status({ id: d.id, url: d.url, acct: 'dana', name: 'Dana 🌊', accountId: '9', at: `2026-11-21T10:0${i}:00.000Z`, replyTo: i ? DANA[i - 1]!.id : undefined, html: `<p>${d.words}</p>` })])),
  },
  contexts: {
    [DANA[1]!.id]: JSON.stringify({
      ancestors: [JSON.parse(status({ id: DANA[0]!.id, url: DANA[0]!.url, acct: 'dana', name: 'Dana 🌊', accountId: '9', at: '2026-11-21T10:00:00.000Z', html: `<p>${DANA[0]!.words}</p>` }))],
      descendants: [
        ...DANA.slice(2).map((d, i) => JSON.parse(status({ id: d.id, url: d.url, acct: 'dana', name: 'Dana 🌊', accountId: '9', at: `2026-11-21T10:0${i + 2}:00.000Z`, replyTo: DANA[i + 1]!.id, html: `<p>${d.words}</p>` }))),
        // Someone else's answer: not part of her thread.
        JSON.parse(status({ id: '7100', url: 'https://mastodon.social/@alice/113900000000000350', acct: 'alice@mastodon.social', name: 'Alice', accountId: '12', at: '2026-11-21T10:03:00.000Z', replyTo: DANA[1]!.id, html: '<p>Lovely!</p>' })),
      ],
    }),
  },
};

interface Server { port: number; close(): Promise<void>; mastodonRequests: string[] }
async function startServer(): Promise<Server> {
  const mod = (await import(pathToFileURL(join(ROOT, 'scripts/x-server.mjs')).href)) as { startXServer(o: object): Promise<Server> };
  return mod.startXServer({ pages: {}, mastodon: { 'mastodon.social': MASTODON_SOCIAL, 'other.example': OTHER_EXAMPLE } });
}

// ---- what each browser provides ----

export interface InstanceTab {
  open(url: string): Promise<void>;
  /** The "Clip post" buttons on the page: the post each clips, and whether it shows as clipped. */
  buttons(): Promise<{ postId: string | null; pressed: string | null }[]>;
  /** Presses the button named `name` inside the first element matching `selector`. */
  press(selector: string, name: string): Promise<void>;
}

export interface InstanceLaunch {
  view: ExportView & { cleanUp?(): void };
  tab: InstanceTab;
  /** Lets Roundup run on the origin as the writer would allow it (the browser's own way). */
  allow(origin: string): Promise<void>;
  /** Settings → "Mastodon servers": types the address, presses "Add server"; the note it shows then. */
  addServer(address: string): Promise<string>;
}

const poll = { timeout: 15_000, interval: 200 };
/** The statuses of the home timeline that are posts of their own (the quoted one inside another is not). */
const HOME_POSTS = 6;

export function mastodonInstanceScenario(launch: (port: number) => Promise<InstanceLaunch>): void {
  let server: Server | undefined;
  let launched: InstanceLaunch | undefined;
  const l = (): InstanceLaunch => {
    if (!launched) throw new Error('the browser did not start');
    return launched;
  };
  const t0 = Date.now();

  beforeAll(async () => {
    server = await startServer();
    launched = await launch(server.port);
  });
  afterAll(async () => {
    await launched?.view.driver.quit();
    launched?.view.cleanUp?.();
    await server?.close();
    console.log(`Mastodon instance scenario: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });

  test('no button on a Mastodon server until the writer enables it in Settings; then every status has one, in the tab already open', async () => {
    const { tab } = l();
    await tab.open(HOME);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await tab.buttons()).toEqual([]);

    await l().allow('https://mastodon.social');
    expect(await l().addServer('mastodon.social')).toBe('Roundup runs on mastodon.social now: each post there has a “Clip post” button.');
    await expect.poll(async () => (await tab.buttons()).length, { ...poll, message: 'a button on every status, remote ones once the API names them' }).toBe(HOME_POSTS);
    const ids = (await tab.buttons()).map((b) => b.postId);
    expect(ids).toContain(`mastodon:${ALICE.url}`);
    expect(ids).toContain(`mastodon:${MALLORY.url}`);
    // Named in one batch request to the instance (Mastodon 4.3+), not one per status.
    expect(server!.mastodonRequests.filter((r) => r.startsWith('mastodon.social/api/v1/statuses?'))).toHaveLength(1);
  });

  test('a local and a remote status clipped: stored as the page shows them, then read whole from their home instances', async () => {
    const { tab, view } = l();
    await tab.press(`.status[data-id="${ALICE.localId}"]`, 'Clip post');
    await tab.press(`.status[data-id="${MALLORY.localId}"]`, 'Clip post');
    await expect.poll(async () => (await tab.buttons()).filter((b) => b.pressed === 'true').map((b) => b.postId), poll)
      .toEqual([`mastodon:${ALICE.url}`, `mastodon:${MALLORY.url}`]);
    await view.driver.openEditor('?home=tab');
    const editor = view.editor();
    const read = async (id: string): Promise<Post | undefined> => (await backup(editor)).posts.find((p) => p.id === id);
    await expect.poll(async () => (await read(`mastodon:${ALICE.url}`))?.partial ?? 'whole', { ...poll, message: 'Alice’s status read whole from mastodon.social' }).toBe('whole');
    await expect.poll(async () => (await read(`mastodon:${MALLORY.url}`))?.partial ?? 'whole', { ...poll, message: 'Mallory’s status read whole from other.example' }).toBe('whole');
    const alice = (await read(`mastodon:${ALICE.url}`))!;
    expect(alice).toMatchObject({ site: 'mastodon', url: ALICE.url, text: ALICE.words, author: { name: 'Alice', handle: 'alice@mastodon.social' } });
    expect(alice.segments).toContainEqual({ kind: 'hashtag', text: '#Fediverse', href: 'https://mastodon.social/tags/Fediverse' });
    const mallory = (await read(`mastodon:${MALLORY.url}`))!;
    expect(mallory).toMatchObject({ instance: 'other.example', author: { name: '<img src=x onerror=alert(1)>', handle: 'mallory@other.example' } });
    expect(mallory.text).toBe('Totally safe <script>alert(2)</script> — claim your prize');
    expect(server!.mastodonRequests).toContain('other.example/api/v1/statuses/7001');
  });

  test('"Clip thread" on a remote account\'s status page: her self-thread from her home instance, in order', async () => {
    const { tab, view } = l();
    await tab.open(THREAD_PAGE);
    await tab.press('.detailed-status__wrapper', 'Clip thread');
    const editor = view.editor();
    const items = async () => (await backup(editor)).roundups.find((r) => r.items.length > 0)?.items.map((i) => i.postId) ?? [];
    await expect.poll(items, { ...poll, message: 'the thread after the two clips' })
      .toEqual([`mastodon:${ALICE.url}`, `mastodon:${MALLORY.url}`, ...DANA.map((d) => `mastodon:${d.url}`)]);
    const posts = (await backup(editor)).posts;
    expect(DANA.map((d) => posts.find((p) => p.id === `mastodon:${d.url}`)?.text)).toEqual(DANA.map((d) => d.words));
    expect(DANA.map((d) => posts.find((p) => p.id === `mastodon:${d.url}`)?.thread)).toEqual(['first', 'middle', 'middle', 'last']);
    expect(server!.mastodonRequests).toContain(`other.example/api/v1/statuses/${DANA[1]!.id}/context`);
  });

  test('HTML export: Mastodon\'s embed for each status, each instance\'s script once, the hostile words as text', async () => {
    const v = l().view;
    await v.openExport();
    await v.chooseFormat('HTML');
    await expect.poll(() => v.output(), poll).toContain(DANA[3]!.words);
    const doc = parse(await v.output()) as unknown as Node;
    const embeds = all(doc, (n) => n.nodeName === 'blockquote' && hasClass(n, 'mastodon-embed'));
    expect(embeds.map((e) => attr(e, 'data-embed-url'))).toEqual([ALICE.url, MALLORY.url, ...DANA.map((d) => d.url)].map((u) => `${u}/embed`));
    const scripts = all(doc, (n) => n.nodeName === 'script').map((s) => attr(s, 'src'));
    expect(scripts).toEqual(['https://mastodon.social/embed.js', 'https://other.example/embed.js']);
    expect(all(doc, (n) => n.nodeName === 'img' && (attr(n, 'src') ?? '') === 'x')).toEqual([]);
    expect(textOf(embeds[1]!)).toContain('Totally safe <script>alert(2)</script>');
  });
}
