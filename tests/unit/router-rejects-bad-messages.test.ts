import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/background/handlers';
import { createRouter, type SenderInfo } from '../../src/background/router';
import { createStores, openRoundupDb } from '../../src/store';
import { makePost } from './helpers/posts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const fromPage: SenderInfo = { id: ID, url: 'https://x.com/home', tabId: 4 };
const fromEditor: SenderInfo = { id: ID, url: `${ORIGIN}popup.html` };

let n = 0;
async function setUp() {
  const store = createStores(await openRoundupDb(`router-${++n}`));
  const changes: number[] = [];
  const kinds: string[] = [];
  const route = createRouter(createHandlers(store, (r, kind) => void (changes.push(r.items.length), kinds.push(kind))), {
    extensionId: ID,
    extensionOrigin: ORIGIN,
    contentHosts: ['x.com', 'twitter.com', 'mobile.twitter.com'],
  });
  const stored = async () => (await store.currentRoundup()).items.length;
  return { route, store, changes, kinds, stored };
}

describe('the message router', () => {
  it('clips from a post page, reports the state, and unclips on the second press', async () => {
    const { route, changes } = await setUp();
    const post = makePost(1);
    expect(await route({ type: 'toggleClip', post }, fromPage)).toMatchObject({ ok: true, value: { clipped: true, count: 1 } });
    expect(await route({ type: 'getClips' }, fromPage)).toMatchObject({ ok: true, value: { clipped: [post.id], count: 1 } });
    expect(await route({ type: 'toggleClip', post }, fromPage)).toMatchObject({ ok: true, value: { clipped: false, count: 0 } });
    expect(changes).toEqual([1, 0]);
  });

  it('tells words-only edits apart from changes to which posts a roundup holds (the badge)', async () => {
    const { route, kinds } = await setUp();
    const post = makePost(1);
    await route({ type: 'toggleClip', post }, fromPage);
    const current = await route({ type: 'getCurrentRoundup' }, fromEditor);
    if (!current.ok) throw new Error(current.error);
    const roundupId = (current.value as { roundup: { id: string } }).roundup.id;
    await route({ type: 'setRoundupText', roundupId, field: 'title', value: 'T' }, fromEditor);
    await route({ type: 'setItemText', roundupId, postId: post.id, field: 'commentary', value: 'C' }, fromEditor);
    await route({ type: 'moveItem', roundupId, postId: post.id, to: 0 }, fromEditor);
    await route({ type: 'removeItem', roundupId, postId: post.id }, fromEditor);
    expect(kinds).toEqual(['posts', 'words', 'words', 'words', 'posts']);
  });

  it("sets a roundup's export language from the editor only, in canonical form, and refuses what is no language tag", async () => {
    const { route, store, kinds } = await setUp();
    const roundupId = (await store.currentRoundup()).id;
    expect(await route({ type: 'setRoundupLanguage', roundupId, language: 'PT-br' }, fromEditor)).toEqual({ ok: true, value: { language: 'pt-BR' } });
    expect((await store.currentRoundup()).language).toBe('pt-BR');
    expect(kinds).toEqual(['words']);
    for (const language of ['english', 'en_US', '', 42, undefined]) {
      const answer = await route({ type: 'setRoundupLanguage', roundupId, language }, fromEditor);
      expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/"language" must be a language tag/) });
    }
    expect(await route({ type: 'setRoundupLanguage', roundupId, language: 'de' }, fromPage)).toMatchObject({ ok: false });
    expect((await store.currentRoundup()).language).toBe('pt-BR');
  });

  it.each([
    ['not an object', 'clip', 'A message must be an object with a "type".'],
    ['null', null, 'A message must be an object with a "type".'],
    ['a list', [], 'A message must be an object with a "type".'],
    ['no type', { post: makePost(1) }, 'Unknown message type undefined.'],
    ['an unknown type', { type: 'deleteEverything' }, 'Unknown message type "deleteEverything".'],
    ['a prototype key as type', { type: '__proto__' }, 'Unknown message type "__proto__".'],
  ])('answers %s with a clear error and stores nothing', async (_name, message, error) => {
    const { route, stored } = await setUp();
    expect(await route(message, fromPage)).toEqual({ ok: false, error });
    expect(await stored()).toBe(0);
  });

  it.each([
    ['no post', {}, 'the post is malformed: post is not an object'],
    ['an id that is not an X id', { post: makePost(1, { id: '../../etc' }) }, 'post.id is not a post id like "x:1234567890"'],
    ['a javascript: permalink', { post: makePost(1, { url: 'javascript:alert(1)' }) }, 'post.url is not an http(s) URL'],
    ['a text that is not a string', { post: { ...makePost(1), text: 42 } }, 'post.text is not a string'],
    ['an unknown segment kind', { post: { ...makePost(1), segments: [{ kind: 'script', text: 'x' }] } }, 'post.segments[0].kind is not one of'],
  ])('refuses a clip with %s, storing nothing', async (_name, body, error) => {
    const { route, stored } = await setUp();
    const reply = await route({ type: 'toggleClip', ...body }, fromPage);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toContain(error);
    expect(await stored()).toBe(0);
  });

  it('keeps a post whose optional links are not web links, dropping only those links', async () => {
    const { route, store } = await setUp();
    const post = makePost(1, {
      author: { name: 'A', handle: 'a', avatarUrl: 'data:image/svg+xml,<svg/>', profileUrl: 'https://x.com/a' },
      segments: [{ kind: 'link', text: 'click me', href: 'javascript:alert(1)' }],
      media: [{ kind: 'image', url: 'blob:https://x.com/1' }, { kind: 'image', url: 'https://pbs.twimg.com/media/a.jpg', alt: 'A chart' }],
    });
    expect(await route({ type: 'toggleClip', post }, fromPage)).toMatchObject({ ok: true, value: { clipped: true } });
    const { posts } = await store.loadRoundup((await store.currentRoundup()).id);
    expect(posts[0]?.author).toEqual({ name: 'A', handle: 'a', profileUrl: 'https://x.com/a' });
    expect(posts[0]?.segments).toEqual([{ kind: 'text', text: 'click me' }]);
    expect(posts[0]?.media).toEqual([{ kind: 'image', url: 'https://pbs.twimg.com/media/a.jpg', alt: 'A chart' }]);
  });

  it('keeps a post\'s link card (and its quoted post\'s), dropping a card or picture that is no web link, or no card at all', async () => {
    const { route, store } = await setUp();
    const card = { url: 'https://t.co/j64CpIysH1', title: 'What if', domain: 'mariozechner.at', image: { url: 'https://pbs.twimg.com/card_img/1/a', alt: 'A robot' } };
    const quoted = { ...makePost(2), card: { url: 'javascript:alert(1)', title: 'Gone' } };
    const clip = async (post: object) => {
      await route({ type: 'toggleClip', post }, fromPage);
      return (await store.loadRoundup((await store.currentRoundup()).id)).posts;
    };
    const [kept] = await clip({ ...makePost(1), card: { ...card, evil: 1 }, quoted });
    expect(kept?.card).toEqual(card);
    expect(kept?.quoted).not.toHaveProperty('card');
    const [, noPicture] = await clip({ ...makePost(3), card: { ...card, image: { url: 'data:image/png;base64,AA' } } });
    expect(noPicture?.card).toEqual({ url: card.url, title: card.title, domain: card.domain });
    // A card that is no object is dropped like any optional field the schema refuses; the post is kept.
    const [, , noCard] = await clip({ ...makePost(4), card: 'https://t.co/a' });
    expect(noCard?.id).toBe(makePost(4).id);
    expect(noCard).not.toHaveProperty('card');
  });

  it('keeps a post\'s thread position, dropping one that is not first, middle or last', async () => {
    const { route, store } = await setUp();
    await route({ type: 'toggleClip', post: { ...makePost(1), thread: 'middle' } }, fromPage);
    await route({ type: 'toggleClip', post: { ...makePost(2), thread: '<b>top</b>' } }, fromPage);
    const { posts } = await store.loadRoundup((await store.currentRoundup()).id);
    expect(posts.map((p) => p.thread ?? null)).toEqual(['middle', null]);
  });

  it('reads settings with defaults, applies a valid change and refuses a bad one', async () => {
    const { route } = await setUp();
    expect(await route({ type: 'getSettings' }, fromPage)).toMatchObject({ ok: true, value: { inlineButtons: { x: true }, defaultFormat: 'html' } });
    expect(await route({ type: 'updateSettings', patch: { signature: 'About me', inlineButtons: { x: false } } }, fromEditor))
      .toMatchObject({ ok: true, value: { signature: 'About me', inlineButtons: { x: false }, doNotTrack: true } });
    expect(await route({ type: 'updateSettings', patch: { signature: 'From a page' } }, fromPage)).toMatchObject({ ok: false });
    expect(await route({ type: 'updateSettings', patch: { defaultFormat: 'pdf' } }, fromEditor))
      .toEqual({ ok: false, error: 'Bad "updateSettings" message: settings.defaultFormat must be one of html, markdown, wordpress, text, json, page, zip.' });
    expect(await route({ type: 'updateSettings', patch: { __proto__x: 1 } }, fromEditor)).toMatchObject({ ok: false, error: expect.stringContaining('settings has no "__proto__x"') });
    expect(await route({ type: 'getSettings' }, fromEditor)).toMatchObject({ ok: true, value: { signature: 'About me' } });
  });

  it('keeps only the known fields of a post', async () => {
    const { route, store } = await setUp();
    await route({ type: 'toggleClip', post: { ...makePost(1), evil: '<script>', author: { name: 'A', handle: 'a', extra: 1 } } }, fromPage);
    const { posts } = await store.loadRoundup((await store.currentRoundup()).id);
    expect(posts[0]).not.toHaveProperty('evil');
    expect(posts[0]?.author).toEqual({ name: 'A', handle: 'a' });
  });

  it('checks who sent a message: editor edits only from extension pages, clips only from post pages', async () => {
    const { route, stored } = await setUp();
    const current = await route({ type: 'getCurrentRoundup' }, fromEditor);
    if (!current.ok) throw new Error(current.error);
    const roundupId = (current.value as { roundup: { id: string } }).roundup.id;
    const edit = { type: 'setRoundupText', roundupId, field: 'title', value: 'Hacked' };
    expect(await route(edit, fromPage)).toEqual({ ok: false, error: '"setRoundupText" is not accepted from content.' });
    expect(await route({ type: 'toggleClip', post: makePost(1) }, fromEditor)).toMatchObject({ ok: false });
    expect(await route({ type: 'toggleClip', post: makePost(1) }, { ...fromPage, id: 'another-extension' })).toMatchObject({ ok: false, error: '"toggleClip" is not accepted from an unknown sender.' });
    expect(await route({ type: 'toggleClip', post: makePost(1) }, { ...fromPage, url: 'https://evil.example/' })).toMatchObject({ ok: false });
    expect(await route({ type: 'toggleClip', post: makePost(1) }, { ...fromPage, url: 'http://x.com/home' })).toMatchObject({ ok: false });
    expect(await stored()).toBe(0);
    expect(await route(edit, fromEditor)).toMatchObject({ ok: true });
  });

  it.each([
    [{ type: 'setRoundupText', roundupId: 'r', field: 'items', value: 'x' }, '"field" must be one of title, intro, closing'],
    [{ type: 'setItemText', roundupId: 'r', postId: 'x:1', field: 'commentary', value: 7 }, '"value" must be a string'],
    [{ type: 'moveItem', roundupId: 'r', postId: 'x:1', to: -1 }, '"to" must be a position'],
    [{ type: 'removeItem', roundupId: '', postId: 'x:1' }, '"roundupId" must be a non-empty string'],
    [{ type: 'setRoundupText', roundupId: 'missing', field: 'title', value: 'x' }, 'There is no roundup with id "missing" (it may have been deleted in another view).'],
  ])('answers a malformed editor message %j with a clear error', async (message, error) => {
    const { route } = await setUp();
    const reply = await route(message, fromEditor);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toContain(error);
  });
});
