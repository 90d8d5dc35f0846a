// "Web page (self-contained)": one HTML document that reads the same offline, for good. The
// roundup as the HTML export shows it with its static cards (never a script), and every kept
// picture (avatars, photos, video and GIF stills, link-card pictures; the quoted post's too)
// inside it as a `data:` URI. A picture with no copy points nowhere: a photo or still shows
// as words ("[Photo: alt]"), an avatar or card picture is left out. The archive's index.html
// is the same page with its pictures as `media/<name>` files beside it. Pure.
import type { PictureBytes } from '../model/media';
import type { ExportInput } from './types';
import { escapeAttr, escapeHtml } from './escape';
import { roundupHtml } from './html';
import { oneLine } from './paragraphs';
import type { PictureLook } from './post-html';
import type { MediaView } from './post-parts';
import { keptType, type PictureSource } from './pictures';
import { exportLocale, type ExportLocale } from './locale';
import type { ExportWords } from './words';

/** The page may load nothing: its pictures are inside it, its style is inline. */
export const PAGE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
/**
 * The archive's page loads its pictures from the files beside it. Only scripts, plugins and
 * frames are named: what `'self'` means for a file opened from disk differs between browsers.
 */
export const ARCHIVE_CSP = "script-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'";

/** `[Photo: alt]`, `[Video]` (the editor's own words for a picture it cannot show, PostCard): what a photo or video still with no copy becomes. */
export function pictureWords(m: MediaView, words: ExportWords): string {
  const kind = m.kind === 'image' ? words.photo : m.kind === 'gif' ? words.gif : words.video;
  return `[${kind}${m.alt ? `${words.colon}${m.alt}` : ''}]`;
}

/** ` lang="de"`, and ` dir="rtl"` for a language written right to left; nothing for a roundup with no language. */
function languageAttributes({ lang, dir }: ExportLocale): string {
  return lang ? ` lang="${escapeAttr(lang)}"${dir === 'rtl' ? ' dir="rtl"' : ''}` : '';
}

function style(dark: boolean): string {
  const [bg, fg, link] = dark ? ['#15202b', '#f7f9f9', '#6cb6ff'] : ['#ffffff', '#0f1419', '#1a5fb4'];
  return (
    `body{margin:0;padding:24px 16px;background:${bg};color:${fg};` +
    'font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}' +
    'main{max-width:680px;margin:0 auto}h1{font-size:1.8em;line-height:1.25;margin:0 0 .6em}' +
    `a{color:${link}}img{max-width:100%;height:auto}blockquote{margin:1em 0}` +
    '.avatar{width:24px;height:24px;border-radius:50%;vertical-align:middle;margin:0 6px 0 0}' +
    '.card-image{display:block;border-radius:8px;margin:0 0 4px}' +
    '@media print{body{padding:0}a{color:inherit}}'
  );
}

/** A whole HTML document of the roundup, its pictures from `src`. */
export function pageDocument(input: ExportInput, src: PictureSource, csp: string): string {
  const look: PictureLook = { src, missing: pictureWords, all: true };
  const locale = exportLocale(input.roundup.language);
  const { out } = roundupHtml(input, locale, true, look);
  // The product's name, in every language, for a roundup with no title.
  const title = oneLine(input.roundup.title) || 'Roundup';
  return (
    `<!doctype html>\n<html${languageAttributes(locale)}>\n<head>\n<meta charset="utf-8">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">\n` +
    `<title>${escapeHtml(title)}</title>\n<style>${style(input.settings.theme === 'dark')}</style>\n</head>\n` +
    `<body>\n<main>\n${out.join('\n')}\n</main>\n</body>\n</html>\n`
  );
}

const DIGITS = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');

/** Base64 of the bytes: written as ASCII bytes, then read as one string (far faster than btoa on a binary string). */
export function base64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const whole = bytes.length - (bytes.length % 3);
  let j = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[j++] = DIGITS[n >>> 18]!;
    out[j++] = DIGITS[(n >>> 12) & 63]!;
    out[j++] = DIGITS[(n >>> 6) & 63]!;
    out[j++] = DIGITS[n & 63]!;
  }
  if (whole < bytes.length) {
    const n = (bytes[whole]! << 16) | ((bytes[whole + 1] ?? 0) << 8);
    out[j++] = DIGITS[n >>> 18]!;
    out[j++] = DIGITS[(n >>> 12) & 63]!;
    out[j++] = bytes.length - whole === 2 ? DIGITS[(n >>> 6) & 63]! : 61; // '='
    out[j++] = 61;
  }
  return new TextDecoder().decode(out);
}

/** Each kept picture as a `data:` URI, encoded once however often it shows; null for the others. */
export function dataSource(pictures: PictureBytes): PictureSource {
  const made = new Map<string, string | null>();
  return (url) => {
    if (!url) return null;
    let uri = made.get(url);
    if (uri === undefined) {
      const type = keptType(pictures, url);
      uri = type ? `data:${type};base64,${base64(pictures.get(url)!.bytes)}` : null;
      made.set(url, uri);
    }
    return uri;
  };
}

/** The self-contained page: every kept picture inside it, nothing to load, no script. */
export function renderPage(input: ExportInput, pictures: PictureBytes): string {
  return pageDocument(input, dataSource(pictures), PAGE_CSP);
}
