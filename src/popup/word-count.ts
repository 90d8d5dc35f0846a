// Words the user wrote around the posts, and the posts' own words: the length of the roundup
// post as it will be published.
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

export function roundupWordCount(roundup: Roundup, posts: Record<string, Post>): { yours: number; total: number } {
  let yours = countWords(roundup.title) + countWords(roundup.intro) + countWords(roundup.closing);
  let quoted = 0;
  for (const item of roundup.items) {
    yours += countWords(item.leadIn) + countWords(item.commentary);
    quoted += countWords(posts[item.postId]?.text ?? '');
  }
  return { yours, total: yours + quoted };
}
