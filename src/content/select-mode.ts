// Select mode: every post outlines on hover (pure CSS, page-style.ts), a click clips or unclips
// it, and a floating bar shows the count and exits (so does Esc). While it is on, a click on a
// post is ours: X does not open the post or follow its links. Only the user's own clicks count
// (clip-button.ts `byUser`): a page script's click on a post it built would clip invented words.
import type { ClipBook } from './clip-book';
import { byUser, type ClickTrust } from './clip-button';
import type { Clipping } from './clipping';
import { OWN_ATTRIBUTE, SELECT_ATTRIBUTE } from './attributes';
import type { PostTracker } from './posts';
import { createSelectBar, type SelectBar } from './select-bar';

export interface SelectMode {
  isOn(): boolean;
  set(on: boolean): void;
}

export function createSelectMode(
  signal: AbortSignal,
  tracker: PostTracker,
  clipping: Clipping,
  book: ClipBook,
  { trusted = byUser }: ClickTrust = {},
): SelectMode {
  let bar: SelectBar | null = null;
  signal.addEventListener('abort', () => set(false));

  function onClick(event: MouseEvent): void {
    if (bar && event.composedPath().includes(bar.host)) return;
    if (!trusted(event)) return;
    const post = tracker.postOf(event.target as Element | null);
    const postId = post && tracker.idOf(post);
    if (!post || !postId) return; // outside posts, X works as usual
    event.preventDefault();
    event.stopImmediatePropagation();
    void clipping.toggle(post, postId, { keyboard: event.detail === 0 });
  }

  function onKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    // Escape in the notice dismisses the notice (and its Undo), not the mode.
    if (event.composedPath().some((n) => n instanceof Element && n.getAttribute(OWN_ATTRIBUTE) === 'notice')) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    set(false);
  }

  let off: AbortController | null = null;
  function set(on: boolean): void {
    if (on === (bar !== null)) return;
    if (on) {
      bar = createSelectBar(() => set(false));
      bar.setCount(book.count());
      document.body.append(bar.host);
      document.documentElement.setAttribute(SELECT_ATTRIBUTE, '');
      off = new AbortController();
      // Capture phase on window: before X's own handlers see the click or the key.
      const options = { capture: true, signal: off.signal };
      window.addEventListener('click', onClick, options);
      window.addEventListener('keydown', onKey, options);
    } else {
      off?.abort();
      off = null;
      bar?.host.remove();
      bar = null;
      document.documentElement.removeAttribute(SELECT_ATTRIBUTE);
    }
  }

  book.onChange(() => bar?.setCount(book.count()));
  return { isOn: () => bar !== null, set };
}
