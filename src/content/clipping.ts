// Clipping a post from the page: read it (capture/), send it to the background, show the new
// state on every copy of the post on the page. Used by the inline button, select mode, the
// keyboard command and the context menu alike — and so is the one place a removal is told of,
// with its "Undo".
import type { Post } from '../model/post';
import { send } from '../platform/messaging';
import type { ClipBook } from './clip-book';
import type { ClipButtons } from './clip-buttons';
import { CLIPPED_ATTRIBUTE } from './attributes';
import type { NoticeOptions } from './notice';
import { X_ADAPTER, type NetworkAdapter } from './network';
import type { PostTracker } from './posts';
import { t } from '../platform/i18n';

export interface Toggled {
  clipped: boolean;
  /** The post was removed and its item's words went to the Trash: the entry that puts it back. */
  trashId?: string;
}

export interface HowPressed {
  /** From the keyboard: the notice of a removal takes focus, so Undo is one key away. */
  keyboard?: boolean;
}

/** Shows a message on the page (notice.ts `showNotice`). */
export type Notify = (text: string, options?: NoticeOptions) => void;

export interface Clipping {
  /** Clips the post, or removes it when the roundup holds it; the new state, or null on failure. */
  toggle(post: Element, postId: string, how?: HowPressed): Promise<Toggled | null>;
  /** Clips the post (never removes it). */
  add(post: Element, postId: string): Promise<void>;
  /** Shows each post's state (attribute for select mode, the button's aria-pressed). */
  render(postIds: Iterable<string>): void;
}

export function createClipping(
  book: ClipBook,
  tracker: PostTracker,
  buttons: ClipButtons,
  notify: Notify,
  /** Reads the post from the page (the network's capture, network.ts). */
  capture: NetworkAdapter['capturePost'] = X_ADAPTER.capturePost,
): Clipping {
  function render(postIds: Iterable<string>): void {
    for (const postId of postIds) {
      const posts = tracker.elementsOf(postId);
      const clipped = book.has(postId);
      for (const post of posts) post.toggleAttribute(CLIPPED_ATTRIBUTE, clipped);
      for (const b of buttons.of(posts)) b.setPressed(clipped);
    }
  }

  /** Runs a clip request with every button of the post busy, and errors shown. */
  async function withPost<T>(post: Element, postId: string, act: (p: Post) => Promise<T>): Promise<T | null> {
    const bs = buttons.of(tracker.elementsOf(postId));
    const fail = (message: string) => {
      for (const b of bs) b.setError(message);
      notify(t('couldNotClipPost', message));
      return null;
    };
    const captured = capture(post, location.href);
    if (!captured) return fail(t('unreadableOnPage'));
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

  async function undo(postId: string, trashId: string): Promise<void> {
    try {
      const state = await send('restoreFromTrash', { id: trashId });
      book.set(postId, true, state.count);
      notify(t('backInRoundup'));
    } catch (e) {
      const reason = (e as Error).message.replace(/\.$/, '');
      notify(t('couldNotPutBack', reason), { ms: 10_000 });
    }
  }

  /** Undo of removing an item that held no words: the post is simply clipped again. */
  async function clipAgain(post: Element, postId: string): Promise<void> {
    const ok = await withPost(post, postId, async (captured) => {
      const state = await send('clipPost', { post: captured });
      book.set(postId, true, state.count);
      return true;
    });
    if (ok) notify(t('backInRoundup'));
  }

  return {
    render,
    async toggle(post, postId, how = {}) {
      const removing = book.has(postId);
      let settle: (result: Toggled | null) => void = () => {};
      const known = new Promise<Toggled | null>((resolve) => (settle = resolve));
      let undone = false;
      const undoRemoval = async () => {
        undone = true;
        const result = await known;
        if (!result || result.clipped) return; // it failed (its error is shown), or was not a removal
        await (result.trashId ? undo(postId, result.trashId) : clipAgain(post, postId));
      };
      const offerUndo = (text: string, focus: boolean) => notify(text, { action: { label: t('undo'), run: undoRemoval }, focus });
      // Said at once, in the task of the press itself: the background's answer takes a moment,
      // and "Undo" must be there as soon as the writer looks for it.
      if (removing) offerUndo(t('removedFromRoundup'), how.keyboard === true);
      const result = await withPost(post, postId, async (captured): Promise<Toggled> => {
        const state = await send('toggleClip', { post: captured });
        book.set(postId, state.clipped, state.count);
        return state.trashId ? { clipped: state.clipped, trashId: state.trashId } : { clipped: state.clipped };
      });
      settle(result);
      if (!result || undone) return result;
      if (result.clipped && removing) notify(t('clippedToRoundup'), { ms: 2000 }); // this tab's view was behind
      // The words went to the Trash: say so (an item with none is simply gone; Undo clips it again).
      else if (!result.clipped && result.trashId) offerUndo(t('removedWordsInTrash'), how.keyboard === true && !removing);
      else if (!result.clipped && !removing) offerUndo(t('removedFromRoundup'), how.keyboard === true);
      return result;
    },
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
