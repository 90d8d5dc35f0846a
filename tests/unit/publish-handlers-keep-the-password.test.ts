// Publishing through the background (src/background/publish.ts), as a view reaches it: the
// message router, the real handlers and the real store on fake-indexeddb, with a small
// in-memory WordPress behind the one `call` the background makes. What matters here: the
// application password goes in and never comes out (not to a view, not into a backup), a page
// can never publish, and one roundup makes one draft however often "Send" is pressed.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../src/background/handlers';
import { createRouter, type SenderInfo } from '../../src/background/router';
import type { PublishDeps } from '../../src/background/publish';
import { authorization } from '../../src/publish/wordpress';
import { fakeWordPress, recordedBody } from './helpers/fake-wordpress';
import { createStores, openRoundupDb, type Db } from '../../src/store';
import type { MessageType } from '../../src/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const fromPage: SenderInfo = { id: ID, url: 'https://x.com/home', tabId: 4 };
const fromEditor: SenderInfo = { id: ID, url: `${ORIGIN}popup.html` };

const SITE = 'https://blog.example.org';
const PASSWORD = 'abcd EFGH 1234 ijkl MNOP 5678';
const FORM = { url: `${SITE}/`, user: 'roundup', applicationPassword: PASSWORD };
const ROUNDUP = 'r-1';


const fakeSite = () => fakeWordPress({ site: SITE, user: 'roundup', password: PASSWORD });

const KEPT = 'https://pbs.twimg.com/media/GKept1?format=jpg&name=orig';
const FETCHED = 'https://pbs.twimg.com/media/GFetched2?format=png&name=orig';
const ELSEWHERE = 'https://cdn.example.com/picture.jpg';
const KEPT_BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 7, 7, 7]);
const FETCHED_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 8, 8]);

const image = (file: string) => `<!-- wp:image -->\n<figure class="wp-block-image"><img src="${file}" alt=""/></figure>\n<!-- /wp:image -->`;
const sendMessage = (over: Record<string, unknown> = {}) => ({
  type: 'sendToWordPress',
  roundupId: ROUNDUP,
  title: 'The week on X',
  content: [image('media/gkept1-a.jpg'), image('media/gfetched2-b.png'), image('media/picture-c.jpg')].join('\n\n'),
  excerpt: 'Three posts.',
  pictures: [
    { url: KEPT, file: 'media/gkept1-a.jpg' },
    { url: FETCHED, file: 'media/gfetched2-b.png' },
    { url: ELSEWHERE, file: 'media/picture-c.jpg' },
  ],
  ...over,
});

let n = 0;
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function setUp(options: { allowed?: boolean } = {}) {
  const db = await openRoundupDb(`publish-handlers-${++n}-${Date.now()}`);
  open.push(db);
  const store = createStores(db);
  const wp = fakeSite();
  let allowed = options.allowed ?? true;
  const deps: PublishDeps = {
    call: wp.call,
    fetchPicture: vi.fn(async (url: string) =>
      url === FETCHED ? new Response(FETCHED_BYTES, { status: 200, headers: { 'content-type': 'image/png' } }) : new Response('', { status: 404 }),
    ),
    maySendTo: vi.fn(async () => allowed),
    now: () => '2026-12-01T10:00:00.000Z',
  };
  const route = createRouter(createHandlers(store, () => {}, undefined, deps), {
    extensionId: ID,
    extensionOrigin: ORIGIN,
    contentHosts: ['x.com', 'twitter.com', 'mobile.twitter.com'],
  });
  const ok = async (message: Record<string, unknown>) => {
    const reply = await route(message, fromEditor);
    if (!reply.ok) throw new Error(`${String(message.type)} failed: ${reply.error}`);
    return reply.value as Record<string, unknown>;
  };
  const allow = (yes: boolean) => void (allowed = yes);
  return { route, ok, store, wp, deps, allow };
}

/** Every way the password could be written: as typed, without its spaces, and inside basic auth. */
function expectNoPassword(text: string) {
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(PASSWORD.replace(/\s+/g, ''));
  expect(text).not.toContain(authorization({ user: 'roundup', applicationPassword: PASSWORD }).slice('Basic '.length));
  expect(text).not.toMatch(/applicationPassword/i);
}

describe('the application password', () => {
  it('is kept by the store once saved, and never comes back to a view', async () => {
    const { route, ok, store } = await setUp();
    const checked = await ok({ type: 'checkWordPressSite', ...FORM });
    expect(checked).toEqual({ url: SITE, name: 'roundup', canUpload: true });
    // Checking keeps nothing.
    expect(await ok({ type: 'getPublishState' })).toEqual({ site: null, draft: null });

    const saved = await ok({ type: 'saveWordPressSite', ...FORM });
    expect(saved).toEqual({ url: SITE, user: 'roundup', name: 'roundup', savedAt: '2026-12-01T10:00:00.000Z' });
    expect(await store.savedSite()).toMatchObject({ url: SITE, applicationPassword: PASSWORD, pretty: true });

    const state = await route({ type: 'getPublishState', roundupId: ROUNDUP }, fromEditor);
    expect(state).toEqual({ ok: true, value: { site: saved, draft: null } });
    for (const reply of [checked, saved, state]) expectNoPassword(JSON.stringify(reply));
  });

  it('is not in the JSON backup, and neither is the site, its drafts or its pictures', async () => {
    const { ok, store } = await setUp();
    await ok({ type: 'createRoundup', title: 'My roundup for the backup' });
    await ok({ type: 'saveWordPressSite', ...FORM });
    await store.keepCopy({ url: KEPT, status: 'kept', type: 'image/jpeg', size: KEPT_BYTES.length, bytes: new Blob([KEPT_BYTES]), keptAt: '2026-12-01T09:00:00.000Z' });
    await ok(sendMessage());
    const backup = JSON.stringify(await ok({ type: 'exportAll' }));
    expect(backup).toContain('My roundup for the backup');
    expectNoPassword(backup);
    expect(backup).not.toContain('blog.example.org');
    expect(backup).not.toContain('wp-admin');
    expect(backup).not.toContain('wp-content');
  });

  it('a wrong one is refused and nothing is saved', async () => {
    const { route, ok } = await setUp();
    const reply = await route({ type: 'saveWordPressSite', ...FORM, applicationPassword: 'zzzz zzzz zzzz zzzz zzzz zzzz' }, fromEditor);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/did not accept the user name and application password/) });
    expect(await ok({ type: 'getPublishState' })).toEqual({ site: null, draft: null });
  });
});

describe('who may publish', () => {
  const messages: [MessageType, Record<string, unknown>][] = [
    ['checkWordPressSite', FORM],
    ['saveWordPressSite', FORM],
    ['removeWordPressSite', {}],
    ['getPublishState', { roundupId: ROUNDUP }],
    ['sendToWordPress', sendMessage()],
  ];

  it.each(messages)('a page (content script) may not send %s', async (type, body) => {
    const { route, ok, wp, deps } = await setUp();
    expect(await route({ ...body, type }, fromPage)).toEqual({ ok: false, error: `"${type}" is not accepted from content.` });
    expect(wp.call).not.toHaveBeenCalled();
    expect(deps.maySendTo).not.toHaveBeenCalled();
    expect(await ok({ type: 'getPublishState' })).toEqual({ site: null, draft: null });
  });

  it('a site the browser does not let Roundup reach: refused clearly, before any request, and not worth retrying', async () => {
    const { route, wp, deps } = await setUp({ allowed: false });
    const refusal = `Roundup may not reach ${SITE} yet: allow it when your browser asks (press the button again to be asked).`;
    for (const type of ['checkWordPressSite', 'saveWordPressSite'] as const) {
      expect(await route({ type, ...FORM }, fromEditor)).toEqual({ ok: false, error: refusal });
    }
    expect(deps.maySendTo).toHaveBeenCalledWith(SITE);
    expect(wp.call).not.toHaveBeenCalled();
  });

  it('permission withdrawn after saving: a send is refused before any request', async () => {
    const { route, ok, wp, allow } = await setUp();
    await ok({ type: 'saveWordPressSite', ...FORM });
    wp.call.mockClear();
    allow(false);
    expect(await route(sendMessage(), fromEditor)).toEqual({ ok: false, error: expect.stringContaining(`Roundup may not reach ${SITE} yet`) });
    expect(wp.call).not.toHaveBeenCalled();
  });

  it('no site saved: a send says to add one in Settings', async () => {
    const { route, wp } = await setUp();
    expect(await route(sendMessage(), fromEditor)).toEqual({
      ok: false,
      error: 'No WordPress site yet: add yours in Settings (Site address, User name, Application password), then send again.',
    });
    expect(wp.call).not.toHaveBeenCalled();
  });
});

describe('sending a roundup', () => {
  it('makes a draft from the kept copies (or X when none is kept), and remembers it for the export view', async () => {
    const { ok, store, wp, deps } = await setUp();
    await ok({ type: 'saveWordPressSite', ...FORM });
    await store.keepCopy({ url: KEPT, status: 'kept', type: 'image/jpeg', size: KEPT_BYTES.length, bytes: new Blob([KEPT_BYTES]), keptAt: '2026-12-01T09:00:00.000Z' });

    const report = await ok(sendMessage());
    const [postId] = [...wp.posts.keys()];
    expect(report).toEqual({
      made: 'created',
      uploaded: 2,
      reused: 0,
      notSent: [{ url: ELSEWHERE, reason: 'no copy is kept, and it is not on a network’s media host' }],
      draft: { site: SITE, roundupId: ROUNDUP, postId, editUrl: `${SITE}/wp-admin/post.php?post=${postId}&action=edit`, link: `${SITE}/?p=${postId}`, sentAt: '2026-12-01T10:00:00.000Z' },
    });
    // The kept copy's own bytes went up; the picture with none was fetched from X once.
    expect([...wp.media.values()].map((m) => [m.type, [...m.bytes]])).toEqual([['image/jpeg', [...KEPT_BYTES]], ['image/png', [...FETCHED_BYTES]]]);
    expect(deps.fetchPicture).toHaveBeenCalledTimes(1);
    expect(deps.fetchPicture).toHaveBeenCalledWith(FETCHED);

    const state = await ok({ type: 'getPublishState', roundupId: ROUNDUP });
    expect(state.draft).toEqual(report.draft);
    expect((state.draft as { editUrl: string }).editUrl).toBe(`${SITE}/wp-admin/post.php?post=${postId}&action=edit`);
    expect(await ok({ type: 'getPublishState', roundupId: 'another-roundup' })).toMatchObject({ draft: null });
    expectNoPassword(JSON.stringify(state));

    // Sent again: the same draft, the pictures from the store's memory.
    const again = await ok(sendMessage({ title: 'The week on X, again' }));
    expect(again).toMatchObject({ made: 'updated', uploaded: 0, reused: 2, draft: { postId } });
    expect(wp.posts.size).toBe(1);
    expect(wp.posts.get(postId!)).toMatchObject({ status: 'draft', title: 'The week on X, again' });
    expect(wp.media.size).toBe(2);
  });

  it('two sends of one roundup at once make one draft', async () => {
    const { route, ok, wp } = await setUp();
    await ok({ type: 'saveWordPressSite', ...FORM });
    const [first, second] = await Promise.all([route(sendMessage(), fromEditor), route(sendMessage(), fromEditor)]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual(first);
    expect(wp.posts.size).toBe(1);
    expect(wp.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/wp/v2/posts'))).toHaveLength(1);
    // One upload: FETCHED (no copy of KEPT is kept in this store, and X answers 404 for it).
    expect(wp.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/wp/v2/media'))).toHaveLength(1);

    // Once the first is done, a new press sends again (updating that draft).
    const third = await route(sendMessage(), fromEditor);
    expect(third).toMatchObject({ ok: true, value: { made: 'updated' } });
    expect(wp.posts.size).toBe(1);
  });

  it('forgetting the site: no site in the state, a send asks for one; added again, its draft is found', async () => {
    const { ok, route, wp } = await setUp();
    await ok({ type: 'saveWordPressSite', ...FORM });
    await ok(sendMessage());
    expect(await ok({ type: 'removeWordPressSite' })).toEqual({ removed: true });
    expect(await ok({ type: 'getPublishState', roundupId: ROUNDUP })).toEqual({ site: null, draft: null });
    expect(await ok({ type: 'removeWordPressSite' })).toEqual({ removed: false });
    expect(await route(sendMessage(), fromEditor)).toMatchObject({ ok: false, error: expect.stringContaining('add yours in Settings') });

    await ok({ type: 'saveWordPressSite', ...FORM });
    expect(await ok({ type: 'getPublishState', roundupId: ROUNDUP })).toMatchObject({ draft: { postId: [...wp.posts.keys()][0] } });
  });
});

describe('a send request is checked before anything is sent', () => {
  const picture = { url: KEPT, file: 'media/gkept1-a.jpg' };
  it.each([
    ['a file outside media/', { pictures: [{ ...picture, file: 'media/../../secret.jpg' }] }, /"file" must be media\/<name>/],
    ['a file with no folder', { pictures: [{ ...picture, file: 'gkept1-a.jpg' }] }, /"file" must be media\/<name>/],
    ['a file in capitals', { pictures: [{ ...picture, file: 'media/GKEPT.JPG' }] }, /"file" must be media\/<name>/],
    ['a javascript: url', { pictures: [{ ...picture, url: 'javascript:alert(1)' }] }, /"url" must be a web address/],
    ['a file: url', { pictures: [{ ...picture, url: 'file:///etc/passwd' }] }, /"url" must be a web address/],
    ['a data: url', { pictures: [{ ...picture, url: 'data:image/png;base64,AAAA' }] }, /"url" must be a web address/],
    ['pictures that are not a list', { pictures: 'media/a.jpg' }, /"pictures" must be a list/],
    ['too many pictures', { pictures: Array.from({ length: 5_001 }, (_, i) => ({ url: `${KEPT}&i=${i}`, file: `media/p-${i}.jpg` })) }, /"pictures" must be a list of at most 5000/],
    ['content over the limit', { content: 'x'.repeat(20_000_001) }, /"content" must be the WordPress export \(at most 20000000 characters\)/],
    ['content that is not text', { content: 42 }, /"content" must be the WordPress export/],
    ['no roundup id', { roundupId: '' }, /"roundupId" must be a non-empty string/],
  ])('%s', async (_name, over, message) => {
    const { route, ok, wp } = await setUp();
    await ok({ type: 'saveWordPressSite', ...FORM });
    wp.call.mockClear();
    const reply = await route(sendMessage(over), fromEditor);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Bad "sendToWordPress" message: /) });
    expect(!reply.ok && reply.error).toMatch(message);
    expect(wp.call).not.toHaveBeenCalled();
  });

  it('a Settings form with a password longer than any application password is refused', async () => {
    const { route, wp } = await setUp();
    const reply = await route({ type: 'saveWordPressSite', ...FORM, applicationPassword: 'a'.repeat(201) }, fromEditor);
    expect(reply).toEqual({ ok: false, error: 'Bad "saveWordPressSite" message: "applicationPassword" must be text of at most 200 characters.' });
    expect(wp.call).not.toHaveBeenCalled();
  });
});
