// Opens Roundup's database. The only module that calls IndexedDB's open; every schema change
// is one `if (oldVersion < N)` step, so a database of any older version upgrades in order.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';

export const DB_NAME = 'roundup';
export const DB_VERSION = 3;

/** A roundup the user deleted, kept until they empty it, so "Undo" works even after the popup closed. */
export interface TrashedRoundup {
  roundup: Roundup;
  deletedAt: string;
}

export interface RoundupDB extends DBSchema {
  posts: { key: string; value: Post };
  roundups: { key: string; value: Roundup; indexes: { byUpdatedAt: string } };
  /** Small named values: which roundup is current, settings. */
  meta: { key: string; value: unknown };
  trash: { key: string; value: TrashedRoundup; indexes: { byDeletedAt: string } };
}

export type Db = IDBPDatabase<RoundupDB>;

export async function openRoundupDb(name = DB_NAME): Promise<Db> {
  const db: Db = await openDB<RoundupDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
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
    },
    blocking() {
      // A newer version wants to open (an updated extension): step aside rather than block it.
      db.close();
    },
  });
  return db;
}
