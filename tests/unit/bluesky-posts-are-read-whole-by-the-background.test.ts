// A Bluesky post clipped from the page is partial (no CID, no exact facets): the background
// reads it whole from Bluesky's public API (background/bluesky.ts) and enriches the stored copy.
// A link clipped from any page is read there too, its author's handle resolved to a DID. When
// the API cannot be asked, the page's post stays, partial; a link naming its author by handle
// alone cannot become a post, and the writer is told why. Answers are real (bskyr, MIT).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBluesky, type ApiAnswer } from '../../src/background/bluesky';
import { clipFromMenu } from '../../src/background/context-menu';
import { createHandlers } from '../../src/background/handlers';
import type { Post } from '../../src/model/post';
import { createStores, openRoundupDb, type Db } from '../../src/store';

// context-menu.ts wires the browser's menus too; only its choice is tested here.
vi.mock('../../src/platform', () => ({ browser: {} }));

const THREAD = readFileSync(new URL('../fixtures/bluesky/api/constructed-self-thread.json', import.meta.url), 'utf8');
const THREAD_POST = 'at://did:plc:constructedalicexxxxxxxxx/app.bsky.feed.post/3mconstructb';
const GET_POSTS = readFileSync(new URL('../fixtures/bluesky/api/bskyr/app.bsky.feed.getPosts-e6010f.json', import.meta.url), 'utf8');
const DID = 'did:plc:ic6zqvuw5ulmfpjiwnhsr2ns';
const RKEY = '3k7qmjev5lr2s';
const AT_URI = `at://${DID}/app.bsky.feed.post/${RKEY}`;
const HANDLE = 'soubhikbarari.bsky.social';

/** The post as bsky.app's page shows it: words without facets, no CID, marked partial. */
const fromPage: Post = {
  id: `bsky:at://${DID}/app.bsky.feed.post/${RKEY}`, site: 'bluesky', url: `https://bsky.app/profile/${HANDLE}/post/${RKEY}`,
  author: { name: 'Soubhik Barari', handle: HANDLE }, text: 'Excited to be a speaker', segments: [], media: [],
  capturedAt: '2026-11-29T10:00:00.000Z', pageUrl: 'https://bsky.app/', partial: true,
};

/** Bluesky's API as the tests need it: getPosts from the recording, resolveHandle, or down. */
function api({ down = false } = {}) {
  const asked: string[] = [];
  const get = vi.fn(async (url: string): Promise<ApiAnswer> => {
    asked.push(url);
    if (down) throw new TypeError('Failed to fetch');
    const u = new URL(url);
    if (u.pathname === '/xrpc/com.atproto.identity.resolveHandle') {
      return u.searchParams.get('handle') === HANDLE ? { status: 200, body: JSON.stringify({ did: DID }) } : { status: 400, body: '{"error":"InvalidRequest","message":"Unable to resolve handle"}' };
    }
    if (u.pathname === '/xrpc/app.bsky.feed.getPosts' && u.searchParams.get('uris') === AT_URI) return { status: 200, body: GET_POSTS };
    if (u.pathname === '/xrpc/app.bsky.feed.getPostThread') {
      return u.searchParams.get('uri') === THREAD_POST ? { status: 200, body: THREAD } : { status: 400, body: '{"error":"NotFound","message":"Post not found"}' };
    }
    return { status: 200, body: '{"posts":[]}' };
  });
  return { bluesky: createBluesky({ get, now: () => '2026-11-29T10:00:01.000Z' }), asked };
}

let n = 0;
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function setUp(options: { down?: boolean } = {}) {
  const db = await openRoundupDb(`bluesky-${++n}-${Date.now()}`);
  open.push(db);
  const store = createStores(db);
  const changes: string[] = [];
  const { bluesky, asked } = api(options);
  const handlers = createHandlers(store, (r) => void changes.push(r.id), undefined, undefined, { bluesky });
  const stored = async (id: string) => (await store.loadRoundup((await store.currentRoundup()).id)).posts.find((p) => p.id === id);
  return { store, handlers, asked, changes, stored };
}

describe('a Bluesky post clipped from the page', () => {
  it('is stored at once as the page showed it, then read whole from the API: CID, at:// URI, facets', async () => {
    const { handlers, stored, asked, changes } = await setUp();
    const reply = await handlers.clipPost({ post: fromPage }, {});
    expect(reply.added).toBe(true);
    await vi.waitFor(async () => expect((await stored(fromPage.id))?.cid).toBe('bafyreifk6pyilxkm7vcingnkdbzueaftqg54i3al4zbh5p3jy3pryfkc3a'));
    const post = (await stored(fromPage.id))!;
    expect(post.atUri).toBe(AT_URI);
    expect(post.partial).toBeUndefined();
    expect(post.text).toMatch(/^Excited to be a speaker for the \n@rstatsai conf on Oct 19 @Georgetown! 📈/);
    // The links the facets name, with their real targets (the page showed only their text).
    expect(post.segments.filter((s) => s.kind === 'link').map((s) => (s as { href: string }).href)).toEqual(['http://localview.net/', 'https://rstats.ai/gov.html']);
    expect(asked).toEqual([`https://public.api.bsky.app/xrpc/app.bsky.feed.getPosts?uris=${encodeURIComponent(AT_URI)}`]);
    expect(changes.length).toBeGreaterThanOrEqual(2); // the clip, then the whole read
  });

  it('stays as the page showed it, partial, when the API cannot be reached', async () => {
    const { handlers, stored, asked } = await setUp({ down: true });
    await handlers.clipPost({ post: fromPage }, {});
    await vi.waitFor(() => expect(asked.length).toBe(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(await stored(fromPage.id)).toMatchObject({ text: 'Excited to be a speaker', partial: true });
  });
});

describe('"Clip this post" on a bsky.app link, from any page', () => {
  it('resolves the handle, reads the post whole, and clips it', async () => {
    const { handlers, stored } = await setUp();
    const reply = await handlers.clipLink({ url: `https://bsky.app/profile/${HANDLE}/post/${RKEY}`, pageUrl: 'https://example.com/news' }, {});
    expect(reply).toMatchObject({ added: true, postId: `bsky:at://${DID}/app.bsky.feed.post/${RKEY}` });
    expect(await stored(reply.postId)).toMatchObject({ cid: 'bafyreifk6pyilxkm7vcingnkdbzueaftqg54i3al4zbh5p3jy3pryfkc3a', pageUrl: 'https://example.com/news', author: { handle: HANDLE } });
  });

  it('with the API down: a link naming the author\'s DID is kept, partial; one naming a handle says why it cannot be', async () => {
    const { handlers, stored } = await setUp({ down: true });
    const reply = await handlers.clipLink({ url: `https://bsky.app/profile/${DID}/post/${RKEY}` }, {});
    expect(await stored(reply.postId)).toMatchObject({ id: `bsky:at://${DID}/app.bsky.feed.post/${RKEY}`, partial: true, url: `https://bsky.app/profile/${DID}/post/${RKEY}` });
    await expect(handlers.clipLink({ url: `https://bsky.app/profile/${HANDLE}/post/${RKEY}` }, {})).rejects.toThrow(
      /^This Bluesky post could not be read: Bluesky could not be reached \(Failed to fetch\)\.$/,
    );
  });

  it('an unknown handle or a post gone from Bluesky is named', async () => {
    const { handlers } = await setUp();
    await expect(handlers.clipLink({ url: `https://bsky.app/profile/nobody.example/post/${RKEY}` }, {})).rejects.toThrow(/could not be read/);
    await expect(handlers.clipLink({ url: `https://bsky.app/profile/${HANDLE}/post/3zzzzzzzzzzzz` }, {})).rejects.toThrow(/not on Bluesky any more/);
  });

  it('the context menu sends a bsky.app link to be read from the API, on any page', async () => {
    const clipLink = vi.fn(async () => ({}));
    const clipOnPage = vi.fn(async () => true);
    expect(await clipFromMenu({ clipLink, clipOnPage }, { linkUrl: `https://bsky.app/profile/${HANDLE}/post/${RKEY}`, pageUrl: 'https://bsky.app/' }, 3)).toBe('link');
    expect(clipLink).toHaveBeenCalledWith(`https://bsky.app/profile/${HANDLE}/post/${RKEY}`, 'https://bsky.app/');
    expect(clipOnPage).not.toHaveBeenCalled();
  });
});

describe('"Clip thread" on a Bluesky post', () => {
  it('reads the author\'s self-thread from the API and adds it in order, as consecutive items', async () => {
    const { handlers, store, asked } = await setUp();
    const reply = await handlers.clipThreadOf({ postId: `bsky:${THREAD_POST}` }, {});
    expect(reply.added).toBe(4);
    const items = (await store.currentRoundup()).items.map((i) => i.postId.replace(/^.*\//, ''));
    expect(items).toEqual(['3mconstructa', '3mconstructb', '3mconstructc', '3mconstructd']);
    expect(asked[0]).toMatch(/^https:\/\/public\.api\.bsky\.app\/xrpc\/app\.bsky\.feed\.getPostThread\?uri=/);
  });

  it('says why when the thread cannot be read, and adds nothing', async () => {
    const { handlers, store } = await setUp({ down: true });
    await expect(handlers.clipThreadOf({ postId: `bsky:${THREAD_POST}` }, {})).rejects.toThrow(/^The thread could not be read from Bluesky: Bluesky could not be reached/);
    await expect(handlers.clipThreadOf({ postId: 'x:1' }, {})).rejects.toThrow(/Only a Bluesky or Mastodon post/);
    expect((await store.currentRoundup()).items).toEqual([]);
  });
});
