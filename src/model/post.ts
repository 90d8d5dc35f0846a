// A clipped social-media post, normalised across sites. Pure data: it crosses from the
// content script to the background as a message and is stored as it is.

import type { Site } from './networks';
export type { Site } from './networks';

export interface Author {
  name: string;
  /** Without the leading `@`. */
  handle: string;
  avatarUrl?: string;
  profileUrl?: string;
}

/** The post's words as the reader sees them, split so exports can link what was linked. */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'mention'; text: string; href: string }
  | { kind: 'hashtag'; text: string; href: string }
  | { kind: 'emoji'; text: string };

export interface Media {
  kind: 'image' | 'video' | 'gif';
  url: string;
  alt?: string;
  /** For video and GIF: the still shown before playing. */
  posterUrl?: string;
}

/**
 * The preview box X shows for a link in a post (image, domain, title). `url` is where the
 * card links, as the page gives it: on X usually a t.co address.
 */
export interface LinkCard {
  url: string;
  title?: string;
  /** The site's name as X shows it, e.g. `mariozechner.at`. */
  domain?: string;
  description?: string;
  image?: { url: string; alt?: string };
}

/** Where a post sits in a conversation thread, as the page drew it. */
export type ThreadPosition = 'first' | 'middle' | 'last';
export const THREAD_POSITIONS: readonly ThreadPosition[] = ['first', 'middle', 'last'];

export interface Post {
  /**
   * `site:nativeId` (model/networks.ts), e.g. `x:1991586882858172684`. A quoted post shown
   * without a link has none.
   */
  id: string;
  site: Site;
  /** Canonical permalink (for Mastodon, the status's address on its own instance). */
  url: string;
  author: Author;
  /** Plain text: line breaks kept, emoji as characters, links as their real targets. */
  text: string;
  segments: Segment[];
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  /** ISO 8601. */
  createdAt?: string;
  media: Media[];
  quoted?: Post;
  card?: LinkCard;
  /** Who reposted it into the timeline it was clipped from (display text). */
  repostedBy?: string;
  pinned?: boolean;
  replyTo?: string;
  /** Its place in a thread the page showed joined by lines; absent for a post on its own. */
  thread?: ThreadPosition;
  /** "Show more": the page showed only the start of the text. */
  truncated?: boolean;
  capturedAt: string;
  pageUrl: string;
  /** True when some field could not be read from the page. */
  partial?: boolean;
  /** Bluesky: the post record's at:// URI and its CID, which Bluesky's official embed names. */
  atUri?: string;
  cid?: string;
  /** Mastodon: the host of the instance the status was read from (its id in `id` is that instance's). */
  instance?: string;
  /** The author's warning shown before the words (Mastodon's content warning; Bluesky's labels). */
  contentWarning?: string;
}

/** X's post ids; every network's are in model/networks.ts. */
export const X_ID_PATTERN = /^x:\d{1,25}$/;
