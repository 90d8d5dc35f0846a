// @vitest-environment happy-dom
// The editor shows the kept copies of a post's pictures (avatar, photos with their alt text,
// video and GIF posters, the card picture, the quoted post's too) from object URLs of their
// bytes, never from the network; a copy that could not be made says why; the object URLs go
// once no post in view shows them; a copy made later shows after the next change notice.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeNotice } from '../../src/messages';
import { NOT_ALLOWED_REASON, type CopyRecord, type KeptCopy, type MissingCopy } from '../../src/model/media';
import type { Post } from '../../src/model/post';
import { App } from '../../src/popup/App';
import type { Connection } from '../../src/popup/connection';
import { PostCard } from '../../src/popup/PostCard';
import { createPictureKeeper } from '../../src/popup/use-pictures';
import { openRoundupDb } from '../../src/store';
import { harness, type Harness } from './helpers/editor-harness';
import { makePost } from './helpers/posts';

const MEDIA = 'https://pbs.twimg.com/media/';
const AVATAR_1 = 'https://pbs.twimg.com/profile_images/1/a_normal.jpg';
const AVATAR_2 = 'https://pbs.twimg.com/profile_images/2/b_normal.jpg';
const PHOTO = `${MEDIA}photo.jpg`;
const POSTER = 'https://pbs.twimg.com/ext_tw_video_thumb/1/pu/img/poster.jpg';
const CARD_PICTURE = 'https://pbs.twimg.com/card_img/1/card?format=jpg';
const QUOTED_PHOTO = `${MEDIA}quoted.jpg`;

/** A post showing every kind of picture, and quoting a post with an avatar and a photo. */
function richPost(): Post {
  return makePost(1, {
    author: { name: 'Ada Lovelace', handle: 'ada', avatarUrl: AVATAR_1 },
    media: [
      { kind: 'image', url: PHOTO, alt: 'A chart of clinic visits' },
      { kind: 'video', url: 'https://video.twimg.com/v.mp4', posterUrl: POSTER },
    ],
    card: { url: 'https://t.co/abc', title: 'A page', domain: 'example.com', image: { url: CARD_PICTURE, alt: 'A robot' } },
    quoted: makePost(2, { author: { name: 'Bob', handle: 'bob', avatarUrl: AVATAR_2 }, media: [{ kind: 'image', url: QUOTED_PHOTO, alt: 'A quoted photo' }] }),
  });
}

// The stored bytes come back from fake-indexeddb as a plain object keeping its own properties:
// the tag says which copy an object URL was made of.
const kept = (url: string, tag: string): KeptCopy => ({
  url,
  status: 'kept',
  type: 'image/jpeg',
  size: 3,
  bytes: Object.assign(new Blob(['jpg'], { type: 'image/jpeg' }), { tag }),
  keptAt: '2026-11-26T00:00:00.000Z',
});
const missing = (url: string, reason: string): MissingCopy => ({ url, status: 'missing', reason, tries: 3, triedAt: '2026-11-26T00:00:00.000Z' });

async function putCopies(...copies: CopyRecord[]) {
  const db = await openRoundupDb();
  const tx = db.transaction('copies', 'readwrite');
  await Promise.all(copies.map((c) => tx.store.put(c)));
  await tx.done;
  db.close();
}

/** The harness's connection, with a way to post a change notice as the background does when it made copies. */
function withNotices(h: Harness): { connection: Connection; notify(): void } {
  const listeners = new Set<(n: ChangeNotice) => void>();
  const connection: Connection = {
    request: h.connection.request,
    onNotice(listener) {
      listeners.add(listener);
      const off = h.connection.onNotice(listener);
      return () => {
        listeners.delete(listener);
        off();
      };
    },
  };
  return { connection, notify: () => listeners.forEach((l) => l({ notice: 'changed' })) };
}

let created: string[];
let revoked: string[];

beforeEach(() => {
  created = [];
  revoked = [];
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((bytes: Blob | MediaSource) => {
    const url = `blob:chrome-extension://roundup/${(bytes as { tag?: string }).tag ?? 'untagged'}-${++n}`;
    created.push(url);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url: string) => void revoked.push(url));
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function open(posts: Post[], copies: CopyRecord[] = []) {
  const h = await harness();
  for (const post of posts) await h.store.clip(post);
  await putCopies(...copies);
  const notices = withNotices(h);
  const view = render(<App connection={notices.connection} host={h.host} />);
  const list = await screen.findByRole('list', { name: 'Posts' });
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(posts.length));
  return { h, list, view, notify: notices.notify };
}

const images = () => [...document.querySelectorAll('img')];
const srcOf = (img: Element | null | undefined) => img?.getAttribute('src') ?? null;
/** The tag of the copy an image shows (see `kept`). */
const tagOf = (img: Element | null | undefined) => srcOf(img)?.replace(/^blob:chrome-extension:\/\/roundup\/(.*)-\d+$/, '$1') ?? null;

describe('the editor shows the kept copies of the pictures', () => {
  it('shows the avatar, the photo with its alt text, the poster and the card picture, the quoted post\'s too, from object URLs', async () => {
    await open([richPost()], [
      kept(AVATAR_1, 'avatar'),
      kept(PHOTO, 'photo'),
      kept(POSTER, 'poster'),
      kept(CARD_PICTURE, 'card'),
      kept(AVATAR_2, 'quoted-avatar'),
      kept(QUOTED_PHOTO, 'quoted-photo'),
    ]);
    await waitFor(() => expect(images()).toHaveLength(6));
    const post = screen.getByRole('article', { name: 'Post by @ada' });
    const quoted = screen.getByRole('article', { name: 'Post by @bob' });

    const avatar = post.querySelector('.post__author img');
    expect(tagOf(avatar)).toBe('avatar');
    expect(avatar?.getAttribute('alt')).toBe(''); // the name is beside it
    expect(post.querySelector('span.post__avatar')).toBeNull(); // the picture, not the initial

    const photo = screen.getByRole('img', { name: 'A chart of clinic visits' });
    expect(tagOf(photo)).toBe('photo');
    expect(photo.closest('.post__medium')?.textContent).toBe('Photo: A chart of clinic visits'); // the alt text stays in view
    const poster = post.querySelectorAll('.post__media img')[1];
    expect(tagOf(poster)).toBe('poster');
    expect(poster?.closest('.post__medium')?.textContent).toBe('Video (no description)');
    const card = within(post.querySelector('.post__card') as HTMLElement).getByRole('img', { name: 'A robot' });
    expect(tagOf(card)).toBe('card');
    expect(card.closest('a')?.getAttribute('href')).toBe('https://t.co/abc');

    expect(tagOf(quoted.querySelector('.post__author img'))).toBe('quoted-avatar');
    expect(tagOf(within(quoted).getByRole('img', { name: 'A quoted photo' }))).toBe('quoted-photo');

    for (const img of images()) {
      expect(srcOf(img)).toMatch(/^blob:/);
      expect(img.getAttribute('loading')).toBe('lazy');
      expect(img.getAttribute('decoding')).toBe('async');
    }
    expect(created).toHaveLength(6);
  });

  it('reads the copies of every post in one transaction, once the roundup is on screen, one object URL per copy', async () => {
    const posts = Array.from({ length: 20 }, (_, i) =>
      makePost(i + 1, { author: { name: `Author ${i + 1}`, handle: `author${i + 1}`, avatarUrl: i % 2 ? AVATAR_1 : AVATAR_2 }, media: [{ kind: 'image', url: `${MEDIA}${i}.jpg` }] }),
    );
    const h = await harness();
    for (const post of posts) await h.store.clip(post);
    await putCopies(kept(AVATAR_1, 'a1'), kept(AVATAR_2, 'a2'), ...posts.map((_, i) => kept(`${MEDIA}${i}.jpg`, `p${i}`)));
    // Each transaction on the copies, with how many items were on screen when it began.
    const reads: number[] = [];
    const transaction = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if ([args[0]].flat().includes('copies')) reads.push(document.querySelectorAll('ol[aria-label="Posts"] > li').length);
      return transaction.apply(this, args);
    });
    render(<App connection={h.connection} host={h.host} />);
    await waitFor(() => expect(images()).toHaveLength(40));
    // One read, once the roundup shows: its first screenful of items (12; the rest follow in
    // the next task, PostList.tsx) or all of them.
    expect(reads).toHaveLength(1);
    expect(reads[0]).toBeGreaterThanOrEqual(12);
    expect(created).toHaveLength(22); // the two avatars once each
    const avatars = images().filter((img) => img.closest('.post__author'));
    expect(new Set(avatars.map(srcOf)).size).toBe(2);
  });

  it('says which pictures were not kept, and why; a picture never copied keeps its words', async () => {
    const post = makePost(1, {
      author: { name: 'Ada', handle: 'ada', avatarUrl: AVATAR_1 },
      media: [
        { kind: 'image', url: PHOTO, alt: 'A chart' },
        { kind: 'gif', url: 'https://video.twimg.com/g.mp4', posterUrl: POSTER },
        { kind: 'image', url: 'https://example.com/never-tried.jpg' },
      ],
      card: { url: 'https://t.co/abc', title: 'A page', image: { url: CARD_PICTURE } },
    });
    await open([post], [missing(PHOTO, 'the server answered 404.'), missing(POSTER, 'too large'), missing(AVATAR_1, 'timed out'), missing(CARD_PICTURE, 'not an image')]);
    const article = screen.getByRole('article', { name: 'Post by @ada' });
    await waitFor(() => expect(article.querySelectorAll('.post__not-kept')).toHaveLength(4));
    const notes = [...article.querySelectorAll('.post__not-kept')].map((n) => n.textContent);
    expect(notes).toEqual(['Avatar not kept: timed out', 'Card picture not kept: not an image', 'Photo not kept: the server answered 404', 'GIF poster not kept: too large']);
    const media = [...article.querySelectorAll('.post__medium')].map((m) => m.textContent);
    expect(media).toEqual(['Photo: A chartPhoto not kept: the server answered 404', 'GIF (no description)GIF poster not kept: too large', 'Photo (no description)']);
    expect(article.querySelector('.post__avatar')?.textContent).toBe('A');
    expect(images()).toHaveLength(0);
    expect(created).toHaveLength(0);
  });

  it('says once when the browser has not let Roundup load pictures, and asks from a click', async () => {
    const { h } = await open([richPost()], [missing(PHOTO, NOT_ALLOWED_REASON), missing(AVATAR_1, NOT_ALLOWED_REASON), missing(POSTER, 'timed out')]);
    const allow = vi.fn(async () => true);
    h.host.allowPictures = allow;
    // Shown after the next read (the harness host had no way to ask before).
    cleanup();
    render(<App connection={h.connection} host={h.host} />);
    const button = await screen.findByRole('button', { name: 'Allow copies of photos' });
    expect(button.closest('[role="status"]')!.textContent).toContain('2 pictures have no copy yet');
    fireEvent.click(button);
    expect(allow).toHaveBeenCalledTimes(1);
    await screen.findByText('Allowed: the copies are being made.');
  });

  it('says nothing of permission when every picture was allowed', async () => {
    const { h } = await open([richPost()], [missing(PHOTO, 'timed out')]);
    h.host.allowPictures = vi.fn(async () => true);
    await waitFor(() => expect(document.querySelectorAll('.post__not-kept')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Allow copies of photos' })).toBeNull();
  });

  it('never shows a picture from anywhere but an object URL', () => {
    const post = richPost();
    const pictures = new Map([
      [AVATAR_1, { src: AVATAR_1 }],
      [PHOTO, { src: 'http://example.com/a.jpg' }],
      [CARD_PICTURE, { src: 'data:image/png;base64,AAAA' }],
      [POSTER, { src: 'blob:chrome-extension://roundup/poster-1' }],
    ]);
    const { container } = render(<PostCard post={post} pictures={pictures} />);
    expect([...container.querySelectorAll('img')].map(srcOf)).toEqual(['blob:chrome-extension://roundup/poster-1']);
    expect(container.querySelector('.post__avatar')?.textContent).toBe('A');
  });
});

describe('object URLs live while their pictures are shown', () => {
  it('are let go when another roundup is opened, and only those no longer shown', async () => {
    const shared = makePost(3, { author: { name: 'Cy', handle: 'cy', avatarUrl: AVATAR_2 } });
    // Roundup "Another" holds only the post whose avatar the first roundup shows too.
    const h = await harness();
    await h.store.clip(shared);
    const first = (await h.store.currentRoundup()).id;
    await h.connection.request('createRoundup', { title: 'Another', roundupId: 'another' });
    await h.connection.request('toggleClip', { post: shared });
    await h.connection.request('setCurrentRoundup', { roundupId: first });
    await h.connection.request('toggleClip', { post: richPost() });
    await putCopies(kept(AVATAR_1, 'avatar'), kept(PHOTO, 'photo'), kept(AVATAR_2, 'shared'));
    render(<App connection={h.connection} host={h.host} />);
    await waitFor(() => expect(images()).toHaveLength(4)); // the quoted post's avatar is the shared one
    expect(created).toHaveLength(3);
    const made = (tag: string) => created.find((url) => url.includes(`/${tag}-`));
    const [avatar, photo, sharedAvatar] = [made('avatar'), made('photo'), made('shared')];
    // Another view opens the other roundup.
    await h.connection.request('setCurrentRoundup', { roundupId: 'another' });
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Post by @ada' })).toBeNull());
    await waitFor(() => expect(revoked.sort()).toEqual([avatar, photo].sort()));
    expect(images().map(srcOf)).toEqual([sharedAvatar]);
    expect(created).toHaveLength(3);
  });

  it('are let go when a post is removed, and when the view closes', async () => {
    const { list } = await open([richPost(), makePost(3, { author: { name: 'Cy', handle: 'cy', avatarUrl: AVATAR_1 } })], [kept(PHOTO, 'photo'), kept(AVATAR_1, 'avatar')]);
    await waitFor(() => expect(images()).toHaveLength(3));
    const [first] = within(list).getAllByRole('listitem');
    fireEvent.click(within(first!).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(revoked).toHaveLength(1)); // the photo; the avatar is still shown
    expect(revoked[0]).toMatch(/\/photo-/);
    cleanup();
    expect(revoked).toHaveLength(2);
    expect(new Set(revoked)).toEqual(new Set(created));
  });

  it('are let go when the editor leaves for the list of roundups', async () => {
    await open([richPost()], [kept(PHOTO, 'photo'), kept(AVATAR_1, 'avatar')]);
    await waitFor(() => expect(images()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Roundups' }));
    expect(new Set(revoked)).toEqual(new Set(created));
    expect(revoked).toHaveLength(2);
  });
});

describe('a copy made after the editor opened', () => {
  it('shows after the next change notice, without reopening; kept copies are not made again', async () => {
    const { notify } = await open([richPost()], [kept(AVATAR_1, 'avatar'), missing(PHOTO, 'timed out')]);
    await waitFor(() => expect(screen.getByText('Photo not kept: timed out')).toBeTruthy());
    expect(images()).toHaveLength(1);
    // The background copies the photo and the poster later, then posts a change notice.
    await putCopies(kept(PHOTO, 'photo'), kept(POSTER, 'poster'));
    notify();
    await waitFor(() => expect(images()).toHaveLength(3));
    expect(tagOf(screen.getByRole('img', { name: 'A chart of clinic visits' }))).toBe('photo');
    expect(screen.queryByText('Photo not kept: timed out')).toBeNull();
    expect(created.map((u) => u.replace(/-\d+$/, '').split('/').pop())).toEqual(['avatar', 'photo', 'poster']);
    notify();
    await new Promise((r) => setTimeout(r, 50));
    expect(created).toHaveLength(3);
    expect(revoked).toHaveLength(0);
  });

  it('is read again only for pictures not yet shown from a copy', async () => {
    const reads: string[][] = [];
    const copies = new Map<string, CopyRecord>([[AVATAR_1, kept(AVATAR_1, 'a')], [PHOTO, missing(PHOTO, 'timed out')]]);
    const keeper = createPictureKeeper(() => {}, async (urls) => (reads.push([...urls]), copies));
    await keeper.want(new Set([AVATAR_1, PHOTO, POSTER]));
    await keeper.want(new Set([AVATAR_1, PHOTO, POSTER]));
    expect(reads).toEqual([[AVATAR_1, PHOTO, POSTER], [PHOTO, POSTER]]);
    keeper.dispose();
    expect(revoked).toEqual(created);
  });

  it('makes no object URL for a read that ends after its pictures left the view, or the view closed', async () => {
    const copies = new Map<string, CopyRecord>([[AVATAR_1, kept(AVATAR_1, 'a')], [PHOTO, kept(PHOTO, 'p')]]);
    // The first read of each keeper waits for `answer`; any later one finds nothing.
    let answer!: (copies: Map<string, CopyRecord>) => void;
    const slowFirst = () => {
      let first = true;
      return () => {
        if (!first) return Promise.resolve(new Map<string, CopyRecord>());
        first = false;
        return new Promise<Map<string, CopyRecord>>((resolve) => (answer = resolve));
      };
    };

    const switched = createPictureKeeper(() => {}, slowFirst());
    const first = switched.want(new Set([AVATAR_1, PHOTO]));
    void switched.want(new Set([AVATAR_2])); // another roundup, while the first read is out
    answer(copies);
    await first;
    expect(created).toEqual([]);

    const closed = createPictureKeeper(() => {}, slowFirst());
    const reading = closed.want(new Set([AVATAR_1, PHOTO]));
    closed.dispose();
    answer(copies);
    await reading;
    expect(created).toEqual([]);
  });
});
