export { openRoundupDb, DB_NAME, DB_VERSION, type Db, type RoundupDB } from './db';
export { createStore, RoundupNotFoundError, type Store, type StoreOptions } from './roundups';
