// @vitest-environment happy-dom
// "Clip thread" on a post's own page: one button, in that post only; pressed, it sends the
// author's self-thread as the page shows it, in order (X), or asks the background to read it
// from Bluesky's API; and says what happened — including that X has not loaded the rest.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { Window } from 'happy-dom';
import type { Post } from '../../src/model/post';

const { send } = vi.hoisted(() => ({ send: vi.fn() }));
vi.mock('../../src/platform/messaging', () => ({ send }));
const { createThreadButton, THREAD_ATTRIBUTE } = await import('../../src/content/clip-thread');
const { X_ADAPTER, BLUESKY_ADAPTER } = await import('../../src/content/network');

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/x');

/**
 * A saved page as the live one would be, at its own address: parsed in an inert window (nothing
 * loads), its scripts and styles left out, then shown in this one.
 */
function open(path: string, url: string): void {
  const parsed = new inert.DOMParser().parseFromString(readFileSync(join(FIXTURES, path), 'utf8'), 'text/html') as unknown as Document;
  parsed.querySelectorAll('script, link, iframe, style, object, embed').forEach((el) => el.remove());
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  document.body.innerHTML = parsed.body.innerHTML;
}

/** The tracker's work, as index.ts wires it: every post with an id is considered. */
function considerAll(say: (text: string) => void) {
  const consider = createThreadButton(X_ADAPTER, say);
  for (const post of document.querySelectorAll(X_ADAPTER.postSelector)) {
    const id = X_ADAPTER.postIdOf(post);
    if (id && !X_ADAPTER.isWrapper(post)) consider(post, id);
  }
}

const buttons = () => [...document.querySelectorAll<HTMLButtonElement>(`button[${THREAD_ATTRIBUTE}]`)];
afterEach(() => send.mockReset());
/** A window in which nothing loads or runs: the saved pages are parsed there. */
const inert = new Window({
  settings: { enableJavaScriptEvaluation: false, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true },
});
afterAll(() => inert.happyDOM.close());

describe('"Clip thread" on X', () => {
  it('below an edited post: one button, in that post; it sends the post and its author\'s three replies, in order', async () => {
    open('twittermediaharvest/edited-modal.html', 'https://x.com/seigura/status/1842037500065546723');
    const said: string[] = [];
    considerAll((t) => said.push(t));
    expect(buttons().map((b) => [b.textContent, b.getAttribute(THREAD_ATTRIBUTE)])).toEqual([['Clip thread', 'x:1842037500065546723']]);
    send.mockResolvedValue({ roundupId: 'r', count: 4, added: 4 });
    buttons()[0]!.click();
    await vi.waitFor(() => expect(said).toEqual(['A thread of 4 posts is in your roundup.']));
    const [type, request] = send.mock.calls[0] as [string, { posts: Post[] }];
    expect(type).toBe('clipThread');
    expect(request.posts.map((p) => p.id)).toEqual(['x:1842037500065546723', 'x:1847192179980357715', 'x:1847199894718820443', 'x:1847201098085650478']);
    expect(new Set(request.posts.map((p) => p.author.handle))).toEqual(new Set(['seigura']));
  });

  it('considered again (X re-renders), the post keeps one button; on a timeline, no post gets one', () => {
    open('twittermediaharvest/edited-modal.html', 'https://x.com/seigura/status/1842037500065546723');
    considerAll(() => {});
    considerAll(() => {});
    expect(buttons()).toHaveLength(1);
    open('control-panel-for-twitter/home-twitter-complete.html', 'https://x.com/home');
    considerAll(() => {});
    expect(buttons()).toHaveLength(0);
  });

  it('a post with no thread of its author\'s clips alone, and says so; a failure is said too', async () => {
    open('control-panel-for-twitter/mario-zechner-wow.html', 'https://x.com/badlogicgames/status/1991612272289161300');
    const said: string[] = [];
    considerAll((t) => said.push(t));
    expect(buttons()).toHaveLength(1);
    send.mockResolvedValueOnce({ roundupId: 'r', count: 1, added: 1 });
    buttons()[0]!.click();
    await vi.waitFor(() => expect(said).toEqual(['This post has no thread of its author’s on the page: it is in your roundup.']));
    send.mockRejectedValueOnce(new Error('the disk is full'));
    buttons()[0]!.click();
    await vi.waitFor(() => expect(said[1]).toBe('The thread could not be clipped: the disk is full'));
    expect(buttons()[0]!.hasAttribute('aria-busy')).toBe(false);
  });
});

describe('"Clip thread" on Bluesky', () => {
  it('asks the background to read the thread from Bluesky\'s API, for the page\'s post only', async () => {
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://bsky.app/profile/alice.bsky.social/post/3kthread');
    document.body.innerHTML = '<div data-testid="feedItem-by-alice.bsky.social"><div><button data-testid="replyBtn"></button><button data-testid="likeBtn"></button></div></div><div data-testid="feedItem-by-bob.test"></div>';
    const [mine, other] = [...document.querySelectorAll('[data-testid^="feedItem-by-"]')];
    const said: string[] = [];
    const consider = createThreadButton(BLUESKY_ADAPTER, (t) => said.push(t));
    consider(mine!, 'bsky:at://did:plc:alice/app.bsky.feed.post/3kthread');
    consider(other!, 'bsky:at://did:plc:bob/app.bsky.feed.post/3kother');
    expect(buttons()).toHaveLength(1);
    send.mockResolvedValue({ roundupId: 'r', count: 3, added: 3 });
    buttons()[0]!.click();
    await vi.waitFor(() => expect(said).toEqual(['A thread of 3 new posts is in your roundup.']));
    expect(send).toHaveBeenCalledWith('clipThreadOf', { postId: 'bsky:at://did:plc:alice/app.bsky.feed.post/3kthread' });
  });
});
