// Mastodon capture from the page (an instance's web app, e.g. mastodon.social/home): reads one
// status element into a Post. Pure DOM reading, no layout, no fetching, no `innerText`. Every
// post it reads is `partial`: the background reads it whole from the API (capture/mastodon-api.ts).
//
// A post's id is `mastodon:<the status's address on its HOME instance>` (model/networks.ts), but
// the page mostly shows the VIEWING instance's own ids: every link is `/@<acct>/<local id>`, where
// `acct` is `user` for a local account and `user@host` for a remote one. So the page names a post
// only when the status is local (its address is `<this origin>/@user/<id>`), or when it shows the
// home address itself: the web app's older `.js` components and glitch-soc link a status's time to
// `status.url` (Mastodon's own `/@acct/<id>` since its `.jsx`/`.tsx` components), and the status's
// own page puts `<link rel="canonical" href={status.url}>` in the head. Otherwise the caller resolves the local id through the instance's API and says what it
// learnt (`knownUrl`).
//
// What the page is (Mastodon's web app, 4.3 to today's main; the class names are its stable CSS, not
// generated; see tests/fixtures/mastodon/SOURCES.md, "pages", for the source files followed):
// - a timeline item: `article[data-id]` > `div.status__wrapper` > (`div.status__prepend`: "… boosted",
//   "Replied to …") + `div.status[data-id=<local id>]`, which holds `div.status__info` (the author
//   link `a.status__display-name[href=/@acct]` with `div.status__avatar` and `span.display-name` >
//   `bdi > strong.display-name__html` + `span.display-name__account`; the time link
//   `a.status__relative-time[href=/@acct/<id>]` > `time[datetime]`), the content warning
//   `div.content-warning > p`, the words `div.status__content > div.status__content__text`, the
//   media (`div.media-gallery`, `div.video-player`), `div.hashtag-bar`, a quoted post
//   (`div.status__quote` > … > `div.status.status--is-quote[data-id]`, no action bar of its own),
//   and the action bar `div.status__action-bar`;
// - a status's own page: ancestors and descendants as above (no `article`), and between them
//   `div.detailed-status__wrapper` > `div` > `div.detailed-status` (no data-id; the time is
//   `a.detailed-status__datetime[href=/@acct/<id>]` > `time[datetime]` in `.detailed-status__meta`),
//   with the action bar `div.detailed-status__action-bar` BESIDE it, not inside.
// Mastodon 4.5+ renders the words' links itself (HandledLink): hashtags and mentions become
// root-relative links (`/tags/x`, `/@user@host`), which are made absolute against the page here.
// The feature-flagged redesign (CSS modules, generated class names) is not read.
import type { Author, Media, Post, Segment } from '../model/post';
import { mastodonPostId } from '../model/networks';
import { HANDLE, POST_LIMITS } from '../model/post-schema';
import { webUrl } from '../model/validate';
import { segmentsFromContent } from './mastodon-html';
import { finish } from './read-post';
import { cut, isoTime, oneLine } from './plain-text';

/**
 * Each status's element, once: a timeline status (`.status[data-id]`) and a status's own page
 * (`.detailed-status`), never a quoted status shown inside another one (`.status--is-quote`).
 * `isQuotedStatus` says the same of an element by where it sits, for a version that names it
 * otherwise.
 */
export const MASTODON_POST_SELECTOR = '.status[data-id]:not(.status--is-quote), .detailed-status';

/** Any status element, quoted ones too: what owns the parts inside it. */
const ANY_STATUS = '.status[data-id], .detailed-status';
/** What a part belongs to: the nearest status around it (a quoted post's parts are the quote's). */
const OWNER = '.status, .detailed-status';
const TIME_LINK = 'a.status__relative-time[href]';
const DATETIME_LINK = 'a.detailed-status__datetime[href]';
const AUTHOR_LINK = 'a.status__display-name[href], a.detailed-status__display-name[href]';
const AVATAR = '.status__avatar img[src], .detailed-status__display-avatar img[src]';
const MAX_ALT = POST_LIMITS.shortText;

/** The page's address for a status (`/@acct/<id>`, in the advanced web UI `/deck/@acct/<id>`). */
const STATUS_PATH = /^(?:\/deck)?\/@([^/?#\s]{1,330})\/(\d{1,30})\/?$/;
/** The web app's own route for a status, which names no account. */
const STATUSES_PATH = /^(?:\/deck)?\/statuses\/(\d{1,30})\/?$/;
/** An account's page (`/@acct`): where the author links go. */
const PROFILE_PATH = /^(?:\/deck)?\/@([^/?#\s]{1,330})\/?$/;
const USER = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
const LOCAL_ID = /^\d{1,30}$/;
const LANG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** The status an element shows, as the page names it. */
export interface MastodonStatusOnPage {
  /** The status's id on the instance whose page this is. */
  localId: string;
  /** `user` for an account of this instance, else `user@host`. */
  acct: string;
  /** The account is this instance's own: the page knows the status's home address. */
  local: boolean;
  /** The status's address on its home instance, when the page gives it. */
  statusUrl?: string;
}

/** A quoted status shown inside another status: not a post of its own on this page. */
export function isQuotedStatus(el: Element): boolean {
  try {
    if (el.classList.contains('status--is-quote')) return true;
    // Another status (or its quote box) around this one: it is that status's quote.
    return el.parentElement?.closest(`.status__quote, ${OWNER}`) != null;
  } catch {
    return false;
  }
}

/** The status elements under `root` (and `root` itself if it is one), in document order, quotes left out. */
export function findMastodonPosts(root: ParentNode): Element[] {
  try {
    const all = Array.from(root.querySelectorAll(MASTODON_POST_SELECTOR));
    const self = root as Partial<Element>;
    if (typeof self.matches === 'function' && self.matches(MASTODON_POST_SELECTOR)) all.unshift(root as Element);
    return all.filter((el) => !isQuotedStatus(el));
  } catch {
    return [];
  }
}

// ---- which status: ids and addresses ----

/**
 * The status a page's address is about (`/@acct/<id>`, `/deck/@acct/<id>`; `/statuses/<id>`
 * with acct ''), for "Clip thread"; null for any other page (`/@user`, `/@user/media`, `/explore`).
 */
export function mastodonPagePost(pageUrl: string): { localId: string; acct: string } | null {
  let u: URL;
  try {
    u = new URL(pageUrl);
  } catch {
    return null;
  }
  const byAccount = STATUS_PATH.exec(u.pathname);
  if (byAccount) {
    const acct = normalAcct(byAccount[1]!);
    return acct ? { localId: byAccount[2]!, acct } : null;
  }
  const bare = STATUSES_PATH.exec(u.pathname);
  return bare ? { localId: bare[1]!, acct: '' } : null;
}

/**
 * The status `el` shows: its local id and account from its own time link (never a quoted
 * post's), whether the account is this instance's, and its home address when the page gives it
 * (see the top of this file). Null when the page does not name it. Hot path: a few selector
 * lookups, no layout.
 */
export function mastodonStatusOnPage(el: Element, pageUrl: string): MastodonStatusOnPage | null {
  try {
    const page = pageOf(pageUrl);
    if (!page) return null;
    const detailed = el.classList.contains('detailed-status');
    const link = ownFirst(el, detailed ? DATETIME_LINK : TIME_LINK);
    const ref = statusLink(link?.getAttribute('href'), page);
    let localId = '';
    let acct = '';
    let homeUrl: string | undefined;
    if (ref && 'localId' in ref) {
      ({ localId, acct } = ref);
    } else {
      // The time links elsewhere (the home address) or is missing: the author link names the
      // account; a timeline status carries its local id, a status's own page has it in its address.
      homeUrl = ref?.homeUrl;
      acct = ownAcct(el, page);
      localId = detailed ? pageStatusId(page, acct) : (LOCAL_ID.exec(el.getAttribute('data-id') ?? '')?.[0] ?? '');
    }
    if (!localId || !acct) return null;
    const local = isLocal(acct, page);
    const out: MastodonStatusOnPage = { localId, acct, local };
    const statusUrl = homeUrl ?? (local ? `${page.origin}/@${acct.split('@')[0]}/${localId}` : detailed ? canonicalUrl(el, page, localId, acct) : undefined);
    if (statusUrl) out.statusUrl = statusUrl;
    return out;
  } catch {
    return null;
  }
}

/**
 * `mastodon:<home address>` of the status `el` shows, when the page names it or `knownUrl` (the
 * caller's cache of what the instance's API said of a local id) knows it; null otherwise. Hot
 * path (every status of an endless timeline).
 */
export function mastodonPostIdOnPage(el: Element, pageUrl: string, knownUrl?: (localId: string) => string | undefined): string | null {
  try {
    const on = mastodonStatusOnPage(el, pageUrl);
    if (!on) return null;
    const url = on.statusUrl ?? knownUrl?.(on.localId);
    return url ? mastodonPostId(url) : null;
  } catch {
    return null;
  }
}

/**
 * A link to a status on this page: same origin → the local id and account it names; another
 * host → the home address (what older versions and glitch-soc link the time to). Null otherwise.
 */
function statusLink(href: string | null | undefined, page: URL): { localId: string; acct: string } | { homeUrl: string } | null {
  if (!href) return null;
  let u: URL;
  try {
    u = new URL(href, page);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (u.origin === page.origin) {
    const m = STATUS_PATH.exec(u.pathname);
    const acct = m ? normalAcct(m[1]!) : '';
    return m && acct ? { localId: m[2]!, acct } : null;
  }
  const home = webUrl(`${u.origin}${u.pathname}`);
  return home && mastodonPostId(home) ? { homeUrl: home } : null;
}

/** The account the status's author link (or its title, `@acct`) names, normalised; '' when none. */
function ownAcct(el: Element, page: URL): string {
  const a = ownFirst(el, AUTHOR_LINK);
  if (!a) return '';
  try {
    const u = new URL(a.getAttribute('href') ?? '', page);
    const m = u.origin === page.origin ? PROFILE_PATH.exec(u.pathname) : null;
    if (m) return normalAcct(m[1]!);
  } catch {
    /* not an address: the title may still say */
  }
  return normalAcct((a.getAttribute('title') ?? '').trim());
}

/** The local id the page's address gives, when it is this account's status (or names no account). */
function pageStatusId(page: URL, acct: string): string {
  const p = mastodonPagePost(page.href);
  if (!p) return '';
  return !p.acct || sameAcct(p.acct, acct, page) ? p.localId : '';
}

/**
 * The home address in the page's `<link rel="canonical">`, which the web app sets to
 * `status.url` on a status's own page. Trusted only where it cannot be another page's: this is
 * the page of this very status, every canonical link agrees, and it is on the account's domain
 * (or a subdomain of it, the web domain of an instance whose accounts are named by a shorter one).
 */
function canonicalUrl(el: Element, page: URL, localId: string, acct: string): string | undefined {
  const p = mastodonPagePost(page.href);
  if (!p || p.localId !== localId || (p.acct && !sameAcct(p.acct, acct, page))) return undefined;
  const hrefs = new Set(Array.from(el.ownerDocument?.querySelectorAll('link[rel="canonical"][href]') ?? []).map((l) => l.getAttribute('href') ?? ''));
  if (hrefs.size !== 1) return undefined;
  const url = webUrl([...hrefs][0]);
  if (!url) return undefined;
  const u = new URL(url);
  const domain = acct.slice(acct.indexOf('@') + 1).replace(/:\d+$/, '');
  if (u.host === page.host || (u.hostname !== domain && !u.hostname.endsWith(`.${domain}`))) return undefined;
  const home = `${u.origin}${u.pathname}`;
  return mastodonPostId(home) ? home : undefined;
}

/** `user` or `user@host` (host as a URL parser gives it: lower case, punycode), or '' when it is none. */
function normalAcct(raw: string): string {
  let s: string;
  try {
    s = decodeURIComponent(raw).trim().replace(/^@/, '');
  } catch {
    return '';
  }
  const at = s.indexOf('@');
  const user = at < 0 ? s : s.slice(0, at);
  if (!USER.test(user)) return '';
  if (at < 0) return user;
  const domain = s.slice(at + 1);
  if (!domain || /[/?#@\\\s]/.test(domain)) return '';
  try {
    return `${user}@${new URL(`https://${domain}`).host}`;
  } catch {
    return '';
  }
}

/** An account of this instance: no host, or the page's own. */
function isLocal(acct: string, page: URL): boolean {
  const at = acct.indexOf('@');
  if (at < 0) return true;
  const host = acct.slice(at + 1);
  return host === page.host || host === page.hostname;
}

function sameAcct(a: string, b: string, page: URL): boolean {
  const plain = (acct: string) => (isLocal(acct, page) ? acct.split('@')[0]!.toLowerCase() : acct.toLowerCase());
  return plain(a) === plain(b);
}

function pageOf(pageUrl: string): URL | null {
  try {
    const u = new URL(pageUrl);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

// ---- the parts of a status ----

/** Elements matching `selector` inside `post` that are its own (not a quoted post's). */
function ownAll(post: Element, selector: string): Element[] {
  return Array.from(post.querySelectorAll(selector)).filter((e) => e.closest(OWNER) === post);
}

function ownFirst(post: Element, selector: string): Element | null {
  for (const e of Array.from(post.querySelectorAll(selector))) if (e.closest(OWNER) === post) return e;
  return null;
}

/** Where the "Clip post" button goes: the status's own action bar, else the status itself. */
export function mastodonButtonPlace(el: Element): Element {
  try {
    if (el.classList.contains('detailed-status')) {
      // The status page renders the action bar as a sibling of DetailedStatus's outer div,
      // inside `.detailed-status__wrapper`: look beside each ancestor up to that wrapper.
      for (let node: Element | null = el, up = 0; node && up < 4; node = node.parentElement, up++) {
        for (let sib = node.nextElementSibling; sib; sib = sib.nextElementSibling) {
          if (sib.classList.contains('detailed-status__action-bar')) return sib;
        }
        if (node.classList.contains('detailed-status__wrapper')) break;
      }
      return ownFirst(el, '.detailed-status__action-bar') ?? el;
    }
    return ownFirst(el, '.status__action-bar') ?? el;
  } catch {
    return el;
  }
}

/** Runs one reader; a reader that throws leaves the field as it was (the post is partial anyway). */
function guard(read: () => void): void {
  try {
    read();
  } catch {
    /* left out */
  }
}

/**
 * The status as the page shows it, `partial` (the background reads it whole from the API), or
 * null when `statusUrl` (its home address: `mastodonStatusOnPage`'s, or the API's) names no
 * status or the post does not pass the post schema. `capturedAt` is ISO 8601. Never throws;
 * whatever the page holds comes out as text, never markup.
 */
export function captureMastodonPost(el: Element, pageUrl: string, capturedAt: string, statusUrl: string): Post | null {
  try {
    const post = el.matches(ANY_STATUS) ? el : el.closest(MASTODON_POST_SELECTOR);
    const page = pageOf(pageUrl);
    const url = webUrl(statusUrl);
    const id = url ? mastodonPostId(url) : null;
    if (!post || !page || !url || !id) return null;
    const out = readStatusEl(post, page, pageUrl, capturedAt, id, url);
    guard(() => {
      const by = repostedBy(post);
      if (by) out.repostedBy = by;
    });
    guard(() => {
      if (post.parentElement?.getAttribute('data-featured') === 'true') out.pinned = true;
    });
    guard(() => {
      const quoted = ownFirst(post, '.status__quote')?.querySelector('.status[data-id]');
      if (quoted) out.quoted = readQuoted(quoted, page, pageUrl, capturedAt);
    });
    const done = finish(out);
    return done.ok ? done.post : null;
  } catch {
    return null;
  }
}

/** A quoted post: what it shows, with its id and address when the page gives them, else ''. */
function readQuoted(q: Element, page: URL, pageUrl: string, capturedAt: string): Post {
  const home = mastodonStatusOnPage(q, pageUrl)?.statusUrl;
  const id = home ? mastodonPostId(home) : null;
  return readStatusEl(q, page, pageUrl, capturedAt, id ?? '', id ? home! : '');
}

/** What one status element shows: author, time, warning, words, media. */
function readStatusEl(post: Element, page: URL, pageUrl: string, capturedAt: string, id: string, url: string): Post {
  const acct = mastodonStatusOnPage(post, pageUrl)?.acct ?? ownAcct(post, page);
  const out: Post = {
    id,
    site: 'mastodon',
    url,
    author: { name: '', handle: handleOf(acct, page) },
    text: '',
    segments: [],
    media: [],
    capturedAt,
    pageUrl,
    partial: true,
  };
  if (url) out.instance = new URL(url).host;
  guard(() => (out.author = readAuthor(post, page, acct)));
  guard(() => {
    const created = isoTime(ownFirst(post, `${TIME_LINK} time[datetime], ${DATETIME_LINK} time[datetime]`)?.getAttribute('datetime'));
    if (created) out.createdAt = created;
  });
  guard(() => {
    const warning = contentWarning(post);
    if (warning) out.contentWarning = warning;
  });
  guard(() => {
    const content = ownFirst(post, '.status__content__text') ?? ownFirst(post, '.status__content');
    if (content) {
      // A quote's fallback ("RE: <link>") is not shown beside the quote itself.
      const quote = !!ownFirst(post, '.status__quote, .status__quote-author-button');
      const words = segmentsFromContent(absoluteLinks(content, page), { dropQuoteInline: quote });
      out.segments = words.segments;
      if (words.truncated) out.truncated = true;
      const lang = content.getAttribute('lang') ?? '';
      if (lang.length <= 35 && LANG.test(lang)) out.lang = lang;
    }
    out.segments = withHashtagBar(out.segments, post, page);
    out.text = out.segments.map((s) => s.text).join('');
  });
  guard(() => (out.media = readMedia(post, page)));
  return out;
}

/**
 * Name (the display name's words, a custom emoji as its `:shortcode:`), handle (`user@host`, as
 * capture/mastodon-api.ts writes it), avatar and profile link.
 */
function readAuthor(post: Element, page: URL, acct: string): Author {
  const handle = handleOf(acct, page);
  const user = acct.split('@')[0] ?? '';
  const name = textOf(ownFirst(post, '.display-name__html'));
  const author: Author = { name: name || user || handle, handle };
  const avatar = absolute(ownFirst(post, AVATAR)?.getAttribute('src'), page);
  if (avatar) author.avatarUrl = avatar;
  const profile = absolute(ownFirst(post, AUTHOR_LINK)?.getAttribute('href'), page);
  if (profile) author.profileUrl = profile;
  return author;
}

/**
 * `user@host`: a local account's host is the instance's (with a port, on a test server, the
 * handle stays `user`, as a handle has no port); '' when the account is none Roundup can read.
 */
function handleOf(acct: string, page: URL): string {
  if (!acct) return '';
  const at = acct.indexOf('@');
  let handle: string;
  if (at < 0) handle = page.port ? acct : `${acct}@${page.hostname}`;
  else {
    const host = acct.slice(at + 1);
    handle = host.includes(':') ? '' : `${acct.slice(0, at)}@${host}`;
  }
  return handle.length <= 510 && HANDLE.test(handle) ? handle : '';
}

/** The warning the author wrote (not a filter's), as text; older versions' spoiler span too. */
function contentWarning(post: Element): string {
  const p = ownAll(post, '.content-warning p').find((e) => !e.closest('.content-warning--filter'));
  return textOf(p ?? ownFirst(post, '.status__content__spoiler-text'));
}

/** "<name> boosted" above the status: the booster's name (custom emoji as `:shortcode:`), else `@acct`. */
function repostedBy(post: Element): string {
  if (!post.classList.contains('status')) return '';
  const wrapper = post.parentElement;
  if (!wrapper) return '';
  for (const prepend of Array.from(wrapper.children)) {
    if (prepend === post) break;
    if (!prepend.classList.contains('status__prepend') || !prepend.querySelector('.icon-retweet')) continue;
    const a = prepend.querySelector('a[href]');
    const name = textOf(a);
    if (name) return name;
    const title = oneLine(a?.getAttribute('title'), MAX_ALT).replace(/^@?/, '');
    return title ? `@${title}` : '';
  }
  return '';
}

/**
 * Pictures (the full-size address the thumbnail links to, with their alt text), GIFs and videos
 * (their poster) of the status's own, in the order shown. Media hidden behind "Sensitive
 * content" shows no address and is left out.
 */
function readMedia(post: Element, page: URL): Media[] {
  const media: Media[] = [];
  const add = (m: Media | null) => {
    if (m && media.length < POST_LIMITS.media && !media.some((x) => x.url === m.url)) media.push(m);
  };
  for (const el of ownAll(post, '.media-gallery__item, .video-player video')) {
    if (el.tagName.toUpperCase() === 'VIDEO') {
      add(videoOf(el, 'video', page));
      continue;
    }
    const video = el.querySelector('video');
    if (video) {
      // In a gallery a GIF and a video look alike; the badge says which ("GIF" or a duration).
      const badge = Array.from(el.querySelectorAll('.media-gallery__alt__label--non-interactive')).map((b) => (b.textContent ?? '').trim());
      add(videoOf(video, badge.length && !badge.includes('GIF') ? 'video' : 'gif', page));
      continue;
    }
    const img = el.querySelector('img[src]');
    const url = absolute(el.querySelector('a.media-gallery__item-thumbnail[href]')?.getAttribute('href'), page) ?? absolute(img?.getAttribute('src'), page);
    if (!url) continue;
    const image: Media = { kind: 'image', url };
    const alt = cut((img?.getAttribute('alt') ?? '').trim(), MAX_ALT);
    if (alt) image.alt = alt;
    add(image);
  }
  return media;
}

function videoOf(video: Element, kind: 'video' | 'gif', page: URL): Media | null {
  const url = absolute(video.getAttribute('src'), page);
  if (!url) return null;
  const m: Media = { kind, url };
  const alt = cut((video.getAttribute('aria-label') || video.getAttribute('title') || '').trim(), MAX_ALT);
  if (alt) m.alt = alt;
  const poster = absolute(video.getAttribute('poster'), page);
  if (poster) m.posterUrl = poster;
  return m;
}

/**
 * The words' element with its root-relative links (`/tags/x`, `/@user@host`, which Mastodon
 * 4.5+ writes) made absolute: a copy in an inert document (no browsing context: nothing in it
 * loads or runs), so the page's own DOM is never touched. Unchanged when there are none.
 */
function absoluteLinks(content: Element, page: URL): ParentNode {
  const relative = (href: string | null) => !!href && href.startsWith('/') && !href.startsWith('//');
  if (!Array.from(content.querySelectorAll('a[href]')).some((a) => relative(a.getAttribute('href')))) return content;
  const inert = content.ownerDocument.implementation.createHTMLDocument('');
  const copy = inert.importNode(content, true) as Element;
  for (const a of Array.from(copy.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href');
    if (relative(href)) a.setAttribute('href', absolute(href, page) ?? '');
  }
  return copy;
}

/**
 * The hashtag bar: Mastodon takes a last line of only hashtags out of the words and shows it
 * under them (with tags the status has but does not write). Put back as a last paragraph.
 */
function withHashtagBar(segments: Segment[], post: Element, page: URL): Segment[] {
  const tags = ownAll(post, '.hashtag-bar a[href]');
  if (tags.length === 0) return segments;
  const out = [...segments];
  const text = (t: string) => {
    const last = out[out.length - 1];
    // A new segment, not the words reader's own one changed in place.
    if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + t };
    else out.push({ kind: 'text', text: t });
  };
  for (const a of tags) {
    const words = oneLine(a.textContent, MAX_ALT);
    const href = absolute(a.getAttribute('href'), page);
    if (!words || out.length >= POST_LIMITS.segments - 2) continue;
    if (out.length > 0) text(out[out.length - 1]!.kind === 'hashtag' ? ' ' : '\n\n');
    if (href) out.push({ kind: 'hashtag', text: words, href });
    else text(words);
  }
  return out;
}

// ---- small helpers ----

/** An address on the page (maybe root-relative) as an absolute http(s) one, `/deck` left out; null otherwise. */
function absolute(href: string | null | undefined, page: URL): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), page);
    if (u.origin === page.origin && u.pathname.startsWith('/deck/')) u.pathname = u.pathname.slice('/deck'.length);
    return webUrl(u.href);
  } catch {
    return null;
  }
}

/** An element's words on one line: a custom emoji as its `:shortcode:`, never markup. */
function textOf(el: Element | null | undefined): string {
  return el ? oneLine(segmentsFromContent(el).text, MAX_ALT) : '';
}



