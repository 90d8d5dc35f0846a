// The Trash: what the writer removed, kept so it can be put back. Two kinds of entry — an item
// taken out of a roundup (its lead-in, commentary and place) and a whole deleted roundup — in
// one list, newest first, each restorable until the writer empties the trash or 30 days pass.
import type { Roundup, RoundupItem } from './roundup';

/** How long an entry stays restorable. */
export const TRASH_DAYS = 30;
const DAY_MS = 86_400_000;

export interface TrashedItem {
  /** `item:<roundupId>:<postId>`: one entry per item, the latest removal. */
  id: string;
  kind: 'item';
  roundupId: string;
  /** The roundup's title when the item was removed, to say where it came from. */
  roundupTitle: string;
  item: RoundupItem;
  /** Its place in the roundup when it was removed. */
  index: number;
  /** The post id of the item that stood before it (absent at the top), to find its place again. */
  after?: string;
  deletedAt: string;
}

export interface TrashedRoundup {
  /** `roundup:<roundupId>` */
  id: string;
  kind: 'roundup';
  roundup: Roundup;
  deletedAt: string;
}

export type TrashEntry = TrashedItem | TrashedRoundup;

export const itemTrashId = (roundupId: string, postId: string): string => `item:${roundupId}:${postId}`;
export const roundupTrashId = (roundupId: string): string => `roundup:${roundupId}`;

/** Whether the item holds any words of the writer's (whitespace is not a word). */
export function hasWords(item: Pick<RoundupItem, 'leadIn' | 'commentary'>): boolean {
  return item.leadIn.trim() !== '' || item.commentary.trim() !== '';
}

/** The first moment an entry deleted at `deletedAt` is past keeping. */
export function trashExpiry(deletedAt: string): number {
  return Date.parse(deletedAt) + TRASH_DAYS * DAY_MS;
}

/** Entries deleted before this ISO time are gone for good. */
export function trashCutoff(now: string): string {
  return new Date(Date.parse(now) - TRASH_DAYS * DAY_MS).toISOString();
}

/**
 * Two versions of one text, neither lost: the same or one empty gives the other; two different
 * texts are kept one after the other (restoring words onto words a writer typed meanwhile).
 */
export function keepBoth(mine: string, theirs: string): string {
  if (theirs.trim() === '' || mine === theirs) return mine;
  if (mine.trim() === '') return theirs;
  if (mine.includes(theirs)) return mine;
  if (theirs.includes(mine)) return theirs;
  return `${mine}\n\n${theirs}`;
}

/** An item with the words of both copies (see keepBoth). */
export function mergeItemWords(mine: RoundupItem, theirs: RoundupItem): RoundupItem {
  return { postId: mine.postId, leadIn: keepBoth(mine.leadIn, theirs.leadIn), commentary: keepBoth(mine.commentary, theirs.commentary) };
}

/** Where a trashed item goes back: after the post that stood before it, else its old index, clamped. */
export function restoreIndex(items: readonly RoundupItem[], entry: Pick<TrashedItem, 'after' | 'index'>): number {
  if (entry.after === undefined) return 0;
  const before = items.findIndex((i) => i.postId === entry.after);
  if (before >= 0) return before + 1;
  return Math.max(0, Math.min(entry.index, items.length));
}
