// A post arrives from a content script running inside a page we do not control: check every
// field before anything is stored. Returns the post (only known fields, copied) or a message
// naming what is wrong. A post is refused only when what identifies it is wrong; an optional
// link that is not http(s) (a `data:` avatar, a `javascript:` link) is dropped, keeping the rest.
import { THREAD_POSITIONS, type Author, type LinkCard, type Media, type Post, type Segment, type ThreadPosition } from './post';

const MAX_TEXT = 100_000;
const MAX_SHORT = 2_000;
const MAX_LIST = 100;

type Result<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown, path: string, max: number, required: boolean): string | undefined {
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string') throw new Error(`${path} is not a string`);
  if (v.length > max) throw new Error(`${path} is longer than ${max} characters`);
  return v;
}

function webUrl(s: string): string | undefined {
  try {
    const url = new URL(s);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A URL the post cannot do without (its permalink): anything but http(s) refuses the post. */
function requiredUrl(v: unknown, path: string): string {
  const url = webUrl(str(v, path, MAX_SHORT, true) as string);
  if (!url) throw new Error(`${path} is not an http(s) URL`);
  return url;
}

/** An optional URL: absent, or not http(s), leaves the field out. */
function optionalUrl(v: unknown, path: string): string | undefined {
  const s = str(v, path, MAX_SHORT, false);
  return s ? webUrl(s) : undefined;
}

function author(v: unknown, path: string): Author {
  if (!isRecord(v)) throw new Error(`${path} is not an object`);
  const out: Author = {
    name: str(v.name, `${path}.name`, MAX_SHORT, true) as string,
    handle: str(v.handle, `${path}.handle`, MAX_SHORT, true) as string,
  };
  const avatarUrl = optionalUrl(v.avatarUrl, `${path}.avatarUrl`);
  const profileUrl = optionalUrl(v.profileUrl, `${path}.profileUrl`);
  if (avatarUrl) out.avatarUrl = avatarUrl;
  if (profileUrl) out.profileUrl = profileUrl;
  return out;
}

function segment(v: unknown, path: string): Segment {
  if (!isRecord(v)) throw new Error(`${path} is not an object`);
  const text = str(v.text, `${path}.text`, MAX_TEXT, true) as string;
  switch (v.kind) {
    case 'text':
    case 'emoji':
      return { kind: v.kind, text };
    case 'link':
    case 'mention':
    case 'hashtag': {
      const href = optionalUrl(v.href, `${path}.href`);
      // Keep the words even when the link must go.
      return href ? { kind: v.kind, text, href } : { kind: 'text', text };
    }
    default:
      throw new Error(`${path}.kind is not one of text, link, mention, hashtag, emoji`);
  }
}

/** One photo or video; null when its URL is not a web address (nothing to show or link). */
function media(v: unknown, path: string): Media | null {
  if (!isRecord(v)) throw new Error(`${path} is not an object`);
  if (v.kind !== 'image' && v.kind !== 'video' && v.kind !== 'gif') throw new Error(`${path}.kind is not image, video or gif`);
  const url = optionalUrl(v.url, `${path}.url`);
  if (!url) return null;
  const out: Media = { kind: v.kind, url };
  const alt = str(v.alt, `${path}.alt`, MAX_TEXT, false);
  const posterUrl = optionalUrl(v.posterUrl, `${path}.posterUrl`);
  if (alt !== undefined) out.alt = alt;
  if (posterUrl) out.posterUrl = posterUrl;
  return out;
}

/** A link card; none when its link is not a web address (a card is only worth its link). */
function card(v: unknown, path: string): LinkCard | undefined {
  if (!isRecord(v)) throw new Error(`${path} is not an object`);
  const url = optionalUrl(v.url, `${path}.url`);
  if (!url) return undefined;
  const out: LinkCard = { url };
  for (const key of ['title', 'domain', 'description'] as const) {
    const value = str(v[key], `${path}.${key}`, MAX_TEXT, false);
    if (value !== undefined) out[key] = value;
  }
  if (v.image !== undefined) {
    if (!isRecord(v.image)) throw new Error(`${path}.image is not an object`);
    const imageUrl = optionalUrl(v.image.url, `${path}.image.url`);
    const alt = str(v.image.alt, `${path}.image.alt`, MAX_TEXT, false);
    if (imageUrl) out.image = alt !== undefined ? { url: imageUrl, alt } : { url: imageUrl };
  }
  return out;
}

function list<T>(v: unknown, path: string, item: (x: unknown, p: string) => T): T[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new Error(`${path} is not a list`);
  if (v.length > MAX_LIST * 100) throw new Error(`${path} has too many entries`);
  return v.map((x, i) => item(x, `${path}[${i}]`));
}

function post(v: unknown, path: string, depth: number): Post {
  if (!isRecord(v)) throw new Error(`${path} is not an object`);
  const id = str(v.id, `${path}.id`, MAX_SHORT, true) as string;
  // A quoted post X shows without a link has no id; a clipped post always has one.
  if (depth === 0 && !/^x:\d{1,25}$/.test(id)) throw new Error(`${path}.id is not an X post id`);
  if (v.site !== 'x') throw new Error(`${path}.site is not a supported site`);
  const out: Post = {
    id,
    site: 'x',
    url: (depth === 0 ? requiredUrl(v.url, `${path}.url`) : optionalUrl(v.url, `${path}.url`)) ?? '',
    author: author(v.author, `${path}.author`),
    text: str(v.text, `${path}.text`, MAX_TEXT, true) as string,
    segments: list(v.segments, `${path}.segments`, segment),
    media: list(v.media, `${path}.media`, media)
      .filter((m): m is Media => m !== null)
      .slice(0, MAX_LIST),
    capturedAt: str(v.capturedAt, `${path}.capturedAt`, 64, true) as string,
    pageUrl: optionalUrl(v.pageUrl, `${path}.pageUrl`) ?? '',
  };
  for (const key of ['lang', 'createdAt', 'repostedBy', 'replyTo'] as const) {
    const value = str(v[key], `${path}.${key}`, MAX_SHORT, false);
    if (value !== undefined) out[key] = value;
  }
  if (v.dir === 'ltr' || v.dir === 'rtl' || v.dir === 'auto') out.dir = v.dir;
  for (const key of ['pinned', 'truncated', 'partial'] as const) if (v[key] === true) out[key] = true;
  if (THREAD_POSITIONS.includes(v.thread as ThreadPosition)) out.thread = v.thread as ThreadPosition;
  const linkCard = v.card === undefined ? undefined : card(v.card, `${path}.card`);
  if (linkCard) out.card = linkCard;
  if (v.quoted !== undefined) {
    if (depth > 0) throw new Error(`${path}.quoted nests too deep`);
    out.quoted = post(v.quoted, `${path}.quoted`, depth + 1);
  }
  return out;
}

export function parsePost(value: unknown, path = 'post'): Result<Post> {
  try {
    return { ok: true, value: post(value, path, 0) };
  } catch (e) {
    return fail((e as Error).message);
  }
}
