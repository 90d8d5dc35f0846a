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

/** The item written first (by `createdAt`, an ISO date or anything else); one without a readable date comes last. */
export function earliest<T>(items: Iterable<T>, createdAt: (item: T) => unknown): T | null {
  let best: T | null = null;
  let bestTime = Infinity;
  for (const item of items) {
    const raw = createdAt(item);
    const ms = typeof raw === 'string' ? Date.parse(raw) : NaN;
    const time = Number.isNaN(ms) ? Infinity : ms;
    if (best === null || time < bestTime) {
      best = item;
      bestTime = time;
    }
  }
  return best;
}

/** Marks a self-thread's posts first, middle and last, as the page draws a thread; one post stays on its own. */
export function markThread(posts: Post[]): void {
  if (posts.length < 2) return;
  posts.forEach((p, i) => (p.thread = i === 0 ? 'first' : i === posts.length - 1 ? 'last' : 'middle'));
}
