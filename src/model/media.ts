// Kept copies of a post's pictures: a roundup outlives the posts it quotes, their pictures
// included. The background keeps each picture a clipped post shows (photos, video and GIF
// posters, the author's avatar, link-card pictures; the quoted post's too) as bytes in the
// database, keyed by the URL the post holds, and shared by every post and roundup that shows
// it. Pure: which pictures a post shows, which URL to fetch, and what a copy is.
import type { Post } from './post';

/**
 * Hosts whose pictures Roundup copies (the networks' media hosts; named in the README): X's,
 * and Bluesky's CDN (photos, avatars, link-card pictures) and video host (a video's still,
 * `video.bsky.app/watch/…/thumbnail.jpg`). Mastodon's are each instance's own (or its object
 * storage's): not listed here.
 */
export const MEDIA_HOSTS: readonly string[] = ['pbs.twimg.com', 'cdn.bsky.app', 'video.bsky.app'];

/** Why a copy is missing when the browser has not let Roundup load from the media hosts (Firefox may not). */
export const NOT_ALLOWED_REASON = `Roundup may not load pictures from ${MEDIA_HOSTS.join(', ')} yet`;

/** Larger than any picture X serves at `name=large`: anything over it is not kept. */
export const MAX_COPY_BYTES = 20 * 1024 * 1024;

export type PictureRole = 'photo' | 'poster' | 'avatar' | 'card';

export interface Picture {
  /** As the post holds it: the key of its copy. */
  url: string;
  role: PictureRole;
  alt?: string;
  /**
   * A Mastodon post's picture: on whatever host its instance keeps media (any https host, read
   * from the instance's API), not one of MEDIA_HOSTS.
   */
  anyHost?: true;
}

/** A picture's copy, as stored. */
export interface KeptCopy {
  url: string;
  status: 'kept';
  /** The body's media type, e.g. `image/jpeg`. */
  type: string;
  size: number;
  bytes: Blob;
  keptAt: string;
}

/** A picture that could not be copied (yet): why, and how often it was tried. */
export interface MissingCopy {
  url: string;
  status: 'missing';
  reason: string;
  tries: number;
  triedAt: string;
}

export type CopyRecord = KeptCopy | MissingCopy;

/** The bytes of kept pictures, by the URL the post holds: what the exports that carry them take. */
export type PictureBytes = ReadonlyMap<string, { type: string; bytes: Uint8Array }>;

export function isMediaHost(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && MEDIA_HOSTS.includes(u.hostname);
  } catch {
    return false;
  }
}

/** Every picture the post shows (its quoted post's too), once each, in reading order. */
export function picturesOf(post: Post): Picture[] {
  const out: Picture[] = [];
  const seen = new Set<string>();
  const add = (url: string | undefined, role: PictureRole, alt?: string) => {
    if (!url || seen.has(url)) return;
    seen.add(url);
    out.push(alt === undefined ? { url, role } : { url, role, alt });
  };
  const walk = (p: Post) => {
    add(p.author.avatarUrl, 'avatar');
    for (const m of p.media) {
      if (m.kind === 'image') add(m.url, 'photo', m.alt);
      else add(m.posterUrl, 'poster', m.alt);
    }
    add(p.card?.image?.url, 'card', p.card?.image?.alt);
  };
  walk(post);
  if (post.quoted) walk(post.quoted);
  return out;
}

/** An https address (no credentials in it). */
export function isHttps(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password;
  } catch {
    return false;
  }
}

/**
 * The pictures of the post Roundup would copy: from the networks' media hosts, and a Mastodon
 * post's from any https host (each instance keeps its media on a host of its own).
 */
export function copiablePictures(post: Post): Picture[] {
  const out: Picture[] = [];
  for (const p of picturesOf(post)) {
    if (isMediaHost(p.url)) out.push(p);
    else if (post.site === 'mastodon' && isHttps(p.url)) out.push({ ...p, anyHost: true });
  }
  return out;
}

/**
 * The address to fetch for a picture: a photo at the largest size X's URL offers short of the
 * original (`name=large`, at most 2048 px); anything else as it is.
 */
export function fetchUrl(picture: Picture): string {
  if (picture.role !== 'photo') return picture.url;
  try {
    const u = new URL(picture.url);
    if (!u.pathname.startsWith('/media/')) return picture.url;
    u.searchParams.set('name', 'large');
    return u.href;
  } catch {
    return picture.url;
  }
}

const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));

/**
 * The picture's type from its first bytes (JPEG, PNG, GIF, WebP), or null for anything else:
 * what a server or a backup file says a body is, is not taken on its word.
 */
export function sniffImageType(b: Uint8Array): string | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'image/gif';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
  return null;
}
