// A Mastodon instance's public REST API read into Roundup's Post. Pure: it takes the parsed
// JSON of an answer and never fetches, throws or trusts it. Whatever comes out has passed
// `parsePost` (model/parse-post.ts), the check every stored post passes; what cannot be read
// is left out, and the post is marked `partial` when something it showed could not be kept
// (an unreadable date, an audio file, a poll, a quoted post that cannot be read).
//
// The answers read (docs.joinmastodon.org, methods/statuses.md and methods/instance.md):
// - `GET /api/v1/statuses/:id` → a Status (`readStatus`); any Status in a timeline reads the same.
// - `GET /api/v1/statuses/:id/context` → `{ ancestors, descendants }` (`readContext`): the
//   author's own thread around the status.
// - `GET /api/v2/instance` (or v1 on Mastodon before 4.0) → whether the host answers as a
//   Mastodon instance, and its name (`readInstance`).
// - an error status and body (`readApiError`): what to tell the writer.
//
// Ids are per instance: the same status has another id on every instance that holds it. So a
// post is `mastodon:<its address on its home instance>` (model/networks.ts), and its `url` is
// the status's address on its author's own instance (Status `url`, else `uri`).
//
// The status's `content` is HTML; `at.parse` makes it a DOM (DOMParser: it never runs what it
// parses) and capture/mastodon-html.ts walks it. Custom emoji stay `:shortcode:` as Mastodon
// writes them; in the text they become emoji segments, in names they stay as they are.
import type { Author, LinkCard, Media, Post, Segment } from '../model/post';
import { mastodonPostId } from '../model/networks';
import { HANDLE, POST_LIMITS } from '../model/post-schema';
import { isRecord, webUrl } from '../model/validate';
import { segmentsFromContent } from './mastodon-html';
import { earliest, finish, markThread, type ReadPost } from './read-post';
import { cut, isoTime, oneLine } from './plain-text';
import { sentences, t } from '../platform/i18n';
import { tryAgainIn } from './api-error';

/** Where and when a status was read, and how to parse its HTML. */
export interface MastodonReadAt {
  capturedAt: string;
  pageUrl: string;
  /** The host of the instance whose API answered (`mastodon.social`); the ids are its own. */
  instance: string;
  /** HTML to a DOM to walk: `new DOMParser().parseFromString(html, 'text/html')`. Must not run it. */
  parse(html: string): ParentNode;
}

export type { ReadPost } from './read-post';

/** Posts read from an answer, in order, and a line for each one that could not be. */
export interface ReadPosts {
  posts: Post[];
  errors: string[];
}

export type ReadInstance = { ok: true; domain: string; title: string; version: string } | { ok: false; error: 'not a Mastodon instance' };

/** What Roundup says over a status its author marked sensitive without writing a warning. */
export const SENSITIVE_MEDIA = 'Sensitive media';

const HOST = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?(?::\d{1,5})?$/;
const LANG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;
const SHORTCODE = /^[A-Za-z0-9_]{1,100}$/;
/** How far a thread is followed up or down: far beyond any real self-thread. */
const MAX_THREAD = 1000;
const MAX_ALT = POST_LIMITS.shortText;

// ---- one status ----

/**
 * A Status (`GET /api/v1/statuses/:id`, or any in a timeline) as a Post. A boost is the
 * boosted status, with `repostedBy` the booster as Mastodon's "… boosted" line names them:
 * their display name, else `@user@host`.
 */
export function readStatus(status: unknown, at: MastodonReadAt): ReadPost {
  const host = instanceHost(at?.instance);
  if (!host) return { ok: false, error: `The instance ${describe(at?.instance)} is not a host name.` };
  if (!isRecord(status)) return { ok: false, error: `The status is not an object (${describe(status)}).` };
  if (isRecord(status.reblog)) {
    const read = readOne(status.reblog, at, host, false);
    if (!read.ok) return read;
    const by = booster(status.account, host);
    if (by) read.post.repostedBy = by;
    return finish(read.post);
  }
  const read = readOne(status, at, host, false);
  return read.ok ? finish(read.post) : read;
}


function readOne(s: Record<string, unknown>, at: MastodonReadAt, host: string, quoted: boolean): ReadPost {
  const rawId = typeof s.id === 'number' && Number.isSafeInteger(s.id) ? String(s.id) : s.id;
  if (typeof rawId !== 'string' || !/^[A-Za-z0-9]{1,40}$/.test(rawId)) return { ok: false, error: `The status has no id Roundup can read (${describe(s.id)}).` };
  // The status's address on its home instance names it, whichever instance it was read from.
  const url = webUrl(s.url) ?? webUrl(s.uri) ?? `https://${host}/statuses/${rawId}`;
  const id = mastodonPostId(url);
  if (!id) return { ok: false, error: `The status has no address Roundup can read (${describe(s.url)}).` };
  const who = readAuthor(s.account, host);

  const post: Post = {
    id,
    site: 'mastodon',
    url,
    author: who,
    text: '',
    segments: [],
    media: [],
    capturedAt: at.capturedAt,
    pageUrl: at.pageUrl,
    instance: host,
  };
  if (!who.handle || !who.name) post.partial = true;

  // The quoted post first: when it is shown, the content's "RE: <link>" fallback is not.
  let quotedShown = false;
  if (!quoted && s.quote !== undefined && s.quote !== null) quotedShown = readQuote(post, s.quote, at, host);

  if (typeof s.content === 'string') {
    const words = readContent(s.content, at, quotedShown);
    if (words) {
      post.text = words.text;
      post.segments = emojiSegments(words.segments, s.emojis);
      if (words.truncated) post.truncated = true;
    } else {
      post.partial = true;
    }
  } else {
    post.partial = true;
  }

  if (typeof s.language === 'string' && s.language.length <= 35 && LANG.test(s.language)) post.lang = s.language;
  const created = isoTime(s.created_at);
  if (created) post.createdAt = created;
  else post.partial = true;

  readMedia(post, s.media_attachments);
  if (isRecord(s.card)) readCard(post, s.card);
  if (s.poll !== undefined && s.poll !== null) post.partial = true; // a poll: Roundup keeps no votes

  const replyTo = replyHandle(s, host);
  if (replyTo) post.replyTo = replyTo;

  const spoiler = typeof s.spoiler_text === 'string' ? oneLine(s.spoiler_text, MAX_ALT) : '';
  if (spoiler) post.contentWarning = spoiler;
  else if (s.sensitive === true && (post.media.length > 0 || post.card?.image)) post.contentWarning = SENSITIVE_MEDIA;
  return { ok: true, post };
}

function readContent(html: string, at: MastodonReadAt, dropQuoteInline: boolean): ReturnType<typeof segmentsFromContent> | null {
  if (html === '') return { text: '', segments: [] };
  try {
    return segmentsFromContent(at.parse(html), { dropQuoteInline });
  } catch {
    return null;
  }
}

// ---- who ----

function readAuthor(raw: unknown, host: string): Author {
  const a = isRecord(raw) ? raw : {};
  const handle = handleOf(a, host);
  const username = typeof a.username === 'string' ? a.username.trim() : '';
  const author: Author = { name: cut(nameOf(a.display_name) || username || handle, MAX_ALT), handle };
  const avatar = webUrl(a.avatar_static) ?? webUrl(a.avatar);
  if (avatar) author.avatarUrl = avatar;
  const profile = webUrl(a.url);
  if (profile) author.profileUrl = profile;
  return author;
}

/**
 * An account's handle, `user@host`: Mastodon's `acct` names a local account without its
 * host, which is then the instance's. On an instance with a port (a test server) a local
 * account's handle stays `user`: a handle has no port, and the export adds the host from
 * the status's address. '' when the account has none Roundup can read.
 */
function handleOf(account: Record<string, unknown>, host: string): string {
  const acct = typeof account.acct === 'string' ? account.acct.trim().replace(/^@/, '') : '';
  if (!acct) return '';
  const at = acct.lastIndexOf('@');
  let handle: string;
  if (at < 0) {
    handle = host.includes(':') ? acct : `${acct}@${host}`;
  } else {
    const domain = hostnameOf(acct.slice(at + 1));
    handle = domain ? `${acct.slice(0, at)}@${domain}` : '';
  }
  return handle.length <= 510 && HANDLE.test(handle) ? handle : '';
}

/** A domain as ASCII (an internationalised one in punycode), or '' when it is none. */
function hostnameOf(domain: string): string {
  if (!domain || /[/?#@\\\s]/.test(domain)) return '';
  try {
    const u = new URL(`https://${domain}`);
    return u.port ? '' : u.hostname;
  } catch {
    return '';
  }
}

function booster(raw: unknown, host: string): string {
  if (!isRecord(raw)) return '';
  const name = nameOf(raw.display_name);
  if (name) return cut(name, MAX_ALT);
  const handle = handleOf(raw, host) || (typeof raw.acct === 'string' ? oneLine(raw.acct, 200) : '');
  return handle ? `@${handle}` : '';
}

/** The handle of the account the status answers, when the status says who that is. */
function replyHandle(s: Record<string, unknown>, host: string): string {
  const to = idString(s.in_reply_to_account_id);
  if (!to) return '';
  const own = isRecord(s.account) ? s.account : {};
  if (idString(own.id) === to) return handleOf(own, host);
  if (!Array.isArray(s.mentions)) return '';
  for (const m of s.mentions) if (isRecord(m) && idString(m.id) === to) return handleOf(m, host);
  return '';
}

// ---- what a status shows ----

function readMedia(post: Post, raw: unknown): void {
  if (raw === undefined || raw === null) return;
  if (!Array.isArray(raw)) {
    post.partial = true;
    return;
  }
  for (const m of raw) {
    if (post.media.length >= POST_LIMITS.media) break;
    if (!isRecord(m)) {
      post.partial = true;
      continue;
    }
    const url = webUrl(m.url) ?? webUrl(m.remote_url);
    const kind = m.type === 'image' ? 'image' : m.type === 'video' ? 'video' : m.type === 'gifv' ? 'gif' : null;
    if (!kind || !url) {
      post.partial = true; // audio, a file Mastodon could not process (`unknown`), or no address
      continue;
    }
    const media: Media = { kind, url };
    const description = typeof m.description === 'string' ? cut(m.description.trim(), MAX_ALT) : '';
    if (description) media.alt = description;
    if (kind !== 'image') {
      const poster = webUrl(m.preview_url) ?? webUrl(m.preview_remote_url);
      if (poster) media.posterUrl = poster;
    }
    post.media.push(media);
  }
}

function readCard(post: Post, c: Record<string, unknown>): void {
  const url = webUrl(c.url);
  if (!url) return;
  const card: LinkCard = { url };
  const title = oneLine(c.title, MAX_ALT);
  if (title) card.title = title;
  const provider = oneLine(c.provider_name, MAX_ALT);
  card.domain = provider || new URL(url).hostname;
  const description = typeof c.description === 'string' ? cut(c.description.trim(), MAX_ALT) : '';
  if (description) card.description = description;
  const image = webUrl(c.image);
  if (image) {
    card.image = { url: image };
    const alt = typeof c.image_description === 'string' ? cut(c.image_description.trim(), MAX_ALT) : '';
    if (alt) card.image.alt = alt;
  }
  post.card = card;
}

/**
 * A quote (Mastodon 4.4+: `{ state, quoted_status }`; a quote of a quote is only named, as a
 * ShallowQuote's `quoted_status_id`). Older forks (Fedibird) give the quoted Status itself.
 * True when the quoted post was read. An accepted quote that cannot be read marks the post
 * partial; one its author removed or did not approve (`revoked`, `pending`…) shows nothing.
 */
function readQuote(post: Post, raw: unknown, at: MastodonReadAt, host: string): boolean {
  if (!isRecord(raw)) return false;
  const quoted = isRecord(raw.quoted_status) ? raw.quoted_status : isStatus(raw) ? raw : null;
  if (!quoted) {
    if (raw.state === 'accepted') post.partial = true;
    return false;
  }
  const read = readOne(quoted, at, host, true);
  if (!read.ok) {
    post.partial = true;
    return false;
  }
  post.quoted = read.post;
  return true;
}

function isStatus(v: Record<string, unknown>): boolean {
  return typeof v.content === 'string' && isRecord(v.account) && v.id !== undefined;
}

/** Text segments split where a custom emoji the status names (`:blobcat:`) is written. */
function emojiSegments(segments: Segment[], emojis: unknown): Segment[] {
  const codes = new Set<string>();
  if (Array.isArray(emojis)) {
    for (const e of emojis) if (isRecord(e) && typeof e.shortcode === 'string' && SHORTCODE.test(e.shortcode)) codes.add(e.shortcode);
  }
  if (codes.size === 0) return segments;
  const out: Segment[] = [];
  const text = (words: string) => {
    if (!words) return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.text += words;
    else out.push({ kind: 'text', text: words });
  };
  for (const seg of segments) {
    if (seg.kind !== 'text' || out.length >= POST_LIMITS.segments - 2) {
      if (seg.kind === 'text') text(seg.text);
      else out.push(seg);
      continue;
    }
    let from = 0;
    for (const m of seg.text.matchAll(/:([A-Za-z0-9_]{1,100}):/g)) {
      if (!codes.has(m[1]!) || m.index! < from || out.length >= POST_LIMITS.segments - 2) continue;
      text(seg.text.slice(from, m.index));
      out.push({ kind: 'emoji', text: m[0] });
      from = m.index! + m[0].length;
    }
    text(seg.text.slice(from));
  }
  return out;
}

// ---- a thread ----

/**
 * `GET /api/v1/statuses/:id/context` with the status it is the context of: the author's own
 * thread, in order — up through the posts it answers while their author is the same, the
 * status, then down, at each step the author's own reply (the earliest, when there are
 * several). Other people's posts are not part of it. With two posts or more each is marked
 * `thread: 'first' | 'middle' | 'last'`. Unauthenticated, Mastodon 4+ answers at most 40
 * ancestors and 60 descendants: a longer thread is cut where the answer stops.
 */
export function readContext(json: unknown, status: unknown, at: MastodonReadAt): ReadPosts {
  const walk = contextStatuses(json, status);
  const read = (s: unknown) => readStatus(s, at);
  return readThreadStatuses(walk, read);
}

/** The raw statuses of the author's thread, in order, and which one is the status asked about. */
export interface ContextWalk {
  /** Up (nearest first), then down, as the instance sent them; `focus` is the status itself. */
  above: unknown[];
  focus: unknown;
  below: unknown[];
  /** Why there is no thread to walk (the answer holds no ancestors and descendants). */
  error?: string;
}

/**
 * The author's self-thread in a context answer, as raw statuses — no HTML read, so a
 * background without a DOM can walk it and have each status read where one is
 * (platform/read-status.ts). `readThreadStatuses` turns it into posts.
 */
export function contextStatuses(json: unknown, status: unknown): ContextWalk {
  const walk: ContextWalk = { above: [], focus: status, below: [] };
  if (!isRecord(status)) return walk;
  const own = isRecord(status.reblog) ? status.reblog : status;
  const authorId = accountId(own);
  const ancestors = isRecord(json) && Array.isArray(json.ancestors) ? json.ancestors : null;
  const descendants = isRecord(json) && Array.isArray(json.descendants) ? json.descendants : null;
  if (!ancestors || !descendants) return { ...walk, error: t('mastodonNoThreadInAnswer') };
  if (!authorId) return walk;

  const byId = new Map<string, Record<string, unknown>>();
  for (const s of [...ancestors, ...descendants]) {
    const id = isRecord(s) ? idString(s.id) : '';
    if (id && !byId.has(id)) byId.set(id, s as Record<string, unknown>);
  }
  const seen = new Set<string>([idString(own.id)]);
  // Up: the author's posts above, nearest first.
  for (let node = own, n = 0; n < MAX_THREAD; n++) {
    const parent = byId.get(idString(node.in_reply_to_id));
    if (!parent || accountId(parent) !== authorId || seen.has(idString(parent.id))) break;
    seen.add(idString(parent.id));
    walk.above.push(parent);
    node = parent;
  }
  // Down: at each step the author's own reply, the earliest when there are several.
  for (let node = own, n = 0; n < MAX_THREAD; n++) {
    const next = ownReply(descendants, idString(node.id), authorId, seen);
    if (!next) break;
    seen.add(idString(next.id));
    walk.below.push(next);
    node = next;
  }
  return walk;
}

/**
 * The walk's statuses read into posts with `read`, in order, marked as a thread. A status that
 * cannot be read cuts the thread there (above: the ones further up; below: the later ones).
 * Generic over sync and async readers: the background's goes through the offscreen document.
 */
export function readThreadStatuses(walk: ContextWalk, read: (status: unknown) => ReadPost): ReadPosts;
export function readThreadStatuses(walk: ContextWalk, read: (status: unknown) => Promise<ReadPost>): Promise<ReadPosts>;
export function readThreadStatuses(walk: ContextWalk, read: (status: unknown) => ReadPost | Promise<ReadPost>): ReadPosts | Promise<ReadPosts> {
  const out: ReadPosts = { posts: [], errors: [] };
  const steps: Array<[unknown, 'focus' | 'above' | 'below']> = [
    [walk.focus, 'focus'], ...walk.above.map((s) => [s, 'above'] as [unknown, 'above']), ...walk.below.map((s) => [s, 'below'] as [unknown, 'below']),
  ];
  let cut: 'above' | 'below' | 'all' | null = null;
  const above: Post[] = [];
  const below: Post[] = [];
  const take = (r: ReadPost, where: 'focus' | 'above' | 'below'): void => {
    if (cut === 'all' || cut === where) return;
    if (!r.ok) {
      if (where === 'focus') out.errors.push(r.error);
      else out.errors.push(t(where === 'above' ? 'threadPostAboveUnreadable' : 'threadPostLaterUnreadable', r.error));
      cut = where === 'focus' ? 'all' : where;
      return;
    }
    if (where === 'focus') out.posts.push(r.post);
    else (where === 'above' ? above : below).push(r.post);
  };
  const done = (): ReadPosts => {
    if (cut !== 'all') {
      out.posts = [...above.reverse(), ...out.posts, ...below];
      if (walk.error) out.errors.push(walk.error);
      markThread(out.posts);
    }
    return out;
  };
  // Each step after the focus waits for the one before: a cut stops the reads past it.
  let pending: Promise<void> | null = null;
  for (const [status, where] of steps) {
    if (pending) {
      pending = pending.then(async () => {
        if (cut === 'all' || cut === where) return;
        take(await read(status), where);
      });
      continue;
    }
    const r = read(status);
    if (r instanceof Promise) pending = r.then((x) => take(x, where));
    else take(r, where);
  }
  return pending ? pending.then(done) : done();
}

function ownReply(descendants: unknown[], parentId: string, authorId: string, seen: Set<string>): Record<string, unknown> | null {
  const own = descendants.filter((d): d is Record<string, unknown> => isRecord(d) && idString(d.in_reply_to_id) === parentId && accountId(d) === authorId && !seen.has(idString(d.id)));
  return earliest(own, (d) => d.created_at);
}

function accountId(s: Record<string, unknown>): string {
  return isRecord(s.account) ? idString(s.account.id) : '';
}

/** An id as Mastodon gives one (a string of a number; a number from an older or other server), or ''. */
function idString(v: unknown): string {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  return typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : '';
}

// ---- the instance ----

/**
 * Whether `GET /api/v2/instance` answered as a Mastodon instance does (or `GET /api/v1/instance`,
 * which Mastodon before 4.0 answers instead): known by the shape of the answer, never by the
 * host's name. Servers that speak Mastodon's API (GoToSocial, Akkoma…) answer the same way and
 * pass; their `version` says what they are. `domain` is the instance's own domain (its
 * accounts' `@domain`), which may differ from the host that answered.
 */
export function readInstance(json: unknown): ReadInstance {
  let v: unknown = json;
  if (typeof json === 'string') {
    try {
      v = JSON.parse(json);
    } catch {
      return NOT_MASTODON;
    }
  }
  if (!isRecord(v) || typeof v.version !== 'string' || typeof v.title !== 'string') return NOT_MASTODON;
  const version = oneLine(v.version, 100);
  if (!version) return NOT_MASTODON;
  // v2 names the domain `domain`; v1 (which has `urls` and `stats`) names it `uri`.
  const v2 = isRecord(v.configuration) && isRecord(v.configuration.statuses) && typeof v.domain === 'string';
  const v1 = isRecord(v.urls) && isRecord(v.stats) && typeof v.uri === 'string';
  const name = v2 ? v.domain : v1 ? v.uri : undefined;
  const domain = typeof name === 'string' ? name.trim().toLowerCase() : '';
  if (!domain || domain.length > 260 || !HOST.test(domain)) return NOT_MASTODON;
  return { ok: true, domain, title: oneLine(v.title, 200), version };
}

const NOT_MASTODON = { ok: false, error: 'not a Mastodon instance' } as const;

// ---- errors ----

/**
 * What to tell the writer when the instance's API answered `status` with `body` (Mastodon's
 * errors are `{ "error": "…" }`; the body may be the text or the parsed JSON). `retryAfter`
 * is the Retry-After header (seconds or an HTTP date) or Mastodon's X-RateLimit-Reset (an ISO
 * date), when there was one; `now` is the time to count from.
 */
export function readApiError(status: number, body: unknown, retryAfter?: string | number | null, now: number = Date.now()): string {
  let json: unknown = body;
  if (typeof body === 'string') {
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined; // an HTML error page: never shown
    }
  }
  const message = isRecord(json) && typeof json.error === 'string' ? oneLine(json.error, 200) : '';
  const wait = secondsUntil(retryAfter, now);

  if (status === 429) return sentences(t('mastodonRateLimited'), tryAgainIn(wait));
  if (status === 404) return t('mastodonNotFound');
  if (status === 410) return t('mastodonGone');
  if (status === 401 || status === 403) return t('mastodonSignedInOnly');
  if (status >= 500 && status <= 599) return sentences(t('mastodonServerProblem', status), wait === null ? t('tryAgainInAMoment') : tryAgainIn(wait));
  if (status === 400 || status === 422) return message ? t('mastodonRefusedSaying', message) : t('mastodonRefused');
  if (!Number.isSafeInteger(status) || status <= 0) return t('mastodonNotReached');
  return message ? t('mastodonApiErrorSaying', status, message) : t('mastodonApiError', status);
}

function secondsUntil(v: string | number | null | undefined, now: number): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? Math.ceil(v) : null;
  if (typeof v !== 'string' || v.length > 100) return null;
  if (/^\s*\d{1,9}\s*$/.test(v)) return Number(v);
  const ms = Date.parse(v);
  if (Number.isNaN(ms) || !Number.isFinite(now)) return null;
  const s = Math.ceil((ms - now) / 1000);
  return s >= 0 && s < 1e9 ? s : null;
}

// ---- small helpers ----

function instanceHost(v: unknown): string {
  if (typeof v !== 'string') return '';
  const host = v.trim().toLowerCase();
  return host.length <= 260 && HOST.test(host) ? host : '';
}

/** A display name as the reader sees it: whitespace at the ends gone, '' when there is none. */
function nameOf(v: unknown): string {
  return typeof v === 'string' ? oneLine(v, MAX_ALT) : '';
}




function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(cut(v, 100));
  if (v === undefined) return 'nothing';
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
