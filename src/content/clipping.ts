// Clipping a post from the page: read it (capture/), send it to the background, show the new
// state on every copy of the post on the page. Used by the inline button, select mode, the
// keyboard command and the context menu alike.
import { capturePost } from '../capture';
import { send } from '../platform/messaging';
import type { ClipBook } from './clip-book';
import type { ClipButtons } from './clip-buttons';
import { CLIPPED_ATTRIBUTE } from './attributes';
import type { PostTracker } from './posts';

export interface Clipping {
  /** Clips the post, or removes it when the roundup holds it; the new state, or null on failure. */
  toggle(post: Element, postId: string): Promise<boolean | null>;
  /** Clips the post (never removes it). */
  add(post: Element, postId: string): Promise<void>;
  /** Shows each post's state (attribute for select mode, the button's aria-pressed). */
  render(postIds: Iterable<string>): void;
}

export function createClipping(book: ClipBook, tracker: PostTracker, buttons: ClipButtons, onError: (message: string) => void): Clipping {
  function render(postIds: Iterable<string>): void {
    for (const postId of postIds) {
      const posts = tracker.elementsOf(postId);
      const clipped = book.has(postId);
      for (const post of posts) post.toggleAttribute(CLIPPED_ATTRIBUTE, clipped);
      for (const b of buttons.of(posts)) b.setPressed(clipped);
    }
  }

  /** Runs a clip request with every button of the post busy, and errors shown. */
  async function withPost<T>(post: Element, postId: string, act: (p: NonNullable<ReturnType<typeof capturePost>>) => Promise<T>): Promise<T | null> {
    const bs = buttons.of(tracker.elementsOf(postId));
    const fail = (message: string) => {
      for (const b of bs) b.setError(message);
      onError(`Roundup could not clip this post: ${message}`);
      return null;
    };
    const captured = capturePost(post, location.href);
    if (!captured) return fail('it could not be read from the page.');
    for (const b of bs) b.setBusy(true);
    try {
      const result = await act(captured);
      for (const b of bs) b.setError(null);
      return result;
    } catch (e) {
      return fail((e as Error).message);
    } finally {
      for (const b of bs) b.setBusy(false);
    }
  }

  return {
    render,
    toggle: (post, postId) =>
      withPost(post, postId, async (captured) => {
        const state = await send('toggleClip', { post: captured });
        book.set(postId, state.clipped, state.count);
        return state.clipped;
      }),
    async add(post, postId) {
      const ok = await withPost(post, postId, async (captured) => {
        const state = await send('clipPost', { post: captured });
        book.set(postId, true, state.count);
        return true;
      });
      if (!ok) throw new Error('the post could not be clipped from the page');
    },
  };
}
