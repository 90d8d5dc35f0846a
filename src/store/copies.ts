// Named queries over the kept copies of pictures (model/media.ts): which pictures a stored post
// shows that have no kept copy yet, writing a copy (never over a kept one), how much space the
// copies take, which pictures of a post are missing and why, and deleting the copies nothing
// needs any more. The copying itself (the fetch) is the background's: src/background/copies.ts.
import { copiablePictures, type CopyRecord, type KeptCopy, type MissingCopy, type Picture } from '../model/media';
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';
import type { TrashEntry } from '../model/trash';
import type { Db } from './db';
import { t } from '../platform/i18n';

/** A picture without a kept copy, with the record of its last failed try (none: never tried). */
export interface NotKept {
  picture: Picture;
  record?: MissingCopy;
}

/** The space kept copies take, for Settings: "Copies of 123 pictures take 14.2 MB; 3 could not be copied". */
export interface CopiesSummary {
  /** How many pictures have a kept copy. */
  kept: number;
  /** Their bytes, all together. */
  bytes: number;
  /** How many could not be copied (yet): each has its reason (see missingPictures). */
  missing: number;
}

/**
 * The reason given for a picture that was never tried (just clipped, or copies were off), in
 * English: nothing stores or compares it; missingPictures gives it in the writer's language
 * (`notCopiedYet`).
 */
export const NOT_COPIED_YET = 'Not copied yet';

type GetStore<V> = { get(key: string): Promise<V | undefined> };

async function getEach<V>(store: GetStore<V>, keys: Iterable<string>): Promise<V[]> {
  const found = await Promise.all([...keys].map((key) => store.get(key)));
  return found.filter((v): v is Awaited<V> & V => v !== undefined);
}

/** The post ids and the frozen posts (published snapshots) that these roundups show. */
function shownBy(roundups: Iterable<Roundup>, into: { ids: Set<string>; snapshots: Post[] }): void {
  for (const roundup of roundups) {
    for (const item of roundup.items) into.ids.add(item.postId);
    if (roundup.publishedPosts) into.snapshots.push(...roundup.publishedPosts);
  }
}

/** What a Trash entry still shows: the item's post, or every post of a deleted roundup. */
function keptByTrash(entries: Iterable<TrashEntry>, into: { ids: Set<string>; snapshots: Post[] }): void {
  for (const entry of entries) {
    if (entry.kind === 'item') into.ids.add(entry.item.postId);
    else shownBy([entry.roundup], into);
  }
}

/** Every picture of these posts, once each (the first post to show a URL names its role). */
function picturesOfPosts(posts: Iterable<Post>): Map<string, Picture> {
  const out = new Map<string, Picture>();
  for (const post of posts) {
    for (const picture of copiablePictures(post)) if (!out.has(picture.url)) out.set(picture.url, picture);
  }
  return out;
}

export function createCopyStore(db: Db) {
  return {
    /** The kept copy of one picture, or undefined (none, or only a record of why it is missing). */
    async keptCopy(url: string): Promise<KeptCopy | undefined> {
      const record = await db.get('copies', url);
      return record?.status === 'kept' ? record : undefined;
    },
    /**
     * The pictures without a kept copy that these stored posts show (as stored, after any
     * enriching), or — no ids — that any roundup shows (its posts and its published snapshot).
     * The Trash's pictures are kept but not fetched again: a restored item is asked for by id.
     */
    async picturesNotKept(postIds?: readonly string[]): Promise<NotKept[]> {
      const tx = db.transaction(['roundups', 'posts', 'copies']);
      const shown = { ids: new Set<string>(postIds ?? []), snapshots: [] as Post[] };
      if (!postIds) shownBy(await tx.objectStore('roundups').getAll(), shown);
      const posts = await getEach(tx.objectStore('posts'), shown.ids);
      const pictures = picturesOfPosts([...posts, ...shown.snapshots]);
      const records = await getEach(tx.objectStore('copies'), pictures.keys());
      await tx.done;
      const byUrl = new Map(records.map((r) => [r.url, r]));
      const out: NotKept[] = [];
      for (const picture of pictures.values()) {
        const record = byUrl.get(picture.url);
        if (record?.status === 'kept') continue;
        out.push(record ? { picture, record } : { picture });
      }
      return out;
    },

    /**
     * Stores what copying a picture gave: a kept copy, or why it is missing. A kept copy is
     * never replaced (two copies of one URL are one picture). False when one was kept already.
     */
    async keepCopy(record: CopyRecord): Promise<boolean> {
      const tx = db.transaction('copies', 'readwrite');
      const stored = await tx.store.get(record.url);
      if (stored?.status === 'kept') {
        await tx.done;
        return false;
      }
      await tx.store.put(record);
      await tx.done;
      return true;
    },

    /**
     * Writes kept copies brought in from elsewhere (a zip backup), in one transaction; a picture
     * that has a kept copy here keeps it. Returns how many were written.
     */
    async putCopies(copies: readonly KeptCopy[]): Promise<number> {
      const tx = db.transaction('copies', 'readwrite');
      let written = 0;
      for (const copy of copies) {
        if ((await tx.store.get(copy.url))?.status === 'kept') continue;
        await tx.store.put(copy);
        written++;
      }
      await tx.done;
      return written;
    },

    /**
     * Deletes every copy (kept or missing) that nothing shows any more: no roundup (its posts,
     * its published snapshot) and no Trash entry (an item's post, a deleted roundup's posts).
     * One transaction over all four stores, so a clip or a removal cannot slip in between the
     * reading and the deleting. Returns how many records were deleted.
     */
    async collectCopies(): Promise<number> {
      const tx = db.transaction(['roundups', 'trash', 'posts', 'copies'], 'readwrite');
      const shown = { ids: new Set<string>(), snapshots: [] as Post[] };
      shownBy(await tx.objectStore('roundups').getAll(), shown);
      keptByTrash(await tx.objectStore('trash').getAll(), shown);
      const posts = await getEach(tx.objectStore('posts'), shown.ids);
      const needed = picturesOfPosts([...posts, ...shown.snapshots]);
      const copies = tx.objectStore('copies');
      let deleted = 0;
      for (const url of await copies.getAllKeys()) {
        if (needed.has(url)) continue;
        await copies.delete(url);
        deleted++;
      }
      await tx.done;
      return deleted;
    },

    async copiesSummary(): Promise<CopiesSummary> {
      const tx = db.transaction('copies');
      const byStatus = tx.store.index('byStatus');
      const [kept, missing] = await Promise.all([byStatus.getAll('kept'), byStatus.count('missing')]);
      await tx.done;
      return { kept: kept.length, bytes: kept.reduce((sum, c) => sum + (c.status === 'kept' ? c.size : 0), 0), missing };
    },
  };
}

export type CopyStore = ReturnType<typeof createCopyStore>;

/**
 * Which of these pictures (URLs as the post holds them: `copiablePictures(post)`) have no kept
 * copy, each with the reason the writer reads: why the last try failed, or NOT_COPIED_YET (translated).
 * Read only, for the editor ("this picture could not be copied: …").
 */
export async function missingPictures(db: Db, urls: readonly string[]): Promise<Map<string, string>> {
  const tx = db.transaction('copies');
  const found = await Promise.all(urls.map(async (url) => [url, await tx.store.get(url)] as const));
  await tx.done;
  const out = new Map<string, string>();
  for (const [url, record] of found) {
    if (record?.status !== 'kept') out.set(url, record?.reason ?? t('notCopiedYet'));
  }
  return out;
}
