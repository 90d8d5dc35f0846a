// The editor reads straight from the database (same extension origin, src/store is the one
// module that opens it) instead of waking the service worker first: the roundup is on screen
// sooner. Every write still goes over the Port, so the last keystroke outlives the page.
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';
import { openRoundupDb } from '../store/db';
import { createReadStore, type ReadStore, type RoundupSummary } from '../store/reads';
import type { Connection } from './connection';

let library: Promise<ReadStore> | undefined;
function open(): Promise<ReadStore> {
  library ??= openRoundupDb().then((db) => createReadStore(db));
  library.catch(() => (library = undefined));
  return library;
}

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
