// X/Twitter capture: reads one post element (`article[data-testid="tweet"]`, or the
// `div[data-testid="tweet"]` of the photo viewer) into a Post. Pure DOM reading, no layout.
// A quoting post holds its quoted post's author line, time, text and photos inside itself,
// in a `div[role=link]` block: every reader below takes that block list and skips it.
import type { Post, Segment } from '../model/post';
import { readArticle } from './x-article';
import { readAuthor, readReplyTo, readSocialContext } from './x-author';
import { readCard } from './x-card';
import { readThreadPosition } from './x-thread';
import { own, ownFirst, quotedBlocks, statusRef, statusUrl, tid, type StatusRef } from './x-dom';
import { readMedia } from './x-media';
import { findPostElements, postIdOf } from './x-find';
import { richSegments, segmentsText } from './x-text';

export type Clock = () => string;
const systemClock: Clock = () => new Date().toISOString();

export function capturePost(el: Element, pageUrl: string, now: Clock = systemClock): Post | null {
  try {
    const post = pickPost(el, pageUrl);
    const quoted = quotedBlocks(post);
    const ref = ownPermalink(post, quoted, pageUrl);
    if (!ref) return null;
    const capturedAt = safeNow(now);
    const out = readPost(post, quoted, ref, pageUrl, capturedAt);
    const block = quoted[0];
    if (block) {
      const findRef = (handle: string) => quotedPermalink(block, quoted, pageUrl, handle);
      out.quoted = readPost(block, quoted, findRef, pageUrl, capturedAt);
    }
    guard(out, () => Object.assign(out, readSocialContext(post, quoted)));
    guard(out, () => {
      const replyTo = readReplyTo(post, quoted, pageUrl);
      if (replyTo) out.replyTo = replyTo;
    });
    guard(out, () => {
      const thread = readThreadPosition(post, quoted);
      if (thread) out.thread = thread;
    });
    return out;
  } catch {
    return null; // not even the shell could be read
  }
}

/**
 * Reads the fields common to a post and its quoted post from `scope`. A quoted post's
 * permalink is looked up once its author is known (`ref` as a function).
 */
function readPost(
  scope: Element,
  quoted: Element[],
  ref: StatusRef | ((handle: string) => StatusRef | null),
  pageUrl: string,
  capturedAt: string,
): Post {
  const known = typeof ref === 'function' ? null : ref;
  const post: Post = {
    id: known ? `x:${known.id}` : '',
    site: 'x',
    url: known?.url ?? '',
    author: { name: '', handle: known?.handle ?? '' },
    text: '',
    segments: [],
    media: [],
    capturedAt,
    pageUrl,
  };
  guard(post, () => (post.author = readAuthor(scope, quoted, pageUrl, known?.handle ?? '')));
  // A permalink under `/i/status/` names no author; the author line does.
  if (known && !known.handle && post.author.handle) post.url = statusUrl(post.author.handle, known.id);
  guard(post, () => {
    const found = typeof ref === 'function' ? ref(post.author.handle) : null;
    if (found) Object.assign(post, { id: `x:${found.id}`, url: found.url });
  });
  guard(post, () => readWords(post, scope, quoted, pageUrl));
  guard(post, () => (post.media = readMedia(scope, quoted, pageUrl, post.url)));
  guard(post, () => {
    const card = readCard(scope, quoted, pageUrl);
    if (card) post.card = card;
  });
  guard(post, () => {
    const created = createdAt(scope, quoted);
    if (created) post.createdAt = created;
  });
  if (!post.author.handle || !post.author.name || !post.createdAt) post.partial = true;
  if (!post.text && post.media.length === 0) post.partial = true;
  return post;
}

function readWords(post: Post, scope: Element, quoted: Element[], pageUrl: string): void {
  const text = ownFirst(scope, tid('tweetText'), quoted);
  let segments: Segment[] | null = text ? richSegments(text, pageUrl) : readArticle(scope, pageUrl);
  segments ??= [];
  post.segments = segments;
  post.text = segmentsText(segments);
  const lang = text?.getAttribute('lang');
  if (lang) post.lang = lang;
  const dir = text?.getAttribute('dir');
  if (dir === 'ltr' || dir === 'rtl' || dir === 'auto') post.dir = dir;
  if (ownFirst(scope, tid('tweet-text-show-more-link'), quoted)) post.truncated = true;
}

/** Runs one field reader; a failure marks the post partial instead of losing it. */
function guard(post: Post, read: () => unknown): void {
  try {
    read();
  } catch {
    post.partial = true;
  }
}

function safeNow(now: Clock): string {
  try {
    return now();
  } catch {
    return new Date().toISOString();
  }
}

function createdAt(scope: Element, quoted: Element[]): string | undefined {
  const times = own(scope, 'time[datetime]', quoted);
  // The permalink's own time first (an edited post also lists its history's times).
  const t = times.find((e) => e.closest('a[href*="/status/"]')) ?? times[0];
  const raw = t?.getAttribute('datetime');
  if (!raw) return undefined;
  const d = new Date(raw);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The post's own permalink: the link around its time, else any own status link. */
function ownPermalink(post: Element, quoted: Element[], pageUrl: string): StatusRef | null {
  for (const t of own(post, 'time', quoted)) {
    const a = t.closest('a[href]');
    const ref = a && post.contains(a) ? statusRef(a.getAttribute('href'), pageUrl) : null;
    if (ref) return ref;
  }
  for (const a of own(post, 'a[href]', quoted)) {
    if (a.closest(tid('tweetText')) || a.closest(tid('card.wrapper'))) continue;
    const ref = statusRef(a.getAttribute('href'), pageUrl);
    if (ref) return ref;
  }
  return null;
}

/**
 * A quoted post has no permalink of its own on X, but its photo and "Show more" links do.
 * Only a link to the quoted author's status counts: the block may hold the quoting post's
 * own action bar (seen in a real page), and guessing would mislabel the post.
 */
function quotedPermalink(block: Element, quoted: Element[], pageUrl: string, handle: string): StatusRef | null {
  if (!handle) return null;
  for (const a of own(block, 'a[href]', quoted)) {
    if (a.closest(tid('tweetText')) || a.closest('[role="group"]')) continue;
    const ref = statusRef(a.getAttribute('href'), pageUrl);
    if (ref && ref.handle.toLowerCase() === handle.toLowerCase()) return ref;
  }
  return null;
}

/** The photo viewer's `div[data-testid=tweet]` wraps a whole conversation: pick its post. */
function pickPost(el: Element, pageUrl: string): Element {
  if (el.tagName.toUpperCase() === 'ARTICLE') return el;
  const articles = Array.from(el.querySelectorAll(`article${tid('tweet')}`));
  if (articles.length === 0) return el;
  const wanted = statusRef(pageUrl, pageUrl)?.id;
  return (
    articles.find((a) => wanted && postIdOf(a) === `x:${wanted}`) ??
    articles.find((a) => a.getAttribute('tabindex') === '-1') ??
    articles[0] ??
    el
  );
}

export function capturePosts(root: ParentNode, pageUrl: string, now: Clock = systemClock): Post[] {
  const out: Post[] = [];
  for (const el of findPostElements(root)) {
    const post = capturePost(el, pageUrl, now);
    if (post) out.push(post);
  }
  return out;
}
