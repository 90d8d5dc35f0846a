// The note an item gets when its post is not in the export data (deleted from the store,
// a partial backup): the roundup still exports, and says so where the post stood.
import { missingPostLink } from './post-parts';
import type { ExportWords } from './words';

export interface MissingPost {
  /** `Post not available`, in the roundup's language; each format ends it its own way (words.fullStop). */
  note: string;
  /** A link that may still work (X, Bluesky and Mastodon ids map to one: see missingPostLink), else null. */
  href: string | null;
}

export function missingPost(postId: string, words: ExportWords): MissingPost {
  return { note: words.postNotAvailable, href: missingPostLink(postId) };
}
