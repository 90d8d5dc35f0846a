// The one place the content script tells the networks apart. The same script runs on X and on
// Bluesky; what differs is what a post is on the page, how its id is read, how it is captured
// and where its "Clip post" button goes. Everything else (tracking, clipping, the button, select
// mode, the keyboard command, notices) is shared and asks the page's adapter.
import { capturePost, isPromoted, postIdOf } from '../capture';
import { BLUESKY_POST_SELECTOR, blueskyPostIdOf, captureBlueskyPost } from '../capture/bluesky-page';
import type { Post, Site } from '../model/post';
import { BLUESKY_PAGE_HOSTS, X_PAGE_HOSTS } from '../model/networks';
import { xActionBar } from './clip-buttons';

export interface NetworkAdapter {
  site: Site;
  /** The elements that are posts (some may turn out not to be: `isWrapper`, no id, an ad). */
  postSelector: string;
  /** The post's id (`site:…`), or null while the page does not show enough to name it. Hot path. */
  postIdOf(post: Element): string | null;
  /** An ad: never offered. */
  isPromoted(post: Element): boolean;
  /** An element matching `postSelector` that only wraps the real posts. */
  isWrapper(el: Element): boolean;
  /** The post as the page shows it, or null. */
  capturePost(post: Element, pageUrl: string): Post | null;
  /** The element the post's "Clip post" button is appended to. */
  buttonPlace(post: Element): Element;
  /** For a post `postIdOf` cannot name from the page alone: finds its id, then calls `then` (at most once per post). */
  idLater?(post: Element, then: () => void): void;
  /** Whether `post` is the one the page at `url` is about (its "Clip thread"), where X's and Bluesky's address rules do not say. */
  isPagePost?(post: Element, url: string): boolean;
}

export const X_ADAPTER: NetworkAdapter = {
  site: 'x',
  postSelector: '[data-testid="tweet"]',
  postIdOf: (post) => postIdOf(post),
  isPromoted: (post) => isPromoted(post),
  // The photo viewer's div wraps articles: those are the posts.
  isWrapper: (el) => el.tagName !== 'ARTICLE' && el.querySelector('article[data-testid="tweet"]') !== null,
  capturePost: (post, pageUrl) => capturePost(post, pageUrl),
  buttonPlace: xActionBar,
};

const ACTIONS = '[data-testid="likeBtn"], [data-testid="replyBtn"]';
const MENUS = '[data-testid="postDropdownBtn"], [data-testid="postShareBtn"], [data-testid="postBookmarkBtn"]';

/**
 * Where the button goes in a Bluesky post: its action row (reply, repost, like … then
 * bookmark, share, options), in the group at the row's end; the row itself when that group is
 * not found; the post's end when the row is missing. A quoted post has no actions, so the first
 * like or reply button is the post's own.
 */
export function blueskyButtonPlace(post: Element): Element {
  const action = post.querySelector(ACTIONS);
  if (!action) return post;
  let row = action.parentElement;
  while (row && row !== post && !row.querySelector(MENUS)) row = row.parentElement;
  if (!row || row === post) return action.parentElement?.parentElement ?? post;
  let group: Element | null = row.querySelector(MENUS);
  while (group && group.parentElement !== row) group = group.parentElement;
  return group ?? row;
}

export const BLUESKY_ADAPTER: NetworkAdapter = {
  site: 'bluesky',
  postSelector: BLUESKY_POST_SELECTOR,
  // The page's address names a thread's focused post, which shows no link to itself.
  postIdOf: (post) => blueskyPostIdOf(post, location.href),
  isPromoted: () => false,
  isWrapper: () => false,
  capturePost: (post, pageUrl) => captureBlueskyPost(post, pageUrl, new Date().toISOString()),
  buttonPlace: blueskyButtonPlace,
};

/** The adapter for a page on `hostname`, or null for a host neither network serves (Mastodon's entry is mastodon.ts). */
export function adapterFor(hostname: string): NetworkAdapter | null {
  const host = hostname.toLowerCase();
  if (X_PAGE_HOSTS.includes(host)) return X_ADAPTER;
  if (BLUESKY_PAGE_HOSTS.includes(host)) return BLUESKY_ADAPTER;
  return null;
}

/** This page's adapter (X's on a host it does not know: the script only runs where the manifest says). */
export const pageAdapter = (): NetworkAdapter => adapterFor(location.hostname) ?? X_ADAPTER;

/**
 * Whether the user wants inline buttons on this network. Settings name X's today
 * (`inlineButtons.x`); a network with no setting of its own follows X's until it has one.
 */
export function inlineButtonsOn(inlineButtons: unknown, site: Site): boolean {
  const all = (inlineButtons ?? {}) as Partial<Record<Site, unknown>>;
  const own = all[site];
  return typeof own === 'boolean' ? own : all.x !== false;
}
