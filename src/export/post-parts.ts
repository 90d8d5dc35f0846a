// What every format needs to know about one post, decided once: its permalink, its date
// as readers see it (in the roundup's language: locale.ts), its author as the network writes
// them, its content warning, its words as segments with only safe links, its photos, its link card.
import type { Media, Post, Segment } from '../model/post';
import { blueskyIdParts, mastodonIdUrl } from '../model/networks';
import { cleanText, oneLine } from './paragraphs';
import { safeUrl } from './escape';
import type { PictureSource } from './pictures';
import type { ExportLocale } from './locale';
import type { ExportWords } from './words';

const X_HOSTS = new Set(['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com', 'mobile.x.com']);
// Handles are at most 15 characters today; a few older accounts have longer ones.
const X_STATUS_PATH = /^\/([A-Za-z0-9_]{1,50})\/status(?:es)?\/(\d{1,25})(?:\/|$)/;

/**
 * The post's link. X status links are rewritten to the `https://twitter.com/handle/status/ID`
 * form of X's own embed code, which widgets.js and WordPress's oEmbed both recognise.
 * Null when the stored url is not http(s) (a quoted post X showed without a link).
 */
export function permalink(post: Pick<Post, 'url'>): string | null {
  const href = safeUrl(post.url);
  if (!href) return null;
  const url = new URL(href);
  if (!X_HOSTS.has(url.hostname)) return href;
  // `/i/web/status/ID` (a post whose author the page did not show): the form X serves for any post.
  const noAuthor = /^\/i(?:\/web)?\/status\/(\d{1,25})(?:\/|$)/.exec(url.pathname);
  if (noAuthor) return `https://twitter.com/i/web/status/${noAuthor[1]}`;
  const match = X_STATUS_PATH.exec(url.pathname);
  return match ? `https://twitter.com/${match[1]}/status/${match[2]}` : href;
}

/**
 * For an item whose post is gone from the data: a link that may still work, from the id alone.
 * - X: `https://twitter.com/i/web/status/<id>`, the form X serves for any post;
 * - Bluesky: `https://bsky.app/profile/<did>/post/<rkey>` (a DID stands for the handle there);
 * - Mastodon: the status's own address, which its id is.
 */
export function missingPostLink(postId: string): string | null {
  const x = /^x:(\d{1,25})$/.exec(postId);
  if (x) return `https://twitter.com/i/web/status/${x[1]}`;
  const bluesky = blueskyIdParts(postId);
  if (bluesky) return safeUrl(`https://bsky.app/profile/${bluesky.did}/post/${bluesky.rkey}`);
  const mastodon = mastodonIdUrl(postId);
  return mastodon ? safeUrl(mastodon) : null;
}

export interface Attribution {
  name: string;
  /** Without `@`; empty when unknown. */
  handle: string;
  date: string | null;
  href: string | null;
}

/**
 * The handle as its network writes it: X's a name (`janedoe`), Bluesky's a domain (`alice.bsky.social`),
 * Mastodon's with the author's instance (`carol@mastodon.social`), which, when capture gave the
 * user alone, is the host of the status's own address (it lives on the author's instance).
 */
function handleOf(post: Post): string {
  const handle = oneLine(post.author?.handle).replace(/^@/, '');
  if (post.site !== 'mastodon' || !handle || handle.includes('@')) return handle;
  const home = safeUrl(post.url);
  return home ? `${handle}@${new URL(home).host}` : handle;
}

export function attribution(post: Post, locale: ExportLocale): Attribution {
  return {
    name: oneLine(post.author?.name) || oneLine(post.author?.handle) || locale.words.unknownAuthor,
    handle: handleOf(post),
    date: locale.date(post.createdAt),
    href: permalink(post),
  };
}

/** The author's content warning, on one line; '' when there is none. */
export function contentWarning(post: Post): string {
  return oneLine(post.contentWarning);
}

/** `Name (@handle)`, the wording of X's, Bluesky's and Mastodon's embed code. */
export function byline(a: Attribution): string {
  return a.handle ? `${a.name} (@${a.handle})` : a.name;
}

/** A piece of the post's words: plain text, or text with a link that is safe to emit. */
export type Piece = { kind: Segment['kind']; text: string; href: string | null };

/**
 * The rich-text segments, links resolved against the post's own url and dropped to plain
 * text unless http(s). Falls back to the plain `text` when capture found no segments.
 */
export function pieces(post: Post): Piece[] {
  const segments: Segment[] = post.segments?.length ? post.segments : [{ kind: 'text', text: post.text }];
  const base = safeUrl(post.url) ?? undefined;
  return segments.map((seg) => ({
    kind: seg.kind,
    text: cleanText(seg.text),
    href: 'href' in seg ? safeUrl(seg.href, base) : null,
  }));
}

// A bare address as X shows it ("example.org/path"), with no scheme.
const BARE_ADDRESS = /^[\p{L}\p{N}.-]+\.[\p{L}]{2,}(\/\S*)?$/u;

const viaShortener = (href: string): boolean => new URL(href).hostname === 't.co';

/**
 * A link as words, for a reader who cannot follow it (plain text; inside Mastodon's one embed
 * link): its target, in full (the words are often shortened). But X shows the real address and
 * links it through t.co, which hides where it goes: then a whole address as X showed it (not
 * ending in "…") is the better one. Mentions and hashtags are their words.
 */
export function linkWords(p: Piece): string {
  if (!p.href || p.kind !== 'link') return p.text;
  const shown = p.text.trim();
  const whole = !shown.includes('…') && (safeUrl(shown) !== null || BARE_ADDRESS.test(shown));
  return whole && viaShortener(p.href) ? p.text : p.href;
}

/** Splits pieces at line breaks: formats that prefix every line (quotes) need lines. */
export function pieceLines(list: Piece[]): Piece[][] {
  const lines: Piece[][] = [[]];
  for (const piece of list) {
    piece.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ ...piece, text: part });
    });
  }
  return lines;
}

export interface MediaView {
  kind: Media['kind'];
  /** What to show: the photo, or a video's poster still. */
  src: string | null;
  alt: string;
}

/**
 * Media with only safe URLs (or what `src` makes of them: see pictures.ts); a video shows its
 * poster (its own url is often blob:).
 */
export function mediaViews(post: Post, src: PictureSource = safeUrl): MediaView[] {
  return (post.media ?? []).map((m) => ({
    kind: m.kind,
    src: src(m.kind === 'image' ? m.url : m.posterUrl),
    alt: oneLine(m.alt),
  }));
}

/**
 * The post for an item, or undefined. `Object.hasOwn` so an id like `__proto__` or
 * `constructor` finds nothing instead of Object.prototype's members.
 */
export function lookupPost(posts: Record<string, Post>, id: string): Post | undefined {
  return Object.hasOwn(posts, id) ? posts[id] : undefined;
}

/** Words for a medium, with its alt text when it has some, so a reader knows something was there. */
export function mediaLabel(m: MediaView, words: ExportWords): string {
  const kind = m.kind === 'image' ? words.image : m.kind === 'gif' ? words.gif : words.video;
  return m.alt ? `${kind}${words.colon}${m.alt}` : kind;
}

/** A post's link card as every format shows it: one line of words, and a link if http(s). */
export interface LinkCardView {
  title: string;
  domain: string;
  href: string | null;
}

/** The link card, or null when it has nothing a reader could use. */
export function linkCardView(post: Post): LinkCardView | null {
  if (!post.card) return null;
  const view = { title: oneLine(post.card.title), domain: oneLine(post.card.domain), href: safeUrl(post.card.url) };
  return view.title || view.domain || view.href ? view : null;
}

/** `Title — domain`, or whichever of the two is known, else the address itself. */
export function linkCardLabel(card: LinkCardView): string {
  return [card.title, card.domain].filter(Boolean).join(' — ') || card.href || '';
}
