// Importing a backup merges the Trash as it merges roundups: the newer wins. An older file
// never pulls a roundup deleted since out of the Trash, nor deletes one edited since; a live
// roundup is only ever moved to the Trash, never deleted; entries past their 30 days are not
// brought back; and the same file imported twice changes nothing the second time.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupData } from '../../src/export/backup';
import { DEFAULT_EXPORT_SETTINGS } from '../../src/export';
import { newRoundup, type Roundup } from '../../src/model/roundup';
import { itemTrashId, roundupTrashId, type TrashedItem, type TrashedRoundup } from '../../src/model/trash';
import { createBackupStore, createStores, openRoundupDb, type Db } from '../../src/store';
import { makePost } from './helpers/posts';

const NOW = '2026-11-20T12:00:00.000Z';
const DAY = 86_400_000;
const daysAgo = (n: number): string => new Date(Date.parse(NOW) - n * DAY).toISOString();

let n = 0;
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function freshStore() {
  const db = await openRoundupDb(`trash-merge-${++n}`);
  open.push(db);
  const options = { now: () => NOW };
  return { db, store: { ...createStores(db, options), ...createBackupStore(db, options) } };
}

const roundup = (id: string, updatedAt: string, title = id): Roundup => ({
  ...newRoundup(id, daysAgo(20)), title, updatedAt, items: [{ postId: makePost(1).id, leadIn: '', commentary: `Words of ${title}` }],
});
const deleted = (r: Roundup, deletedAt: string): TrashedRoundup => ({ id: roundupTrashId(r.id), kind: 'roundup', roundup: r, deletedAt });
const removed = (roundupId: string, commentary: string, deletedAt: string): TrashedItem => ({
  id: itemTrashId(roundupId, makePost(2).id), kind: 'item', roundupId, roundupTitle: 'T',
  item: { postId: makePost(2).id, leadIn: '', commentary }, index: 1, after: makePost(1).id, deletedAt,
});
const file = (part: Partial<BackupData>): BackupData => ({
  exportedAt: NOW, roundups: [], posts: [makePost(1), makePost(2)], trash: [], settings: DEFAULT_EXPORT_SETTINGS, ...part,
});
const none = { added: 0, replaced: 0, kept: 0 };

describe('importing the Trash: the newer wins', () => {
  it('leaves a roundup deleted here after the file\'s copy was edited in the Trash, counting it kept', async () => {
    const { db, store } = await freshStore();
    const mine = roundup('r1', daysAgo(5));
    await db.put('trash', deleted(mine, daysAgo(3)));
    const summary = await store.importBackup(file({ roundups: [roundup('r1', daysAgo(4), 'older copy')] }));
    expect(summary.roundups).toEqual({ ...none, kept: 1 });
    expect(await db.get('roundups', 'r1')).toBeUndefined();
    expect(await db.get('trash', roundupTrashId('r1'))).toEqual(deleted(mine, daysAgo(3)));
  });

  it('takes a deleted roundup\'s copy edited after the deletion out of the Trash', async () => {
    const { db, store } = await freshStore();
    await db.put('trash', deleted(roundup('r1', daysAgo(5)), daysAgo(3)));
    const summary = await store.importBackup(file({ roundups: [roundup('r1', daysAgo(2), 'newer copy')] }));
    expect(summary.roundups).toEqual({ ...none, replaced: 1 });
    expect((await db.get('roundups', 'r1'))?.title).toBe('newer copy');
    expect(await db.get('trash', roundupTrashId('r1'))).toBeUndefined();
  });

  it('moves a live roundup to the Trash when the file\'s deletion is later than its last edit here — never deletes it', async () => {
    const { db, store } = await freshStore();
    const mine = roundup('r1', daysAgo(4), 'mine, edited after their copy');
    const other = roundup('r2', daysAgo(6));
    await db.put('roundups', mine);
    await db.put('roundups', other);
    await db.put('meta', 'r1', 'currentRoundupId');
    const summary = await store.importBackup(file({ trash: [deleted(roundup('r1', daysAgo(10), 'theirs'), daysAgo(2))] }));
    expect(summary.trash).toEqual({ ...none, added: 1 });
    expect(await db.get('roundups', 'r1')).toBeUndefined();
    // The last edited copy is the one kept in the Trash, with the file's deletion.
    expect(await db.get('trash', roundupTrashId('r1'))).toEqual(deleted(mine, daysAgo(2)));
    expect(await db.get('meta', 'currentRoundupId')).toBe('r2');
  });

  it('keeps a roundup live when it was edited here after the file\'s deletion, counting the entry kept', async () => {
    const { db, store } = await freshStore();
    const mine = roundup('r1', daysAgo(1));
    await db.put('roundups', mine);
    const summary = await store.importBackup(file({ trash: [deleted(roundup('r1', daysAgo(10)), daysAgo(2))] }));
    expect(summary.trash).toEqual({ ...none, kept: 1 });
    expect(await db.get('roundups', 'r1')).toEqual(mine);
    expect(await db.get('trash', roundupTrashId('r1'))).toBeUndefined();
  });

  it('for one Trash entry in both, keeps the later deletion', async () => {
    const { db, store } = await freshStore();
    await db.put('trash', removed('r1', 'mine', daysAgo(3)));
    await db.put('trash', removed('r2', 'mine', daysAgo(1)));
    const summary = await store.importBackup(file({
      trash: [removed('r1', 'theirs, later', daysAgo(2)), removed('r2', 'theirs, earlier', daysAgo(2)), removed('r3', 'new', daysAgo(2))],
    }));
    expect(summary.trash).toEqual({ added: 1, replaced: 1, kept: 1 });
    expect((await db.getAll('trash')).map((e) => [e.id, (e as TrashedItem).item.commentary])).toEqual([
      [itemTrashId('r1', makePost(2).id), 'theirs, later'],
      [itemTrashId('r2', makePost(2).id), 'mine'],
      [itemTrashId('r3', makePost(2).id), 'new'],
    ]);
  });

  it('does not bring back an entry past its 30 days', async () => {
    const { db, store } = await freshStore();
    const summary = await store.importBackup(file({ trash: [removed('r1', 'old', daysAgo(31)), deleted(roundup('r2', daysAgo(40)), daysAgo(30))] }));
    expect(summary.trash).toEqual(none);
    expect(await db.getAll('trash')).toEqual([]);
  });

  it('ends a roundup the file holds both live and deleted where the later of its edit and deletion puts it', async () => {
    const { db, store } = await freshStore();
    const r1 = roundup('r1', daysAgo(5));
    const r2 = roundup('r2', daysAgo(1));
    await store.importBackup(file({ roundups: [r1, r2], trash: [deleted(r1, daysAgo(4)), deleted(r2, daysAgo(2))] }));
    expect((await db.getAll('roundups')).map((r) => r.id)).toEqual(['r2']);
    expect((await db.getAll('trash')).map((e) => e.id)).toEqual([roundupTrashId('r1')]);
  });

  it('imported twice, the same file changes nothing the second time', async () => {
    const { db, store } = await freshStore();
    await db.put('roundups', roundup('r1', daysAgo(6)));
    const data = file({
      roundups: [roundup('r2', daysAgo(5))],
      trash: [deleted(roundup('r1', daysAgo(9)), daysAgo(2)), removed('r2', 'words', daysAgo(3))],
    });
    expect(await store.importBackup(data)).toEqual({ roundups: { ...none, added: 1 }, posts: { ...none, added: 2 }, trash: { ...none, added: 2 } });
    const once = await store.exportAll(NOW);
    expect(await store.importBackup(data)).toEqual({ roundups: { ...none, kept: 1 }, posts: { ...none, kept: 2 }, trash: { ...none, kept: 2 } });
    expect(await store.exportAll(NOW)).toEqual(once);
  });

  it('exports every Trash entry, by id', async () => {
    const { db, store } = await freshStore();
    const entries = [removed('r2', 'b', daysAgo(1)), deleted(roundup('r1', daysAgo(3)), daysAgo(2)), removed('r1', 'a', daysAgo(2))];
    for (const e of entries) await db.put('trash', e);
    expect((await store.exportAll(NOW)).trash.map((e) => e.id)).toEqual(entries.map((e) => e.id).sort());
  });
});

describe('importing posts: a stored post is only ever enriched', () => {
  it('a newer but poorer copy in the file (a link-only clip) keeps the stored words, and counts as replaced', async () => {
    const { store } = await freshStore();
    const rich = makePost(3, { text: 'All the words', segments: [{ kind: 'text', text: 'All the words' }], capturedAt: daysAgo(2) });
    await store.importBackup(file({ posts: [rich] }));
    const poorer = makePost(3, { text: '', segments: [], partial: true, capturedAt: daysAgo(1), pageUrl: '' });
    const summary = await store.importBackup(file({ posts: [poorer] }));
    expect(summary.posts).toEqual({ added: 0, replaced: 1, kept: 0 });
    const [stored] = (await store.exportAll(NOW)).posts.filter((p) => p.id === rich.id);
    expect(stored).toMatchObject({ text: 'All the words', capturedAt: daysAgo(1), pageUrl: rich.pageUrl });
    expect(stored!.partial).toBeUndefined();
    // The same file again changes nothing.
    expect((await store.importBackup(file({ posts: [poorer] }))).posts).toEqual({ added: 0, replaced: 0, kept: 1 });
  });
});
