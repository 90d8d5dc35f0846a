// The inline "Clip post" button in every post's action bar — unless the user turned inline
// buttons off (settings `inlineButtons.x`); select mode, the keyboard and the context menu work
// either way. The buttons only show and change state: clipping itself is in clipping.ts.
import { createClipButton, HOST_ATTRIBUTE, type ClipButton } from './clip-button';

/** Where the button goes: the post's own action bar (the last group), not a quoted post's. */
function actionBar(post: Element): Element {
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
  press: (post: Element, postId: string) => void,
  isClipped: (postId: string) => boolean,
): ClipButtons {
  const buttons = new WeakMap<Element, ClipButton>();
  let enabled = false;

  function decorate(post: Element, postId: string, pressed: boolean): void {
    if (!enabled) return;
    const existing = buttons.get(post);
    if (existing?.host.isConnected) return;
    const button = existing ?? createClipButton(postId, () => press(post, postId));
    button.setPressed(pressed);
    actionBar(post).append(button.host);
    buttons.set(post, button);
  }

  function removeAll(): void {
    for (const host of document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)) host.remove();
  }

  return {
    decorate,
    of: (posts) => posts.map((p) => buttons.get(p)).filter((b): b is ClipButton => b?.host.isConnected === true),
    setEnabled(next, posts) {
      if (next === enabled) return;
      enabled = next;
      if (!enabled) return removeAll();
      for (const post of posts) {
        const postId = post.getAttribute('data-roundup-post');
        if (postId) decorate(post, postId, isClipped(postId));
      }
    },
    removeAll,
  };
}
