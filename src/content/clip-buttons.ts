// The inline "Clip post" button in every post's action bar — unless the user turned inline
// buttons off (settings `inlineButtons`); select mode, the keyboard and the context menu work
// either way. The buttons only show and change state: clipping itself is in clipping.ts. Where
// in a post the button goes is the network's business (network.ts `buttonPlace`); X's is here.
import { CLIP_ATTRIBUTE, clipButton, listenToClipButtons, makeClipButton, type ClickTrust, type ClipButton } from './clip-button';
import { POST_ATTRIBUTE } from './attributes';

/**
 * Where the button goes: the post's own action bar (the last group), not a quoted post's.
 * Hot path: on a timeline the bar ends the post, so following last children finds it in
 * about seven steps; anything else (a focused post, an X Article) searches the whole post.
 */
export function xActionBar(post: Element): Element {
  let el: Element | null = post;
  for (let depth = 0; el && depth < 12; depth++, el = el.lastElementChild) {
    if (el.getAttribute('role') === 'group') return el;
  }
  const groups = post.querySelectorAll('[role="group"]');
  return groups[groups.length - 1] ?? post;
}

export interface ClipButtons {
  /** Gives the post its button (again, if X re-rendered its action bar away). Hot path. */
  decorate(post: Element, postId: string, pressed: boolean): void;
  /** The buttons showing this post's state on the page now. */
  of(posts: Element[]): ClipButton[];
  setEnabled(enabled: boolean, posts: Element[]): void;
  removeAll(): void;
}

export function createClipButtons(
  signal: AbortSignal,
  press: (post: Element, postId: string, byKeyboard: boolean) => void,
  isClipped: (postId: string) => boolean,
  trust: ClickTrust = {},
  /** The element the post's button is appended to. */
  place: (post: Element) => Element = xActionBar,
): ClipButtons {
  // Post element → its button; lets go of posts X removes.
  const buttons = new WeakMap<Element, HTMLButtonElement>();
  let enabled = false;

  listenToClipButtons(signal, (button, postId, event) => {
    const post = button.closest(`[${POST_ATTRIBUTE}]`);
    // Enter or Space on the button makes a click with no pointer: detail 0.
    if (post && buttons.get(post) === button) press(post, postId, event.detail === 0);
  }, trust);

  function decorate(post: Element, postId: string, pressed: boolean): void {
    if (!enabled) return;
    const existing = buttons.get(post);
    if (existing?.isConnected) {
      // The same element now showing another post (X reused it): the button follows.
      if (existing.getAttribute(CLIP_ATTRIBUTE) !== postId) {
        existing.setAttribute(CLIP_ATTRIBUTE, postId);
        clipButton(existing).setPressed(pressed);
      }
      return;
    }
    const button = makeClipButton(postId, pressed);
    place(post).append(button);
    buttons.set(post, button);
  }

  function removeAll(): void {
    for (const button of document.querySelectorAll(`button[${CLIP_ATTRIBUTE}]`)) button.remove();
  }

  return {
    decorate,
    of: (posts) => posts.flatMap((p) => {
      const button = buttons.get(p);
      return button?.isConnected ? [clipButton(button)] : [];
    }),
    setEnabled(next, posts) {
      if (next === enabled) return;
      enabled = next;
      if (!enabled) return removeAll();
      for (const post of posts) {
        const postId = post.getAttribute(POST_ATTRIBUTE);
        if (postId) decorate(post, postId, isClipped(postId));
      }
    },
    removeAll,
  };
}
