// The whole-database backup: exporting, importing into an empty store and exporting again
// gives the same file; the same file imported twice adds nothing; newer writing is never
// lost to an older backup; a bad file, sent as the editor sends it, changes nothing.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/background/handlers';
import { createRouter } from '../../src/background/router';
import { renderBackup } from '../../src/export';
import { createBackupStore, createStores, openRoundupDb, type Db, type Stores } from '../../src/store';
import { itemTrashId, roundupTrashId } from '../../src/model/trash';
import { makePost } from './helpers/posts';

const AT = '2026-02-01T12:00:00.000Z';
let n = 0;
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function freshStore(): Promise<Stores> {
  const db = await openRoundupDb(`backup-${++n}`);
  open.push(db);
  let tick = 0;
  const options = { now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(), newId: () => `r${++tick}` };
  // The backup store on the same clock: the Trash's 30 days are counted from the store's now.
  return { ...createStores(db, options), ...createBackupStore(db, options) };
}

/** A store with two roundups, three posts and changed settings. */
async function filledStore(): Promise<Stores> {
  const store = await freshStore();
  const first = await store.currentRoundup();
  for (const i of [1, 2]) await store.clip(makePost(i));
  await store.setRoundupText(first.id, 'title', 'First <b>roundup</b>');
  await store.setItemText(first.id, makePost(2).id, 'commentary', 'Two\n\nparagraphs');
  await store.createRoundup('Second');
  await store.clip(makePost(3));
  await store.updateSettings({ signature: 'About me', defaultFormat: 'markdown', theme: 'dark' });
  return store;
}

const backupText = async (store: Stores): Promise<string> => renderBackup(await store.exportAll(AT));

describe('the whole-database backup', () => {
  it('holds every roundup, post, Trash entry and setting, with its format and schema version', async () => {
    const store = await filledStore();
    const [first] = (await store.listRoundups()).filter((r) => r.title !== 'Second');
    await store.setItemText(first!.id, makePost(1).id, 'leadIn', 'Words to keep');
    await store.removeItem(first!.id, makePost(1).id);
    const file = JSON.parse(await backupText(store));
    expect(file).toMatchObject({ format: 'roundup-backup', schemaVersion: 2, exportedAt: AT });
    expect(file.trash).toEqual([expect.objectContaining({ id: itemTrashId(first!.id, makePost(1).id), item: expect.objectContaining({ leadIn: 'Words to keep' }) })]);
    expect(file.roundups.map((r: { title: string }) => r.title).sort()).toEqual(['First <b>roundup</b>', 'Second']);
    expect(file.posts).toHaveLength(3);
    expect(file.settings).toMatchObject({ signature: 'About me', defaultFormat: 'markdown', theme: 'dark', inlineButtons: { x: true } });
  });

  it('export → import into an empty store → export gives the identical file', async () => {
    const text = await backupText(await filledStore());
    const empty = await freshStore();
    const { route } = routerFor(empty);
    expect(await route({ type: 'importBackup', text })).toMatchObject({ ok: true });
    expect(await backupText(empty)).toBe(text);
  });

  it('keeps a published roundup published through export and import', async () => {
    const source = await filledStore();
    const [second] = (await source.listRoundups()).filter((r) => r.title === 'Second');
    await source.setPublished(second!.id, true);
    const text = await backupText(source);
    expect(JSON.parse(text).roundups.find((r: { title: string }) => r.title === 'Second').publishedAt).toMatch(/^2026-/);
    const target = await freshStore();
    expect(await routerFor(target).route({ type: 'importBackup', text })).toMatchObject({ ok: true });
    const restored = (await target.listRoundups()).find((r) => r.title === 'Second');
    expect(restored?.publishedAt).toMatch(/^2026-/);
    expect((await target.listRoundups()).find((r) => r.title === 'First <b>roundup</b>')?.publishedAt).toBeUndefined();
  });

  it('importing the same backup twice adds nothing the second time', async () => {
    const text = await backupText(await filledStore());
    const target = await freshStore();
    const { route } = routerFor(target);
    const first = await route({ type: 'importBackup', text });
    const none = { added: 0, replaced: 0, kept: 0 };
    expect(first).toEqual({ ok: true, value: { roundups: { ...none, added: 2 }, posts: { ...none, added: 3 }, trash: none } });
    const once = await backupText(target);
    const second = await route({ type: 'importBackup', text });
    expect(second).toEqual({ ok: true, value: { roundups: { ...none, kept: 2 }, posts: { ...none, kept: 3 }, trash: none } });
    expect(await backupText(target)).toBe(once);
  });

  it('keeps a stored roundup edited after the backup was made, and takes a newer one from the file', async () => {
    const store = await filledStore();
    const old = await store.exportAll(AT);
    const [first, second] = old.roundups;
    await store.setRoundupText(first!.id, 'intro', 'Written after the backup');
    const newer = { ...second!, title: 'Second, renamed on another machine', updatedAt: '2030-01-01T00:00:00.000Z' };
    const summary = await store.importBackup({ ...old, roundups: [first!, newer] });
    expect(summary.roundups).toEqual({ added: 0, replaced: 1, kept: 1 });
    expect((await store.getRoundup(first!.id))?.intro).toBe('Written after the backup');
    expect((await store.getRoundup(second!.id))?.title).toBe('Second, renamed on another machine');
  });

  it('writes all or nothing: a failure on the last post undoes every earlier write', async () => {
    const source = await (await filledStore()).exportAll(AT);
    const target = await freshStore();
    await target.updateSettings({ signature: 'Mine' });
    const before = await backupText(target);
    // A value IndexedDB cannot store, as a broken disk or quota would fail a write.
    const unstorable = { ...source.posts.at(-1)!, text: (() => 'x') as unknown as string };
    await expect(target.importBackup({ ...source, posts: [...source.posts.slice(0, -1), unstorable] })).rejects.toThrow();
    expect(await backupText(target)).toBe(before);
  });

  it('leaves a roundup deleted after the backup was made in the Trash (an older file never undoes a newer deletion)', async () => {
    const store = await filledStore();
    const backup = await store.exportAll(AT);
    const gone = backup.roundups[0]!;
    await store.deleteRoundup(gone.id);
    const summary = await store.importBackup(backup);
    expect(summary.roundups).toEqual({ added: 0, replaced: 0, kept: 2 });
    const after = await store.exportAll(AT);
    expect(after.roundups.map((r) => r.id)).not.toContain(gone.id);
    expect(after.trash.map((e) => e.id)).toEqual([roundupTrashId(gone.id)]);
  });

  it('brings a deleted roundup back out of the Trash when the file\'s copy was edited after the deletion', async () => {
    const store = await filledStore();
    const backup = await store.exportAll(AT);
    const gone = backup.roundups[0]!;
    await store.deleteRoundup(gone.id);
    const edited = { ...gone, title: 'Edited on another machine', updatedAt: '2026-06-01T00:00:00.000Z' };
    const summary = await store.importBackup({ ...backup, roundups: [edited] });
    expect(summary.roundups).toEqual({ added: 0, replaced: 1, kept: 0 });
    const after = await store.exportAll(AT);
    expect(after.roundups.find((r) => r.id === gone.id)?.title).toBe('Edited on another machine');
    expect(after.trash).toEqual([]); // never both in the Trash and in the list
  });
});

function routerFor(store: Stores) {
  const changes: string[] = [];
  const route = createRouter(createHandlers(store, (r) => void changes.push(r.id)), {
    extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/', contentHosts: ['x.com'],
  });
  return { changes, route: (m: unknown) => route(m, { id: 'ext', url: 'chrome-extension://ext/popup.html' }) };
}

describe('importing a bad or hostile file', () => {
  // Each turns a good backup (as a plain object) into the text of a bad one.
  const cases: Array<[string, (file: any) => string, RegExp]> = [
    ['not JSON', () => '{"format": "roundup-backup",', /backup is not valid JSON/],
    ['another kind of file', () => '{"hello": "world"}', /is not a Roundup backup/],
    ['a script URL in the last post', (f) => {
      f.posts.at(-1).url = 'javascript:alert(1)';
      return JSON.stringify(f);
    }, /posts\[2\]\.url is not an http\(s\) URL/],
    ['a prototype key', (f) => JSON.stringify(f).replace('"settings": {', '"settings": {"__proto__": {"polluted": true},').replace('"settings":{', '"settings":{"__proto__":{"polluted":true},'), /settings\.__proto__ is not allowed/],
    ['an item with a bad post id, after good roundups', (f) => {
      f.roundups.at(-1).items[0].postId = '<img>';
      return JSON.stringify(f);
    }, /roundups\[\d\]\.items\[0\]\.postId is not a post id/],
    ['a newer schema', (f) => {
      f.schemaVersion = 99;
      return JSON.stringify(f);
    }, /schemaVersion 99 is not supported/],
  ];

  it.each(cases)('%s: names what is wrong and changes nothing', async (_name, edit, problem) => {
    const text = edit(JSON.parse(await backupText(await filledStore())));
    const target = await filledStore();
    await target.updateSettings({ signature: 'Mine' });
    const before = await backupText(target);
    const { route, changes } = routerFor(target);
    const reply = await route({ type: 'importBackup', text });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(problem) });
    expect(reply).toMatchObject({ error: expect.stringMatching(/^This file cannot be imported: .*Nothing was changed\.$/) });
    expect(await backupText(target)).toBe(before);
    expect(changes).toEqual([]);
  });

  it('refuses a request whose text is not a string', async () => {
    const { route } = routerFor(await freshStore());
    expect(await route({ type: 'importBackup', text: { roundups: [] } })).toEqual({
      ok: false, error: 'Bad "importBackup" message: "text" must be the backup file\'s text.',
    });
  });
});
