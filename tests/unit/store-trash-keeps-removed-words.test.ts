// Removing never destroys words: an item that holds some goes to the Trash with its place, a
// deleted roundup goes there whole, and both come back from it. Requests sent twice change
// nothing the second time. A published roundup keeps its posts as they were.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { createStores, openRoundupDb, type Db } from '../../src/store';
import { itemTrashId, roundupTrashId } from '../../src/model/trash';
import { makePost } from './helpers/posts';

let counter = 0;
const open: Db[] = [];
let day = 0;
let second = 0;
const now = () => new Date(Date.UTC(2026, 0, 1 + day, 0, 0, second++)).toISOString();
async function stores(name = `trash-${++counter}`) {
  const db = await openRoundupDb(name);
  open.push(db);
  return createStores(db, { now });
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  day = 0;
});

/** A roundup with posts 1..n clipped and words on some. */
async function withItems(n: number, words: Record<number, string> = {}) {
  const store = await stores();
  for (let i = 1; i <= n; i++) await store.clip(makePost(i));
  const id = (await store.currentRoundup()).id;
  await store.setRoundupText(id, 'title', 'Crypto week');
  for (const [i, text] of Object.entries(words)) await store.setItemText(id, makePost(Number(i)).id, 'commentary', text);
  return { store, id };
}
const order = async (store: Awaited<ReturnType<typeof stores>>, id: string) =>
  (await store.loadRoundup(id)).roundup.items.map((i) => [i.postId.slice(-1), i.commentary]);

describe('the Trash keeps what was removed', () => {
  it('moves an item with words to the Trash, with its place, and simply removes an empty one', async () => {
    const { store, id } = await withItems(3, { 2: 'My take' });
    const removed = await store.removeItem(id, makePost(2).id);
    expect(removed.trashId).toBe(itemTrashId(id, makePost(2).id));
    expect((await store.removeItem(id, makePost(3).id)).trashId).toBeUndefined();
    const { entries, posts } = await store.listTrash();
    expect(entries).toEqual([
      expect.objectContaining({ kind: 'item', roundupId: id, roundupTitle: 'Crypto week', index: 1, after: makePost(1).id,
        item: { postId: makePost(2).id, leadIn: '', commentary: 'My take' } }),
    ]);
    expect(posts[makePost(2).id]?.author.handle).toBe('author2');
  });

  it('restores an item after the post that stood before it, words and all, and uses up the entry', async () => {
    const { store, id } = await withItems(4, { 3: 'Third words' });
    const { trashId } = await store.removeItem(id, makePost(3).id);
    await store.moveItem(id, makePost(2).id, 0); // 2 1 4: post 2 (before 3) moved to the top
    await store.restoreFromTrash(trashId!);
    expect(await order(store, id)).toEqual([['2', ''], ['3', 'Third words'], ['1', ''], ['4', '']]);
    expect((await store.listTrash()).entries).toEqual([]);
  });

  it('puts an item removed from the top back at the top', async () => {
    const { store, id } = await withItems(3, { 1: 'First words' });
    const { trashId } = await store.removeItem(id, makePost(1).id);
    await store.restoreFromTrash(trashId!);
    expect((await order(store, id))[0]).toEqual(['1', 'First words']);
  });

  it('answers a restore sent twice without doing it twice, and says when the entry is gone', async () => {
    const { store, id } = await withItems(2, { 1: 'Once' });
    const { trashId } = await store.removeItem(id, makePost(1).id);
    await store.restoreFromTrash(trashId!);
    await store.restoreFromTrash(trashId!);
    expect(await order(store, id)).toEqual([['1', 'Once'], ['2', '']]);
    await store.removeItem(id, makePost(1).id);
    await store.emptyTrash();
    await expect(store.restoreFromTrash(trashId!)).rejects.toThrow(/no longer in the Trash/);
  });

  it('brings the words back when a removed post is clipped again, at its old place', async () => {
    const { store, id } = await withItems(3, { 2: 'Do not lose me' });
    await store.removeItem(id, makePost(2).id);
    const { added } = await store.clip(makePost(2));
    expect(added).toBe(true);
    expect(await order(store, id)).toEqual([['1', ''], ['2', 'Do not lose me'], ['3', '']]);
    expect((await store.listTrash()).entries).toEqual([]);
  });

  it('keeps both texts when a restored item meets words typed for the same post meanwhile', async () => {
    const { store, id } = await withItems(1, { 1: 'Old words' });
    const { trashId } = await store.removeItem(id, makePost(1).id);
    // The same post clipped into the roundup by a path that does not look in the Trash (an editor's undo).
    await store.restoreItem(id, { postId: makePost(1).id, leadIn: 'New lead-in', commentary: 'New words' }, 0);
    expect((await store.loadRoundup(id)).roundup.items[0]).toEqual({ postId: makePost(1).id, leadIn: 'New lead-in', commentary: 'New words\n\nOld words' });
    await expect(store.restoreFromTrash(trashId!)).resolves.toBeTruthy(); // already back: no error
  });

  it('restores an item whose roundup was deleted since by bringing the roundup back too', async () => {
    const { store, id } = await withItems(2, { 1: 'Words' });
    const { trashId } = await store.removeItem(id, makePost(1).id);
    await store.createRoundup('Next');
    await store.deleteRoundup(id);
    await store.restoreFromTrash(trashId!);
    expect(await order(store, id)).toEqual([['1', 'Words'], ['2', '']]);
    expect((await store.listRoundups()).map((r) => r.title).sort()).toEqual(['Crypto week', 'Next']);
    expect((await store.listTrash()).entries).toEqual([]);
  });

  it('deletes a roundup once even when asked twice, and lists the Trash newest first', async () => {
    const { store, id } = await withItems(1, { 1: 'Words' });
    await store.removeItem(id, makePost(1).id);
    expect(await store.deleteRoundup(id)).toEqual({ trashId: roundupTrashId(id) });
    expect(await store.deleteRoundup(id)).toEqual({ trashId: roundupTrashId(id) });
    expect((await store.listTrash()).entries.map((e) => e.kind)).toEqual(['roundup', 'item']);
  });

  it('forgets entries 30 days old and empties on request', async () => {
    const { store, id } = await withItems(2, { 1: 'Old', 2: 'Recent' });
    await store.removeItem(id, makePost(1).id);
    day = 31;
    await store.removeItem(id, makePost(2).id);
    expect((await store.listTrash()).entries.map((e) => e.kind === 'item' && e.item.commentary)).toEqual(['Recent']);
    expect(await store.emptyTrash()).toBe(1);
    expect((await store.listTrash()).entries).toEqual([]);
  });

  it('removing an item that is not there (a request sent twice) changes nothing', async () => {
    const { store, id } = await withItems(1, { 1: 'Words' });
    await store.removeItem(id, makePost(1).id);
    const again = await store.removeItem(id, makePost(1).id);
    expect(again.trashId).toBeUndefined();
    expect((await store.listTrash()).entries).toHaveLength(1);
  });

  it('makes one roundup for a create sent twice with its id', async () => {
    const store = await stores();
    const a = await store.createRoundup('Once', 'made-by-editor-1');
    const b = await store.createRoundup('Once', 'made-by-editor-1');
    expect(b).toEqual(a);
    expect((await store.listRoundups()).filter((r) => r.id === 'made-by-editor-1')).toHaveLength(1);
  });
});

describe('posts are only ever enriched, and a published roundup keeps them as they were', () => {
  it('a recapture cut by "Show more" does not replace the full text', async () => {
    const store = await stores();
    const full = makePost(1, { text: 'The whole long text', segments: [{ kind: 'text', text: 'The whole long text' }] });
    await store.clip(full);
    const id = (await store.currentRoundup()).id;
    await store.removeItem(id, full.id);
    await store.clip(makePost(1, { text: 'The whole', segments: [{ kind: 'text', text: 'The whole' }], truncated: true }));
    expect((await store.loadRoundup(id)).posts[0]!.text).toBe('The whole long text');
  });

  it('a published roundup shows its posts as published, while drafts see the newer capture', async () => {
    const store = await stores();
    await store.clip(makePost(1, { text: 'As published' }));
    const published = (await store.currentRoundup()).id;
    await store.setPublished(published, true);
    await store.createRoundup('Draft');
    await store.clip(makePost(1, { text: 'Edited on X later' }));
    const draft = (await store.currentRoundup()).id;
    expect((await store.loadRoundup(published)).posts[0]!.text).toBe('As published');
    expect((await store.loadRoundup(draft)).posts[0]!.text).toBe('Edited on X later');
    await store.setCurrentRoundup(published);
    expect((await store.readCurrent())!.posts[0]!.text).toBe('As published');
    await store.setPublished(published, false);
    expect((await store.loadRoundup(published)).posts[0]!.text).toBe('Edited on X later');
  });
});

describe('upgrading the database from version 3', () => {
  it('carries the deleted roundups of the old trash over as Trash entries', async () => {
    const name = `trash-v3-${++counter}`;
    const v3 = await openDB(name, 3, {
      upgrade(db) {
        db.createObjectStore('posts', { keyPath: 'id' });
        db.createObjectStore('roundups', { keyPath: 'id' }).createIndex('byUpdatedAt', 'updatedAt');
        db.createObjectStore('meta');
        db.createObjectStore('trash', { keyPath: 'roundup.id' }).createIndex('byDeletedAt', 'deletedAt');
      },
    });
    const old = { id: 'gone', title: 'Deleted in v3', intro: '', closing: '', items: [{ postId: 'x:1', leadIn: '', commentary: 'v3 words' }], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
    await v3.put('trash', { roundup: old, deletedAt: '2026-01-02T00:00:00.000Z' });
    v3.close();
    const store = await stores(name);
    expect((await store.listTrash()).entries).toEqual([{ id: 'roundup:gone', kind: 'roundup', roundup: old, deletedAt: '2026-01-02T00:00:00.000Z' }]);
    expect((await store.restoreFromTrash('roundup:gone')).items[0]!.commentary).toBe('v3 words');
  });
});
