// A post clipped again is read from the page as it is now: cut by "Show more", half loaded, or
// known only from a link. The stored copy must only ever gain from it, never lose what an
// earlier capture read. Pure.
import type { Author, Media, Post } from './post';

const MAX_MEDIA = 100;
const filled = (s: string | undefined): s is string => s !== undefined && s !== '';

function author(stored: Author, fresh: Author): Author {
  const out: Author = { name: fresh.name || stored.name, handle: fresh.handle || stored.handle };
  const avatarUrl = fresh.avatarUrl ?? stored.avatarUrl;
  const profileUrl = fresh.profileUrl ?? stored.profileUrl;
  if (avatarUrl) out.avatarUrl = avatarUrl;
  if (profileUrl) out.profileUrl = profileUrl;
  return out;
}

/** The fresh words win unless they are fewer: cut by "Show more" or not read at all. */
function freshWordsWin(stored: Post, fresh: Post): boolean {
  if (fresh.text === '' && stored.text !== '') return false;
  if (fresh.truncated && !stored.truncated) return false;
  if (fresh.truncated && stored.truncated) return fresh.text.length >= stored.text.length;
  return true;
}

/** Photos in the fresh order; one the fresh capture lacks (not loaded yet) is kept. */
function media(stored: Media[], fresh: Media[]): Media[] {
  if (fresh.length === 0) return stored;
  const old = new Map(stored.map((m) => [m.url, m]));
  const out = fresh.map((m) => {
    const before = old.get(m.url);
    old.delete(m.url);
    if (!before) return m;
    const merged: Media = { ...before, ...m };
    if (m.alt === undefined && before.alt !== undefined) merged.alt = before.alt;
    return merged;
  });
  // At most as many as a post can hold (model/post-schema.ts): kept photos never crowd out fresh ones.
  return (fresh.length >= stored.length ? out : [...out, ...old.values()]).slice(0, MAX_MEDIA);
}

/** `stored` enriched by `fresh` (the same post read again): every field either kept or improved. */
export function enrichPost(stored: Post | undefined, fresh: Post): Post {
  if (!stored || stored.id !== fresh.id) return fresh;
  const words = freshWordsWin(stored, fresh) ? fresh : stored;
  const out: Post = {
    ...stored,
    ...fresh,
    url: fresh.url || stored.url,
    author: author(stored.author, fresh.author),
    text: words.text,
    segments: words.segments,
    media: media(stored.media, fresh.media),
    pageUrl: fresh.pageUrl || stored.pageUrl,
  };
  for (const key of ['lang', 'dir', 'createdAt', 'card', 'repostedBy', 'replyTo', 'thread', 'atUri', 'cid', 'instance', 'contentWarning'] as const) {
    if (fresh[key] === undefined && stored[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = stored[key];
  }
  if (words === stored && filled(stored.lang)) out.lang = stored.lang;
  if (stored.pinned || fresh.pinned) out.pinned = true;
  if (fresh.quoted || stored.quoted) out.quoted = fresh.quoted ? enrichPost(stored.quoted, fresh.quoted) : stored.quoted;
  if (words.truncated) out.truncated = true;
  else delete out.truncated;
  // Partial only while both copies were: what one lacked, the other had.
  if (stored.partial && fresh.partial) out.partial = true;
  else delete out.partial;
  return out;
}
