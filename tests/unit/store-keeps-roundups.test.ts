import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, DB_VERSION, openRoundupDb, type Db } from '../../src/store';
import { makePost } from './helpers/posts';

let counter = 0;
const open: Db[] = [];
async function freshDb(name = `test-${++counter}`) {
  const db = await openRoundupDb(name);
  open.push(db);
  return { db, name };
}
let clock = 0;
const options = { now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString() };
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('the store', () => {
  it('creates a current roundup on first use and keeps returning it', async () => {
    const { db } = await freshDb();
    const store = createStore(db, options);
    const first = await store.currentRoundup();
    expect(first).toMatchObject({ title: '', intro: '', closing: '', items: [] });
    expect((await store.currentRoundup()).id).toBe(first.id);
  });

  it('appends clipped posts in clip order and stores each post', async () => {
    const { db } = await freshDb();
    const store = createStore(db, options);
    for (const n of [3, 1, 2]) await store.clip(makePost(n));
    const { roundup, posts } = await store.loadRoundup((await store.currentRoundup()).id);
    expect(roundup.items.map((i) => i.postId)).toEqual([makePost(3).id, makePost(1).id, makePost(2).id]);
    expect(posts.map((p) => p.author.handle)).toEqual(['author3', 'author1', 'author2']);
  });

  it('keeps a post clipped twice as one item, refreshing the stored post', async () => {
    const { db } = await freshDb();
    const store = createStore(db, options);
    expect((await store.clip(makePost(1))).added).toBe(true);
    const again = await store.clip(makePost(1, { text: 'edited on X' }));
    expect(again.added).toBe(false);
    expect(again.roundup.items).toHaveLength(1);
    const { posts } = await store.loadRoundup(again.roundup.id);
    expect(posts[0]?.text).toBe('edited on X');
  });

  it('reorders items and clamps moves past either end', async () => {
    const { db } = await freshDb();
    const store = createStore(db, options);
    for (const n of [1, 2, 3]) await store.clip(makePost(n));
    const id = (await store.currentRoundup()).id;
    const ids = (r: { items: { postId: string }[] }) => r.items.map((i) => i.postId.slice(-1));
    expect(ids(await store.moveItem(id, makePost(3).id, 0))).toEqual(['3', '1', '2']);
    expect(ids(await store.moveItem(id, makePost(3).id, 99))).toEqual(['1', '2', '3']);
    expect(ids(await store.moveItem(id, makePost(2).id, 0))).toEqual(['2', '1', '3']);
  });

  it('removes an item and keeps the rest with their notes', async () => {
    const { db } = await freshDb();
    const store = createStore(db, options);
    for (const n of [1, 2]) await store.clip(makePost(n));
    const id = (await store.currentRoundup()).id;
    await store.setItemText(id, makePost(2).id, 'commentary', 'Keep me');
    const { roundup: after } = await store.removeItem(id, makePost(1).id);
    expect(after.items).toEqual([{ postId: makePost(2).id, leadIn: '', commentary: 'Keep me' }]);
  });

  it('stores each text field on its own, so edits to different fields never clobber each other', async () => {
    const { db } = await freshDb();
    const a = createStore(db, options);
    const b = createStore(db, options);
    await a.clip(makePost(1));
    const id = (await a.currentRoundup()).id;
    await Promise.all([
      a.setRoundupText(id, 'title', 'Healthcare Social Media #hcsm'),
      b.setRoundupText(id, 'intro', 'I have been reading tweet after tweet.'),
      a.setItemText(id, makePost(1).id, 'leadIn', 'This next tweet…'),
      b.setItemText(id, makePost(1).id, 'commentary', 'I love it.'),
    ]);
    const r = await a.getRoundup(id);
    expect(r).toMatchObject({ title: 'Healthcare Social Media #hcsm', intro: 'I have been reading tweet after tweet.' });
    expect(r?.items[0]).toMatchObject({ leadIn: 'This next tweet…', commentary: 'I love it.' });
  });

  it('refuses edits to a roundup or item that does not exist, changing nothing', async () => {
    const { db } = await freshDb();
    const store = createStore(db, options);
    await store.clip(makePost(1));
    const before = await store.currentRoundup();
    await expect(store.setRoundupText('nope', 'title', 'x')).rejects.toThrow('There is no roundup with id "nope"');
    await expect(store.setItemText(before.id, 'x:1', 'commentary', 'x')).rejects.toThrow('holds no post "x:1"');
    expect(await store.getRoundup(before.id)).toEqual(before);
  });

  it('keeps everything across closing and reopening the database', async () => {
    const { db, name } = await freshDb();
    const store = createStore(db, options);
    await store.clip(makePost(1));
    const id = (await store.currentRoundup()).id;
    await store.setItemText(id, makePost(1).id, 'commentary', 'Still here after a restart');
    db.close();
    const reopened = createStore((await freshDb(name)).db, options);
    expect((await reopened.currentRoundup()).id).toBe(id);
    const { roundup, posts } = await reopened.loadRoundup(id);
    expect(roundup.items[0]?.commentary).toBe('Still here after a restart');
    expect(posts[0]).toEqual(makePost(1));
  });

  it('upgrades a version-1 database, keeping its roundups and posts and finding the current one', async () => {
    const name = `v1-${++counter}`;
    // A database as version 1 of the schema left it: posts and roundups, no meta, no index.
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('posts', { keyPath: 'id' });
        db.createObjectStore('roundups', { keyPath: 'id' });
      },
    });
    const post = makePost(7);
    const old = { id: 'r-old', title: 'Older', intro: '', closing: '', items: [], createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
    const recent = { ...old, id: 'r-recent', title: 'Recent', items: [{ postId: post.id, leadIn: 'Lead', commentary: 'Take' }], updatedAt: '2025-06-01T00:00:00.000Z' };
    await v1.put('posts', post);
    await v1.put('roundups', old);
    await v1.put('roundups', recent);
    v1.close();

    const { db } = await freshDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['copies', 'meta', 'posts', 'publishing', 'roundups', 'trash']);
    const store = createStore(db, options);
    const current = await store.currentRoundup();
    expect(current.id).toBe('r-recent');
    expect((await store.loadRoundup('r-recent')).posts).toEqual([post]);
    expect(await store.getRoundup('r-old')).toEqual(old);
  });
});

describe('clipping a post known only from a link', () => {
  it('keeps the richer copy already stored, and stores the link when there is none', async () => {
    const db = await openRoundupDb(`link-${++counter}`);
    open.push(db);
    const store = createStore(db, options);
    const rich = makePost(1);
    const fromLink = makePost(1, { text: '', segments: [], partial: true });
    await store.clip(rich);
    await store.removeItem((await store.currentRoundup()).id, rich.id);
    const again = await store.clip(fromLink);
    expect(again.added).toBe(true);
    expect((await store.loadRoundup(again.roundup.id)).posts).toEqual([rich]);
    const fresh = makePost(2, { text: '', segments: [], partial: true });
    await store.clip(fresh);
    expect((await store.loadRoundup(again.roundup.id)).posts).toEqual([rich, fresh]);
  });
});
