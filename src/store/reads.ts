// The queries that only read: what every view shows (the list of roundups, the current roundup
// with its posts, the Trash). Kept apart from the writers so the editor, which reads the
// database itself but writes only through the background, carries none of the writing code.
import type { IDBPObjectStore } from 'idb';
import type { Post } from '../model/post';
import { postsAsShown, type Roundup } from '../model/roundup';
import type { CopyRecord } from '../model/media';
import { trashCutoff, type TrashEntry } from '../model/trash';
import type { Db, RoundupDB } from './db';

/** The meta key naming the roundup new clips go to. */
export const CURRENT = 'currentRoundupId';

/** The posts store, read in any transaction. */
type PostStore = Pick<IDBPObjectStore<RoundupDB, ['posts'], 'posts'>, 'get' | 'getAll'>;


export interface RoundupSummary {
  id: string;
  title: string;
  postCount: number;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
  current: boolean;
}

/**
 * The posts with these ids. Many are read in one request over the range of their ids (one trip
 * to the database instead of one per post), filtered to the ones asked for.
 */
export async function readPosts(store: PostStore, ids: string[]): Promise<Post[]> {
  if (ids.length < 16) {
    const found = await Promise.all(ids.map((id) => store.get(id)));
    return found.filter((p): p is Post => p !== undefined);
  }
  const sorted = [...ids].sort();
  const inRange = await store.getAll(IDBKeyRange.bound(sorted[0]!, sorted[sorted.length - 1]!));
  const wanted = new Set(ids);
  return inRange.filter((p) => wanted.has(p.id));
}

const defaultNow = () => new Date().toISOString();

export function createReadStore(db: Db, { now = defaultNow }: { now?: () => string } = {}) {
  return {
    /** Every roundup not in the trash, last edited first. */
    async listRoundups(): Promise<RoundupSummary[]> {
      const tx = db.transaction(['roundups', 'meta']);
      const current = await tx.objectStore('meta').get(CURRENT);
      const rows = (await tx.objectStore('roundups').index('byUpdatedAt').getAll()) as Roundup[];
      await tx.done;
      return rows.reverse().map((r) => ({
        id: r.id,
        title: r.title,
        postCount: r.items.length,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        publishedAt: r.publishedAt,
        current: r.id === current,
      }));
    },

    /**
     * The current roundup with its posts, read only: null when there is none yet (the
     * background makes the first one). What the editor reads as it opens.
     */
    async readCurrent(): Promise<{ roundup: Roundup; posts: Post[] } | null> {
      const tx = db.transaction(['roundups', 'meta', 'posts']);
      const id = await tx.objectStore('meta').get(CURRENT);
      const roundup = typeof id === 'string' ? await tx.objectStore('roundups').get(id) : undefined;
      if (!roundup) return null;
      const posts = await readPosts(tx.objectStore('posts'), roundup.items.map((item) => item.postId));
      await tx.done;
      return { roundup, posts: postsAsShown(roundup, posts) };
    },

    /** Every entry still restorable, newest first, with the posts its items show. */
    async listTrash(): Promise<{ entries: TrashEntry[]; posts: Record<string, Post> }> {
      const cutoff = trashCutoff(now());
      const tx = db.transaction(['trash', 'posts']);
      const all = await tx.objectStore('trash').index('byDeletedAt').getAll();
      const entries = all.filter((e) => e.deletedAt > cutoff).reverse();
      const ids = new Set(entries.flatMap((e) => (e.kind === 'item' ? [e.item.postId] : [])));
      const found = await Promise.all([...ids].map((id) => tx.objectStore('posts').get(id)));
      await tx.done;
      return { entries, posts: Object.fromEntries(found.flatMap((p) => (p ? [[p.id, p]] : []))) };
    },
  };
}

export type ReadStore = ReturnType<typeof createReadStore>;

/** The kept copies (or why they are missing) of these pictures, by URL; none for a picture never tried. */
export async function readCopies(db: Db, urls: readonly string[]): Promise<Map<string, CopyRecord>> {
  const tx = db.transaction('copies');
  const found = await Promise.all(urls.map((url) => tx.store.get(url)));
  await tx.done;
  return new Map(found.flatMap((c) => (c ? [[c.url, c] as const] : [])));
}
