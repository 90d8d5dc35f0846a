// A post known only by its link: what the context menu can store when the link sits on a page
// the content script cannot read (any site other than X). Pure; the id, permalink and handle
// come from the URL, everything else is unknown, so the post is marked partial. An `/i/status/`
// link names no author, and none is credited: the handle stays empty.
import type { Post } from '../model/post';
import { statusRef } from './x-dom';
import { linkOnlyPost } from './link-post';

/** Link patterns (for `contextMenus` `targetUrlPatterns`) of X/Twitter post permalinks. */
export const X_POST_LINK_PATTERNS = ['*://*.x.com/*/status/*', '*://*.twitter.com/*/status/*'];

/** Match patterns of the pages the content script runs on (manifest `content_scripts`). */
export const X_PAGE_PATTERNS = ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*'];

/** `x:<id>` of a post link on x.com or twitter.com, else null. */
export function postIdOfLink(url: string): string | null {
  // An absolute base of X's own: a relative or same-site link elsewhere must not count.
  const ref = statusRef(url, 'https://x.com/');
  return ref ? `x:${ref.id}` : null;
}

export function postFromLink(url: string, pageUrl: string, capturedAt: string): Post | null {
  const ref = statusRef(url, 'https://x.com/');
  if (!ref) return null;
  const author = ref.handle ? { name: '', handle: ref.handle, profileUrl: `https://x.com/${ref.handle}` } : { name: '', handle: '' };
  return linkOnlyPost({ id: `x:${ref.id}`, site: 'x', url: ref.url, author, pageUrl, capturedAt });
}
