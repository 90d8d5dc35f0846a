// A Mastodon post's pictures are kept too: each instance keeps its media on a host of its own
// (files.mastodon.social, cdn.masto.host…), named by its API, so any https host serves them —
// for a Mastodon post only, and only where the fetch stays on https.
import { afterEach, describe, expect, it } from 'vitest';
import { readCopies } from '../../src/store/reads';
import type { Post } from '../../src/model/post';
import { closeAll, fakeFetch, fetched, landedAt, picture, rig } from './helpers/copies';
import { makePost } from './helpers/posts';

afterEach(closeAll);

const AVATAR = 'https://files.mastodon.social/accounts/avatars/000/000/001/original/a.png';
const PHOTO = 'https://cdn.masto.host/fosstodonorg/media_attachments/files/110/1/original/p.jpg';

function mastodonPost(overrides: Partial<Post> = {}): Post {
  return makePost(1, {
    id: 'mastodon:https://fosstodon.org/@dave/113259998877665544',
    site: 'mastodon',
    url: 'https://fosstodon.org/@dave/113259998877665544',
    instance: 'fosstodon.org',
    author: { name: 'Dave', handle: 'dave@fosstodon.org', avatarUrl: AVATAR },
    media: [{ kind: 'image', url: PHOTO, alt: 'A cat on a keyboard' }],
    pageUrl: 'https://fosstodon.org/home',
    ...overrides,
  });
}

describe("a Mastodon post's pictures", () => {
  it('are copied from the hosts its instance named, over https', async () => {
    const r = await rig();
    await r.handlers.clipPost({ post: mastodonPost() }, {});
    await r.settled();
    expect(fetched(r.fetch).sort()).toEqual([AVATAR, PHOTO].sort());
    const copies = await readCopies(r.db, [AVATAR, PHOTO]);
    expect(copies.get(AVATAR)).toMatchObject({ status: 'kept', type: 'image/jpeg' });
    expect(copies.get(PHOTO)).toMatchObject({ status: 'kept', type: 'image/jpeg' });
  });

  it('are not fetched over http, and the writer is told why', async () => {
    const http = 'http://files.example/p.jpg';
    const r = await rig();
    await r.handlers.clipPost({ post: mastodonPost({ author: { name: 'Dave', handle: 'dave@fosstodon.org' }, media: [{ kind: 'image', url: http }] }) }, {});
    await r.settled();
    expect(fetched(r.fetch)).toEqual([]);
  });

  it('a redirect off https is refused, named', async () => {
    const r = await rig({ fetch: fakeFetch({ [PHOTO]: () => landedAt(picture(), 'http://tracker.example/p.jpg') }) });
    await r.handlers.clipPost({ post: mastodonPost({ author: { name: 'Dave', handle: 'dave@fosstodon.org' } }) }, {});
    await r.settled();
    const record = (await readCopies(r.db, [PHOTO])).get(PHOTO);
    expect(record).toMatchObject({ status: 'missing' });
    expect((record as { reason: string }).reason).toContain('tracker.example');
  });

  it("another network's post on such a host is not copied: only the networks' media hosts serve X and Bluesky", async () => {
    const r = await rig();
    await r.handlers.clipPost({ post: makePost(2, { media: [{ kind: 'image', url: PHOTO }] }) }, {});
    await r.settled();
    expect(fetched(r.fetch)).toEqual([]);
  });
});
