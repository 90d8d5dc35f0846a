// Post links (context menu "Clip this post"): which links are posts, the minimal post a link
// alone gives, and the menu's choice between reading the page and keeping the link.
import { describe, expect, it, vi } from 'vitest';
import { postFromLink, postIdOfLink } from '../../src/capture';

vi.mock('../../src/platform', () => ({ browser: {} }));
const { clipFromMenu } = await import('../../src/background/context-menu');

describe('post links', () => {
  it('knows X and Twitter post links, on any of their hosts, and nothing else', () => {
    expect(postIdOfLink('https://x.com/alice/status/123')).toBe('x:123');
    expect(postIdOfLink('https://mobile.twitter.com/alice/status/456/photo/1')).toBe('x:456');
    expect(postIdOfLink('https://twitter.com/i/web/status/789')).toBe('x:789');
    expect(postIdOfLink('https://example.org/alice/status/123')).toBeNull();
    expect(postIdOfLink('/alice/status/123')).toBe('x:123'); // relative to X itself only
    expect(postIdOfLink('https://x.com/alice')).toBeNull();
    expect(postIdOfLink('not a url')).toBeNull();
  });

  it('a link alone gives a partial post: id, permalink and handle, nothing guessed', () => {
    const post = postFromLink('https://twitter.com/Alice_1/status/1234567890?s=20', 'https://example.org/news', '2025-01-02T03:04:05.000Z');
    expect(post).toEqual({
      id: 'x:1234567890', site: 'x', url: 'https://x.com/Alice_1/status/1234567890',
      author: { name: '', handle: 'Alice_1', profileUrl: 'https://x.com/Alice_1' },
      text: '', segments: [], media: [], capturedAt: '2025-01-02T03:04:05.000Z', pageUrl: 'https://example.org/news', partial: true,
    });
    expect(postFromLink('https://x.com/i/web/status/5', 'chrome://newtab/', 'now')).toMatchObject({ author: { handle: '' }, pageUrl: '' });
    expect(postFromLink('https://example.org/', 'https://example.org/', 'now')).toBeNull();
  });
});

describe('the context menu', () => {
  const deps = (onPage: boolean | Error) => {
    const calls: string[] = [];
    return {
      calls,
      deps: {
        clipOnPage: async (tabId: number, frameId: number, postId: string) => {
          calls.push(`page ${tabId}/${frameId} ${postId}`);
          if (onPage instanceof Error) throw onPage;
          return onPage;
        },
        clipLink: async (url: string, pageUrl: string | undefined) => void calls.push(`link ${url} from ${pageUrl}`),
      },
    };
  };
  const link = 'https://x.com/bob/status/42';

  it('on an X page asks the tab, which clips the post with every field', async () => {
    const d = deps(true);
    expect(await clipFromMenu(d.deps, { linkUrl: link, pageUrl: 'https://x.com/home', frameId: 0 }, 7)).toBe('page');
    expect(d.calls).toEqual(['page 7/0 x:42']);
  });

  it('keeps the link when the post is not on the page, or the tab has no content script', async () => {
    for (const answer of [false, new Error('Could not establish connection')]) {
      const d = deps(answer);
      expect(await clipFromMenu(d.deps, { linkUrl: link, pageUrl: 'https://twitter.com/home', frameId: 3 }, 7)).toBe('link');
      expect(d.calls).toEqual(['page 7/3 x:42', `link ${link} from https://twitter.com/home`]);
    }
  });

  it('on any other page keeps the link without asking the tab; a non-post link does nothing', async () => {
    const d = deps(true);
    expect(await clipFromMenu(d.deps, { linkUrl: link, pageUrl: 'https://news.example/x' }, 7)).toBe('link');
    expect(await clipFromMenu(d.deps, { linkUrl: 'https://x.com/bob', pageUrl: 'https://x.com/home' }, 7)).toBe('not-a-post');
    expect(d.calls).toEqual([`link ${link} from https://news.example/x`]);
  });
});
