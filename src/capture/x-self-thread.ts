// "Clip thread": the author's self-thread around a post, from the posts a page shows, in page
// order (capturePosts). Above the post: the author's own posts joined to it by X's thread line;
// below: the author's replies that follow it directly, down to the post that ends the line.
// Pure. X loads a long thread in parts, so whether the line goes on past the last post shown is
// said too: the writer is told that X hid the rest.
import type { Post } from '../model/post';

export interface SelfThread {
  /** In reading order; the clicked post among them. */
  posts: Post[];
  /** The thread goes on past what the page shows (its last post has a line down to nothing loaded). */
  more: boolean;
}

const joinedBelow = (p: Post) => p.thread === 'first' || p.thread === 'middle';

export function selfThread(posts: readonly Post[], postId: string): SelfThread | null {
  const at = posts.findIndex((p) => p.id === postId);
  const focal = posts[at];
  if (!focal || !focal.author.handle) return null;
  const handle = focal.author.handle.toLowerCase();
  const byAuthor = (p: Post | undefined): p is Post => !!p && p.author.handle.toLowerCase() === handle;

  const before: Post[] = [];
  for (let i = at - 1; i >= 0 && byAuthor(posts[i]) && joinedBelow(posts[i]!); i--) before.unshift(posts[i]!);

  const after: Post[] = [];
  let last = focal;
  for (let i = at + 1; i < posts.length; i++) {
    const next = posts[i];
    // The chain ends at another author, or where the line ended at the post before. X draws a
    // post opened on its own page apart (no line), its author's replies joined just below it.
    const lineEnded = last === focal ? focal.thread === 'last' : !joinedBelow(last);
    if (!byAuthor(next) || lineEnded) break;
    // A reply of the author's that X draws on its own, after the post had a line of its own: not this thread.
    if (last !== focal && next.thread === undefined) break;
    after.push(next);
    last = next;
  }
  const thread = [...before, focal, ...after];
  // A line down from the last post with nothing below it on the page: X has not loaded the rest.
  // (A line down to another author's reply is a conversation, not more of this thread.)
  const end = posts.indexOf(thread[thread.length - 1]!);
  return { posts: thread, more: joinedBelow(thread[thread.length - 1]!) && end === posts.length - 1 };
}
