// The one schema of a Roundup, its items and the Trash that keeps deleted ones, field by
// field: what the store may hold and a backup carries. Its posts (`publishedPosts`) are
// checked by the one Post schema. `Shape<T>` makes the compiler point here whenever the
// model gains a field.
import { languageTag, MAX_LANGUAGE_TAG } from './language';
import { parsePost } from './parse-post';
import type { Post } from './post';
import { MAX_POST_ID } from './networks';
import { postSchema } from './post-schema';
import type { Roundup, RoundupItem } from './roundup';
import { itemTrashId, mergeItemWords, roundupTrashId, type TrashEntry, type TrashedItem, type TrashedRoundup } from './trash';
import { distinct, fail, int, isoDate, isRecord, list, object, oneOf, passes, text, tidy, where, type Check } from './validate';

/** Generous ceilings: they exist to refuse absurd data, not to judge writing. */
export const ROUNDUP_LIMITS = {
  text: 1_000_000, // title, intro, closing, lead-in, commentary
  items: 10_000,
} as const;

/** A roundup's id: what the store makes (a UUID) and any an editor names, within these. */
export const ROUNDUP_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/;

/**
 * A roundup's language: a BCP 47 language tag (model/language.ts), read as its canonical form
 * ("pt-br" → "pt-BR"). A file's bad tag is refused by name, like any other bad field; the
 * store's own data is cleaned first (cleanRoundup drops it), so a backup never holds one.
 */
const language: Check<string> = (value, path) =>
  languageTag(text(MAX_LANGUAGE_TAG)(value, path)) ?? fail(path, 'is not a language tag (BCP 47, such as "en", "de" or "pt-BR")');

/** An entry's id is made from what it holds: one entry per thing, never two. */
function idIs<T extends TrashEntry>(made: (entry: T) => string, from: string): (entry: T, path: string) => void {
  return (entry, path) => {
    const want = made(entry);
    if (entry.id !== want) fail(`${path}.id`, `is not ${JSON.stringify(want)} (made from its ${from})`);
  };
}

// Built on first use, like the Post schema (see post-schema.ts).
function build() {
  const { post, postId } = postSchema();
  const longText = text(ROUNDUP_LIMITS.text);
  const roundupId = text(200, ROUNDUP_ID_PATTERN, 'is not an id (letters, digits, _ . : -)');

  const roundupItem = object<RoundupItem>({ postId, leadIn: longText, commentary: longText });

  const roundup = object<Roundup>(
    {
      id: roundupId,
      title: longText, intro: longText, closing: longText,
      // One item per post: a second would be a second set of words for one post, shown twice.
      items: distinct(list(roundupItem, ROUNDUP_LIMITS.items), 'postId'),
      createdAt: isoDate, updatedAt: isoDate, exportedAt: isoDate, publishedAt: isoDate,
      publishedPosts: list(post, ROUNDUP_LIMITS.items),
      language,
    },
    ['exportedAt', 'publishedAt', 'publishedPosts', 'language'],
  );

  const itemFields = object<TrashedItem>(
    {
      // `item:<roundup id>:<post id>` (model/trash.ts): a Mastodon post id is an address.
      id: text(MAX_POST_ID + 220), kind: oneOf(['item']), roundupId, roundupTitle: longText, item: roundupItem,
      index: int(0), after: postId, deletedAt: isoDate,
    },
    ['after'],
  );
  const trashedItem = where(itemFields, idIs((e) => itemTrashId(e.roundupId, e.item.postId), 'roundupId and item.postId'));

  const roundupFields = object<TrashedRoundup>({ id: text(300), kind: oneOf(['roundup']), roundup, deletedAt: isoDate });
  const trashedRoundup = where(roundupFields, idIs((e) => roundupTrashId(e.roundup.id), 'roundup.id'));

  /** Dispatches on `kind` first, so the message names the real problem. */
  const trashEntry: Check<TrashEntry> = (value, path) => {
    const kind = isRecord(value) ? value.kind : undefined;
    if (kind === 'item') return trashedItem(value, path);
    if (kind === 'roundup') return trashedRoundup(value, path);
    return isRecord(value) ? fail(`${path}.kind`, 'is not one of "item", "roundup"') : trashedItem(value, path);
  };

  return { roundup, roundupItem, roundupId, trashEntry, itemFields, roundupFields };
}

export type RoundupSchema = ReturnType<typeof build>;
let built: RoundupSchema | undefined;

/** The Roundup and Trash schema's checks: `roundup`, `trashEntry` and their parts. */
export function roundupSchema(): RoundupSchema {
  return (built ??= build());
}

// ---- Making what the store holds fit for a backup ----
// Data written by an older version, under older rules, may hold what this schema refuses. A
// backup must never be a file its own import refuses, so the store's data passes through
// these first: they drop what cannot be kept (unknown fields, an invalid optional date, a
// published post beyond repair) and never a word of the writer's.

/** The posts that pass the Post cleaning (parse-post.ts): a post beyond repair is left out. */
export function cleanPosts(posts: readonly Post[]): Post[] {
  return posts.flatMap((p) => {
    const parsed = parsePost(p);
    return parsed.ok ? [parsed.value] : [];
  });
}

/** Items with one post each: a repeated one's words join the first's (see mergeItemWords). */
function cleanItems(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const { roundupItem } = roundupSchema();
  const byPost = new Map<unknown, RoundupItem>();
  const out: unknown[] = [];
  for (const raw of value) {
    const item = tidy(roundupItem, raw);
    if (!passes(roundupItem, item)) {
      out.push(item); // the check names what is wrong
      continue;
    }
    const { postId } = item as RoundupItem;
    const first = byPost.get(postId);
    if (first) Object.assign(first, mergeItemWords(first, item as RoundupItem));
    else {
      byPost.set(postId, item as RoundupItem);
      out.push(item);
    }
  }
  return out;
}

/** A roundup as stored, made fit for the Roundup schema. */
export function cleanRoundup(value: Roundup): Roundup {
  return tidy(roundupSchema().roundup, value, {
    items: cleanItems,
    publishedPosts: (p) => (Array.isArray(p) ? cleanPosts(p) : undefined),
  }) as Roundup;
}

/** A Trash entry as stored, made fit for the Trash schema. */
export function cleanTrashEntry(entry: TrashEntry): TrashEntry {
  const { roundupFields, itemFields, roundupItem } = roundupSchema();
  if (entry.kind === 'roundup') return tidy(roundupFields, entry, { roundup: (r) => cleanRoundup(r as Roundup) }) as TrashEntry;
  return tidy(itemFields, entry, { item: (i) => tidy(roundupItem, i) }) as TrashEntry;
}
