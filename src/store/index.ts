export { openRoundupDb, DB_NAME, DB_VERSION, type Db, type RoundupDB } from './db';
export { createStore, RoundupNotFoundError, type Store, type StoreOptions } from './roundups';
export { createSettingsStore, type SettingsStore } from './settings';

import type { Db } from './db';
import { createStore, type StoreOptions } from './roundups';
import { createSettingsStore } from './settings';

/** Every named query over one open database. */
export function createStores(db: Db, options?: StoreOptions) {
  return { ...createStore(db, options), ...createSettingsStore(db) };
}
export type Stores = ReturnType<typeof createStores>;
