// Showing a post's state on the page. Kept apart from clipping.ts (which talks to the
// background) so it is tested without a browser.
import type { ClipBook } from './clip-book';
import type { ClipButtons } from './clip-buttons';
import { CLIPPED_ATTRIBUTE } from './attributes';

/**
 * A post that has just appeared (at start, or later by infinite scroll): its select-mode
 * marker and its button show whether the roundup holds it. Hot path: one Set lookup, and a
 * DOM write only for a clipped post.
 */
export function showNewPost(book: ClipBook, buttons: ClipButtons, post: Element, postId: string): void {
  const clipped = book.has(postId);
  // An element X reused for another post may still carry the marker.
  if (clipped || post.hasAttribute(CLIPPED_ATTRIBUTE)) post.toggleAttribute(CLIPPED_ATTRIBUTE, clipped);
  buttons.decorate(post, postId, clipped);
}
