// Named queries over the roundups and their posts. Every change is one readwrite transaction
// that reads the row and writes it back: IndexedDB runs such transactions one after another,
// so two editors changing different fields never overwrite each other's words.
import { enrichPost } from '../model/enrich';
import type { Post } from '../model/post';
import {
  moveItem as moveInList,
  newItem,
  newRoundup,
  postsAsShown,
  type ItemTextField,
  type Roundup,
  type RoundupTextField,
} from '../model/roundup';
import { languageTag } from '../model/language';
import { hasWords, itemTrashId, mergeItemWords, restoreIndex, type TrashedItem } from '../model/trash';
import type { Db } from './db';
import { ItemNotFoundError, LanguageTagError, RoundupNotFoundError, notFound } from './errors';
import { CURRENT } from './reads';
import { putInTrash } from './trash';

export { GoneError, ItemNotFoundError, LanguageTagError, RoundupNotFoundError, notFound } from './errors';
export { CURRENT };

export interface StoreOptions {
  now?: () => string;
  newId?: () => string;
  /**
   * The browser's UI language, read when a roundup is made (the background passes the
   * platform's; the store asks no browser). Absent: new roundups have no language and export
   * in English, as before languages.
   */
  language?: () => string;
}

const defaultNow = () => new Date().toISOString();
const defaultId = () => crypto.randomUUID();

export function createStore(db: Db, { now = defaultNow, newId = defaultId, language }: StoreOptions = {}) {
  /** The roundup new clips go to; made on first use. */
  async function currentRoundup(): Promise<Roundup> {
    const tx = db.transaction(['roundups', 'meta'], 'readwrite');
    const roundups = tx.objectStore('roundups');
    const id = await tx.objectStore('meta').get(CURRENT);
    let roundup = typeof id === 'string' ? await roundups.get(id) : undefined;
    if (!roundup) {
      // No current one remembered (a fresh or version-1 database): take the last edited.
      const cursor = await roundups.index('byUpdatedAt').openCursor(null, 'prev');
      roundup = cursor?.value ?? newRoundup(newId(), now(), language?.());
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

  /** See `clipAll` below. */
  async function clipAll(list: readonly Post[]): Promise<{ roundup: Roundup; added: string[] }> {
    const target = await currentRoundup();
    const tx = db.transaction(['posts', 'roundups', 'trash'], 'readwrite');
    const posts = tx.objectStore('posts');
    const roundup = (await tx.objectStore('roundups').get(target.id)) ?? target;
    const added: string[] = [];
    for (const post of list) {
      await posts.put(enrichPost(await posts.get(post.id), post));
      if (roundup.items.some((item) => item.postId === post.id)) continue;
      const trashId = itemTrashId(roundup.id, post.id);
      const trashed = (await tx.objectStore('trash').get(trashId)) as TrashedItem | undefined;
      if (trashed?.kind === 'item') {
        roundup.items.splice(restoreIndex(roundup.items, trashed), 0, mergeItemWords(newItem(post.id), trashed.item));
        await tx.objectStore('trash').delete(trashId);
      } else {
        roundup.items.push(newItem(post.id));
      }
      added.push(post.id);
    }
    if (added.length > 0) {
      roundup.updatedAt = now();
      await tx.objectStore('roundups').put(roundup);
    }
    await tx.done;
    return { roundup, added };
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
      return { roundup, posts: postsAsShown(roundup, posts.filter((p): p is Post => p !== undefined)) };
    },

    /**
     * Adds the post to the current roundup; a post clipped twice stays one item. The stored
     * post is only ever enriched by the new capture (model/enrich.ts), never made poorer. A
     * post whose item was removed with words comes back with them, at its old place.
     */
    async clip(post: Post): Promise<{ roundup: Roundup; added: boolean }> {
      const { roundup, added } = await clipAll([post]);
      return { roundup, added: added.length > 0 };
    },

    /**
     * Adds several posts in one transaction, in their order, as consecutive items at the end
     * ("Clip thread"); those the roundup holds already stay where they are. `added`: the ids
     * of the posts that became items.
     */
    clipAll,

    /**
     * Enriches the stored post with a fresher read of it (a network's API after a page clip),
     * in no roundup of its own accord. False when the post is not stored (removed for good).
     */
    async refreshPost(post: Post): Promise<boolean> {
      const tx = db.transaction('posts', 'readwrite');
      const stored = await tx.store.get(post.id);
      if (stored) await tx.store.put(enrichPost(stored, post));
      await tx.done;
      return stored !== undefined;
    },

    /**
     * Removes the item; one that holds words goes to the Trash first (its id is returned), so
     * nothing typed is lost. The post itself stays stored, as other roundups may hold it.
     * Removing an item that is not there changes nothing (a request sent twice).
     */
    async removeItem(roundupId: string, postId: string): Promise<{ roundup: Roundup; trashId?: string }> {
      const tx = db.transaction(['roundups', 'trash'], 'readwrite');
      const roundup = await tx.objectStore('roundups').get(roundupId);
      if (!roundup) return notFound(tx, roundupId);
      const index = roundup.items.findIndex((item) => item.postId === postId);
      const item = roundup.items[index];
      if (!item) {
        await tx.done;
        return { roundup };
      }
      const deletedAt = now();
      let trashId: string | undefined;
      if (hasWords(item)) {
        trashId = itemTrashId(roundupId, postId);
        const after = roundup.items[index - 1]?.postId;
        const entry: TrashedItem = { id: trashId, kind: 'item', roundupId, roundupTitle: roundup.title, item, index, deletedAt };
        if (after !== undefined) entry.after = after;
        await putInTrash(tx.objectStore('trash'), entry, deletedAt);
      }
      roundup.items.splice(index, 1);
      roundup.updatedAt = deletedAt;
      await tx.objectStore('roundups').put(roundup);
      await tx.done;
      return trashId ? { roundup, trashId } : { roundup };
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

    /** The language the roundup's exports follow (model/language.ts); a tag that is no language tag is refused. */
    async setRoundupLanguage(roundupId: string, language: string): Promise<Roundup> {
      const tag = languageTag(language);
      if (!tag) throw new LanguageTagError(language);
      return change(roundupId, (r) => {
        r.language = tag;
      });
    },

    async setItemText(roundupId: string, postId: string, field: ItemTextField, value: string): Promise<Roundup> {
      return change(roundupId, (r) => {
        const item = r.items.find((i) => i.postId === postId);
        if (!item) throw new ItemNotFoundError(postId);
        item[field] = value;
      });
    },
  };
}

export type Store = ReturnType<typeof createStore>;
