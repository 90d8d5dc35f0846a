// Named changes to the set of roundups: create, switch the current one, delete to the Trash,
// mark as published, and put back a removed item (the reads are in reads.ts). Each change is one
// readwrite transaction, like every other change in the store.
import { newItem, newRoundup, type Roundup, type RoundupItem } from '../model/roundup';
import { itemTrashId, mergeItemWords, roundupTrashId, type TrashedItem } from '../model/trash';
import type { Db } from './db';
import { notFound } from './errors';
import { CURRENT, readPosts } from './reads';
import type { StoreOptions } from './roundups';
import { putInTrash } from './trash';

const defaultNow = () => new Date().toISOString();
const defaultId = () => crypto.randomUUID();

export function createLibraryStore(db: Db, { now = defaultNow, newId = defaultId, language }: StoreOptions = {}) {
  return {
    /**
     * A new, empty roundup that becomes the current one. With an `id` already used (the same
     * request sent twice), nothing is made or changed: the one made first is the answer.
     */
    async createRoundup(title: string, id = newId()): Promise<Roundup> {
      const roundup = { ...newRoundup(id, now(), language?.()), title };
      const tx = db.transaction(['roundups', 'meta', 'trash'], 'readwrite');
      const live = await tx.objectStore('roundups').get(id);
      const trashed = live ? undefined : await tx.objectStore('trash').get(roundupTrashId(id));
      const made = live ?? (trashed?.kind === 'roundup' ? trashed.roundup : undefined);
      if (made) {
        await tx.done;
        return made;
      }
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

    /**
     * Moves the roundup to the Trash; when it was current, the last edited one left takes over.
     * One already in the Trash (the same request sent twice) is no error.
     */
    async deleteRoundup(id: string): Promise<{ trashId: string }> {
      const tx = db.transaction(['roundups', 'meta', 'trash'], 'readwrite');
      const roundups = tx.objectStore('roundups');
      const trashId = roundupTrashId(id);
      const roundup = await roundups.get(id);
      if (!roundup) {
        if (await tx.objectStore('trash').getKey(trashId)) {
          await tx.done;
          return { trashId };
        }
        return notFound(tx, id);
      }
      const deletedAt = now();
      await putInTrash(tx.objectStore('trash'), { id: trashId, kind: 'roundup', roundup, deletedAt }, deletedAt);
      await roundups.delete(id);
      if ((await tx.objectStore('meta').get(CURRENT)) === id) {
        const next = await roundups.index('byUpdatedAt').openCursor(null, 'prev');
        // None left: the next read or clip makes a fresh one (see currentRoundup).
        if (next) await tx.objectStore('meta').put(next.value.id, CURRENT);
        else await tx.objectStore('meta').delete(CURRENT);
      }
      await tx.done;
      return { trashId };
    },

    /**
     * Marks the roundup published (or back to drafts). Published, it keeps its posts as they are
     * now (`publishedPosts`): a later capture never changes what was published.
     */
    async setPublished(id: string, published: boolean): Promise<Roundup> {
      const tx = db.transaction(['roundups', 'posts'], 'readwrite');
      const roundups = tx.objectStore('roundups');
      const roundup = await roundups.get(id);
      if (!roundup) return notFound(tx, id);
      if (published === (roundup.publishedAt !== undefined)) {
        await tx.done;
        return roundup; // already so: a request sent twice changes nothing
      }
      if (published) {
        roundup.publishedAt = now();
        roundup.publishedPosts = await readPosts(tx.objectStore('posts'), roundup.items.map((i) => i.postId));
      } else {
        delete roundup.publishedAt;
        delete roundup.publishedPosts;
      }
      await roundups.put(roundup);
      await tx.done;
      return roundup;
    },

    /**
     * Undo of "Remove" in the editor: the item back at its place, with the words the editor
     * had and any the Trash kept for it (the Trash entry is then used up).
     */
    async restoreItem(roundupId: string, item: RoundupItem, index: number): Promise<Roundup> {
      const tx = db.transaction(['roundups', 'trash'], 'readwrite');
      const roundups = tx.objectStore('roundups');
      const roundup = await roundups.get(roundupId);
      if (!roundup) return notFound(tx, roundupId);
      const trashId = itemTrashId(roundupId, item.postId);
      const trashed = (await tx.objectStore('trash').get(trashId)) as TrashedItem | undefined;
      const words = trashed?.kind === 'item' ? mergeItemWords(item, trashed.item) : { ...item };
      const place = roundup.items.findIndex((i) => i.postId === item.postId);
      const here = roundup.items[place];
      if (here) roundup.items[place] = mergeItemWords(here, words);
      else roundup.items.splice(Math.max(0, Math.min(index, roundup.items.length)), 0, mergeItemWords(newItem(item.postId), words));
      if (trashed) await tx.objectStore('trash').delete(trashId);
      if (!here || roundup.items[place] !== here) {
        roundup.updatedAt = now();
        await roundups.put(roundup);
      }
      await tx.done;
      return roundup;
    },
  };
}

export type LibraryStore = ReturnType<typeof createLibraryStore>;
