// "Clip thread" on X: the author's self-thread around a post, read from the saved pages that
// show one, in order; with the "more" flag when X's line goes on past what the page loaded.
import { afterAll, describe, expect, it } from 'vitest';
import { capturePosts } from '../../src/capture';
import { selfThread } from '../../src/capture/x-self-thread';
import type { Post } from '../../src/model/post';
import { closeFixtures, loadFixture } from './helpers/capture-fixture';

afterAll(closeFixtures);

const MODAL = { path: 'twittermediaharvest/edited-modal.html', page: 'https://x.com/seigura/status/1842037500065546723/photo/3' };
const HOME = { path: 'control-panel-for-twitter/home-twitter-complete.html', page: 'https://x.com/home' };
const read = ({ path, page }: { path: string; page: string }) => capturePosts(loadFixture(path, page), page);
const ids = (posts: Post[]) => posts.map((p) => p.id.slice(2));

describe('the author\'s self-thread on the saved pages', () => {
  it('below an edited post in the photo viewer: the post, then the author\'s three replies joined by the line', () => {
    const posts = read(MODAL);
    const thread = selfThread(posts, 'x:1842037500065546723')!;
    expect(ids(thread.posts)).toEqual(['1842037500065546723', '1847192179980357715', '1847199894718820443', '1847201098085650478']);
    expect(new Set(thread.posts.map((p) => p.author.handle))).toEqual(new Set(['seigura']));
    expect(thread.more).toBe(false);
    // Replies by others on the page are not part of it.
    expect(posts.length).toBeGreaterThan(thread.posts.length);
  });

  it('a conversation of two authors joined by X\'s line is nobody\'s self-thread: each post is a thread of one', () => {
    const posts = read(HOME);
    // hasufl → cmsholdings → hasufl, first, middle and last of one line.
    for (const id of ['1991475453887217692', '1991586882858172684', '1991607597108195581']) {
      const thread = selfThread(posts, `x:${id}`)!;
      expect(ids(thread.posts)).toEqual([id]);
      expect(thread.more).toBe(false);
    }
  });

  it('a post on its own is a thread of one', () => {
    const posts = read(HOME);
    const alone = posts.find((p) => !p.thread && p.author.handle)!;
    const thread = selfThread(posts, alone.id)!;
    expect(thread.posts.map((p) => p.id)).toEqual([alone.id]);
    expect(thread.more).toBe(false);
  });
});

describe('the rules, on posts as capture gives them', () => {
  const post = (n: number, handle: string, thread?: Post['thread']): Post => ({
    id: `x:${n}`, site: 'x', url: `https://x.com/${handle}/status/${n}`, author: { name: handle, handle }, text: `post ${n}`,
    segments: [], media: [], capturedAt: '2026-01-01T00:00:00.000Z', pageUrl: 'https://x.com/', ...(thread ? { thread } : {}),
  });

  it('stops at another author; says "more" only when the line goes on past the last post the page shows', () => {
    const conversation = [post(1, 'a', 'first'), post(2, 'a', 'middle'), post(3, 'a', 'middle'), post(4, 'b', 'last')];
    expect(ids(selfThread(conversation, 'x:1')!.posts)).toEqual(['1', '2', '3']);
    expect(selfThread(conversation, 'x:1')!.more).toBe(false);
    const cut = [post(1, 'a', 'first'), post(2, 'a', 'middle')];
    expect(ids(selfThread(cut, 'x:2')!.posts)).toEqual(['1', '2']);
    expect(selfThread(cut, 'x:2')!.more).toBe(true);
  });

  it('leaves out an ancestor not joined by the line, and the author\'s later post that stands apart', () => {
    const posts = [post(1, 'a'), post(2, 'a', 'first'), post(3, 'a', 'last'), post(4, 'a')];
    expect(ids(selfThread(posts, 'x:3')!.posts)).toEqual(['2', '3']);
    expect(ids(selfThread(posts, 'x:2')!.posts)).toEqual(['2', '3']);
  });

  it('handles compare without case; an unknown post or author gives nothing', () => {
    const posts = [post(1, 'Alice', 'first'), post(2, 'alice', 'last')];
    expect(ids(selfThread(posts, 'x:2')!.posts)).toEqual(['1', '2']);
    expect(selfThread(posts, 'x:9')).toBeNull();
    expect(selfThread([post(1, '')], 'x:1')).toBeNull();
  });
});
