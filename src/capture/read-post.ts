// What the readers of the networks' APIs (bluesky-api.ts, mastodon-api.ts) give for one post:
// the post, checked and cleaned by the same pass as any post a page sends, or why not.
import type { Post } from '../model/post';
import { parsePost } from '../model/parse-post';

export type ReadPost = { ok: true; post: Post } | { ok: false; error: string };

/** Checks and cleans the post (the same pass as any post a page sends). */
export function finish(post: Post): ReadPost {
  try {
    const checked = parsePost(post);
    return checked.ok ? { ok: true, post: checked.value } : { ok: false, error: `The post could not be kept: ${checked.error}.` };
  } catch {
    return { ok: false, error: 'The post could not be kept.' };
  }
}
