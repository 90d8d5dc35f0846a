// Bluesky capture from the page (bsky.app): reads one post element into a Post. Pure DOM
// reading, no layout, no fetching. What the page does not show exactly — the record's CID, the
// facets' exact targets and spans, the language, the exact time — it leaves out, and every post
// it reads is `partial`: the background completes it from Bluesky's API (capture/bluesky-api.ts).
//
// A post is offered only with an id, `bsky:at://<author's DID>/app.bsky.feed.post/<record key>`: the record key is in
// the post's link (`/profile/<handle>/post/<rkey>`), the DID only in the addresses of the
// author's pictures (avatar, photos, link-card picture, video still; bluesky-page-dom.ts). A
// post showing none of them has no id, and is not offered.
import type { Author, LinkCard, Media, Post, Segment, ThreadPosition } from '../model/post';
import { blueskyPostIdFor, blueskyPostUrl } from '../model/networks';
import { webUrl } from '../model/validate';
import {
  BLUESKY_POST_SELECTOR,
  BLUESKY_WEB,
  bskyPath,
  cdnImage,
  cdnUrl,
  hashtagPath,
  isDid,
  own,
  ownFirst,
  parseShownTime,
  postPath,
  profilePath,
  quoteBlocks,
  videoStill,
  videoUrls,
  words,
} from './bluesky-page-dom';

export { BLUESKY_POST_SELECTOR } from './bluesky-page-dom';

const AVATAR_IMG = '[data-testid="userAvatarImage"] img';
const POST_TEXT = '[data-testid="postText"]';
const POST_PICTURES = new Set(['feed_thumbnail', 'feed_fullsize']);

/** The post elements under `root` (and `root` itself if it is one), in document order. */
export function findBlueskyPosts(root: ParentNode): Element[] {
  try {
    const all = Array.from(root.querySelectorAll(BLUESKY_POST_SELECTOR));
    const self = root as Partial<Element>;
    if (typeof self.matches === 'function' && self.matches(BLUESKY_POST_SELECTOR)) all.unshift(root as Element);
    return all;
  } catch {
    return [];
  }
}

/** The handle bsky.app names the post element by (`feedItem-by-<handle>`), or null. */
function testIdHandle(post: Element): string | null {
  const m = /-by-(.+)$/.exec(post.getAttribute('data-testid') ?? '');
  return m ? m[1]! : null;
}

interface Ref {
  /** The link to the post (its time), when the page shows one. */
  link: Element | null;
  actor: string;
  rkey: string;
  did: string;
}

/**
 * The post's own link: the time in its header (`a[data-tooltip]` to `/profile/<actor>/post/<rkey>`),
 * else another link of the post's own to it (never one in its words, a link card or a quote).
 * A thread's focused post shows its time unlinked: the page's own address names it then.
 */
function ownLink(post: Element, quotes: Element[], pageUrl?: string): { link: Element | null; actor: string; rkey: string } | null {
  const byTestId = testIdHandle(post);
  const fits = (actor: string) => !byTestId || isDid(actor) || actor.toLowerCase() === byTestId.toLowerCase();
  for (const a of own(post, 'a[href][data-tooltip]', quotes)) {
    const p = postPath(bskyPath(a.getAttribute('href')));
    if (p && fits(p.actor)) return { link: a, ...p };
  }
  for (const a of own(post, 'a[href*="/post/"]', quotes)) {
    if (a.closest(POST_TEXT) || a.getAttribute('target') === '_blank') continue;
    const p = postPath(bskyPath(a.getAttribute('href')));
    if (p && fits(p.actor)) return { link: a, ...p };
  }
  if (pageUrl && post.getAttribute('data-testid')?.startsWith('postThreadItem-by-')) {
    let path: string | null = null;
    try {
      const u = new URL(pageUrl);
      if (u.hostname === 'bsky.app') path = u.pathname;
    } catch {
      /* not an address */
    }
    const p = postPath(path);
    if (p && byTestId && p.actor.toLowerCase() === byTestId.toLowerCase()) return { link: null, ...p };
  }
  return null;
}

/**
 * The author's DID: in the post's link when it names the author by DID, else in the address of
 * the author's avatar, else of a photo, link-card picture or video still of the post's own.
 */
function authorDid(post: Element, quotes: Element[], actor: string): string | null {
  if (isDid(actor)) return actor;
  for (const img of own(post, AVATAR_IMG, quotes)) {
    const c = cdnImage(img.getAttribute('src'));
    if (c) return c.did;
  }
  for (const img of own(post, 'img[src]', quotes)) {
    const c = cdnImage(img.getAttribute('src'));
    if (c && POST_PICTURES.has(c.kind)) return c.did;
  }
  for (const el of own(post, '[style*="video.bsky.app"], video[poster], img[src*="video.bsky.app"]', quotes)) {
    const v = videoStill(el.getAttribute('style') ?? el.getAttribute('poster') ?? el.getAttribute('src'));
    if (v) return v.did;
  }
  return null;
}

function readRef(post: Element, quotes: Element[], pageUrl?: string): Ref | null {
  const link = ownLink(post, quotes, pageUrl);
  if (!link) return null;
  const did = authorDid(post, quotes, link.actor);
  if (!did || !blueskyPostIdFor(did, link.rkey)) return null;
  return { ...link, did };
}

/**
 * `bsky:<at:// URI>` of the post element, or null when the page does not show both. Hot
 * path (every post of an endless feed): selector lookups and regexes only.
 */
export function blueskyPostIdOf(el: Element, pageUrl?: string): string | null {
  try {
    const ref = readRef(el, quoteBlocks(el), pageUrl);
    return ref ? blueskyPostIdFor(ref.did, ref.rkey) : null;
  } catch {
    return null;
  }
}

/** Runs one reader; a reader that throws marks the post partial and leaves the field as it was. */
function guard(post: Post, read: () => void): void {
  try {
    read();
  } catch {
    post.partial = true;
  }
}

/**
 * Reads the post element into a Post marked `partial`, or null when it is no post Roundup can
 * name (no link to it, no DID). `capturedAt` is ISO 8601.
 */
export function captureBlueskyPost(el: Element, pageUrl: string, capturedAt: string): Post | null {
  try {
    const post = el.matches(BLUESKY_POST_SELECTOR) ? el : el.closest(BLUESKY_POST_SELECTOR);
    if (!post) return null;
    const quotes = quoteBlocks(post);
    const ref = readRef(post, quotes, pageUrl);
    if (!ref) return null;
    const out: Post = {
      id: blueskyPostIdFor(ref.did, ref.rkey)!,
      site: 'bluesky',
      url: blueskyPostUrl(isDid(ref.actor) ? ref.did : ref.actor, ref.rkey),
      author: { name: '', handle: isDid(ref.actor) ? '' : ref.actor },
      text: '',
      segments: [],
      media: [],
      capturedAt,
      pageUrl,
      atUri: `at://${ref.did}/app.bsky.feed.post/${ref.rkey}`,
      partial: true,
    };
    const header = ref.link?.parentElement ?? handleRow(post, quotes, ref.actor);
    guard(out, () => (out.author = readAuthor(post, quotes, header, ref.link, ref.did, out.author.handle)));
    // A post linked by its author's DID: the handle the header shows makes the nicer address.
    if (isDid(ref.actor) && out.author.handle) out.url = blueskyPostUrl(out.author.handle, ref.rkey);
    guard(out, () => {
      const created = parseShownTime(ref.link?.getAttribute('aria-label') ?? ref.link?.getAttribute('data-tooltip'));
      if (created) out.createdAt = created;
    });
    guard(out, () => {
      out.segments = richSegments(ownFirst(post, POST_TEXT, quotes));
      out.text = out.segments.map((s) => s.text).join('');
    });
    guard(out, () => (out.media = readMedia(post, quotes)));
    guard(out, () => {
      const card = readCard(post, quotes);
      if (card) out.card = card;
    });
    guard(out, () => {
      const by = readRepostedBy(post, quotes, header);
      if (by) out.repostedBy = by;
    });
    guard(out, () => {
      const thread = readThreadPosition(post, quotes, ref.link);
      if (thread) out.thread = thread;
    });
    const block = quotes[0];
    if (block) guard(out, () => (out.quoted = readQuoted(block, pageUrl, capturedAt)));
    return out;
  } catch {
    return null;
  }
}

/** With no link to the post: the row around the `@handle` link to the author's profile. */
function handleRow(post: Element, skip: Element[], actor: string): Element | null {
  for (const a of own(post, 'a[href*="/profile/"]', skip)) {
    if (a.closest(POST_TEXT) || profilePath(bskyPath(a.getAttribute('href')))?.toLowerCase() !== actor.toLowerCase()) continue;
    if (words(a).startsWith('@')) return a.parentElement;
  }
  return null;
}

/**
 * Name and handle from the header row (the row holding the time): the first words that do not
 * start with `@`, and the first that do. Words only: a name is never read as markup.
 */
function readAuthor(scope: Element, skip: Element[], header: Element | null, time: Element | null, did: string, known: string): Author {
  let name = '';
  let handle = '';
  if (header) {
    for (const el of Array.from(header.querySelectorAll('a, div[dir="auto"]'))) {
      if (el === time || time?.contains(el) || el.hasAttribute('data-tooltip') || el.closest('[data-tooltip]')) continue;
      if (el.querySelector('a, div[dir="auto"]')) continue; // a wrapper: its parts come on their own
      const w = words(el);
      if (!w) continue;
      if (w.startsWith('@')) handle ||= w.slice(1).trim();
      else name ||= w;
    }
  }
  handle = known || handle;
  const author: Author = { name: name || handle, handle };
  for (const img of own(scope, AVATAR_IMG, skip)) {
    const c = cdnImage(img.getAttribute('src'));
    if (c && (!did || c.did === did)) author.avatarUrl = cdnUrl('avatar', c);
    break;
  }
  const actor = handle || did;
  if (actor) author.profileUrl = `${BLUESKY_WEB}/profile/${actor}`;
  return author;
}

/** The words of a post, as segments: links, mentions and hashtags as the page links them. */
export function richSegments(root: Element | null): Segment[] {
  const out: Segment[] = [];
  const text = (t: string) => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.text += t;
    else out.push({ kind: 'text', text: t });
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) text(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = el.tagName.toUpperCase();
        if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') continue; // never words
        if (tag === 'A') {
          const seg = linkSegment(el);
          if (seg.kind === 'text') text(seg.text);
          else out.push(seg);
        } else walk(el);
      }
    }
  };
  if (root) walk(root);
  return out;
}

function linkSegment(a: Element): Segment {
  const shown = a.textContent ?? '';
  const href = a.getAttribute('href');
  const path = a.getAttribute('target') === '_blank' ? null : bskyPath(href);
  if (path) {
    const actor = profilePath(path);
    if (actor && shown.trim().startsWith('@')) return { kind: 'mention', text: shown, href: `${BLUESKY_WEB}/profile/${actor}` };
    const tag = hashtagPath(path);
    if (tag !== null) return { kind: 'hashtag', text: shown, href: `${BLUESKY_WEB}/hashtag/${encodeURIComponent(tag)}` };
    const url = webUrl(`${BLUESKY_WEB}${path}`);
    return url ? { kind: 'link', text: shown, href: url } : { kind: 'text', text: shown };
  }
  const url = webUrl(href);
  return url ? { kind: 'link', text: shown, href: url } : { kind: 'text', text: shown };
}

/**
 * Photos (`cdn.bsky.app` feed pictures, at full size, with their alt text) and a video (its
 * playlist and still) of the post's own: not the avatar, a link card's picture or a quote's.
 */
function readMedia(scope: Element, skip: Element[]): Media[] {
  const media: Media[] = [];
  const cards = own(scope, 'a[target="_blank"]', skip);
  const outside = [...skip, ...cards];
  const seen = new Set<string>();
  for (const el of own(scope, 'img[src], [style*="video.bsky.app"], video', outside)) {
    if (el.closest('[data-testid="userAvatarImage"]')) continue;
    if (el.tagName.toUpperCase() === 'IMG') {
      const c = cdnImage(el.getAttribute('src'));
      if (c && POST_PICTURES.has(c.kind) && !seen.has(c.cid)) {
        seen.add(c.cid);
        const image: Media = { kind: 'image', url: cdnUrl('feed_fullsize', c) };
        const alt = el.getAttribute('alt') || el.closest('button[aria-label]')?.getAttribute('aria-label');
        if (alt?.trim()) image.alt = alt;
        media.push(image);
        continue;
      }
    }
    const v = videoStill(el.getAttribute('style') ?? el.getAttribute('poster') ?? el.getAttribute('src'));
    if (v && !seen.has(v.cid)) {
      seen.add(v.cid);
      const urls = videoUrls(v);
      media.push({ kind: 'video', url: urls.playlist, posterUrl: urls.still });
    }
  }
  return media;
}

/** The link card (`a[target=_blank]` outside the words): its address, title, description, site. */
function readCard(scope: Element, skip: Element[]): LinkCard | null {
  const a = own(scope, 'a[target="_blank"][href]', skip).find((e) => !e.closest(POST_TEXT));
  const url = webUrl(a?.getAttribute('href'));
  if (!a || !url) return null;
  const texts = Array.from(a.querySelectorAll('div[dir="auto"]')).map(words).filter(Boolean);
  const card: LinkCard = { url };
  if (texts[0]) card.title = texts[0];
  if (texts.length >= 3) card.description = texts[1];
  if (texts.length >= 2) card.domain = texts[texts.length - 1];
  const c = cdnImage(a.querySelector('img[src]')?.getAttribute('src'));
  if (c) card.image = { url: cdnUrl(c.kind, c) };
  return card;
}

/** The link around the author's avatar (the first avatar of the post's own). */
function avatarLink(post: Element, skip: Element[]): Element | null {
  return ownFirst(post, '[data-testid="userAvatarImage"]', skip)?.closest('a') ?? null;
}

/**
 * "Reposted by Bluesky" above the post → "Bluesky" (in another language, the label's words): a
 * link to a profile before the author's avatar (or, with none, before the header).
 */
function readRepostedBy(post: Element, skip: Element[], header: Element | null): string | null {
  const boundary = avatarLink(post, skip) ?? header;
  if (!boundary) return null;
  for (const a of own(post, 'a[href]', skip)) {
    if (!(a.compareDocumentPosition(boundary) & 4)) break; // the boundary no longer follows
    if (!profilePath(bskyPath(a.getAttribute('href')))) continue;
    const label = words(a).replace(/\s+/g, ' ');
    if (!label) continue;
    return /^reposted by (.+)$/i.exec(label)?.[1] ?? label;
  }
  return null;
}

/**
 * The lines bsky.app draws joining a thread: one above the avatar (in the spacer of the label
 * row) when the post continues one, one below it when the thread goes on.
 */
function readThreadPosition(post: Element, skip: Element[], time: Element | null): ThreadPosition | null {
  const avatar = avatarLink(post, skip);
  if (!avatar || !time) return null;
  let col: Element = avatar;
  while (col.parentElement && !col.parentElement.contains(time)) col = col.parentElement;
  const row = col.parentElement;
  if (!row || row === post) return null;
  const empty = (e: Element | null | undefined) => !!e && e.childElementCount === 0 && !words(e);
  const below = col.childElementCount > 1 && empty(col.lastElementChild) && !col.lastElementChild!.contains(avatar);
  const spacer = row.previousElementSibling?.firstElementChild;
  const above = !!spacer && spacer.childElementCount === 1 && empty(spacer.firstElementChild);
  if (above && below) return 'middle';
  if (above) return 'last';
  if (below) return 'first';
  return null;
}

/** A quoted post: its author, time, words, photos and card. The page links it to nowhere: no id. */
function readQuoted(block: Element, pageUrl: string, capturedAt: string): Post {
  const inner = quoteBlocks(block);
  const time = ownFirst(block, '[data-tooltip]', inner);
  const avatar = cdnImage(ownFirst(block, AVATAR_IMG, inner)?.getAttribute('src'));
  const quoted: Post = {
    id: '',
    site: 'bluesky',
    url: '',
    author: { name: '', handle: '' },
    text: '',
    segments: [],
    media: [],
    capturedAt,
    pageUrl,
    partial: true,
  };
  guard(quoted, () => (quoted.author = readAuthor(block, inner, time?.parentElement ?? null, time, avatar?.did ?? '', '')));
  guard(quoted, () => {
    const created = parseShownTime(time?.getAttribute('data-tooltip') ?? time?.getAttribute('aria-label'));
    if (created) quoted.createdAt = created;
  });
  guard(quoted, () => {
    const wordsEl = own(block, '[data-word-wrap]', inner).find((e) => !e.closest('a[target="_blank"]')) ?? null;
    quoted.segments = richSegments(wordsEl);
    quoted.text = quoted.segments.map((s) => s.text).join('');
  });
  guard(quoted, () => (quoted.media = readMedia(block, inner)));
  guard(quoted, () => {
    const card = readCard(block, inner);
    if (card) quoted.card = card;
  });
  return quoted;
}
