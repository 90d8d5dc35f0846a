// Named queries over the Trash (model/trash.ts): removed items and deleted roundups, kept so
// the writer can put them back, until they empty it or 30 days pass. Each change is one
// readwrite transaction, like every other change in the store.
import type { Post } from '../model/post';
import { newItem, type Roundup } from '../model/roundup';
import {
  keepBoth, mergeItemWords, restoreIndex, roundupTrashId, trashCutoff,
  type TrashEntry, type TrashedItem, type TrashedRoundup,
} from '../model/trash';
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { Db, RoundupDB } from './db';
import { GoneError, notFound } from './errors';
import { t } from '../platform/i18n';
import { CURRENT } from './reads';
import type { StoreOptions } from './roundups';

type TrashStore = IDBPObjectStore<RoundupDB, StoreNames<RoundupDB>[], 'trash', 'readwrite'>;
type WriteTx = IDBPTransaction<RoundupDB, ('roundups' | 'meta' | 'trash')[], 'readwrite'>;

const defaultNow = () => new Date().toISOString();

/** Drops entries past keeping; run with every write to the trash, so it never grows forever. */
export async function purgeTrash(trash: TrashStore, now: string): Promise<number> {
  let purged = 0;
  for (let old = await trash.index('byDeletedAt').openCursor(IDBKeyRange.upperBound(trashCutoff(now), true)); old; old = await old.continue()) {
    await old.delete();
    purged++;
  }
  return purged;
}

export async function putInTrash(trash: TrashStore, entry: TrashEntry, now: string): Promise<void> {
  await purgeTrash(trash, now);
  await trash.put(entry);
}

/** A deleted roundup put back over a live copy with its id (after an import): no words of either are lost. */
function mergeRoundups(live: Roundup, trashed: Roundup): Roundup {
  const merged: Roundup = {
    ...live,
    title: keepBoth(live.title, trashed.title),
    intro: keepBoth(live.intro, trashed.intro),
    closing: keepBoth(live.closing, trashed.closing),
  };
  const theirs = new Map(trashed.items.map((i) => [i.postId, i]));
  merged.items = live.items.map((i) => {
    const other = theirs.get(i.postId);
    theirs.delete(i.postId);
    return other ? mergeItemWords(i, other) : i;
  });
  merged.items.push(...theirs.values());
  return merged;
}

export class NotInTrashError extends GoneError {
  constructor() {
    super(t('notInTrash'));
  }
}

export function createTrashStore(db: Db, { now = defaultNow }: StoreOptions = {}) {
  /** Puts the roundup back into the list (merged with a live copy, if one came back meanwhile). */
  async function unTrashRoundup(tx: WriteTx, entry: TrashedRoundup, at: string): Promise<Roundup> {
    const roundups = tx.objectStore('roundups');
    const live = await roundups.get(entry.roundup.id);
    const roundup = live ? { ...mergeRoundups(live, entry.roundup), updatedAt: at } : entry.roundup;
    await roundups.put(roundup);
    await tx.objectStore('trash').delete(entry.id);
    return roundup;
  }

  async function unTrashItem(tx: WriteTx, entry: TrashedItem, at: string): Promise<Roundup> {
    const roundups = tx.objectStore('roundups');
    let roundup = await roundups.get(entry.roundupId);
    if (!roundup) {
      // Its roundup was deleted since: bring that back too; gone for good, the current one takes it.
      const home = (await tx.objectStore('trash').get(roundupTrashId(entry.roundupId))) as TrashedRoundup | undefined;
      if (home?.kind === 'roundup') roundup = await unTrashRoundup(tx, home, at);
      else {
        const current = await tx.objectStore('meta').get(CURRENT);
        roundup = typeof current === 'string' ? await roundups.get(current) : undefined;
      }
    }
    if (!roundup) return notFound(tx, entry.roundupId);
    const place = roundup.items.findIndex((i) => i.postId === entry.item.postId);
    const here = roundup.items[place];
    if (here) roundup.items[place] = mergeItemWords(here, entry.item);
    else roundup.items.splice(restoreIndex(roundup.items, entry), 0, mergeItemWords(newItem(entry.item.postId), entry.item));
    roundup.updatedAt = at;
    await roundups.put(roundup);
    await tx.objectStore('trash').delete(entry.id);
    return roundup;
  }

  /** The roundup an entry `id` would have restored, when that is already done (ids: model/trash.ts). */
  async function alreadyBack(tx: WriteTx, id: string): Promise<Roundup | undefined> {
    const roundups = tx.objectStore('roundups');
    if (id.startsWith('roundup:')) return roundups.get(id.slice('roundup:'.length));
    if (!id.startsWith('item:')) return undefined;
    // `item:<roundupId>:<postId>`, where a post id holds colons too: try each split.
    const rest = id.slice('item:'.length);
    for (let at = rest.indexOf(':'); at > 0; at = rest.indexOf(':', at + 1)) {
      const roundup = await roundups.get(rest.slice(0, at));
      const postId = rest.slice(at + 1);
      if (roundup?.items.some((i) => i.postId === postId)) return roundup;
    }
    return undefined;
  }

  return {
    /**
     * Puts an entry back: an item at its place with its words (merged with any the roundup
     * holds for that post now), or a deleted roundup, which becomes current. An entry no longer
     * there whose thing is back already (a request sent twice) is no error.
     */
    async restoreFromTrash(id: string): Promise<Roundup> {
      const tx = db.transaction(['roundups', 'meta', 'trash'], 'readwrite');
      const entry = await tx.objectStore('trash').get(id);
      const at = now();
      if (!entry) {
        const back = await alreadyBack(tx, id);
        await tx.done;
        if (back) return back;
        throw new NotInTrashError();
      }
      let roundup: Roundup;
      if (entry.kind === 'roundup') {
        roundup = await unTrashRoundup(tx, entry, at);
        await tx.objectStore('meta').put(roundup.id, CURRENT);
      } else {
        roundup = await unTrashItem(tx, entry, at);
      }
      await tx.done;
      return roundup;
    },

    /** Deletes every entry for good; returns how many. */
    async emptyTrash(): Promise<number> {
      const tx = db.transaction('trash', 'readwrite');
      const count = await tx.store.count();
      await tx.store.clear();
      await tx.done;
      return count;
    },
  };
}

export type TrashStoreQueries = ReturnType<typeof createTrashStore>;
