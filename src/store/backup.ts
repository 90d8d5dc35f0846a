// The whole database as one backup, and a backup written back into it. Each is one
// transaction over every store, so a backup is a consistent snapshot and an import either
// lands whole or not at all (any failure aborts it and the database stays as it was).
//
// Merge rule, so importing the same file twice changes nothing the second time:
// - a roundup whose id is already stored is replaced only when the file's copy is newer
//   (later `updatedAt`); otherwise the stored one is kept, so an import never loses newer
//   writing done since the backup was made;
// - a post whose id is already stored is replaced only when the file's copy was captured
//   later (later `capturedAt`);
// - the file's settings replace the stored ones, field by field (a one-roundup export
//   carries no editor-only settings, and those stay as they are);
// - a roundup the user had moved to the trash comes back out of it (importing it is asking
//   for it back), so it is never both in the trash and in the list.
// Ids are the identity: nothing is ever added twice, and nothing stored is deleted.
// The trash itself is not part of a backup: it holds what the user chose to throw away.
import type { BackupData } from '../export/backup';
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import type { Db } from './db';

const SETTINGS_KEY = 'settings';

/** What an import did, counted per kind, for the message the user reads. */
export interface ImportSummary {
  roundups: { added: number; replaced: number; kept: number };
  posts: { added: number; replaced: number; kept: number };
}

function storedSettings(stored: unknown): Settings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Settings>;
  return { ...DEFAULT_SETTINGS, ...s, inlineButtons: { ...DEFAULT_SETTINGS.inlineButtons, ...s.inlineButtons } };
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** ISO 8601 strings of one form compare as text; Date.parse copes with offsets too. */
const later = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

type Counts = ImportSummary['roundups'];

/** Writes each row unless a stored row with its id is as new or newer; counts what it did. */
async function mergeRows<T extends Roundup | Post>(
  rows: T[], get: (id: string) => Promise<T | undefined>, put: (row: T) => Promise<unknown>, newer: (a: T, b: T) => boolean,
): Promise<Counts> {
  const counts: Counts = { added: 0, replaced: 0, kept: 0 };
  for (const row of rows) {
    const stored = await get(row.id);
    if (stored && !newer(row, stored)) {
      counts.kept++;
      continue;
    }
    await put(row);
    counts[stored ? 'replaced' : 'added']++;
  }
  return counts;
}

export function createBackupStore(db: Db) {
  return {
    /** Every roundup and post (by id, so exporting an import gives back the same file) and the settings. */
    async exportAll(exportedAt: string): Promise<BackupData> {
      const tx = db.transaction(['roundups', 'posts', 'meta']);
      const [roundups, posts, settings] = await Promise.all([
        tx.objectStore('roundups').getAll(),
        tx.objectStore('posts').getAll(),
        tx.objectStore('meta').get(SETTINGS_KEY),
      ]);
      await tx.done;
      return { exportedAt, roundups: roundups.sort(byId), posts: posts.sort(byId), settings: storedSettings(settings) };
    },

    /** Writes an already validated backup (see parseBackup) by the merge rule above. */
    async importBackup(data: BackupData): Promise<ImportSummary> {
      const tx = db.transaction(['roundups', 'posts', 'meta', 'trash'], 'readwrite');
      const roundups = tx.objectStore('roundups');
      const trash = tx.objectStore('trash');
      const posts = tx.objectStore('posts');
      const meta = tx.objectStore('meta');
      try {
        const summary: ImportSummary = {
          roundups: await mergeRows(
            data.roundups,
            (id) => roundups.get(id),
            async (r) => {
              await trash.delete(r.id);
              await roundups.put(r);
            },
            (a, b) => later(a.updatedAt, b.updatedAt),
          ),
          posts: await mergeRows(data.posts, (id) => posts.get(id), (p) => posts.put(p), (a, b) => later(a.capturedAt, b.capturedAt)),
        };
        await meta.put({ ...storedSettings(await meta.get(SETTINGS_KEY)), ...data.settings }, SETTINGS_KEY);
        await tx.done;
        return summary;
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
