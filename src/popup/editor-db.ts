// The editor reads straight from the database (same extension origin, src/store is the one
// module that opens it) instead of waking the service worker first: the roundup is on screen
// sooner. Every write still goes over the Port, so the last keystroke outlives the page.
import type { CopyRecord } from '../model/media';
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';
import { openRoundupDb, type Db } from '../store/db';
import { createReadStore, readCopies, type ReadStore, type RoundupSummary } from '../store/reads';
import type { Connection } from './connection';

// One connection for every read the editor makes (the roundup, the lists, the pictures).
let library: Promise<{ db: Db; reads: ReadStore }> | undefined;
function connect(): Promise<{ db: Db; reads: ReadStore }> {
  library ??= openRoundupDb().then((db) => ({ db, reads: createReadStore(db) }));
  library.catch(() => (library = undefined));
  return library;
}
const open = async (): Promise<ReadStore> => (await connect()).reads;

export interface Loaded {
  roundup: Roundup;
  posts: Post[];
}

// The read started as the page loads (warmUp), taken by the view's first read.
let early: Promise<Loaded | null> | undefined;
const readStored = () => open().then((store) => store.readCurrent()).catch(() => null);

/** The current roundup. The first time there is none, the background makes it. */
export async function readCurrent(connection: Connection): Promise<Loaded> {
  const read = early ?? readStored();
  early = undefined;
  return (await read) ?? connection.request('getCurrentRoundup', {});
}

export async function listRoundups(): Promise<RoundupSummary[]> {
  return (await open()).listRoundups();
}

export async function listTrash(): ReturnType<ReadStore['listTrash']> {
  return (await open()).listTrash();
}

/**
 * Starts reading the roundup at once, as the script starts: a view's effects run only after
 * its first paint, and the read would otherwise wait for them.
 */
export function warmUp(): Promise<unknown> {
  early = readStored();
  return early;
}

/**
 * The kept copies of these pictures (or why they are missing), by URL, read in one transaction;
 * none for a picture never tried. Called after the roundup shows, never on the way to it.
 */
export async function readPictureCopies(urls: readonly string[]): Promise<Map<string, CopyRecord>> {
  if (urls.length === 0) return new Map();
  const connection = connect();
  try {
    return await readCopies((await connection).db, urls);
  } catch (e) {
    if (library === connection) library = undefined; // closed for a newer version, say: open it again next time
    throw e;
  }
}
