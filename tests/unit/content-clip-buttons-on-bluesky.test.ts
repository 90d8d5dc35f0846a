// @vitest-environment happy-dom
// The content script on bsky.app, through the network seam (content/network.ts): on the saved
// feed cells (tests/fixtures/bluesky/SOURCES.md, "pages"), the same "Clip post" button goes
// into each offered post's action row once — the group ending the row, with share and options
// — or at the post's end when the row is missing; pressing it sends `toggleClip` with the post
// as captured from the page, shows it pressed, and a removal offers "Undo". Select mode and
// the keyboard command find Bluesky posts through the same tracker. A post whose author's DID
// the page does not show gets no button.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageType } from '../../src/messages';
import type { Post } from '../../src/model/post';
import { ALEXBENZER_DID, BSKY_APP_DID, CELLS, cellHtml, restoreLiveImages } from '../fixtures/bluesky/pages/load';

const { send } = vi.hoisted(() => ({ send: vi.fn() }));
vi.mock('../../src/platform/messaging', () => ({ send }));
const { captureBlueskyPost } = await import('../../src/capture/bluesky-page');
const { POST_ATTRIBUTE } = await import('../../src/content/attributes');
const { createClipBook } = await import('../../src/content/clip-book');
const { createClipButtons, xActionBar } = await import('../../src/content/clip-buttons');
const { createClipping } = await import('../../src/content/clipping');
const { adapterFor, BLUESKY_ADAPTER, blueskyButtonPlace, inlineButtonsOn, pageAdapter, X_ADAPTER } = await import('../../src/content/network');
const { removeNotice, showNotice } = await import('../../src/content/notice');
const { trackPosts } = await import('../../src/content/posts');
const { createSelectMode } = await import('../../src/content/select-mode');
const { showNewPost } = await import('../../src/content/show-post');

// The page this runs on, as bsky.app (happy-dom's own handle on its window).
(window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://bsky.app/profile/bsky.app');

const controllers: AbortController[] = [];
beforeEach(() => {
  send.mockReset();
});
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  removeNotice();
  document.body.replaceChildren();
});

const IDS = [
  `bsky:at://${BSKY_APP_DID}/app.bsky.feed.post/3mlr7prm6g22c`,
  `bsky:at://${ALEXBENZER_DID}/app.bsky.feed.post/3mloibwobns2b`,
  `bsky:at://${BSKY_APP_DID}/app.bsky.feed.post/3mk4lzkrnk22d`,
  `bsky:at://${BSKY_APP_DID}/app.bsky.feed.post/3mhgq3cfnts2b`,
  `bsky:at://${ALEXBENZER_DID}/app.bsky.feed.post/3mde5mzjht22f`,
  `bsky:at://${BSKY_APP_DID}/app.bsky.feed.post/3mcibezwvxk2g`,
];

/** The content script's wiring (index.ts) with Bluesky's adapter; test clicks count as the user's. */
function bluesky({ live = true, clipped = [] as string[] } = {}) {
  document.body.innerHTML = CELLS.map(cellHtml).join('');
  if (live) restoreLiveImages(document);
  const controller = new AbortController();
  controllers.push(controller);
  const { signal } = controller;
  const trust = { trusted: () => true };
  const book = createClipBook();
  if (clipped.length) book.apply({ roundupId: 'r', count: clipped.length, clipped, at: 1 });
  const buttons = createClipButtons(signal, (post, postId, keyboard) => void clipping.toggle(post, postId, { keyboard }), book.has, trust, BLUESKY_ADAPTER.buttonPlace);
  const tracker = trackPosts(signal, (post, postId) => showNewPost(book, buttons, post, postId), BLUESKY_ADAPTER);
  const clipping = createClipping(book, tracker, buttons, showNotice, BLUESKY_ADAPTER.capturePost);
  book.onChange((changed) => clipping.render(changed));
  buttons.setEnabled(true, Array.from(document.querySelectorAll(`[${POST_ATTRIBUTE}]`)));
  const select = createSelectMode(signal, tracker, clipping, book, trust);
  return { book, buttons, tracker, clipping, select };
}

const posts = () => Array.from(document.querySelectorAll('[data-testid^="feedItem-by-"]'));
const ours = (root: ParentNode = document) => Array.from(root.querySelectorAll<HTMLButtonElement>('button[data-roundup-clip]'));
const settle = () => new Promise((r) => setTimeout(r, 0));

function answer(answers: { [T in MessageType]?: (request: never) => unknown }) {
  send.mockImplementation(async (type: MessageType, request: never) => {
    const a = answers[type];
    if (!a) throw new Error(`unexpected ${type}`);
    return a(request);
  });
}

/** What the post's press sent, and the post captured again with the same capture time. */
function sentAndExpected(index: number): { sent: Post; expected: Post | null } {
  const sent = (send.mock.calls.at(-1)![1] as { post: Post }).post;
  return { sent, expected: captureBlueskyPost(posts()[index]!, location.href, sent.capturedAt) };
}

describe('the network seam', () => {
  it('serves X on x.com, twitter.com and mobile.twitter.com, Bluesky on bsky.app, nothing elsewhere', () => {
    expect(pageAdapter()).toBe(BLUESKY_ADAPTER); // this page: bsky.app
    expect(['x.com', 'twitter.com', 'mobile.twitter.com', 'X.COM'].map((h) => adapterFor(h))).toEqual([X_ADAPTER, X_ADAPTER, X_ADAPTER, X_ADAPTER]);
    expect(adapterFor('bsky.app')).toBe(BLUESKY_ADAPTER);
    expect(adapterFor('example.com')).toBeNull();
    expect(adapterFor('bsky.app.example.com')).toBeNull();
    expect(X_ADAPTER.buttonPlace).toBe(xActionBar);
  });

  it('reads the inline-button setting per network, Bluesky following X\'s until it has its own', () => {
    expect(inlineButtonsOn({ x: true }, 'bluesky')).toBe(true);
    expect(inlineButtonsOn({ x: false }, 'bluesky')).toBe(false);
    expect(inlineButtonsOn({ x: false, bluesky: true }, 'bluesky')).toBe(true);
    expect(inlineButtonsOn({ x: true, bluesky: false }, 'x')).toBe(true);
    expect(inlineButtonsOn(undefined, 'x')).toBe(true);
  });
});

describe('"Clip post" on bsky.app', () => {
  it('comes once in each post\'s action row, in the group with share and options', () => {
    const { buttons } = bluesky();
    expect(posts().map((p) => p.getAttribute(POST_ATTRIBUTE))).toEqual(IDS);
    const all = ours();
    expect(all).toHaveLength(6);
    posts().forEach((post, i) => {
      const [button] = ours(post);
      expect(ours(post)).toHaveLength(1);
      expect(button!.getAttribute('data-roundup-clip')).toBe(IDS[i]);
      expect(button!.getAttribute('aria-label')).toBe('Clip post');
      expect(button!.getAttribute('aria-pressed')).toBe('false');
      const group = button!.parentElement!;
      expect(group.querySelector('[data-testid="postShareBtn"]')).not.toBeNull();
      expect(group.querySelector('[data-testid="postDropdownBtn"]')).not.toBeNull();
      expect(group.parentElement!.querySelector('[data-testid="likeBtn"]')).not.toBeNull(); // the row
      expect(group.closest('[role="link"][aria-label^="Post by"]')).toBeNull(); // never in a quote
    });
    // Told of the posts again (a re-render, a scroll back): still one each.
    for (const post of posts()) buttons.decorate(post, post.getAttribute(POST_ATTRIBUTE)!, false);
    expect(ours()).toHaveLength(6);
  });

  it('goes at the end of the post when its action row is missing', () => {
    document.body.innerHTML = cellHtml('3mk4lzkrnk22d');
    const post = posts()[0]!;
    post.querySelector('[data-testid="replyBtn"]')!.closest('[style*="space-between"]')!.remove();
    expect(blueskyButtonPlace(post)).toBe(post);
  });

  it('is not offered on a post whose author\'s DID the page does not show (the saved page, as saved)', () => {
    bluesky({ live: false });
    expect(posts().map((p) => p.getAttribute(POST_ATTRIBUTE))).toEqual([null, IDS[1], IDS[2], null, null, null]);
    expect(ours().map((b) => b.getAttribute('data-roundup-clip'))).toEqual([IDS[1], IDS[2]]);
  });

  it('shows a post the roundup holds as pressed', () => {
    bluesky({ clipped: [IDS[3]!] });
    expect(ours().map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'false', 'true', 'false', 'false']);
  });

  it('pressed, sends toggleClip with the post captured from the page, then shows it clipped', async () => {
    answer({ toggleClip: () => ({ roundupId: 'r', count: 1, clipped: true }) });
    bluesky();
    ours(posts()[0])[0]!.click();
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toBe('toggleClip');
    const { sent, expected } = sentAndExpected(0);
    expect(sent).toEqual(expected);
    expect(sent).toMatchObject({
      pageUrl: 'https://bsky.app/profile/bsky.app',
      id: IDS[0],
      site: 'bluesky',
      url: 'https://bsky.app/profile/bsky.app/post/3mlr7prm6g22c',
      atUri: `at://${BSKY_APP_DID}/app.bsky.feed.post/3mlr7prm6g22c`,
      author: { name: 'Bluesky', handle: 'bsky.app' },
      text: 'Extremely cool job alert!',
      partial: true,
      quoted: { author: { name: 'alex benzer', handle: 'alexbenzer.com' } },
    });
    expect(ours(posts()[0])[0]!.getAttribute('aria-pressed')).toBe('true');
    expect(posts()[0]!.hasAttribute('data-roundup-clipped')).toBe(true);
  });

  it('pressed on a clipped post, removes it and offers Undo', async () => {
    answer({ toggleClip: () => ({ roundupId: 'r', count: 0, clipped: false }) });
    bluesky({ clipped: [IDS[5]!] });
    ours(posts()[5])[0]!.click();
    await settle();
    expect(send).toHaveBeenCalledWith('toggleClip', { post: expect.objectContaining({ id: IDS[5], media: [expect.objectContaining({ kind: 'image' })] }) });
    expect(ours(posts()[5])[0]!.getAttribute('aria-pressed')).toBe('false');
    const root = document.querySelector('[data-roundup-own="notice"]')?.shadowRoot;
    expect(root?.querySelector('[role="status"]')?.textContent).toContain('Removed from your roundup.');
    expect(Array.from(root?.querySelectorAll('button') ?? []).map((b) => b.textContent)).toContain('Undo');
  });

  it('a repost is clipped as its author\'s post, with who reposted it', async () => {
    answer({ toggleClip: () => ({ roundupId: 'r', count: 1, clipped: true }) });
    bluesky();
    ours(posts()[1])[0]!.click();
    await settle();
    const { sent, expected } = sentAndExpected(1);
    expect(sent).toEqual(expected);
    expect(sent).toMatchObject({ id: IDS[1], author: { handle: 'alexbenzer.com' }, repostedBy: 'Bluesky' });
  });
});

describe('select mode and the keyboard on bsky.app', () => {
  it('select mode clips the post clicked (its words), through the same capture', async () => {
    answer({ toggleClip: () => ({ roundupId: 'r', count: 1, clipped: true }) });
    const { select } = bluesky();
    select.set(true);
    const words = posts()[3]!.querySelector('[data-testid="postText"]')!;
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, detail: 1 });
    words.dispatchEvent(event);
    await settle();
    expect(event.defaultPrevented).toBe(true);
    const { sent, expected } = sentAndExpected(3);
    expect(sent).toEqual(expected);
    expect(sent.segments.filter((s) => s.kind === 'mention')).toHaveLength(4);
    select.set(false);
  });

  it('the keyboard command finds the focused post (bsky.app makes each post focusable)', () => {
    const { tracker } = bluesky();
    const post = posts()[2] as HTMLElement;
    post.focus();
    expect(tracker.postOf(document.activeElement)).toBe(post);
    expect(tracker.idOf(post)).toBe(IDS[2]);
    expect(tracker.elementsOf(IDS[2]!)).toEqual([post]);
  });
});
