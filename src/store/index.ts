export { openRoundupDb, DB_NAME, DB_VERSION, type Db, type RoundupDB } from './db';
export { createStore, GoneError, ItemNotFoundError, LanguageTagError, RoundupNotFoundError, type Store, type StoreOptions } from './roundups';
export { createTrashStore, NotInTrashError, type TrashStoreQueries } from './trash';
export { createSettingsStore, type SettingsStore } from './settings';
export { createLibraryStore, type LibraryStore } from './library';
export { createReadStore, type ReadStore, type RoundupSummary } from './reads';
export { createBackupStore, type BackupStore, type ImportSummary } from './backup';
export { createPublishingStore, summary as siteSummary, type PublishingStore } from './publishing';
export { createCopyStore, missingPictures, NOT_COPIED_YET, type CopyStore, type CopiesSummary, type NotKept } from './copies';

import type { Db } from './db';
import { createStore, type StoreOptions } from './roundups';
import { createSettingsStore } from './settings';
import { createLibraryStore } from './library';
import { createBackupStore } from './backup';
import { createTrashStore } from './trash';
import { createReadStore } from './reads';
import { createCopyStore } from './copies';
import { createPublishingStore } from './publishing';

/** Every named query over one open database. */
export function createStores(db: Db, options?: StoreOptions) {
  return { ...createStore(db, options), ...createSettingsStore(db), ...createReadStore(db, options), ...createLibraryStore(db, options), ...createTrashStore(db, options), ...createBackupStore(db, options), ...createCopyStore(db), ...createPublishingStore(db) };
}
export type Stores = ReturnType<typeof createStores>;
