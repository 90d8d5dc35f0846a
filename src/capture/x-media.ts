// Media of one post: photos at original size, videos and GIFs with their poster image.
import type { Media } from '../model/post';
import { absUrl, own, tid } from './x-dom';
import { GIF_BADGES, PHOTO_NO_ALT } from './x-words';

/**
 * Media in `scope` (a post or its quoted block). `permalink` stands in as a video's URL when
 * the page only has a `blob:` stream: it is the page where the video plays.
 */
export function readMedia(scope: Element, quoted: Element[], pageUrl: string, permalink: string): Media[] {
  const out: Media[] = [];
  for (const box of own(scope, tid('tweetPhoto'), quoted)) {
    try {
      const m = readOne(box, pageUrl, permalink);
      if (m) out.push(m);
    } catch {
      // one unreadable item must not cost the others
    }
  }
  return out;
}

function readOne(box: Element, pageUrl: string, permalink: string): Media | null {
  const video = box.querySelector('video');
  const img = box.querySelector('img');
  const play = box.querySelector(`${tid('playButton')}, ${tid('videoPlayer')}, ${tid('previewInterstitial')}`);
  if (!video && !play) {
    const url = img ? origPhoto(absUrl(img.getAttribute('src'), pageUrl)) : undefined;
    if (!url) return null;
    const alt = img?.getAttribute('alt') ?? '';
    // X's "Image" (in the page's language) labels a photo without a description: no alt text.
    return alt && !PHOTO_NO_ALT.has(alt.trim()) ? { kind: 'image', url, alt } : { kind: 'image', url };
  }
  const posterUrl = absUrl(video?.getAttribute('poster'), pageUrl) ?? absUrl(img?.getAttribute('src'), pageUrl);
  const stream = httpUrl(video?.getAttribute('src')) ?? httpUrl(video?.querySelector('source')?.getAttribute('src'));
  const kind = isGif(box, stream, posterUrl) ? 'gif' : 'video';
  const url = stream ?? (permalink || posterUrl);
  if (!url) return null;
  return posterUrl ? { kind, url, posterUrl } : { kind, url };
}

function httpUrl(v: string | null | undefined): string | undefined {
  return v && /^https?:\/\//i.test(v) ? v : undefined;
}

/**
 * GIFs play from `tweet_video` (any language). Else X's badge on it, or its play button's label,
 * which says "GIF" in every language of x-words.ts.
 */
function isGif(box: Element, stream?: string, poster?: string): boolean {
  if (/\/tweet_video(_thumb)?\//.test(stream ?? '') || /\/tweet_video_thumb\//.test(poster ?? '')) return true;
  if (/(?:^|[^A-Za-z])GIF(?:[^A-Za-z]|$)/.test(box.querySelector(tid('playButton'))?.getAttribute('aria-label') ?? '')) return true;
  return Array.from(box.querySelectorAll('span, div[dir]')).some((e) => e.childElementCount === 0 && GIF_BADGES.has(e.textContent?.trim() ?? ''));
}

/** pbs.twimg.com photo URL at original size (`name=orig`), keeping its format. */
export function origPhoto(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.hostname !== 'pbs.twimg.com' || !u.pathname.startsWith('/media/')) return url;
    // Legacy form: /media/ID.jpg or /media/ID.jpg:large
    const legacy = /^(\/media\/[^./:]+)\.(\w+)(?::\w+)?$/.exec(u.pathname);
    if (legacy?.[1] && legacy[2]) {
      u.pathname = legacy[1];
      if (!u.searchParams.has('format')) u.searchParams.set('format', legacy[2]);
    }
    u.searchParams.set('name', 'orig');
    return u.href;
  } catch {
    return url;
  }
}
