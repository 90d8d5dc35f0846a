// Where an export's pictures point. Linked to X (the default), a picture is its URL as the
// post holds it; with the kept copies, it is `media/<name>`, a file beside the export (the
// archive puts it there) or, in the self-contained page, the bytes themselves. A picture with
// no copy is never pointed at X's servers by those: it shows as words. Pure.
import { picturesOf, type Picture, type PictureBytes } from '../model/media';
import type { ExportInput } from './types';
import { safeUrl } from './escape';
import { lookupPost } from './post-parts';

/** What an export writes for a picture, from the URL the post holds; null: no picture, words instead. */
export type PictureSource = (url: string | undefined) => string | null;

/** The raster types a kept picture may have, and their file extensions. No SVG: it can carry script. */
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

/** `image/jpeg` from `Image/JPEG; charset=x` (or `image/jpg`); null unless a raster image type. */
export function imageType(type: string | undefined): string | null {
  const t = (type ?? '').split(';')[0]!.trim().toLowerCase().replace(/^image\/jpg$/, 'image/jpeg');
  return Object.hasOwn(EXTENSIONS, t) ? t : null;
}

/** The extension for an image type imageType accepts. */
export function extensionOf(type: string): string {
  return EXTENSIONS[type] ?? 'bin';
}

/** The type X's URL names (`?format=png`, `….jpg`); JPEG, X's usual, when it names none. */
export function typeFromUrl(url: string): string {
  let ext = '';
  try {
    const u = new URL(url);
    ext = u.searchParams.get('format') ?? /\.([a-z0-9]+)$/i.exec(u.pathname)?.[1] ?? '';
  } catch {
    // not a URL: the default
  }
  return imageType(`image/${ext}`) ?? 'image/jpeg';
}

/** cyrb53: a 53-bit hash of the URL, enough that two pictures of one roundup never share a name. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

/**
 * The file name of a picture beside an export: a short slug of the URL's last path part, a hash
 * of the whole URL and the extension of its type, e.g. `gxk2ab-3kd9a0qz1xm.jpg`. Only `a-z`,
 * `0-9`, `-` and one `.`: safe on every file system and in every URL, HTML attribute and
 * Markdown link. The same URL and type always give the same name.
 */
export function mediaFileName(url: string, type: string): string {
  let last = '';
  try {
    last = new URL(url).pathname.split('/').pop() ?? '';
  } catch {
    // not a URL: the hash alone
  }
  const slug = last.replace(/\.[a-z0-9]+$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 24).replace(/^-+|-+$/g, '');
  return `${slug || 'picture'}-${hash(url)}.${extensionOf(type)}`;
}

/** The copy's normalised type, or null when there is no usable copy. */
export function keptType(pictures: PictureBytes, url: string): string | null {
  const copy = pictures.get(url);
  return copy && copy.bytes.length > 0 ? imageType(copy.type) : null;
}

/**
 * `media/<name>` for each picture with a copy in `pictures` (null for the others); without
 * `pictures`, for every http(s) picture, typed by its URL.
 */
export function filesSource(pictures?: PictureBytes): PictureSource {
  return (url) => {
    if (!url) return null;
    const type = pictures ? keptType(pictures, url) : safeUrl(url) ? typeFromUrl(url) : null;
    return type ? `media/${mediaFileName(url, type)}` : null;
  };
}

/** The export's choice: X's URL (only if http(s)), or the files beside it. */
export function pictureSource({ settings, pictures }: Pick<ExportInput, 'settings' | 'pictures'>): PictureSource {
  return settings.pictures === 'files' ? filesSource(pictures) : (url) => safeUrl(url);
}

/** Every picture the roundup's posts show (quoted posts' too), once each, in reading order. */
export function roundupPictures({ roundup, posts }: Pick<ExportInput, 'roundup' | 'posts'>): Picture[] {
  const seen = new Map<string, Picture>();
  for (const { postId } of roundup.items) {
    const post = lookupPost(posts, postId);
    for (const picture of post ? picturesOf(post) : []) if (!seen.has(picture.url)) seen.set(picture.url, picture);
  }
  return [...seen.values()];
}

/** Their URLs: what to read the kept copies of. */
export function roundupPictureUrls(input: Pick<ExportInput, 'roundup' | 'posts'>): string[] {
  return roundupPictures(input).map((p) => p.url);
}
