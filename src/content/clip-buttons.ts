// Gives every post on the page a "Clip post" button, including posts that arrive later
// (infinite scroll, navigation inside X's single-page app). Mutations are gathered and handled
// once per animation frame; processed posts are remembered in a WeakMap, so a long timeline
// costs one lookup per new node and no layout reads.
import { capturePost, findPostElements, postIdOf } from '../capture';
import { send } from '../platform/messaging';
import { createClipButton, HOST_ATTRIBUTE, type ClipButton } from './clip-button';

interface Decorated {
  postId: string;
  button: ClipButton;
}

/** Where the button goes: the post's own action bar, not a quoted post's. */
function actionBar(post: Element): Element {
  const groups = post.querySelectorAll('[role="group"]');
  return groups[groups.length - 1] ?? post;
}

export function startClipButtons(signal: AbortSignal): void {
  const decorated = new WeakMap<Element, Decorated>();
  const buttonOfHost = new WeakMap<Element, ClipButton>();

  // X keeps only the posts near the viewport in the DOM, so asking the DOM is cheap, and
  // nothing here holds on to posts that scrolled away.
  const buttonsFor = (postId: string) =>
    [...document.querySelectorAll(`[${HOST_ATTRIBUTE}="${CSS.escape(postId)}"]`)]
      .map((host) => buttonOfHost.get(host))
      .filter((b): b is ClipButton => b !== undefined);

  function show(postIds: Iterable<string>, clipped: ReadonlySet<string>) {
    for (const id of postIds) for (const b of buttonsFor(id)) b.setPressed(clipped.has(id));
  }

  async function press(post: Element, postId: string) {
    const buttons = buttonsFor(postId);
    const captured = capturePost(post, location.href);
    if (!captured) {
      for (const b of buttons) b.setError('this post could not be read from the page.');
      return;
    }
    for (const b of buttons) b.setBusy(true);
    try {
      const state = await send('toggleClip', { post: captured });
      for (const b of buttons) b.setError(null);
      show([postId], state.clipped ? new Set([postId]) : new Set());
    } catch (e) {
      for (const b of buttons) b.setError((e as Error).message);
    } finally {
      for (const b of buttons) b.setBusy(false);
    }
  }

  function decorate(post: Element): string | null {
    const existing = decorated.get(post);
    if (existing && existing.button.host.isConnected) return null;
    const postId = postIdOf(post);
    if (!postId || post.querySelector(`:scope [${HOST_ATTRIBUTE}]`)) return null;
    const button = createClipButton(postId, () => void press(post, postId));
    actionBar(post).append(button.host);
    decorated.set(post, { postId, button });
    buttonOfHost.set(button.host, button);
    return postId;
  }

  async function refreshState(postIds: string[]) {
    if (postIds.length === 0) return;
    try {
      const state = await send('clippedIds', { postIds });
      show(postIds, new Set(state.clipped));
    } catch {
      // The background is unreachable (extension reloaded): buttons still work once it is back.
    }
  }

  function scan(roots: Iterable<ParentNode>) {
    const fresh: string[] = [];
    for (const root of roots) {
      for (const post of findPostElements(root)) {
        const id = decorate(post);
        if (id) fresh.push(id);
      }
    }
    void refreshState(fresh);
  }

  let pending: Element[] = [];
  let frame = 0;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && !node.hasAttribute(HOST_ATTRIBUTE)) pending.push(node);
      }
    }
    if (pending.length && !frame) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        const batch = pending.filter((el) => el.isConnected);
        pending = [];
        // An added node may sit inside a post (X renders a post's parts late): scan from the
        // post's parent so the post itself is found.
        scan(batch.map((el) => el.closest('[data-testid="tweet"]')?.parentElement ?? el));
      });
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  scan([document]);

  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (frame) cancelAnimationFrame(frame);
    for (const host of document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)) host.remove();
  });
}
