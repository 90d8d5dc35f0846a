// A clipped post's pictures are copied by the background after the clip has answered: every
// picture it shows (photos at name=large, the avatar, a video's still, the card's picture, the
// quoted post's), each URL once however many posts show it, only from the media hosts, and only
// while "Keep copies of photos" is on.
import { afterEach, describe, expect, it } from 'vitest';
import { readCopies } from '../../src/store/reads';
import { renderBackup } from '../../src/export/backup';
import { createStores, openRoundupDb } from '../../src/store';
import type { KeptCopy } from '../../src/model/media';
import {
  AVATAR, CARD, JPEG, PHOTO, PHOTO_LARGE, PNG, POSTER, QUOTED_AVATAR, QUOTED_PHOTO, QUOTED_PHOTO_LARGE,
  closeAll, fakeFetch, fetched, picture, postWithAvatar, richPost, rig,
} from './helpers/copies';
import { makePost } from './helpers/posts';

afterEach(closeAll);

const ALL = [AVATAR, PHOTO, POSTER, CARD, QUOTED_AVATAR, QUOTED_PHOTO];

describe('copies are kept after a clip', () => {
  it('copies every picture the post shows, photos at name=large, with their type and size', async () => {
    const fetch = fakeFetch({ [QUOTED_PHOTO_LARGE]: picture(PNG, 'image/png') });
    const r = await rig({ fetch });
    const reply = await r.handlers.clipPost({ post: richPost() }, {});
    expect(reply.added).toBe(true);
    await r.settled();

    expect(fetched(fetch).sort()).toEqual([AVATAR, PHOTO_LARGE, POSTER, CARD, QUOTED_AVATAR, QUOTED_PHOTO_LARGE].sort());
    const copies = await readCopies(r.db, ALL);
    expect([...copies.keys()].sort()).toEqual([...ALL].sort());
    const photo = copies.get(PHOTO) as KeptCopy;
    expect(photo).toMatchObject({ url: PHOTO, status: 'kept', type: 'image/jpeg', size: JPEG.length });
    expect(new Uint8Array(await photo.bytes.arrayBuffer())).toEqual(JPEG);
    expect(copies.get(QUOTED_PHOTO)).toMatchObject({ status: 'kept', type: 'image/png', size: PNG.length });
    expect(r.stored.count).toBeGreaterThan(0); // open editors are told to read the pictures again
  });

  it('copies after a press of "Clip post" (toggleClip) too, and the clip does not wait for it', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const fetch = fakeFetch({}, () => new Response(new ReadableStream({ async start(c) { await slow; c.enqueue(JPEG); c.close(); } }), { headers: { 'content-type': 'image/jpeg' } }));
    const r = await rig({ fetch });
    const reply = await r.handlers.toggleClip({ post: postWithAvatar(1, AVATAR) }, {});
    expect(reply.clipped).toBe(true); // answered while the download still hangs
    expect((await readCopies(r.db, [AVATAR])).size).toBe(0);
    release();
    await r.settled();
    expect((await readCopies(r.db, [AVATAR])).get(AVATAR)?.status).toBe('kept');
  });

  it('fetches a picture two posts show once, at the same time or later', async () => {
    const r = await rig();
    await Promise.all([
      r.handlers.clipPost({ post: postWithAvatar(1, AVATAR) }, {}),
      r.handlers.clipPost({ post: postWithAvatar(2, AVATAR) }, {}),
    ]);
    await r.settled();
    await r.handlers.clipPost({ post: postWithAvatar(3, AVATAR) }, {});
    await r.settled();
    expect(fetched(r.fetch)).toEqual([AVATAR]);
    expect((await readCopies(r.db, [AVATAR])).get(AVATAR)?.status).toBe('kept');
  });

  it('copies nothing while "Keep copies of photos" is off, keeps what was kept, and copies once it is on again', async () => {
    const r = await rig();
    await r.handlers.clipPost({ post: postWithAvatar(1, AVATAR) }, {});
    await r.settled();
    expect(fetched(r.fetch)).toEqual([AVATAR]);

    expect((await r.handlers.updateSettings({ patch: { keepCopies: false } }, {})).keepCopies).toBe(false);
    await r.handlers.clipPost({ post: richPost(2) }, {});
    await r.settled();
    expect(fetched(r.fetch)).toEqual([AVATAR]);
    expect((await readCopies(r.db, ALL)).size).toBe(1); // the avatar's copy stays
    expect((await readCopies(r.db, [AVATAR])).get(AVATAR)?.status).toBe('kept');

    await r.handlers.updateSettings({ patch: { keepCopies: true } }, {});
    await r.settled();
    expect(fetched(r.fetch).sort()).toEqual([AVATAR, PHOTO_LARGE, POSTER, CARD, QUOTED_AVATAR, QUOTED_PHOTO_LARGE].sort());
  });

  it('is on by default', async () => {
    const r = await rig();
    expect((await r.store.getSettings()).keepCopies).toBe(true);
  });

  it('fetches nothing from a host that is not a media host, nor over http', async () => {
    const r = await rig();
    const post = makePost(1, {
      author: { name: 'A', handle: 'a', avatarUrl: 'https://example.com/avatar.jpg' },
      media: [
        { kind: 'image', url: 'http://pbs.twimg.com/media/Plain?format=jpg&name=orig' },
        { kind: 'image', url: 'https://pbs.twimg.com.evil.example/media/X?format=jpg' },
      ],
    });
    await r.handlers.clipPost({ post }, {});
    await r.settled();
    expect(fetched(r.fetch)).toEqual([]);
    expect(await r.store.copiesSummary()).toEqual({ kept: 0, bytes: 0, missing: 0 });
  });

  it('copies the pictures of posts imported from a backup', async () => {
    const sourceDb = await openRoundupDb('copies-import-source');
    const source = createStores(sourceDb);
    await source.clip(postWithAvatar(1, AVATAR));
    await source.clip(makePost(2, { media: [{ kind: 'image', url: PHOTO }] }));
    const text = renderBackup(await source.exportAll('2026-03-01T00:00:00.000Z'));
    sourceDb.close();

    const r = await rig();
    await r.handlers.importBackup({ text }, {});
    await r.settled();
    expect(fetched(r.fetch).sort()).toEqual([AVATAR, PHOTO_LARGE].sort());
    const copies = await readCopies(r.db, [AVATAR, PHOTO]);
    expect([...copies.values()].map((c) => c.status)).toEqual(['kept', 'kept']);
  });

  it('copies a restored item\'s pictures again when they were collected after its removal', async () => {
    const r = await rig();
    const post = postWithAvatar(1, AVATAR);
    const { roundupId } = await r.handlers.clipPost({ post }, {});
    await r.settled();
    await r.handlers.removeItem({ roundupId, postId: post.id }, {}); // no words: removed for good
    await r.settled();
    expect((await readCopies(r.db, [AVATAR])).size).toBe(0);
    await r.handlers.restoreItem({ roundupId, item: { postId: post.id, leadIn: '', commentary: '' }, index: 0 }, {});
    await r.settled();
    expect((await readCopies(r.db, [AVATAR])).get(AVATAR)?.status).toBe('kept');
    expect(fetched(r.fetch)).toEqual([AVATAR, AVATAR]);
  });
});
