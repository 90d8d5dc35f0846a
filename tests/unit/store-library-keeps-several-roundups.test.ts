import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, createStores, openRoundupDb, type Db } from '../../src/store';
import { makePost } from './helpers/posts';

let counter = 0;
const open: Db[] = [];
let clock = 0;
const options = { now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString() };
async function stores(name = `library-${++counter}`) {
  const db = await openRoundupDb(name);
  open.push(db);
  return createStores(db, options);
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('the store keeps several roundups', () => {
  it('lists roundups last edited first, with their post counts and which is current', async () => {
    const store = await stores();
    const first = await store.currentRoundup();
    await store.clip(makePost(1));
    const second = await store.createRoundup('Second');
    await store.setRoundupText(first.id, 'title', 'First');
    const list = await store.listRoundups();
    expect(list.map((r) => [r.title, r.postCount, r.current])).toEqual([
      ['First', 1, false],
      ['Second', 0, true],
    ]);
    expect(list[1]!.id).toBe(second.id);
  });

  it('sends new clips to the roundup made current', async () => {
    const store = await stores();
    const first = await store.currentRoundup();
    const second = await store.createRoundup('');
    await store.clip(makePost(1));
    await store.setCurrentRoundup(first.id);
    await store.clip(makePost(2));
    expect((await store.getRoundup(second.id))!.items.map((i) => i.postId)).toEqual([makePost(1).id]);
    expect((await store.getRoundup(first.id))!.items.map((i) => i.postId)).toEqual([makePost(2).id]);
    expect((await store.readCurrent())!.roundup.id).toBe(first.id);
  });

  it('moves a deleted roundup to the trash and restores it whole, as current', async () => {
    const store = await stores();
    const first = await store.currentRoundup();
    await store.clip(makePost(1));
    await store.setItemText(first.id, makePost(1).id, 'commentary', 'kept words');
    const second = await store.createRoundup('Other');
    await store.setCurrentRoundup(first.id);
    await store.deleteRoundup(first.id);
    expect((await store.listRoundups()).map((r) => r.id)).toEqual([second.id]);
    expect((await store.currentRoundup()).id).toBe(second.id);
    const back = await store.restoreFromTrash(`roundup:${first.id}`);
    expect(back.items[0]!.commentary).toBe('kept words');
    expect((await store.readCurrent())!.roundup.id).toBe(first.id);
    // Sent twice (a resend after a reconnect): answered, not an error, nothing done twice.
    expect((await store.restoreFromTrash(`roundup:${first.id}`)).id).toBe(first.id);
    await expect(store.restoreFromTrash('roundup:never-there')).rejects.toThrow(/no longer in the Trash/);
  });

  it('empties roundups deleted more than 30 days ago from the trash', async () => {
    let day = 0;
    const at = () => new Date(Date.UTC(2026, 0, 1 + day)).toISOString();
    const db = await openRoundupDb(`library-${++counter}`);
    open.push(db);
    const store = createStores(db, { now: at });
    const old = await store.createRoundup('Old');
    await store.deleteRoundup(old.id);
    day = 31;
    const recent = await store.createRoundup('Recent');
    await store.deleteRoundup(recent.id);
    await expect(store.restoreFromTrash(`roundup:${old.id}`)).rejects.toThrow(/no longer in the Trash/);
    expect((await store.restoreFromTrash(`roundup:${recent.id}`)).title).toBe('Recent');
  });

  it('makes a fresh current roundup when the last one is deleted', async () => {
    const store = await stores();
    const only = await store.currentRoundup();
    await store.deleteRoundup(only.id);
    expect(await store.readCurrent()).toBeNull();
    const fresh = await store.currentRoundup();
    expect(fresh.id).not.toBe(only.id);
  });

  it('marks a roundup published and back to draft, keeping it', async () => {
    const store = await stores();
    const r = await store.currentRoundup();
    await store.setPublished(r.id, true);
    expect((await store.listRoundups())[0]!.publishedAt).toMatch(/^2026-/);
    await store.setPublished(r.id, false);
    expect((await store.listRoundups())[0]!.publishedAt).toBeUndefined();
  });

  it('puts a removed item back at its place with its words, once', async () => {
    const store = await stores();
    for (const n of [1, 2, 3]) await store.clip(makePost(n));
    const id = (await store.currentRoundup()).id;
    const item = { postId: makePost(2).id, leadIn: 'before', commentary: 'after' };
    await store.removeItem(id, item.postId);
    await store.restoreItem(id, item, 1);
    const again = await store.restoreItem(id, item, 1);
    expect(again.items.map((i) => i.postId)).toEqual([1, 2, 3].map((n) => makePost(n).id));
    expect(again.items[1]).toEqual(item);
  });
});

describe('upgrading the database from version 2', () => {
  it('keeps version-2 roundups, posts and the current one, and adds the trash', async () => {
    const name = `upgrade-${++counter}`;
    const v2 = await openDB(name, 2, {
      upgrade(db) {
        db.createObjectStore('posts', { keyPath: 'id' });
        db.createObjectStore('roundups', { keyPath: 'id' }).createIndex('byUpdatedAt', 'updatedAt');
        db.createObjectStore('meta');
      },
    });
    const post = makePost(7);
    await v2.put('posts', post);
    await v2.put('roundups', {
      id: 'old', title: 'From v2', intro: 'intro', closing: '', createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-02T00:00:00.000Z', items: [{ postId: post.id, leadIn: '', commentary: 'old words' }],
    });
    await v2.put('meta', 'old', 'currentRoundupId');
    v2.close();

    const db = await openRoundupDb(name);
    open.push(db);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['copies', 'meta', 'posts', 'publishing', 'roundups', 'trash']);
    const store = createStores(db, options);
    const current = await store.readCurrent();
    expect(current?.roundup.title).toBe('From v2');
    expect(current?.posts.map((p) => p.id)).toEqual([post.id]);
    await store.deleteRoundup('old');
    expect((await store.restoreFromTrash('roundup:old')).items[0]!.commentary).toBe('old words');
  });
});
