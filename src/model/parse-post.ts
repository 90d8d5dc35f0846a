// A post arrives from a content script running inside a page we do not control. It is first
// cleaned — only the known fields are copied, and what cannot be kept is dropped, keeping the
// words — then checked by the one Post schema (post-schema.ts), the same a backup is read by.
// So whatever a page gets stored, a backup of the store holds and imports.
//
// What the cleaning drops instead of refusing the post: an optional field the schema refuses
// (a `data:` avatar, a non-web link card or picture, a bad language tag, direction or date, a
// thread position it does not know…); a photo or video that is no web address; a link,
// mention or hashtag whose target is no web address becomes plain text with the same words;
// an unreadable handle or page address becomes '' (unknown), as does a quoted post's id or
// link. A post is refused only when what identifies it (id, permalink, site) is wrong, or a
// field it cannot do without is missing or of the wrong kind.
//
// The store runs its posts through the same pass before a backup (store/backup.ts): a post
// written by an older version, under older rules, still makes a backup that imports.
import type { Post, Segment } from './post';
import { POST_ID_PATTERN } from './networks';
import { HANDLE, POST_LIMITS, postSchema, segmentKind } from './post-schema';
import { Invalid, isoDate, passes, tidy, webUrl, type Mend, type ObjectCheck } from './validate';

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** A web address normalised (WHATWG), anything else as it is, for the check to judge. */
const url = (v: unknown): unknown => webUrl(v) ?? v;

/** A time Date.parse understands, as ISO 8601 (`toISOString`); anything else as it is. */
function date(v: unknown): unknown {
  if (typeof v !== 'string' || passes(isoDate, v)) return v;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? v : new Date(ms).toISOString();
}

/** A handle (a leading `@` dropped), or '' when it is none: the author is then unknown. */
function handle(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const bare = v.trim().replace(/^@/, '');
  return HANDLE.test(bare) ? bare : '';
}

function segment(v: unknown): unknown {
  const kind = segmentKind(v);
  if (!kind) return v; // refused, naming the kind
  const { segments, segmentHref } = postSchema();
  const seg = v as Record<string, unknown>;
  const check = segments[kind] as ObjectCheck<Segment>;
  if (kind === 'text' || kind === 'emoji') return tidy(check, seg);
  const href = webUrl(seg.href) ?? seg.href;
  // Keep the words even when the link must go.
  return passes(segmentHref, href) ? tidy(check, { ...seg, href }) : tidy(segments.text, { kind: 'text', text: seg.text });
}

/** The photos and videos worth keeping: any that is no web address (a `blob:`) is left out. */
function mediaList(v: unknown): unknown {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return v;
  const { media } = postSchema();
  return v
    .map((m) => tidy(media, m, { url, posterUrl: url }))
    .filter((m) => passes(media, m))
    .slice(0, POST_LIMITS.media);
}

function cleanPost(v: unknown, quoted: boolean): unknown {
  const { author, linkCard, cardImage, post, quotedPost } = postSchema();
  const mend: Mend<Post> = {
    url: quoted ? (u) => webUrl(u) ?? '' : url,
    author: (a) => tidy(author, a, { handle, avatarUrl: url, profileUrl: url }),
    segments: (s) => (s === undefined ? [] : Array.isArray(s) ? s.map(segment) : s),
    media: mediaList,
    // A capture time another version wrote in another form is kept; a bad date it was made is dropped.
    capturedAt: date,
    pageUrl: (u) => (u === undefined || typeof u === 'string' ? (webUrl(u) ?? '') : u),
    card: (c) => tidy(linkCard, c, { url, image: (i) => tidy(cardImage, i, { url }) }),
    // X never shows a quote inside a quote: one deeper is dropped.
    quoted: quoted ? () => undefined : (q) => cleanPost(q, true),
  };
  if (quoted) mend.id = (id) => (typeof id === 'string' && POST_ID_PATTERN.test(id) ? id : '');
  return tidy(quoted ? quotedPost : post, v, mend);
}

/**
 * The post as the store may hold it, or a message naming what is wrong. `path` names the
 * value in that message ("post.url is not an http(s) URL").
 */
export function parsePost(value: unknown, path = 'post'): Result<Post> {
  try {
    return { ok: true, value: postSchema().post(cleanPost(value, false), path) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.message };
    throw error;
  }
}
