// "Clip thread" as the background takes it: the author's self-thread, in order, as consecutive
// items at the end of the current roundup, in one transaction; a post the roundup holds already
// stays where it is (with its words); a removed one comes back with its words. The router
// refuses a malformed thread whole, and any sender but a page.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/background/handlers';
import { createRouter, type SenderInfo } from '../../src/background/router';
import type { Post } from '../../src/model/post';
import { createStores, openRoundupDb, type Db } from '../../src/store';

const post = (n: number): Post => ({
  id: `x:${n}`, site: 'x', url: `https://x.com/alice/status/${n}`, author: { name: 'Alice', handle: 'alice' }, text: `part ${n}`,
  segments: [], media: [], capturedAt: '2026-11-29T10:00:00.000Z', pageUrl: `https://x.com/alice/status/${n}`,
});
const ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromPage: SenderInfo = { id: ID, url: 'https://x.com/alice/status/2', tabId: 3 };
const fromEditor: SenderInfo = { id: ID, url: `chrome-extension://${ID}/popup.html` };

let n = 0;
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function setUp() {
  const db = await openRoundupDb(`thread-${++n}-${Date.now()}`);
  open.push(db);
  const store = createStores(db);
  const changes: string[] = [];
  const handlers = createHandlers(store, (r) => void changes.push(r.id));
  const route = createRouter(handlers, { extensionId: ID, extensionOrigin: `chrome-extension://${ID}/`, contentHosts: ['x.com'] });
  const items = async () => (await store.currentRoundup()).items.map((i) => [i.postId, i.commentary]);
  return { store, handlers, route, changes, items };
}

describe('"Clip thread"', () => {
  it('adds the thread in order, after what the roundup holds, in one change', async () => {
    const { handlers, changes, items } = await setUp();
    await handlers.clipPost({ post: post(9) }, {});
    changes.length = 0;
    const reply = await handlers.clipThread({ posts: [post(1), post(2), post(3)] }, {});
    expect(reply).toMatchObject({ added: 3, count: 4 });
    expect(await items()).toEqual([['x:9', ''], ['x:1', ''], ['x:2', ''], ['x:3', '']]);
    expect(changes).toHaveLength(1);
  });

  it('a post already there stays in its place with its words; a removed one comes back with its words', async () => {
    const { store, handlers, items } = await setUp();
    await handlers.clipThread({ posts: [post(1), post(2)] }, {});
    const roundup = await store.currentRoundup();
    await store.setItemText(roundup.id, 'x:2', 'commentary', 'Kept.');
    await store.setItemText(roundup.id, 'x:1', 'commentary', 'Back again.');
    await store.removeItem(roundup.id, 'x:1');
    const reply = await handlers.clipThread({ posts: [post(1), post(2), post(3)] }, {});
    expect(reply.added).toBe(2);
    expect(await items()).toEqual([['x:1', 'Back again.'], ['x:2', 'Kept.'], ['x:3', '']]);
  });

  it('clipped twice changes nothing the second time', async () => {
    const { handlers, changes, items } = await setUp();
    await handlers.clipThread({ posts: [post(1), post(2)] }, {});
    changes.length = 0;
    expect((await handlers.clipThread({ posts: [post(1), post(2)] }, {})).added).toBe(0);
    expect(changes).toEqual([]);
    expect(await items()).toEqual([['x:1', ''], ['x:2', '']]);
  });

  it('the router takes it from a page only, and refuses a malformed thread whole', async () => {
    const { route, items } = await setUp();
    expect(await route({ type: 'clipThread', posts: [post(1)] }, fromEditor)).toMatchObject({ ok: false, error: '"clipThread" is not accepted from extension.' });
    expect(await route({ type: 'clipThread', posts: [] }, fromPage)).toMatchObject({ ok: false, error: expect.stringMatching(/"posts" must be a list of 1 to 200 posts/) });
    expect(await route({ type: 'clipThread', posts: [post(1), { ...post(2), id: 'x:nope' }] }, fromPage)).toMatchObject({
      ok: false, error: expect.stringMatching(/a post of the thread is malformed: posts\[1\]\.id is not a post id/),
    });
    expect(await items()).toEqual([]);
    expect(await route({ type: 'clipThread', posts: [post(1), post(2)] }, fromPage)).toMatchObject({ ok: true, value: { added: 2 } });
  });
});
