// Opens Roundup's database. The only module that calls IndexedDB's open; every schema change
// is one `if (oldVersion < N)` step, so a database of any older version upgrades in order.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';
import type { CopyRecord } from '../model/media';
import { roundupTrashId, type TrashEntry } from '../model/trash';
import type { SavedSite, SentDraft } from '../publish/types';
import type { UploadedPicture } from '../publish/wordpress';

export const DB_NAME = 'roundup';
export const DB_VERSION = 6;

export interface RoundupDB extends DBSchema {
  posts: { key: string; value: Post };
  roundups: { key: string; value: Roundup; indexes: { byUpdatedAt: string } };
  /** Small named values: which roundup is current, settings. */
  meta: { key: string; value: unknown };
  /** Removed items and deleted roundups (model/trash.ts), restorable until emptied or 30 days old. */
  trash: { key: string; value: TrashEntry; indexes: { byDeletedAt: string } };
  /** Kept copies of the pictures clipped posts show (model/media.ts), by the URL the post holds. */
  copies: { key: string; value: CopyRecord; indexes: { byStatus: string } };
  /**
   * Publishing (store/publishing.ts): the WordPress site with its application password, the
   * pictures already in its media library, the draft each roundup was sent to. Never part of a
   * backup or an export: the backup reads only the stores it names.
   */
  publishing: { key: string; value: SavedSite | SentDraft | UploadedPicture };
}

export type Db = IDBPDatabase<RoundupDB>;

export async function openRoundupDb(name = DB_NAME): Promise<Db> {
  const db: Db = await openDB<RoundupDB>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('posts', { keyPath: 'id' });
        db.createObjectStore('roundups', { keyPath: 'id' });
      }
      if (oldVersion < 2) {
        // Version 2 remembers which roundup is current (version 1 took the newest one) and
        // lists roundups by when they were last edited. Existing rows are kept as they are.
        db.createObjectStore('meta');
        tx.objectStore('roundups').createIndex('byUpdatedAt', 'updatedAt');
      }
      if (oldVersion < 3) {
        // Version 3 keeps several roundups: a deleted one moves to the trash (out of every list)
        // so it can be restored. Existing roundups are kept as they are.
        db.createObjectStore('trash', { keyPath: 'roundup.id' }).createIndex('byDeletedAt', 'deletedAt');
      }
      if (oldVersion < 4) {
        // Version 4's trash holds removed items too, keyed by an id of their own: the deleted
        // roundups of version 3 are carried over as entries of kind "roundup".
        const old = (await tx.objectStore('trash').getAll()) as unknown as { roundup: Roundup; deletedAt: string }[];
        db.deleteObjectStore('trash');
        const trash = db.createObjectStore('trash', { keyPath: 'id' });
        trash.createIndex('byDeletedAt', 'deletedAt');
        for (const { roundup, deletedAt } of old) {
          await trash.put({ id: roundupTrashId(roundup.id), kind: 'roundup', roundup, deletedAt });
        }
      }
      if (oldVersion < 5) {
        // Version 5 keeps copies of pictures; the posts stored before are copied when next needed.
        db.createObjectStore('copies', { keyPath: 'url' }).createIndex('byStatus', 'status');
      }
      if (oldVersion < 6) {
        // Version 6 publishes to the writer's WordPress site: its own store, so no backup reads it.
        db.createObjectStore('publishing');
      }
    },
    blocking() {
      // A newer version wants to open (an updated extension): step aside rather than block it.
      db.close();
    },
  });
  return db;
}
