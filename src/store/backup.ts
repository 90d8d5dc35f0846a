// The whole database as one backup, and a backup written back into it. Each is one
// transaction over every store, so a backup is a consistent snapshot and an import either
// lands whole or not at all (any failure aborts it and the database stays as it was).
//
// A backup holds every roundup, post and Trash entry, and the settings. What the store holds
// passes through the model's cleaning first (model/roundup-schema.ts, model/parse-post.ts):
// data an older version wrote under older rules is made fit for the one schema, so a backup
// is never a file its own import refuses.
//
// Merge rule ("newer wins"), so importing the same file twice changes nothing the second time:
// - a roundup whose id is already stored is replaced only when the file's copy is newer
//   (later `updatedAt`); otherwise the stored one is kept, so an import never loses newer
//   writing done since the backup was made;
// - a roundup the user has deleted here (it is in the Trash) comes back only when the file's
//   copy was edited after that deletion (its `updatedAt` later than the entry's `deletedAt`);
//   otherwise it stays in the Trash — an older backup never undoes a newer deletion;
// - a roundup the file has in its Trash but that is live here goes to the Trash only when that
//   deletion is later than the last edit here; it is never deleted, only moved to the Trash
//   (holding whichever copy was edited last); otherwise it stays live;
// - Trash entries with one id (the same removed item, the same deleted roundup): the later
//   deletion wins. Entries past keeping (30 days, model/trash.ts) are not imported;
// - a post whose id is already stored is replaced only when the file's copy was captured
//   later (later `capturedAt`);
// - the file's settings replace the stored ones, field by field (a one-roundup export
//   carries no editor-only settings, and those stay as they are).
// Ids are the identity: nothing is ever added twice, and nothing stored is deleted.
import type { BackupData } from '../export/backup';
import { cleanPosts, cleanRoundup, cleanTrashEntry } from '../model/roundup-schema';
import { enrichPost } from '../model/enrich';
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import { roundupTrashId, trashCutoff, type TrashEntry, type TrashedRoundup } from '../model/trash';
import type { IDBPTransaction } from 'idb';
import type { Db, RoundupDB } from './db';
import { CURRENT, type StoreOptions } from './roundups';

const SETTINGS_KEY = 'settings';

/** What an import did, counted per kind, for the message the user reads. */
export interface ImportSummary {
  roundups: { added: number; replaced: number; kept: number };
  posts: { added: number; replaced: number; kept: number };
  /** Trash entries; `kept`: the one here stayed (as new or newer, or its roundup was edited here since). */
  trash: { added: number; replaced: number; kept: number };
}

function storedSettings(stored: unknown): Settings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Settings>;
  return { ...DEFAULT_SETTINGS, ...s, inlineButtons: { ...DEFAULT_SETTINGS.inlineButtons, ...s.inlineButtons } };
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** ISO 8601 strings of one form compare as text; Date.parse copes with offsets too. */
const later = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

type Counts = ImportSummary['roundups'];
const counts = (): Counts => ({ added: 0, replaced: 0, kept: 0 });
type WriteTx = IDBPTransaction<RoundupDB, ('roundups' | 'posts' | 'meta' | 'trash')[], 'readwrite'>;

const defaultNow = () => new Date().toISOString();

export function createBackupStore(db: Db, { now = defaultNow }: StoreOptions = {}) {
  /** The Trash entry for a deleted roundup, unless it is past keeping. */
  async function trashedRoundup(tx: WriteTx, id: string, cutoff: string): Promise<TrashedRoundup | undefined> {
    const entry = await tx.objectStore('trash').get(roundupTrashId(id));
    return entry?.kind === 'roundup' && later(entry.deletedAt, cutoff) ? entry : undefined;
  }

  async function importRoundups(tx: WriteTx, rows: Roundup[], cutoff: string): Promise<Counts> {
    const roundups = tx.objectStore('roundups');
    const done = counts();
    for (const row of rows) {
      const live = await roundups.get(row.id);
      const deleted = live ? undefined : await trashedRoundup(tx, row.id, cutoff);
      const mine = live?.updatedAt ?? deleted?.deletedAt;
      if (mine !== undefined && !later(row.updatedAt, mine)) {
        done.kept++;
        continue;
      }
      if (deleted) await tx.objectStore('trash').delete(deleted.id);
      await roundups.put(row);
      done[live || deleted ? 'replaced' : 'added']++;
    }
    return done;
  }

  /** Moves a live roundup to the Trash as `entry` says; the last edited copy of the two goes there. */
  async function trashLive(tx: WriteTx, live: Roundup, entry: TrashedRoundup): Promise<void> {
    const roundup = later(entry.roundup.updatedAt, live.updatedAt) ? entry.roundup : live;
    await tx.objectStore('trash').put({ ...entry, roundup });
    await tx.objectStore('roundups').delete(live.id);
    const meta = tx.objectStore('meta');
    if ((await meta.get(CURRENT)) === live.id) {
      // As a deletion here does: the last edited roundup left takes over (none: the next read makes one).
      const next = await tx.objectStore('roundups').index('byUpdatedAt').openCursor(null, 'prev');
      if (next) await meta.put(next.value.id, CURRENT);
      else await meta.delete(CURRENT);
    }
  }

  async function importTrash(tx: WriteTx, entries: TrashEntry[], cutoff: string): Promise<Counts> {
    const trash = tx.objectStore('trash');
    const done = counts();
    for (const entry of entries) {
      if (!later(entry.deletedAt, cutoff)) continue; // past keeping: not brought back
      const live = entry.kind === 'roundup' ? await tx.objectStore('roundups').get(entry.roundup.id) : undefined;
      const mine = await trash.get(entry.id);
      const stored = mine && later(mine.deletedAt, cutoff) ? mine : undefined;
      if (live) {
        // Deleted there, live here: the later of that deletion and the last edit here wins.
        if (!later(entry.deletedAt, live.updatedAt)) {
          done.kept++;
          continue;
        }
        await trashLive(tx, live, entry as TrashedRoundup);
        done[stored ? 'replaced' : 'added']++;
        continue;
      }
      if (stored && !later(entry.deletedAt, stored.deletedAt)) {
        done.kept++;
        continue;
      }
      await trash.put(entry);
      done[stored ? 'replaced' : 'added']++;
    }
    return done;
  }

  async function importPosts(tx: WriteTx, rows: Post[]): Promise<Counts> {
    const posts = tx.objectStore('posts');
    const done = counts();
    for (const row of rows) {
      const stored = await posts.get(row.id);
      if (stored && !later(row.capturedAt, stored.capturedAt)) {
        done.kept++;
        continue;
      }
      // Newer, but a post is only ever enriched: a later capture that read less (a link-only
      // clip, a "Show more" cut) never takes away what the stored one had.
      await posts.put(enrichPost(stored, row));
      done[stored ? 'replaced' : 'added']++;
    }
    return done;
  }

  return {
    /**
     * Every roundup, post and Trash entry (by id, so exporting an import gives back the same
     * file) and the settings, each made fit for the schema a backup is read by.
     */
    async exportAll(exportedAt: string): Promise<BackupData> {
      const tx = db.transaction(['roundups', 'posts', 'trash', 'meta']);
      const [roundups, posts, trash, settings] = await Promise.all([
        tx.objectStore('roundups').getAll(),
        tx.objectStore('posts').getAll(),
        tx.objectStore('trash').getAll(),
        tx.objectStore('meta').get(SETTINGS_KEY),
      ]);
      await tx.done;
      return {
        exportedAt,
        roundups: roundups.sort(byId).map(cleanRoundup),
        posts: cleanPosts(posts.sort(byId)),
        trash: trash.sort(byId).map(cleanTrashEntry),
        settings: storedSettings(settings),
      };
    },

    /** Writes an already validated backup (see parseBackup) by the merge rule above. */
    async importBackup(data: BackupData): Promise<ImportSummary> {
      const tx = db.transaction(['roundups', 'posts', 'meta', 'trash'], 'readwrite');
      const meta = tx.objectStore('meta');
      const cutoff = trashCutoff(now());
      try {
        // Roundups first, then the Trash: a roundup the file has both live and deleted ends
        // where the later of its last edit and its deletion puts it.
        const roundups = await importRoundups(tx, data.roundups, cutoff);
        const trash = await importTrash(tx, data.trash, cutoff);
        const posts = await importPosts(tx, data.posts);
        await meta.put({ ...storedSettings(await meta.get(SETTINGS_KEY)), ...data.settings }, SETTINGS_KEY);
        await tx.done;
        return { roundups, posts, trash };
      } catch (error) {
        // Nothing half-written: undo every put of this import.
        try {
          tx.abort();
        } catch {
          // Already aborted by the failure itself.
        }
        await tx.done.catch(() => {});
        throw error;
      }
    },
  };
}

export type BackupStore = ReturnType<typeof createBackupStore>;
