// Named queries over the set of roundups: list, create, switch the current one, delete to the
// trash and restore, mark as published, and put back a removed item. Each change is one
// readwrite transaction, like every other change in the store.
import type { Post } from '../model/post';
import { newRoundup, type Roundup, type RoundupItem } from '../model/roundup';
import type { IDBPObjectStore } from 'idb';
import type { Db, RoundupDB } from './db';
import { CURRENT, notFound, type StoreOptions } from './roundups';

type PostStore = IDBPObjectStore<RoundupDB, ('roundups' | 'meta' | 'posts')[], 'posts', 'readonly'>;


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
async function readPosts(store: PostStore, ids: string[]): Promise<Post[]> {
  if (ids.length < 16) {
    const found = await Promise.all(ids.map((id) => store.get(id)));
    return found.filter((p): p is Post => p !== undefined);
  }
  const sorted = [...ids].sort();
  const inRange = await store.getAll(IDBKeyRange.bound(sorted[0]!, sorted[sorted.length - 1]!));
  const wanted = new Set(ids);
  return inRange.filter((p) => wanted.has(p.id));
}

const TRASH_DAYS = 30;
const defaultNow = () => new Date().toISOString();
const defaultId = () => crypto.randomUUID();

export function createLibraryStore(db: Db, { now = defaultNow, newId = defaultId }: StoreOptions = {}) {
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
      return { roundup, posts };
    },

    /** A new, empty roundup that becomes the current one. */
    async createRoundup(title: string): Promise<Roundup> {
      const roundup = { ...newRoundup(newId(), now()), title };
      const tx = db.transaction(['roundups', 'meta'], 'readwrite');
      await tx.objectStore('roundups').put(roundup);
      await tx.objectStore('meta').put(roundup.id, CURRENT);
      await tx.done;
      return roundup;
    },

    async setCurrentRoundup(id: string): Promise<Roundup> {
      const tx = db.transaction(['roundups', 'meta'], 'readwrite');
      const roundup = await tx.objectStore('roundups').get(id);
      if (!roundup) return notFound(tx, id);
      await tx.objectStore('meta').put(id, CURRENT);
      await tx.done;
      return roundup;
    },

    /** Moves the roundup to the trash; when it was current, the last edited one left takes over. */
    async deleteRoundup(id: string): Promise<void> {
      const tx = db.transaction(['roundups', 'meta', 'trash'], 'readwrite');
      const roundups = tx.objectStore('roundups');
      const roundup = await roundups.get(id);
      if (!roundup) return notFound(tx, id);
      const deletedAt = now();
      // The trash keeps a month: long enough for any "Undo", short enough not to grow forever.
      const cutoff = new Date(Date.parse(deletedAt) - TRASH_DAYS * 86_400_000).toISOString();
      for (let old = await tx.objectStore('trash').index('byDeletedAt').openCursor(IDBKeyRange.upperBound(cutoff)); old; old = await old.continue()) {
        await old.delete();
      }
      await tx.objectStore('trash').put({ roundup, deletedAt });
      await roundups.delete(id);
      if ((await tx.objectStore('meta').get(CURRENT)) === id) {
        const next = await roundups.index('byUpdatedAt').openCursor(null, 'prev');
        // None left: the next read or clip makes a fresh one (see currentRoundup).
        if (next) await tx.objectStore('meta').put(next.value.id, CURRENT);
        else await tx.objectStore('meta').delete(CURRENT);
      }
      await tx.done;
    },

    /** Puts a deleted roundup back, as it was, and makes it current again. */
    async restoreRoundup(id: string): Promise<Roundup> {
      const tx = db.transaction(['roundups', 'meta', 'trash'], 'readwrite');
      const trashed = await tx.objectStore('trash').get(id);
      if (!trashed) return notFound(tx, id);
      await tx.objectStore('roundups').put(trashed.roundup);
      await tx.objectStore('trash').delete(id);
      await tx.objectStore('meta').put(id, CURRENT);
      await tx.done;
      return trashed.roundup;
    },

    async setPublished(id: string, published: boolean): Promise<Roundup> {
      const tx = db.transaction('roundups', 'readwrite');
      const roundup = (await tx.store.get(id)) as Roundup | undefined;
      if (!roundup) return notFound(tx, id);
      if (published) roundup.publishedAt = now();
      else delete roundup.publishedAt;
      await tx.store.put(roundup);
      await tx.done;
      return roundup;
    },

    /** Undo of "Remove": the item with its lead-in and commentary, back at its place. */
    async restoreItem(roundupId: string, item: RoundupItem, index: number): Promise<Roundup> {
      const tx = db.transaction('roundups', 'readwrite');
      const roundup = await tx.store.get(roundupId);
      if (!roundup) return notFound(tx, roundupId);
      if (!roundup.items.some((i) => i.postId === item.postId)) {
        roundup.items.splice(Math.max(0, Math.min(index, roundup.items.length)), 0, { ...item });
        roundup.updatedAt = now();
        await tx.store.put(roundup);
      }
      await tx.done;
      return roundup;
    },
  };
}

export type LibraryStore = ReturnType<typeof createLibraryStore>;
