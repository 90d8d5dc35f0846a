// @vitest-environment happy-dom
// Mastodon beyond a link: "Clip thread" on a status's page reads the author's self-thread from
// the status's home instance (GET …/statuses/:id and …/context), each status's HTML read with
// a DOM (here happy-dom's DOMParser, as Firefox's background page; Chrome's goes through its
// offscreen document, tested elsewhere). A post clipped from an instance's page is partial and
// read whole from the API after. The editor's "Clip posts on <host>" asks the server's API, not
// its name, and enables it only once the permission is granted; the router then takes the
// content script's messages from that origin alone.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiAnswer } from '../../src/background/bluesky';
import { createHandlers } from '../../src/background/handlers';
import type { InstanceDeps } from '../../src/background/instances';
import { possibleInstance } from '../../src/model/networks';
import { createMastodon } from '../../src/background/mastodon';
import { createRouter } from '../../src/background/router';
import { statusReader } from '../../src/platform/read-status';
import { createStores, openRoundupDb, type Db } from '../../src/store';

const F = 'tests/fixtures/mastodon/api/';
const text = (path: string) => readFileSync(F + path, 'utf8');
const T = '2026-11-29T12:00:00.000Z';
const THREAD = JSON.parse(text('constructed-self-thread.json')) as { status: { id: string }; context: unknown };

function servers() {
  const routes: Record<string, ApiAnswer> = {
    'https://social.example/api/v2/instance': { status: 200, body: text('mastodonpy/instance-v2-mastodon-social.json') },
    'https://social.example/api/v1/statuses/103': { status: 200, body: JSON.stringify(THREAD.status) },
    'https://social.example/api/v1/statuses/103/context': { status: 200, body: JSON.stringify(THREAD.context) },
    'https://social.example/api/v1/statuses/999': { status: 200, body: JSON.stringify(THREAD.status) },
    'https://social.example/api/v1/statuses/999/context': { status: 429, body: '{"error":"Too many requests"}', retryAfter: '30' },
    'https://mastodon.social/api/v2/instance': { status: 200, body: text('mastodonpy/instance-v2-mastodon-social.json') },
    'https://mastodon.social/api/v1/statuses/109294719267373593': { status: 200, body: text('rtoot/mastodon.social-status-109294719267373593.json') },
  };
  const asked: string[] = [];
  const get = vi.fn(async (url: string): Promise<ApiAnswer> => {
    asked.push(url);
    if (new URL(url).host === 'blog.example') return { status: 200, body: '<!doctype html><title>A blog</title>' };
    return routes[url] ?? { status: 404, body: '<h1>Not Found</h1>' };
  });
  return { get, asked, mastodon: createMastodon({ get, readStatusFromJson: statusReader(), now: () => T }) };
}

/** The platform's instance list, in memory: what is granted, what is listed. */
function instanceDeps(granted: string[] = []) {
  const listed: string[] = [];
  const deps: InstanceDeps = {
    enabled: async () => listed.filter((o) => granted.includes(o)),
    mayRunOn: async (o) => granted.includes(o),
    add: async (o) => void listed.push(o),
    remove: async (o) => {
      listed.splice(listed.indexOf(o), 1);
      granted.splice(granted.indexOf(o), 1);
    },
  };
  return { deps, listed, granted };
}

let n = 0;
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function setUp(granted: string[] = []) {
  const db = await openRoundupDb(`mastodon-thread-${++n}-${Date.now()}`);
  open.push(db);
  const store = createStores(db);
  const api = servers();
  const inst = instanceDeps(granted);
  const handlers = createHandlers(store, () => {}, undefined, undefined, { mastodon: api.mastodon, instances: inst.deps });
  const items = async () => (await store.loadRoundup((await store.currentRoundup()).id)).roundup.items.map((i) => i.postId);
  return { store, handlers, api, inst, items };
}

describe('"Clip thread" on a Mastodon status', () => {
  it("clips the author's self-thread from the home instance, in order, as consecutive items", async () => {
    const { handlers, items, api } = await setUp();
    const reply = await handlers.clipThreadOf({ postId: 'mastodon:https://social.example/@alice/103' }, {});
    expect(reply.added).toBe(5);
    expect(await items()).toEqual([101, 102, 103, 106, 108].map((id) => `mastodon:https://social.example/@alice/${id}`));
    expect(api.asked).toEqual([
      'https://social.example/api/v2/instance',
      'https://social.example/api/v1/statuses/103',
      'https://social.example/api/v1/statuses/103/context',
    ]);
    // Again: nothing new, nothing moved.
    expect((await handlers.clipThreadOf({ postId: 'mastodon:https://social.example/@alice/103' }, {})).added).toBe(0);
  });

  it('says why when the instance cannot give the thread, and clips nothing', async () => {
    const { handlers, items } = await setUp();
    await expect(handlers.clipThreadOf({ postId: 'mastodon:https://social.example/@alice/999' }, {})).rejects.toThrow(
      /^The thread could not be read from Mastodon: .*(30 seconds|try again)/i,
    );
    await expect(handlers.clipThreadOf({ postId: 'mastodon:https://blog.example/@alice/1' }, {})).rejects.toThrow(/blog\.example is not a Mastodon server/);
    expect(await items()).toEqual([]);
  });

  it('an X post has no thread from a network here: refused, named', async () => {
    const { handlers } = await setUp();
    await expect(handlers.clipThreadOf({ postId: 'x:1991586882858172684' }, {})).rejects.toThrow(/on X, the page’s thread is clipped/);
  });
});

describe("a Mastodon post clipped from an instance's page", () => {
  it('is stored at once as the page showed it, then read whole from its home instance', async () => {
    const { handlers, store } = await setUp();
    const url = 'https://mastodon.social/@austinkocher/109294719267373593';
    const partial = {
      id: `mastodon:${url}`, site: 'mastodon' as const, url, instance: 'mastodon.social',
      author: { name: 'Austin Kocher', handle: 'austinkocher@mastodon.social' },
      text: 'Mastodon will update to 4.0 soon!', segments: [{ kind: 'text' as const, text: 'Mastodon will update to 4.0 soon!' }],
      createdAt: '2022-11-06T03:24:27.042Z', media: [], capturedAt: T, pageUrl: 'https://mastodon.social/home', partial: true as const,
    };
    await handlers.toggleClip({ post: partial }, {});
    await vi.waitFor(async () => {
      const post = (await store.loadRoundup((await store.currentRoundup()).id)).posts[0]!;
      expect(post.partial).toBeUndefined();
      expect(post.card?.url).toBe('https://github.com/mastodon/mastodon/releases/tag/v4.0.0rc1');
    });
  });
});

describe('"Clip posts on <host>": enabling Roundup on a Mastodon instance', () => {
  it('knows an instance by its API, not its name; X, Bluesky and http pages are never offered', async () => {
    const { handlers } = await setUp();
    expect(await handlers.mastodonTab({ url: 'https://social.example/@alice/103' }, {})).toEqual({ origin: 'https://social.example', host: 'social.example', mastodon: true, enabled: false });
    expect(await handlers.mastodonTab({ url: 'https://blog.example/@alice/103' }, {})).toMatchObject({ mastodon: false, enabled: false });
    for (const url of ['https://x.com/home', 'https://bsky.app/', 'http://social.example/', 'about:blank', 'not a url']) {
      expect(await handlers.mastodonTab({ url }, {}), url).toEqual({ origin: '', host: '', mastodon: false, enabled: false });
    }
  });

  it('enables it only once the permission is granted and the server answers as Mastodon', async () => {
    const refused = await setUp();
    await expect(refused.handlers.enableMastodon({ origin: 'https://social.example' }, {})).rejects.toThrow('Roundup was not allowed to run on social.example.');
    expect(refused.inst.listed).toEqual([]);

    const { handlers, inst } = await setUp(['https://social.example', 'https://blog.example']);
    await expect(handlers.enableMastodon({ origin: 'https://blog.example' }, {})).rejects.toThrow(/not a Mastodon server/);
    await expect(handlers.enableMastodon({ origin: 'https://social.example/@alice' }, {})).rejects.toThrow(/not the address of a server/);
    expect(await handlers.enableMastodon({ origin: 'https://social.example' }, {})).toEqual({ origin: 'https://social.example', host: 'social.example', mastodon: true, enabled: true });
    expect(inst.listed).toEqual(['https://social.example']);
    expect(await handlers.mastodonTab({ url: 'https://social.example/home' }, {})).toMatchObject({ enabled: true });
    expect(await handlers.listMastodon({}, {})).toEqual({ origins: ['https://social.example'] });
    // Turned off in Settings: off the list, its permission given back.
    expect(await handlers.disableMastodon({ origin: 'https://social.example' }, {})).toEqual({ origins: [] });
    expect(inst.granted).toEqual(['https://blog.example']);
    expect(await handlers.mastodonTab({ url: 'https://social.example/home' }, {})).toMatchObject({ enabled: false, mastodon: true });
  });

  it('possibleInstance: https pages other than X and Bluesky', () => {
    expect(possibleInstance('https://Fosstodon.org:8443/@a/1')).toEqual({ origin: 'https://fosstodon.org:8443', host: 'fosstodon.org:8443' });
    expect(possibleInstance('https://twitter.com/a')).toBeNull();
    expect(possibleInstance('https://user:pw@social.example/')).toBeNull();
  });
});

describe('the router and an enabled instance', () => {
  it("takes a content script's messages from an enabled instance's tabs, and from no other site", async () => {
    const { handlers, inst } = await setUp(['https://social.example']);
    await inst.deps.add('https://social.example');
    const route = createRouter(handlers, {
      extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/', contentHosts: ['x.com'], instanceOrigins: inst.deps.enabled,
    });
    const from = (url: string, tab: { tabId?: number } = { tabId: 1 }) => route({ type: 'getClips' }, { id: 'ext', url, ...tab });
    expect(await from('https://social.example/home')).toMatchObject({ ok: true });
    expect(await from('https://other.example/home')).toEqual({ ok: false, error: '"getClips" is not accepted from an unknown sender.' });
    expect(await from('http://social.example/home')).toMatchObject({ ok: false });
    expect(await from('https://social.example/home', {})).toMatchObject({ ok: false }); // not a tab's page
    // What only the editor may ask stays the editor's.
    expect(await route({ type: 'enableMastodon', origin: 'https://other.example' }, { id: 'ext', url: 'https://social.example/home', tabId: 1 }))
      .toEqual({ ok: false, error: '"enableMastodon" is not accepted from content.' });
  });
});
