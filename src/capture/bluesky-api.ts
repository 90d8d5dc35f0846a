// Bluesky's public AppView API (`app.bsky.feed.*` on public.api.bsky.app) read into Roundup's
// Post. Pure: it takes the parsed JSON of an answer and never fetches, throws or trusts it.
// Whatever comes out has passed `parsePost` (model/parse-post.ts), the check every stored post
// passes; what cannot be read is left out, and the post is marked `partial` when something it
// showed could not be (an unreadable date, a quoted post that is gone).
//
// The shapes read (lexicons in bluesky-social/atproto, `lexicons/app/bsky/`):
// - `app.bsky.feed.defs#postView`: `getPosts` → `posts[]`, `getQuotes` → `posts[]`, each post
//   of a thread. Its `record` is the `app.bsky.feed.post` the author wrote (text, facets, langs,
//   createdAt, reply, self-labels); its `embed` is the hydrated view of what the post shows.
// - `app.bsky.feed.defs#feedViewPost`: `getAuthorFeed`, `getTimeline`, `getFeed` → `feed[]`,
//   a post with why it is there (`reason`: a repost, a pin) and the post it answers (`reply`).
// - `app.bsky.feed.getPostThread` → `thread`: a `#threadViewPost` with its `parent` chain and
//   its `replies` tree, any of which may be a `#notFoundPost` or `#blockedPost`.
//
// Facets (links, mentions, hashtags in the text) name their span in UTF-8 BYTES of the text,
// not in JavaScript's UTF-16 units: `facetSegments` converts, and ignores a facet that is out
// of range, overlaps an earlier one or cuts a character in two.
import type { Author, LinkCard, Media, Post, Segment } from '../model/post';
import { blueskyIdParts, blueskyPostId, blueskyPostUrl } from '../model/networks';
import { POST_LIMITS } from '../model/post-schema';
import { isRecord, webUrl } from '../model/validate';
import { earliest, finish, markThread, type ReadPost } from './read-post';
import { cut, isoTime } from './plain-text';
import { sentences, t } from '../platform/i18n';
import { tryAgainIn } from './api-error';

/** When and from which page a post was read (stored with it, as for a post clipped on X). */
export interface ReadAt {
  capturedAt: string;
  pageUrl: string;
}

export type { ReadPost } from './read-post';

/** Posts read from an answer, in its order, and a line for each one that could not be. */
export interface ReadPosts {
  posts: Post[];
  errors: string[];
}

const T = {
  postView: 'app.bsky.feed.defs#postView',
  threadViewPost: 'app.bsky.feed.defs#threadViewPost',
  notFoundPost: 'app.bsky.feed.defs#notFoundPost',
  blockedPost: 'app.bsky.feed.defs#blockedPost',
  reasonRepost: 'app.bsky.feed.defs#reasonRepost',
  reasonPin: 'app.bsky.feed.defs#reasonPin',
  post: 'app.bsky.feed.post',
  images: 'app.bsky.embed.images#view',
  video: 'app.bsky.embed.video#view',
  external: 'app.bsky.embed.external#view',
  record: 'app.bsky.embed.record#view',
  recordWithMedia: 'app.bsky.embed.recordWithMedia#view',
  viewRecord: 'app.bsky.embed.record#viewRecord',
  viewNotFound: 'app.bsky.embed.record#viewNotFound',
  viewBlocked: 'app.bsky.embed.record#viewBlocked',
  viewDetached: 'app.bsky.embed.record#viewDetached',
  generatorView: 'app.bsky.feed.defs#generatorView',
  listView: 'app.bsky.graph.defs#listView',
  starterPack: 'app.bsky.graph.defs#starterPackViewBasic',
  labelerView: 'app.bsky.labeler.defs#labelerView',
  link: 'app.bsky.richtext.facet#link',
  mention: 'app.bsky.richtext.facet#mention',
  tag: 'app.bsky.richtext.facet#tag',
} as const;

const WEB = 'https://bsky.app';
const DID = /^did:(?:plc|web):[A-Za-z0-9._:%-]{1,200}$/;
/** A handle as Bluesky allows one: a domain name (atproto "Handle" syntax). */
const BSKY_HANDLE = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const LANG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;
/** How far a thread is followed up or down: far beyond any real self-thread. */
const MAX_THREAD = 1000;
/** Each facet makes at most two segments (the text before it, itself). */
const MAX_FACETS = Math.floor((POST_LIMITS.segments - 1) / 2);

// ---- one post ----

/** A `#postView` (as in `getPosts`' `posts[]`) as a Post, or why it is not one. */
export function readPostView(view: unknown, at: ReadAt): ReadPost {
  return readView(view, at, {});
}

/** A `#feedViewPost` (an entry of `getAuthorFeed`, `getTimeline`, `getFeed`): the post, who reposted it. */
export function readFeedViewPost(item: unknown, at: ReadAt): ReadPost {
  if (!isRecord(item)) return { ok: false, error: `The feed entry is not an object (${kind(item)}).` };
  const extra: Extra = {};
  const parent = isRecord(item.reply) ? item.reply.parent : undefined;
  if (isRecord(parent) && (parent.$type === undefined || parent.$type === T.postView)) {
    const handle = handleOf(parent.author);
    if (handle) extra.parentHandle = handle;
  }
  const reason = isRecord(item.reason) ? item.reason : undefined;
  if (reason?.$type === T.reasonRepost && isRecord(reason.by)) {
    const by = nameOf(reason.by.displayName) || handleOf(reason.by);
    if (by) extra.repostedBy = cut(by, POST_LIMITS.shortText);
  } else if (reason?.$type === T.reasonPin) {
    extra.pinned = true;
  }
  return readView(item.post, at, extra);
}

// ---- answers ----

/** `app.bsky.feed.getPosts` (or `getQuotes`): every post it holds, in order. */
export function readGetPosts(json: unknown, at: ReadAt): ReadPosts {
  const list = isRecord(json) ? json.posts : undefined;
  if (!Array.isArray(list)) return { posts: [], errors: [t('blueskyNoPostList')] };
  const out: ReadPosts = { posts: [], errors: [] };
  list.forEach((view, i) => {
    const read = readPostView(view, at);
    if (read.ok) out.posts.push(read.post);
    else out.errors.push(t('numberedPostUnreadable', i + 1, read.error));
  });
  return out;
}

/**
 * `app.bsky.feed.getPostThread`: the self-thread of the post's author, as Bluesky shows it —
 * up the parent chain while the author is the same, then down, at each step the author's own
 * reply (the earliest, when there are several). Other people's replies are not part of it.
 * With two posts or more each is marked `thread: 'first' | 'middle' | 'last'`.
 */
export function readThread(json: unknown, at: ReadAt): ReadPosts {
  const root = isRecord(json) ? json.thread : undefined;
  if (!isRecord(root)) return { posts: [], errors: [t('blueskyNoThreadInAnswer')] };
  if (root.$type === T.notFoundPost) return { posts: [], errors: [t('blueskyNotFound')] };
  if (root.$type === T.blockedPost) return { posts: [], errors: [t('blueskyBlocked')] };
  if (!isThreadPost(root)) return { posts: [], errors: [`The thread is not a post (${describe(root.$type)}).`] };
  const did = didOf(root.post);
  if (!did) {
    const read = readPostView(root.post, at); // names what is wrong
    return { posts: [], errors: [read.ok ? t('postHasNoAuthor') : read.error] };
  }

  // Up: the same author's posts above the focused one, nearest first.
  const up: ThreadNode[] = [];
  const seen = new Set<unknown>([uriOf(root.post)]);
  let above: unknown = root.parent;
  while (isThreadPost(above) && didOf(above.post) === did && !seen.has(uriOf(above.post)) && up.length < MAX_THREAD) {
    seen.add(uriOf(above.post));
    up.push(above);
    above = above.parent;
  }
  // Down: at each step the author's own reply, the earliest when there are several.
  const down: ThreadNode[] = [];
  for (let node: Record<string, unknown> = root; down.length < MAX_THREAD; ) {
    const next = ownReply(node, did, seen);
    if (!next) break;
    seen.add(uriOf(next.post));
    down.push(next);
    node = next;
  }

  const out: ReadPosts = { posts: [], errors: [] };
  // A post above that cannot be read cuts the thread there: only what is below it is kept.
  const chain: ThreadNode[] = [root];
  for (const node of up) {
    const read = readView(node.post, at, {});
    if (!read.ok) {
      out.errors.push(t('threadPostAboveUnreadable', read.error));
      break;
    }
    chain.unshift(node);
  }
  chain.push(...down);
  const parent = chain[0]!.parent;
  const parentHandle = isThreadPost(parent) ? handleOf(parent.post.author) : '';

  for (const [i, node] of chain.entries()) {
    const extra: Extra = i === 0 && parentHandle ? { parentHandle } : {};
    const read = readView(node.post, at, extra);
    if (!read.ok) {
      if (node === root) return { posts: [], errors: [read.error] };
      out.errors.push(t('threadPostLaterUnreadable', read.error));
      break;
    }
    out.posts.push(read.post);
  }
  markThread(out.posts);
  return out;
}

type ThreadNode = Record<string, unknown> & { post: Record<string, unknown> };

function isThreadPost(node: unknown): node is ThreadNode {
  return isRecord(node) && (node.$type === undefined || node.$type === T.threadViewPost) && isRecord(node.post);
}

/** The author's own reply to `node` not yet in the thread, the earliest written when there are several. */
function ownReply(node: Record<string, unknown>, did: string, seen: Set<unknown>): ThreadNode | null {
  if (!Array.isArray(node.replies)) return null;
  const own = node.replies.filter((reply): reply is ThreadNode => isThreadPost(reply) && didOf(reply.post) === did && !seen.has(uriOf(reply.post)));
  return earliest(own, (reply) => (isRecord(reply.post.record) ? reply.post.record.createdAt : undefined));
}

function uriOf(view: unknown): unknown {
  return isRecord(view) ? view.uri : undefined;
}

/** The DID a post's at:// URI names (its author's), or ''. */
function didOf(view: unknown): string {
  const uri = uriOf(view);
  const id = typeof uri === 'string' ? blueskyPostId(uri) : null;
  return blueskyIdParts(id ?? '')?.did ?? '';
}

// ---- reading a post ----

interface Extra {
  /** The handle of the author of the post this one answers, when the answer names it. */
  parentHandle?: string;
  repostedBy?: string;
  pinned?: boolean;
}

function readView(view: unknown, at: ReadAt, extra: Extra): ReadPost {
  if (!isRecord(view)) return { ok: false, error: `The post is not an object (${kind(view)}).` };
  if (view.$type !== undefined && view.$type !== T.postView) {
    return { ok: false, error: `This is not a post but ${describe(view.$type)}.` };
  }
  const body = readBody(view, view.record, at, false);
  if (!body.ok) return body;
  const post = body.post;
  const embed = view.embed;
  if (embed !== undefined && embed !== null) readEmbed(post, embed, false);
  if (extra.parentHandle && !post.replyTo && isReply(view.record)) post.replyTo = extra.parentHandle;
  if (extra.repostedBy) post.repostedBy = extra.repostedBy;
  if (extra.pinned) post.pinned = true;
  return finish(post);
}


/**
 * What a `#postView` and a quoted `#viewRecord` share: the address, author, the record's words
 * and labels. `record` is the post record (`record` of a view, `value` of a viewRecord).
 */
function readBody(view: Record<string, unknown>, rawRecord: unknown, at: ReadAt, quoted: boolean): ReadPost {
  const uri = view.uri;
  if (typeof uri !== 'string' || uri === '') return { ok: false, error: 'The post has no at:// address (uri).' };
  const id = blueskyPostId(uri);
  if (!id) return { ok: false, error: `The address ${JSON.stringify(cut(uri, 200))} is not one of a Bluesky post.` };
  if (!isRecord(rawRecord)) return { ok: false, error: 'The post has no record (its words).' };
  if (rawRecord.$type !== undefined && rawRecord.$type !== T.post) {
    return { ok: false, error: `The record is not a post but ${describe(rawRecord.$type)}.` };
  }
  const record = rawRecord;
  const { did, rkey } = blueskyIdParts(id)!;
  const who = readAuthor(view.author, did);

  const post: Post = {
    id,
    site: 'bluesky',
    url: blueskyPostUrl(who.actor, rkey),
    author: who.author,
    text: '',
    segments: [],
    media: [],
    capturedAt: at.capturedAt,
    pageUrl: at.pageUrl,
    atUri: uri,
  };
  if (typeof view.cid === 'string' && /^[a-z2-7]{20,120}$/.test(view.cid)) post.cid = view.cid;
  // `handle.invalid` (Bluesky could not verify it) is no failure to read: the DID stands in.
  if (!who.read) post.partial = true;

  if (typeof record.text === 'string') {
    const text = cut(record.text, POST_LIMITS.text);
    if (text.length < record.text.length) post.truncated = true;
    post.text = text;
    post.segments = facetSegments(text, record.facets);
  } else {
    post.partial = true;
  }
  const lang = Array.isArray(record.langs) ? record.langs[0] : undefined;
  if (typeof lang === 'string' && lang.length <= 35 && LANG.test(lang)) post.lang = lang;
  const created = isoTime(record.createdAt);
  if (created) post.createdAt = created;
  else post.partial = true;

  // A reply to the author's own post: its parent's author is known without asking.
  const parentUri = isRecord(record.reply) && isRecord(record.reply.parent) ? record.reply.parent.uri : undefined;
  const parentId = typeof parentUri === 'string' ? blueskyPostId(parentUri) : null;
  if (parentId && blueskyIdParts(parentId)?.did === did && who.author.handle) post.replyTo = who.author.handle;

  const warning = contentWarning(record.labels, view.labels);
  if (warning) post.contentWarning = warning;
  if (quoted) {
    // The record view names what the quoted post shows in `embeds`.
    if (Array.isArray(view.embeds)) for (const embed of view.embeds.slice(0, 4)) readEmbed(post, embed, true);
  }
  return { ok: true, post };
}

function isReply(record: unknown): boolean {
  return isRecord(record) && isRecord(record.reply);
}

interface Who {
  author: Author;
  /** False when the answer had no author to read. */
  read: boolean;
  /** What names the author in a bsky.app address: the handle, or the DID without a valid one. */
  actor: string;
}

function readAuthor(raw: unknown, did: string): Who {
  const a = isRecord(raw) ? raw : {};
  const handle = handleOf(a);
  const actor = handle || did;
  const author: Author = {
    name: cut(nameOf(a.displayName) || handle || (typeof a.did === 'string' && DID.test(a.did) ? a.did : did), POST_LIMITS.shortText),
    handle,
    profileUrl: `${WEB}/profile/${actor}`,
  };
  const avatar = webUrl(a.avatar);
  if (avatar) author.avatarUrl = avatar;
  const read = isRecord(raw) && (handle !== '' || a.handle === 'handle.invalid');
  if (!isRecord(raw)) author.name = '';
  return { author, actor, read };
}

/** A valid handle of a profile view, or '' (none, or `handle.invalid`: Bluesky could not verify it). */
function handleOf(profile: unknown): string {
  const handle = isRecord(profile) ? profile.handle : undefined;
  return typeof handle === 'string' && handle !== 'handle.invalid' && BSKY_HANDLE.test(handle) ? handle : '';
}

/** A display name as the reader sees it: whitespace at the ends gone, '' when there is none. */
function nameOf(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}


// ---- what a post shows ----

function readEmbed(post: Post, raw: unknown, quoted: boolean): void {
  if (!isRecord(raw)) {
    post.partial = true;
    return;
  }
  switch (raw.$type) {
    case T.images:
      readImages(post, raw);
      return;
    case T.video:
      readVideo(post, raw);
      return;
    case T.external:
      readExternal(post, raw);
      return;
    case T.record:
      readRecord(post, raw.record, quoted);
      return;
    case T.recordWithMedia: {
      // Its media is photos, a video or a link card, never another record (nor nested deeper).
      const media = isRecord(raw.media) ? raw.media : {};
      if (media.$type === T.images || media.$type === T.video || media.$type === T.external) readEmbed(post, media, quoted);
      else post.partial = true;
      readRecord(post, isRecord(raw.record) ? raw.record.record : undefined, quoted);
      return;
    }
    default:
      post.partial = true; // something the post shows that this does not know
  }
}

function pushMedia(post: Post, media: Media): void {
  if (post.media.length < POST_LIMITS.media) post.media.push(media);
}

function alt(v: unknown): string {
  return typeof v === 'string' ? cut(v, POST_LIMITS.shortText) : '';
}

function readImages(post: Post, view: Record<string, unknown>): void {
  if (!Array.isArray(view.images)) {
    post.partial = true;
    return;
  }
  for (const image of view.images) {
    const url = isRecord(image) ? webUrl(image.fullsize) ?? webUrl(image.thumb) : null;
    if (!url) {
      post.partial = true;
      continue;
    }
    const words = alt((image as Record<string, unknown>).alt);
    pushMedia(post, words.trim() ? { kind: 'image', url, alt: words } : { kind: 'image', url });
  }
}

function readVideo(post: Post, view: Record<string, unknown>): void {
  const url = webUrl(view.playlist);
  if (!url) {
    post.partial = true;
    return;
  }
  const media: Media = { kind: 'video', url };
  const words = alt(view.alt);
  if (words.trim()) media.alt = words;
  const poster = webUrl(view.thumbnail);
  if (poster) media.posterUrl = poster;
  pushMedia(post, media);
}

/** Tenor GIFs: Bluesky's GIF picker posts them as an external link it plays in place. */
const GIF_HOSTS = new Set(['media.tenor.com']);

function readExternal(post: Post, view: Record<string, unknown>): void {
  const ext = isRecord(view.external) ? view.external : null;
  const url = ext ? webUrl(ext.uri) : null;
  if (!ext || !url) {
    post.partial = true;
    return;
  }
  const host = new URL(url).hostname;
  const thumb = webUrl(ext.thumb);
  if (GIF_HOSTS.has(host)) {
    // Its alt text is the description, which Bluesky's GIF picker writes as "Alt: <the
    // writer's words>" or "ALT: <Tenor's>" (social-app src/lib/gif-alt-text.ts); else the title.
    const gif: Media = { kind: 'gif', url };
    const words = alt(ext.description).replace(/^alt: /i, '').trim() || alt(ext.title).trim();
    if (words) gif.alt = words;
    if (thumb) gif.posterUrl = thumb;
    pushMedia(post, gif);
    return;
  }
  const card: LinkCard = { url, domain: host };
  const title = alt(ext.title).trim();
  if (title) card.title = title;
  const description = alt(ext.description).trim();
  if (description) card.description = description;
  if (thumb) card.image = { url: thumb };
  post.card ??= card;
}

function readRecord(post: Post, raw: unknown, quoted: boolean): void {
  // What a quoted post quotes in turn: Roundup keeps one level, so nothing of it is read.
  if (quoted) return;
  if (!isRecord(raw)) {
    post.partial = true;
    return;
  }
  switch (raw.$type) {
    case T.viewRecord: {
      const body = readBody(raw, raw.value, { capturedAt: post.capturedAt, pageUrl: post.pageUrl }, true);
      if (body.ok) post.quoted = body.post;
      else post.partial = true;
      return;
    }
    case T.generatorView:
    case T.listView:
    case T.starterPack:
      readFeedOrList(post, raw);
      return;
    case T.labelerView:
      return; // a moderation service's profile card: nothing to quote
    case T.viewNotFound: // deleted
    case T.viewBlocked: // its author blocks, or is blocked by, someone involved
    case T.viewDetached: // its author detached it from this post
    default: // or something newer
      // The post showed a quote that cannot be read: no quote is made up, and the post says so.
      post.partial = true;
  }
}

/** A feed, list or starter pack the post shares, as a card linking to it on bsky.app. */
function readFeedOrList(post: Post, view: Record<string, unknown>): void {
  const uri = typeof view.uri === 'string' ? view.uri : '';
  const m = /^at:\/\/(did:(?:plc|web):[A-Za-z0-9._:%-]{1,200})\/([a-z.]+)\/([A-Za-z0-9._~:-]{1,64})$/.exec(uri);
  if (!m) {
    post.partial = true;
    return;
  }
  const creator = handleOf(view.creator) || m[1]!;
  const rkey = m[3]!;
  const collection = m[2]!;
  const record = isRecord(view.record) ? view.record : {};
  const path =
    collection === 'app.bsky.feed.generator' ? `/profile/${creator}/feed/${rkey}`
    : collection === 'app.bsky.graph.list' ? `/profile/${creator}/lists/${rkey}`
    : collection === 'app.bsky.graph.starterpack' ? `/starter-pack/${creator}/${rkey}`
    : '';
  if (!path) {
    post.partial = true;
    return;
  }
  const card: LinkCard = { url: WEB + path, domain: 'bsky.app' };
  const title = alt(view.displayName ?? view.name ?? record.name).trim();
  if (title) card.title = title;
  const description = alt(view.description ?? record.description).trim();
  if (description) card.description = description;
  const image = webUrl(view.avatar);
  if (image) card.image = { url: image };
  post.card ??= card;
}

// ---- labels ----

/**
 * Labels that ask for a warning before the post, and what Roundup says for each (in this
 * order when several apply). Other labels (`!no-unauthenticated`, a moderation service's
 * `rude`, `spam`…) are about the account or for ranking, not a warning over the words.
 */
export const LABEL_WARNINGS: readonly (readonly [label: string, text: string])[] = [
  ['porn', 'Adult content'],
  ['sexual', 'Sexually suggestive'],
  ['nudity', 'Nudity'],
  ['graphic-media', 'Graphic media'],
  ['gore', 'Graphic media'],
  ['!warn', 'Content warning'],
  ['!hide', 'Content warning'],
];

function contentWarning(selfLabels: unknown, labels: unknown): string | undefined {
  const on = new Set<string>();
  const off = new Set<string>();
  const values = isRecord(selfLabels) && Array.isArray(selfLabels.values) ? selfLabels.values : [];
  for (const l of [...values, ...(Array.isArray(labels) ? labels : [])]) {
    if (!isRecord(l) || typeof l.val !== 'string') continue;
    (l.neg === true ? off : on).add(l.val);
  }
  const texts: string[] = [];
  for (const [label, text] of LABEL_WARNINGS) {
    if (on.has(label) && !off.has(label) && !texts.includes(text)) texts.push(text);
  }
  return texts.length ? texts.join(', ') : undefined;
}

// ---- facets ----

interface Span {
  start: number;
  end: number;
  seg: (text: string) => Segment | null;
}

/**
 * The text split into segments by its facets. Facet indices are UTF-8 byte offsets into the
 * text; a facet out of range, empty, overlapping one before it, cutting a character, or of
 * no kind known here leaves its words as plain text. Never throws.
 */
export function facetSegments(text: string, facets: unknown): Segment[] {
  const spans: Span[] = [];
  if (Array.isArray(facets)) {
    for (const facet of facets.slice(0, MAX_FACETS * 4)) {
      const span = readFacet(facet);
      if (span) spans.push(span);
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Span[] = [];
  let end = 0;
  for (const span of spans) {
    if (span.start < end || kept.length >= MAX_FACETS) continue;
    kept.push(span);
    end = span.end;
  }
  const index = byteIndex(text, kept.flatMap((s) => [s.start, s.end]));

  const out: Segment[] = [];
  const plain = (words: string) => {
    if (!words) return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.text += words;
    else out.push({ kind: 'text', text: words });
  };
  let at = 0;
  for (const span of kept) {
    const from = index.get(span.start);
    const to = index.get(span.end);
    if (from === undefined || to === undefined || from < at) continue; // cuts a character, or past the end
    plain(text.slice(at, from));
    const words = text.slice(from, to);
    const seg = span.seg(words);
    if (seg) out.push(seg);
    else plain(words);
    at = to;
  }
  plain(text.slice(at));
  return out;
}

function readFacet(facet: unknown): Span | null {
  if (!isRecord(facet) || !isRecord(facet.index) || !Array.isArray(facet.features)) return null;
  const { byteStart: start, byteEnd: end } = facet.index;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return null;
  if ((start as number) < 0 || (end as number) <= (start as number)) return null;
  for (const feature of facet.features) {
    const seg = featureSegment(feature);
    if (seg) return { start: start as number, end: end as number, seg };
  }
  return { start: start as number, end: end as number, seg: () => null }; // its words stay text
}

function featureSegment(feature: unknown): Span['seg'] | null {
  if (!isRecord(feature)) return null;
  switch (feature.$type) {
    case T.link: {
      const href = webUrl(feature.uri);
      return href ? (text) => ({ kind: 'link', text, href }) : null;
    }
    case T.mention: {
      const did = feature.did;
      if (typeof did !== 'string' || !DID.test(did)) return null;
      return (text) => ({ kind: 'mention', text, href: `${WEB}/profile/${did}` });
    }
    case T.tag: {
      const tag = feature.tag;
      if (typeof tag !== 'string' || tag === '' || tag.length > 640 || /\s/.test(tag)) return null;
      return (text) => ({ kind: 'hashtag', text, href: `${WEB}/hashtag/${encodeURIComponent(tag)}` });
    }
    default:
      return null;
  }
}

/**
 * For each wanted UTF-8 byte offset that falls on a character boundary of `text` (as
 * TextEncoder encodes it: a lone surrogate as the 3 bytes of U+FFFD), its UTF-16 index.
 */
function byteIndex(text: string, offsets: number[]): Map<number, number> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const out = new Map<number, number>();
  let w = 0;
  let bytes = 0;
  let i = 0;
  while (w < wanted.length) {
    while (w < wanted.length && wanted[w]! < bytes) w++; // fell inside a character
    if (w < wanted.length && wanted[w] === bytes) out.set(wanted[w++]!, i);
    if (i >= text.length) break;
    const cp = text.codePointAt(i)!;
    const surrogate = cp >= 0xd800 && cp <= 0xdfff; // a lone one
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 || surrogate ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

// ---- errors ----

/**
 * What to tell the writer when the API answered `status` with `body` (XRPC errors are
 * `{ error, message }`; the body may be the text or the parsed JSON). `retryAfter` is the
 * Retry-After header, in seconds, when there was one.
 */
export function readApiError(status: number, body: unknown, retryAfter?: string | number | null): string {
  let json: unknown = body;
  if (typeof body === 'string') {
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
  }
  const error = isRecord(json) && typeof json.error === 'string' ? json.error : '';
  const message = isRecord(json) && typeof json.message === 'string' ? plainLine(json.message, 200) : '';
  const wait = seconds(retryAfter);
  const later = tryAgainIn(wait);
  const soon = wait === null ? t('tryAgainInAMoment') : later;

  if (error === 'RateLimitExceeded' || status === 429) return sentences(t('blueskyRateLimited'), later);
  if (error === 'NotFound' || status === 404 || /^(post|record) not found\b/i.test(message)) return t('blueskyNotFound');
  if (error === 'BlockedActor' || error === 'BlockedByActor') return t('blueskyBlocked');
  if (/^(Account|Repo)(Takedown|Takendown|Deactivated|Suspended)$/.test(error)) return t('blueskyAccountOff');
  if (error === 'AuthMissing' || error === 'AuthRequired' || status === 401 || status === 403) return t('blueskySignedInOnly');
  if (status >= 500 && status <= 599) return sentences(t('blueskyServerProblem', status), soon);
  if (error === 'InvalidRequest' || status === 400) return message ? t('blueskyRefusedSaying', message) : t('blueskyRefused');
  if (!Number.isSafeInteger(status) || status <= 0) return t('blueskyNotReached');
  const code = plainLine(error, 60).replace(/[^A-Za-z0-9_]/g, '');
  const what = code ? `${status} ${code}` : String(status);
  return message ? t('blueskyApiErrorSaying', what, message) : t('blueskyApiError', what);
}

function seconds(v: string | number | null | undefined): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{1,9}\s*$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? Math.ceil(n) : null;
}

// ---- small helpers ----

/** One line of plain text from a server message: no control characters, at most `max` characters. */
function plainLine(s: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const line = s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${cut(line, max - 1)}…` : line;
}


/** A `$type` as the message names it: the string quoted, else what kind of value it is. */
function describe(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(cut(v, 100)) : kind(v);
}

function kind(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : v === undefined ? 'nothing' : `a ${typeof v}`;
}
