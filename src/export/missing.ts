// The note an item gets when its post is not in the export data (deleted from the store,
// a partial backup): the roundup still exports, and says so where the post stood.
import { missingPostLink } from './post-parts';

export const MISSING_POST_NOTE = 'Post not available';

export interface MissingPost {
  note: string;
  /** A link that may still work (X, Bluesky and Mastodon ids map to one: see missingPostLink), else null. */
  href: string | null;
}

export function missingPost(postId: string): MissingPost {
  return { note: MISSING_POST_NOTE, href: missingPostLink(postId) };
}
