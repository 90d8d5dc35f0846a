// @vitest-environment happy-dom
// The editor names where a post came from as the page showed it: who reposted it, and its
// place in a thread.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Post } from '../../src/model/post';
import { PostCard } from '../../src/popup/PostCard';
import { makePost } from './helpers/posts';

afterEach(cleanup);

const contextOf = (post: Post) =>
  Array.from(render(<PostCard post={post} />).container.querySelectorAll('.post__context')).map((p) => p.textContent);

describe('a post card\'s context lines', () => {
  it.each([
    ['first', 'Starts a thread'],
    ['middle', 'Part of a thread'],
    ['last', 'Ends a thread'],
  ] as const)('a post %s in a thread says "%s"', (thread, words) => {
    expect(contextOf({ ...makePost(1), thread })).toEqual([words]);
  });

  it('a repost in a thread says both; a post on its own says nothing', () => {
    expect(contextOf({ ...makePost(1), repostedBy: 'Dr. Ana Reyes', thread: 'last' })).toEqual(['Reposted by Dr. Ana Reyes', 'Ends a thread']);
    expect(contextOf(makePost(2))).toEqual([]);
  });
});
