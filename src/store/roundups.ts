// Named queries over the roundups and their posts. Every change is one readwrite transaction
// that reads the row and writes it back: IndexedDB runs such transactions one after another,
// so two editors changing different fields never overwrite each other's words.
import type { Post } from '../model/post';
import {
  moveItem as moveInList,
  newItem,
  newRoundup,
  type ItemTextField,
  type Roundup,
  type RoundupTextField,
} from '../model/roundup';
import type { Db } from './db';

/** The meta key naming the roundup new clips go to. */
export const CURRENT = 'currentRoundupId';

export interface StoreOptions {
  now?: () => string;
  newId?: () => string;
}

const defaultNow = () => new Date().toISOString();
const defaultId = () => crypto.randomUUID();

export class RoundupNotFoundError extends Error {
  constructor(id: string) {
    super(`There is no roundup with id "${id}".`);
  }
}

/** Ends a readwrite transaction that found no roundup `id`, having changed nothing. */
export async function notFound(tx: { abort(): void; done: Promise<void> }, id: string): Promise<never> {
  tx.abort();
  await tx.done.catch(() => {});
  throw new RoundupNotFoundError(id);
}

export function createStore(db: Db, { now = defaultNow, newId = defaultId }: StoreOptions = {}) {
  /** The roundup new clips go to; made on first use. */
  async function currentRoundup(): Promise<Roundup> {
    const tx = db.transaction(['roundups', 'meta'], 'readwrite');
    const roundups = tx.objectStore('roundups');
    const id = await tx.objectStore('meta').get(CURRENT);
    let roundup = typeof id === 'string' ? await roundups.get(id) : undefined;
    if (!roundup) {
      // No current one remembered (a fresh or version-1 database): take the last edited.
      const cursor = await roundups.index('byUpdatedAt').openCursor(null, 'prev');
      roundup = cursor?.value ?? newRoundup(newId(), now());
      await roundups.put(roundup);
      await tx.objectStore('meta').put(roundup.id, CURRENT);
    }
    await tx.done;
    return roundup;
  }

  /** Read-modify-write of one roundup inside one transaction. */
  async function change(roundupId: string, edit: (r: Roundup) => void): Promise<Roundup> {
    const tx = db.transaction('roundups', 'readwrite');
    const roundup = await tx.store.get(roundupId);
    if (!roundup) return notFound(tx, roundupId);
    try {
      edit(roundup);
    } catch (e) {
      tx.abort();
      await tx.done.catch(() => {});
      throw e;
    }
    roundup.updatedAt = now();
    await tx.store.put(roundup);
    await tx.done;
    return roundup;
  }

  return {
    currentRoundup,

    async getRoundup(id: string): Promise<Roundup | undefined> {
      return db.get('roundups', id);
    },

    /** The roundup with its posts, in item order. */
    async loadRoundup(id: string): Promise<{ roundup: Roundup; posts: Post[] }> {
      const tx = db.transaction(['roundups', 'posts']);
      const roundup = await tx.objectStore('roundups').get(id);
      if (!roundup) throw new RoundupNotFoundError(id);
      const posts = await Promise.all(roundup.items.map((item) => tx.objectStore('posts').get(item.postId)));
      await tx.done;
      return { roundup, posts: posts.filter((p): p is Post => p !== undefined) };
    },

    /**
     * Adds the post to the current roundup (storing or refreshing the post itself); a post
     * clipped twice stays one item. Returns the roundup and whether the item was new.
     * `keepStored`: a copy already stored (from any roundup) is kept as it is — for a post
     * known only from a link, which tells less than the page did.
     */
    async clip(post: Post, { keepStored = false } = {}): Promise<{ roundup: Roundup; added: boolean }> {
      const target = await currentRoundup();
      const tx = db.transaction(['posts', 'roundups'], 'readwrite');
      const posts = tx.objectStore('posts');
      if (!keepStored || (await posts.getKey(post.id)) === undefined) await posts.put(post);
      const roundup = (await tx.objectStore('roundups').get(target.id)) ?? target;
      const added = !roundup.items.some((item) => item.postId === post.id);
      if (added) {
        roundup.items.push(newItem(post.id));
        roundup.updatedAt = now();
        await tx.objectStore('roundups').put(roundup);
      }
      await tx.done;
      return { roundup, added };
    },

    /** Removes the item; the post itself stays stored, as other roundups may hold it. */
    async removeItem(roundupId: string, postId: string): Promise<Roundup> {
      return change(roundupId, (r) => {
        r.items = r.items.filter((item) => item.postId !== postId);
      });
    },

    async moveItem(roundupId: string, postId: string, to: number): Promise<Roundup> {
      return change(roundupId, (r) => {
        r.items = moveInList(r.items, r.items.findIndex((item) => item.postId === postId), to);
      });
    },

    async setRoundupText(roundupId: string, field: RoundupTextField, value: string): Promise<Roundup> {
      return change(roundupId, (r) => {
        r[field] = value;
      });
    },

    async setItemText(roundupId: string, postId: string, field: ItemTextField, value: string): Promise<Roundup> {
      return change(roundupId, (r) => {
        const item = r.items.find((i) => i.postId === postId);
        if (!item) throw new Error(`The roundup holds no post "${postId}".`);
        item[field] = value;
      });
    },
  };
}

export type Store = ReturnType<typeof createStore>;
