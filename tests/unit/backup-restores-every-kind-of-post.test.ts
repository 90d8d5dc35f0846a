// "Never lose a word": a backup of a store holding every kind of post the capture produces —
// from the real saved pages, a link clipped on a page that is not a web page, quotes with and
// without a link, cards, videos, thread positions, truncated and partial posts — with
// roundups, a published one and both kinds of Trash entry, plus data an older version wrote
// under older rules, is a file that imports whole into an empty database and exports back to
// the same file.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { capturePosts, postFromLink } from '../../src/capture';
import { renderBackup } from '../../src/export/backup';
import { parseBackup } from '../../src/export/backup-import';
import { parsePost } from '../../src/model/parse-post';
import type { Post } from '../../src/model/post';
import type { Roundup } from '../../src/model/roundup';
import { roundupTrashId } from '../../src/model/trash';
import { createBackupStore, createStores, openRoundupDb, type Db } from '../../src/store';
import { closeFixtures, loadFixture } from './helpers/capture-fixture';

const PAGES: [file: string, pageUrl: string][] = [
  ['control-panel-for-twitter/home-twitter-complete.html', 'https://x.com/home'],
  ['control-panel-for-twitter/mario-zechner-twitter.html', 'https://x.com/badlogicgames'],
  ['control-panel-for-twitter/mario-zechner-wow.html', 'https://x.com/badlogicgames/status/1991612272289161300'],
  ['defuddle/general--x.com-article-2026-02-13.html', 'https://x.com/arscontexta/status/2013045749580259680'],
  ['tweetyoink/x-tweet-quote.html', 'https://x.com/home'],
  ['tweetyoink/x-tweet-quote-video.html', 'https://x.com/home'],
  ['twittermediaharvest/edited-modal.html', 'https://x.com/SpaceX/status/1842037500065546723/photo/1'],
  ['twittermediaharvest/timeline.html', 'https://x.com/home'],
];
const CAPTURED_AT = '2026-11-20T10:00:00.000Z';
const EXPORTED_AT = '2026-11-21T00:00:00.000Z';

let n = 0;
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});
afterAll(closeFixtures);

/** A store on a clock a few days before the export, so its Trash is well within its 30 days. */
async function freshStore() {
  const db = await openRoundupDb(`every-kind-${++n}`);
  open.push(db);
  let tick = 0;
  const options = { now: () => new Date(Date.UTC(2026, 10, 20, 12, 0, tick++)).toISOString() };
  return { db, store: { ...createStores(db, options), ...createBackupStore(db, options) } };
}

/** A post as the router takes it from a page: cleaned and checked by the one schema. */
function fromPage(post: Post | null): Post {
  const parsed = parsePost(post);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

const captured = PAGES.flatMap(([file, page]) => capturePosts(loadFixture(file, page), page, () => CAPTURED_AT));

/** What an older version could have stored, under older rules: the new schema refuses all of it as it is. */
const LEGACY_POST = {
  id: 'x:1000000000000000001',
  site: 'x',
  url: 'https://x.com/old/status/1000000000000000001',
  author: { name: 'Old Timer', handle: '@Old Timer', avatarUrl: 'data:image/png;base64,AA' },
  text: 'Words from before',
  segments: [{ kind: 'text', text: 'Words from ' }, { kind: 'link', text: 'before', href: 'javascript:void 0' }],
  lang: 'English!',
  createdAt: 'yesterday',
  media: Array.from({ length: 150 }, (_, i) => ({ kind: 'image', url: `https://pbs.twimg.com/media/${i}.jpg` })),
  quoted: {
    id: 'not an id', site: 'x', url: 'nowhere', author: { name: 'Q', handle: 'q' }, text: 'Quoted words',
    segments: [], media: [], capturedAt: '2020-01-01T00:00:00Z', pageUrl: 'about:blank', quoted: { nested: true },
  },
  card: { url: 'https://t.co/a', title: 'x'.repeat(10), onclick: 'alert(1)' },
  capturedAt: 'Fri, 20 Nov 2026 09:00:00 GMT',
  pageUrl: 'chrome://newtab/',
  evil: '<script>',
};

describe('a backup of every kind of post', () => {
  it('the capture produces every kind, and each passes the page check unchanged', () => {
    for (const post of captured) expect(fromPage(post)).toEqual(JSON.parse(JSON.stringify(post)));
    expect(captured.length).toBeGreaterThan(30);
    expect(captured.some((p) => p.quoted && p.quoted.id === '' && p.quoted.url === '')).toBe(true);
    expect(captured.some((p) => p.quoted?.id)).toBe(true);
    expect(captured.some((p) => p.card)).toBe(true);
    expect(captured.some((p) => p.media.some((m) => m.kind === 'video'))).toBe(true);
    expect(captured.some((p) => p.media.some((m) => m.kind === 'gif'))).toBe(true);
    expect(new Set(captured.map((p) => p.thread).filter(Boolean))).toEqual(new Set(['first', 'middle', 'last']));
    expect(captured.some((p) => p.truncated)).toBe(true);
    expect(captured.some((p) => p.repostedBy)).toBe(true);
  });

  it('exports a file that imports whole into an empty database and exports back the same', async () => {
    const { db, store } = await freshStore();
    const first = await store.currentRoundup();
    await store.setRoundupText(first.id, 'title', 'From the real pages');
    for (const post of captured) await store.clip(fromPage(post));
    await store.setItemText(first.id, captured[0]!.id, 'commentary', 'My take on the first');

    // Clipped from a link on pages that are not web pages: no page address, maybe no author.
    const second = await store.createRoundup('Links');
    const linkOnly = fromPage(postFromLink('https://x.com/someone/status/1234567890123456789', 'chrome://newtab/', CAPTURED_AT));
    const anonymous = fromPage(postFromLink('https://twitter.com/i/web/status/1234567890123456790', 'about:blank', CAPTURED_AT));
    expect(linkOnly).toMatchObject({ pageUrl: '', partial: true, author: { handle: 'someone' } });
    expect(anonymous).toMatchObject({ pageUrl: '', partial: true, author: { name: '', handle: '' } });
    await store.clip(linkOnly);
    await store.clip(anonymous);
    await store.clip(fromPage(captured[1]!));
    await store.setItemText(second.id, linkOnly.id, 'leadIn', 'Only a link, but my words');
    await store.setPublished(second.id, true);
    expect((await store.getRoundup(second.id))?.publishedPosts).toHaveLength(3);

    // Both kinds of Trash entry: an item removed with its words, a deleted roundup.
    await store.setItemText(second.id, anonymous.id, 'commentary', 'Removed, not lost');
    await store.removeItem(second.id, anonymous.id);
    const third = await store.createRoundup('Deleted, not lost');
    await store.clip(fromPage(captured[2]!));
    await store.setItemText(third.id, captured[2]!.id, 'commentary', 'In the Trash');
    await store.deleteRoundup(third.id);

    // Written by an older version: a post and a roundup the schema refuses as they are.
    await db.put('posts', LEGACY_POST as unknown as Post);
    const legacyRoundup = {
      id: 'legacy-roundup', title: 'Old', intro: '', closing: '', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-02T00:00:00Z',
      exportedAt: 'last week', legacyField: 1,
      items: [
        { postId: LEGACY_POST.id, leadIn: 'First words', commentary: '' },
        { postId: captured[3]!.id, leadIn: '', commentary: 'Kept' },
        { postId: LEGACY_POST.id, leadIn: 'Second words', commentary: 'More', stray: true },
      ],
    };
    await db.put('roundups', legacyRoundup as unknown as Roundup);

    const text = renderBackup(await store.exportAll(EXPORTED_AT));
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(`the backup does not import: ${parsed.error}`);
    const { data } = parsed;
    expect(data.posts).toHaveLength(captured.length + 3);
    expect(data.trash.map((e) => e.kind).sort()).toEqual(['item', 'roundup']);
    expect(data.trash.find((e) => e.kind === 'roundup')?.id).toBe(roundupTrashId(third.id));
    expect(data.roundups.find((r) => r.id === second.id)?.publishedPosts).toHaveLength(3);

    // The older data, made fit: what could not be kept is dropped, every word kept.
    const legacy = data.posts.find((p) => p.id === LEGACY_POST.id)!;
    expect(legacy).toMatchObject({
      text: 'Words from before',
      segments: [{ kind: 'text', text: 'Words from ' }, { kind: 'text', text: 'before' }],
      author: { name: 'Old Timer', handle: '' },
      capturedAt: '2026-11-20T09:00:00.000Z',
      pageUrl: '',
      quoted: { id: '', url: '', text: 'Quoted words', pageUrl: '' },
      card: { url: 'https://t.co/a', title: 'xxxxxxxxxx' },
    });
    expect(legacy.media).toHaveLength(100);
    for (const gone of ['lang', 'createdAt', 'evil']) expect(legacy).not.toHaveProperty(gone);
    expect(legacy.quoted).not.toHaveProperty('quoted');
    expect(data.roundups.find((r) => r.id === 'legacy-roundup')).toEqual({
      id: 'legacy-roundup', title: 'Old', intro: '', closing: '', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-02T00:00:00Z',
      items: [
        { postId: LEGACY_POST.id, leadIn: 'First words\n\nSecond words', commentary: 'More' },
        { postId: captured[3]!.id, leadIn: '', commentary: 'Kept' },
      ],
    });

    const { store: empty } = await freshStore();
    const summary = await empty.importBackup(data);
    expect(summary).toEqual({
      roundups: { added: data.roundups.length, replaced: 0, kept: 0 },
      posts: { added: data.posts.length, replaced: 0, kept: 0 },
      trash: { added: 2, replaced: 0, kept: 0 },
    });
    expect(renderBackup(await empty.exportAll(EXPORTED_AT))).toBe(text);
  });
});
