// Words the user wrote around the posts, and the posts' own words: the length of the roundup
// post as it will be published.
import type { Post } from '../model/post';
import type { Roundup, RoundupItem } from '../model/roundup';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

// Counts remembered per item and per post, by the object: a keystroke makes a new object of the
// item it changes only (the others keep theirs), so counting after it reads one item's words,
// not all of them. Let go with the objects.
const itemWords = new WeakMap<RoundupItem, number>();
const postWords = new WeakMap<Post, number>();

function wordsOfItem(item: RoundupItem): number {
  let n = itemWords.get(item);
  if (n === undefined) itemWords.set(item, (n = countWords(item.leadIn) + countWords(item.commentary)));
  return n;
}

function wordsOfPost(post: Post | undefined): number {
  if (!post) return 0;
  let n = postWords.get(post);
  if (n === undefined) postWords.set(post, (n = countWords(post.text)));
  return n;
}

export function roundupWordCount(roundup: Roundup, posts: Record<string, Post>): { yours: number; total: number } {
  let yours = countWords(roundup.title) + countWords(roundup.intro) + countWords(roundup.closing);
  let quoted = 0;
  for (const item of roundup.items) {
    yours += wordsOfItem(item);
    quoted += wordsOfPost(posts[item.postId]);
  }
  return { yours, total: yours + quoted };
}
