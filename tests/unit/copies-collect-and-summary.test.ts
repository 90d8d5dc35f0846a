// A kept copy lives as long as something shows its picture: a roundup (its posts, and the posts
// as they were when it was published) or a Trash entry (a removed item's post, a deleted
// roundup's posts). Emptying the Trash, removing an item for good, and a worker start delete the
// copies nothing needs any more — never one a live or trashed thing still shows. Settings shows
// how much space the copies take.
import { afterEach, describe, expect, it } from 'vitest';
import type { KeptCopy } from '../../src/model/media';
import { readCopies } from '../../src/store/reads';
import { createRouter } from '../../src/background/router';
import { describeCopies } from '../../src/options/KeepCopies';
import { closeAll, postWithAvatar, rig, type CopyRig } from './helpers/copies';
import { makePost } from './helpers/posts';

afterEach(closeAll);

const pic = (name: string) => `https://pbs.twimg.com/profile_images/1/${name}.jpg`;
const kept = (url: string, size = 4): KeptCopy => ({
  url, status: 'kept', type: 'image/jpeg', size, bytes: new Blob([new Uint8Array(size)], { type: 'image/jpeg' }), keptAt: '2026-03-01T00:00:00.000Z',
});

/** The URLs that have a copy record (kept or missing), sorted. */
async function held(r: CopyRig, urls: string[]): Promise<string[]> {
  return [...(await readCopies(r.db, urls)).keys()].sort();
}

/** Clips posts showing avatars a, b, c… (post n shows `pic(name)`), with copies kept for each. */
async function clipped(r: CopyRig, names: string[]) {
  for (const [i, name] of names.entries()) await r.store.clip(postWithAvatar(i + 1, pic(name)));
  await r.store.putCopies(names.map((name) => kept(pic(name))));
  return (await r.store.currentRoundup()).id;
}

describe('copies nothing needs are deleted, and only those', () => {
  it('keeps a trashed item\'s pictures until the Trash is emptied', async () => {
    const r = await rig();
    const roundupId = await clipped(r, ['a', 'b']);
    await r.handlers.setItemText({ roundupId, postId: postWithAvatar(2, '').id, field: 'commentary', value: 'My take' }, {});
    const { trashId } = await r.handlers.removeItem({ roundupId, postId: postWithAvatar(2, '').id }, {});
    expect(trashId).toBeDefined();
    await r.settled();
    expect(await r.copier.collect()).toBe(0);
    expect(await held(r, [pic('a'), pic('b')])).toEqual([pic('a'), pic('b')]);

    await r.handlers.emptyTrash({}, {});
    await r.settled();
    expect(await held(r, [pic('a'), pic('b')])).toEqual([pic('a')]);
  });

  it('deletes the pictures of an item removed for good (no words), unless another post shows them', async () => {
    const r = await rig();
    const roundupId = await clipped(r, ['a', 'b', 'shared']);
    await r.store.clip(postWithAvatar(9, pic('shared')));
    const { trashId } = await r.handlers.removeItem({ roundupId, postId: postWithAvatar(2, '').id }, {});
    expect(trashId).toBeUndefined();
    await r.settled();
    expect(await held(r, [pic('a'), pic('b'), pic('shared')])).toEqual([pic('a'), pic('shared')]);
    await r.handlers.toggleClip({ post: postWithAvatar(3, pic('shared')) }, {}); // unclipped on the page
    await r.settled();
    expect(await held(r, [pic('shared')])).toEqual([pic('shared')]); // post 9 still shows it
  });

  it('keeps a deleted roundup\'s pictures while it is in the Trash', async () => {
    const r = await rig();
    const roundupId = await clipped(r, ['a']);
    await r.handlers.deleteRoundup({ roundupId }, {});
    await r.copier.collect();
    expect(await held(r, [pic('a')])).toEqual([pic('a')]);
    await r.handlers.emptyTrash({}, {});
    await r.settled();
    expect(await held(r, [pic('a')])).toEqual([]);
  });

  it('keeps the pictures a published roundup shows as it was published, after the post changed', async () => {
    const r = await rig();
    const roundupId = await clipped(r, ['old']);
    await r.handlers.setPublished({ roundupId, published: true }, {});
    // The author changed their avatar; the post is clipped again (into a new roundup).
    await r.handlers.createRoundup({ title: 'Next week' }, {});
    await r.store.clip(postWithAvatar(1, pic('new')));
    await r.store.putCopies([kept(pic('new'))]);
    expect(await r.copier.collect()).toBe(0);
    expect(await held(r, [pic('old'), pic('new')])).toEqual([pic('new'), pic('old')]);

    // Back to drafts: the snapshot is gone, and with it the only post that showed the old avatar.
    await r.handlers.setPublished({ roundupId, published: false }, {});
    expect(await r.copier.collect()).toBe(1);
    expect(await held(r, [pic('old'), pic('new')])).toEqual([pic('new')]);
  });

  it('deletes missing records nothing needs too, and a copy of a picture no post shows', async () => {
    const r = await rig();
    await clipped(r, ['a']);
    await r.store.putCopies([kept(pic('stray'))]);
    await r.store.keepCopy({ url: pic('gone'), status: 'missing', reason: 'x', tries: 1, triedAt: '2026-03-01T00:00:00.000Z' });
    expect(await r.copier.collect()).toBe(2);
    expect(await held(r, [pic('a'), pic('stray'), pic('gone')])).toEqual([pic('a')]);
  });
});

describe('putCopies (the zip import)', () => {
  it('writes kept copies, replacing a missing record but never a kept copy', async () => {
    const r = await rig();
    await r.store.putCopies([kept(pic('a'), 4)]);
    await r.store.keepCopy({ url: pic('b'), status: 'missing', reason: 'x', tries: 1, triedAt: '2026-03-01T00:00:00.000Z' });
    expect(await r.store.putCopies([kept(pic('a'), 9), kept(pic('b'), 7)])).toBe(1);
    const copies = await readCopies(r.db, [pic('a'), pic('b')]);
    expect(copies.get(pic('a'))).toMatchObject({ status: 'kept', size: 4 });
    expect(copies.get(pic('b'))).toMatchObject({ status: 'kept', size: 7 });
  });
});

describe('the space the copies take', () => {
  it('counts kept copies, their bytes, and the missing ones', async () => {
    const r = await rig();
    expect(await r.handlers.getCopiesSummary({}, {})).toEqual({ kept: 0, bytes: 0, missing: 0 });
    await r.store.putCopies([kept(pic('a'), 1000), kept(pic('b'), 2500)]);
    await r.store.keepCopy({ url: pic('c'), status: 'missing', reason: 'x', tries: 1, triedAt: '2026-03-01T00:00:00.000Z' });
    expect(await r.handlers.getCopiesSummary({}, {})).toEqual({ kept: 2, bytes: 3500, missing: 1 });
  });

  it('reads as Settings shows it', () => {
    expect(describeCopies({ kept: 123, bytes: 14.2 * 1024 * 1024, missing: 3 })).toBe('Copies of 123 pictures take 14.2 MB; 3 could not be copied.');
    expect(describeCopies({ kept: 1, bytes: 50_000, missing: 0 })).toBe('Copies of 1 picture take 49 KB.');
    expect(describeCopies({ kept: 0, bytes: 0, missing: 0 })).toBe('No copies kept yet.');
  });

  it('is asked for by the extension\'s own pages only', async () => {
    const r = await rig();
    const route = createRouter(r.handlers, { extensionId: 'me', extensionOrigin: 'chrome-extension://me/', contentHosts: ['x.com'] });
    expect(await route({ type: 'getCopiesSummary' }, { id: 'me', url: 'chrome-extension://me/options.html' })).toEqual({ ok: true, value: { kept: 0, bytes: 0, missing: 0 } });
    expect((await route({ type: 'getCopiesSummary' }, { id: 'me', url: 'https://x.com/home', tabId: 1 })).ok).toBe(false);
    expect((await route({ type: 'retryCopies' }, { id: 'me', url: 'https://x.com/home', tabId: 1 })).ok).toBe(false);
    expect(await route({ type: 'retryCopies' }, { id: 'me', url: 'chrome-extension://me/popup.html' })).toEqual({ ok: true, value: { trying: 0 } });
  });
});

it('a clip with words in the Trash keeps its copies through a worker start', async () => {
  const r = await rig();
  const roundupId = await clipped(r, ['a']);
  const postId = makePost(1).id;
  await r.handlers.setItemText({ roundupId, postId, field: 'leadIn', value: 'Before' }, {});
  await r.handlers.removeItem({ roundupId, postId }, {});
  const restarted = await rig({ db: r.db });
  await restarted.copier.collect();
  expect(await held(r, [pic('a')])).toEqual([pic('a')]);
});
