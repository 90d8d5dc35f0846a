// Whatever the media host answers (or fails to), the clip is stored and answered; a picture that
// could not be copied is recorded `missing` with a reason the writer can read, and tried again
// later, waiting longer after each failure. A body over MAX_COPY_BYTES is never held whole.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_COPY_BYTES, MEDIA_HOSTS, NOT_ALLOWED_REASON, type MissingCopy } from '../../src/model/media';
import { isDue, MAX_TRIES, RETRY_BASE_MS } from '../../src/background/copies';
import { readCopies } from '../../src/store/reads';
import { missingPictures, NOT_COPIED_YET } from '../../src/store/copies';
import { openRoundupDb } from '../../src/store';
import {
  AVATAR, JPEG, PHOTO, PHOTO_LARGE, closeAll, fakeFetch, fetched, landedAt, picture, postWithAvatar, rig,
} from './helpers/copies';
import { makePost } from './helpers/posts';

afterEach(closeAll);

const MB = 1024 * 1024;

/** A body that streams `chunk`-sized pieces for ever, counting what was pulled from it. */
function endless(chunk = MB) {
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = new Uint8Array(chunk);
      piece.set(JPEG);
      pulled.bytes += chunk;
      controller.enqueue(piece);
    },
  });
  return { body, pulled };
}

/** Clips a post whose avatar gets `answer`; returns the avatar's record and the clip's reply. */
async function clipWith(answer: NonNullable<Parameters<typeof fakeFetch>[0]>[string], options: Parameters<typeof rig>[0] = {}) {
  const r = await rig({ fetch: fakeFetch({ [AVATAR]: answer }), ...options });
  const post = postWithAvatar(1, AVATAR);
  const reply = await r.handlers.clipPost({ post }, {});
  await r.settled();
  const record = (await readCopies(r.db, [AVATAR])).get(AVATAR);
  // The clip is stored whatever became of its pictures.
  expect(reply.added).toBe(true);
  expect((await r.store.loadRoundup(reply.roundupId)).posts.map((p) => p.id)).toEqual([post.id]);
  return { r, record, reply };
}

describe('a picture that cannot be copied is recorded missing, and the clip stands', () => {
  it('a body declared larger than the limit: refused before reading it', async () => {
    const { body, pulled } = endless();
    const { record } = await clipWith(() =>
      new Response(body, { headers: { 'content-type': 'image/jpeg', 'content-length': String(MAX_COPY_BYTES + 1) } }));
    expect(record).toMatchObject({ status: 'missing', reason: 'The picture is larger than 20 MB, more than Roundup keeps', tries: 1 });
    expect(pulled.bytes).toBeLessThanOrEqual(2 * MB); // at most what the stream pre-fills
  });

  it('a body that grows past the limit without saying its length: counted while read, and dropped', async () => {
    const { body, pulled } = endless();
    const { record } = await clipWith(() => new Response(body, { headers: { 'content-type': 'image/jpeg' } }));
    expect(record).toMatchObject({ status: 'missing', reason: 'The picture is larger than 20 MB, more than Roundup keeps' });
    expect(pulled.bytes).toBeGreaterThan(MAX_COPY_BYTES);
    expect(pulled.bytes).toBeLessThanOrEqual(MAX_COPY_BYTES + 3 * MB); // stopped right after the cap
  });

  it('a body that is not an image by its type', async () => {
    const { record } = await clipWith(new Response('<html>Log in</html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }));
    expect(record).toMatchObject({ status: 'missing', reason: 'pbs.twimg.com sent “text/html”, not a picture' });
  });

  it('a body that calls itself an image but is none (a page; an SVG, which may carry script)', async () => {
    const page = await clipWith(new Response('<html>Log in</html>', { headers: { 'content-type': 'image/jpeg' } }));
    expect(page.record).toMatchObject({ status: 'missing', reason: 'The file is not a JPEG, PNG, GIF or WebP picture' });
    const svg = await clipWith(picture(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml'));
    expect(svg.record).toMatchObject({ status: 'missing', reason: 'The file is not a JPEG, PNG, GIF or WebP picture' });
    const empty = await clipWith(new Response(null, { headers: { 'content-type': 'image/jpeg' } }));
    expect(empty.record?.status).toBe('missing');
  });

  it('a redirect to a host that is not a media host', async () => {
    const { record } = await clipWith(() => landedAt(picture(), 'https://tracker.example/pixel.jpg'));
    expect(record).toMatchObject({
      status: 'missing',
      reason: `The picture's address led to tracker.example; Roundup copies pictures only from ${MEDIA_HOSTS.join(', ')}`,
    });
  });

  it('keeps a picture whose redirects stayed on the media host', async () => {
    const { record } = await clipWith(() => landedAt(picture(), 'https://pbs.twimg.com/profile_images/1111/other.jpg'));
    expect(record?.status).toBe('kept');
  });

  it('an HTTP error', async () => {
    const gone = await clipWith(new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } }));
    expect(gone.record).toMatchObject({ status: 'missing', reason: 'pbs.twimg.com answered 404: the picture may have been deleted' });
    const busy = await clipWith(new Response('', { status: 503 }));
    expect(busy.record).toMatchObject({ status: 'missing', reason: 'pbs.twimg.com answered HTTP 503' });
  });

  it('a network failure, and a download that took too long', async () => {
    const offline = await clipWith(new TypeError('fetch failed'));
    expect(offline.record).toMatchObject({ status: 'missing', reason: 'The picture could not be loaded (no connection, or the server did not answer)' });
    const slow = await clipWith(new DOMException('The operation timed out.', 'TimeoutError'));
    expect(slow.record).toMatchObject({ status: 'missing', reason: 'The picture took too long to load' });
  });

  it('a full disk when the copy is written', async () => {
    const { record } = await clipWith(picture(), {
      copierStore: (store) => ({
        ...store,
        async keepCopy(record) {
          if (record.status === 'kept') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return store.keepCopy(record);
        },
      }),
    });
    expect(record).toMatchObject({ status: 'missing', reason: 'There was no room left on the disk for the copy', tries: 1 });
  });

  it('says which pictures of a post are missing, and why', async () => {
    const r = await rig({ fetch: fakeFetch({ [PHOTO_LARGE]: new Response('', { status: 404 }) }) });
    await r.handlers.clipPost({ post: makePost(1, { author: { name: 'A', handle: 'a', avatarUrl: AVATAR }, media: [{ kind: 'image', url: PHOTO }] }) }, {});
    await r.settled();
    const never = 'https://pbs.twimg.com/media/NeverTried?format=jpg&name=orig';
    expect(await missingPictures(r.db, [AVATAR, PHOTO, never])).toEqual(new Map([
      [PHOTO, 'pbs.twimg.com answered 404: the picture may have been deleted'],
      [never, NOT_COPIED_YET],
    ]));
  });
});

describe('a missing copy is tried again later, waiting longer each time', () => {
  it('waits 1 min × 2^tries after the last try; the next clip (or a worker start) picks it up then', async () => {
    let fail = true;
    const fetch = fakeFetch({ [AVATAR]: () => (fail ? new Response('', { status: 503 }) : picture()) });
    const r = await rig({ fetch });
    await r.handlers.clipPost({ post: postWithAvatar(1, AVATAR) }, {});
    await r.settled();
    expect((await readCopies(r.db, [AVATAR])).get(AVATAR)).toMatchObject({ status: 'missing', tries: 1 });
    fail = false;

    // A minute later: one try means two minutes' wait, so not yet.
    r.clock.now += RETRY_BASE_MS;
    await r.handlers.clipPost({ post: makePost(2) }, {});
    await r.settled();
    expect(fetched(fetch)).toEqual([AVATAR]);

    r.clock.now += RETRY_BASE_MS;
    await r.handlers.clipPost({ post: makePost(3) }, {});
    await r.settled();
    expect(fetched(fetch)).toEqual([AVATAR, AVATAR]);
    expect((await readCopies(r.db, [AVATAR])).get(AVATAR)?.status).toBe('kept');
  });

  it('counts each failed try and stops after MAX_TRIES, unless the editor asks', async () => {
    const fetch = fakeFetch({ [AVATAR]: new TypeError('offline') });
    const r = await rig({ fetch });
    await r.handlers.clipPost({ post: postWithAvatar(1, AVATAR) }, {});
    await r.settled();
    for (let i = 1; i < MAX_TRIES + 3; i++) {
      r.clock.now += RETRY_BASE_MS * 2 ** i;
      await r.copier.resume();
      await r.settled();
    }
    expect(fetched(fetch)).toHaveLength(MAX_TRIES);
    expect((await readCopies(r.db, [AVATAR])).get(AVATAR)).toMatchObject({ status: 'missing', tries: MAX_TRIES });

    fetch.mockImplementation(async () => picture());
    expect(await r.handlers.retryCopies({}, {})).toEqual({ trying: 1 });
    await r.settled();
    expect((await readCopies(r.db, [AVATAR])).get(AVATAR)?.status).toBe('kept');
  });

  it('isDue follows the backoff', () => {
    const at = Date.UTC(2026, 0, 1);
    const record = (tries: number): MissingCopy => ({ url: AVATAR, status: 'missing', reason: 'x', tries, triedAt: new Date(at).toISOString() });
    expect(isDue(undefined, at)).toBe(true);
    expect(isDue(record(0), at + RETRY_BASE_MS - 1)).toBe(false);
    expect(isDue(record(0), at + RETRY_BASE_MS)).toBe(true);
    expect(isDue(record(3), at + 8 * RETRY_BASE_MS - 1)).toBe(false);
    expect(isDue(record(3), at + 8 * RETRY_BASE_MS)).toBe(true);
    expect(isDue(record(MAX_TRIES), at + 1e12)).toBe(false);
  });

  it('picks up what a stopped worker left undone when the next one starts', async () => {
    // The first worker stops mid-download: nothing about the picture is stored.
    const r = await rig({ fetch: fakeFetch({ [AVATAR]: () => new Promise<Response>(() => {}) }) });
    await r.handlers.clipPost({ post: postWithAvatar(1, AVATAR) }, {});
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await readCopies(r.db, [AVATAR])).size).toBe(0);

    const db = await openRoundupDb(r.db.name);
    const next = await rig({ db });
    await next.copier.collect();
    await next.copier.resume(); // what the background does at start
    await next.settled();
    expect(fetched(next.fetch)).toEqual([AVATAR]);
    expect((await readCopies(db, [AVATAR])).get(AVATAR)?.status).toBe('kept');
    db.close();
  });
});

describe('without the permission for pbs.twimg.com', () => {
  it('fetches nothing, records why, and copies once the permission is granted', async () => {
    const r = await rig();
    r.permission.granted = false;
    const reply = await r.handlers.clipPost({ post: postWithAvatar(1, AVATAR) }, {});
    expect(reply.added).toBe(true);
    await r.settled();
    expect(fetched(r.fetch)).toEqual([]);
    expect((await readCopies(r.db, [AVATAR])).get(AVATAR)).toMatchObject({
      status: 'missing', reason: NOT_ALLOWED_REASON, tries: 0,
    });
    expect(await r.store.copiesSummary()).toEqual({ kept: 0, bytes: 0, missing: 1 });

    r.permission.granted = true;
    await r.copier.resume({ force: true }); // what permissions.onAdded does
    await r.settled();
    expect(fetched(r.fetch)).toEqual([AVATAR]);
    expect((await readCopies(r.db, [AVATAR])).get(AVATAR)?.status).toBe('kept');
  });
});
