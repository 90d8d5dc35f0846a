// Reading bsky.app's DOM (React Native Web): the small pieces capture/bluesky-page.ts is made
// of. Pure, no layout. Bluesky's class names are generated and change with every release, so
// nothing here names one: posts are found by `data-testid`, and their parts by structure,
// roles and the addresses they link to.
//
// What the page shows of a post (bsky.app, 2026; tests/fixtures/bluesky/pages):
// - the post: `[data-testid^="feedItem-by-<handle>"]` in feeds, `postThreadItem-by-<handle>` in
//   a thread;
// - a label row first ("Reposted by …"), then the avatar column (the avatar link, and the
//   lines joining a thread) beside the content column: the header row (name and `@handle`
//   links, and the time, a link to the post with its date in `aria-label`/`data-tooltip`),
//   `[data-testid="contentHider-post"]` holding `[data-testid="postText"]` and the embed
//   (photos, a video, a link card `a[target=_blank]`, a quoted post `div[role=link]`), and the
//   action row (`replyBtn`, repost, `likeBtn`, then bookmark, share, options);
// - a quoted post: a `div[role="link"]` with its own avatar, name, handle, a time with no link
//   (`data-tooltip` only) and its words in a `div[data-word-wrap]`.
// Pictures come from `cdn.bsky.app/img/<size>/plain/<did>/<cid>@<format>` and a video's still
// from `video.bsky.app/watch/<did, URL-encoded>/<cid>/thumbnail.jpg`: both name the DID of
// the account whose repository holds them — the author's, for the author's own avatar, photos,
// link-card picture and video. That is the only place a post's DID shows on the page.

export const BLUESKY_WEB = 'https://bsky.app';

/** The post elements of bsky.app (feeds, threads). */
export const BLUESKY_POST_SELECTOR = '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]';

const DID = 'did:(?:plc|web):[A-Za-z0-9._:%-]{1,200}';
const CDN_IMAGE = new RegExp(`https?://cdn\\.bsky\\.app/img/([a-z_]{1,40})/plain/(${DID})/([a-z2-7]{20,120})(?:@([a-z]{2,5}))?`);
const VIDEO_STILL = /https?:\/\/video\.bsky\.app\/watch\/(did(?:%3A|:)[A-Za-z0-9._:%-]{1,240})\/([a-z2-7]{20,120})\/thumbnail\.jpg/;
const PROFILE_PATH = /^\/profile\/([^/?#]{1,253})\/?(?:[?#]|$)/;
const POST_PATH = /^\/profile\/([^/?#]{1,253})\/post\/([A-Za-z0-9._~:-]{1,64})\/?(?:[?#]|$)/;
const HASHTAG_PATH = /^\/hashtag\/([^/?#]{1,640})\/?(?:[?#]|$)/;
// An archived copy rewrites the page's own links to `web.archive.org/web/<time>[flags]/<address>`.
const ARCHIVED = /^https?:\/\/web\.archive\.org\/web\/\d{1,20}[a-z_]{0,8}\//;

export const isDid = (s: string): boolean => new RegExp(`^${DID}$`).test(s);

/** A picture on Bluesky's CDN: whose repository holds it, its CID, the size and format asked for. */
export interface CdnImage {
  kind: string;
  did: string;
  cid: string;
  format: string;
}

export function cdnImage(src: string | null | undefined): CdnImage | null {
  const m = CDN_IMAGE.exec(src ?? '');
  return m ? { kind: m[1]!, did: m[2]!, cid: m[3]!, format: m[4] ?? 'jpeg' } : null;
}

export const cdnUrl = (kind: string, image: CdnImage): string =>
  `https://cdn.bsky.app/img/${kind}/plain/${image.did}/${image.cid}@${image.format}`;

/** A video's still (`background-image` or `poster`): the DID and CID of the video. */
export function videoStill(text: string | null | undefined): { did: string; cid: string } | null {
  const m = VIDEO_STILL.exec(text ?? '');
  if (!m) return null;
  let did: string;
  try {
    did = decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
  return isDid(did) ? { did, cid: m[2]! } : null;
}

export const videoUrls = (v: { did: string; cid: string }) => {
  const base = `https://video.bsky.app/watch/${encodeURIComponent(v.did)}/${v.cid}`;
  return { playlist: `${base}/playlist.m3u8`, still: `${base}/thumbnail.jpg` };
};

/**
 * The path on bsky.app a link of the page's own points to (`/profile/alice.bsky.social`), or
 * null for a link elsewhere. The live page writes them root-relative; an archived copy as
 * `web.archive.org/web/<time>/https://bsky.app/…`.
 */
export function bskyPath(href: string | null | undefined): string | null {
  if (!href) return null;
  const h = href.trim().replace(ARCHIVED, '');
  if (h.startsWith('/') && !h.startsWith('//')) return h;
  const m = /^https:\/\/bsky\.app(\/[^\s]*)?$/.exec(h);
  return m ? (m[1] ?? '/') : null;
}

const decode = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

/** `/profile/<actor>/post/<rkey>`: who (a handle or a DID) and which record. */
export function postPath(path: string | null): { actor: string; rkey: string } | null {
  const m = POST_PATH.exec(path ?? '');
  const actor = m && decode(m[1]!);
  return m && actor ? { actor, rkey: m[2]! } : null;
}

/** `/profile/<actor>`: a handle or a DID. */
export function profilePath(path: string | null): string | null {
  const m = PROFILE_PATH.exec(path ?? '');
  return m ? decode(m[1]!) : null;
}

export function hashtagPath(path: string | null): string | null {
  const m = HASHTAG_PATH.exec(path ?? '');
  return m ? decode(m[1]!) : null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * The time bsky.app writes on a post ("April 23, 2026 at 2:00 AM", English only, to the
 * minute, in the reader's own time zone — the zone this runs in) as ISO 8601; null otherwise.
 */
export function parseShownTime(label: string | null | undefined): string | null {
  const m = /^([A-Za-z]{3,9}) (\d{1,2}), (\d{4})(?: at|,) (\d{1,2}):(\d{2})\s?([AP]M)$/i.exec((label ?? '').replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.toLowerCase());
  const day = Number(m[2]);
  let hour = Number(m[4]);
  const minute = Number(m[5]);
  if (month < 0 || day < 1 || day > 31 || hour < 1 || hour > 12 || minute > 59) return null;
  if (m[6]!.toUpperCase() === 'PM' && hour !== 12) hour += 12;
  if (m[6]!.toUpperCase() === 'AM' && hour === 12) hour = 0;
  const date = new Date(Number(m[3]), month, day, hour, minute);
  return Number.isNaN(date.getTime()) || date.getDate() !== day ? null : date.toISOString();
}

/** Visible words of an element: `&nbsp;` as a space, runs of spaces kept, ends trimmed. */
export const words = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\u00a0/g, ' ').trim();

/**
 * The quoted posts shown inside `scope` (not `scope` itself): a `div[role=link]` with a time
 * (`data-tooltip`) in it. A quote inside a quote is the outer one's business.
 */
export function quoteBlocks(scope: Element): Element[] {
  const all = Array.from(scope.querySelectorAll('div[role="link"]')).filter((d) => d !== scope && d.querySelector('[data-tooltip]'));
  return all.filter((d) => !all.some((o) => o !== d && o.contains(d)));
}

/** Elements matching `selector` inside `scope` and outside every block in `skip`. */
export function own<E extends Element = Element>(scope: Element, selector: string, skip: Element[]): E[] {
  return Array.from(scope.querySelectorAll<E>(selector)).filter((e) => !skip.some((b) => b.contains(e)));
}

export function ownFirst<E extends Element = Element>(scope: Element, selector: string, skip: Element[]): E | null {
  for (const e of Array.from(scope.querySelectorAll<E>(selector))) if (!skip.some((b) => b.contains(e))) return e;
  return null;
}
