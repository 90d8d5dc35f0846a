// The document the export preview shows: the export's HTML inside a page that can load and
// run nothing. The extension makes no network requests of its own, and a preview must not
// either, so three layers: the preview is rendered with the posts' photos left out (each
// shows as its "[Image: alt]" label, as when a photo has no usable URL), so it holds no URL
// to fetch; the page's own CSP blocks any fetch all the same (images, fonts, frames, the
// embed script); and the iframe is sandboxed with no permissions (no scripts, an opaque
// origin). Inline styles stay allowed: the static card uses them.
import { renderExport, type ExportInput } from '../../export';
import { withoutEmbedScripts } from '../../export/html';
import type { Post } from '../../model/post';
import { itemAnchor } from './preview-anchor';
import { PREVIEW_CSP } from './preview-csp';

export { PREVIEW_CSP };

// Only enough to read comfortably; the export itself carries the look it needs.
const BASE_STYLE =
  'body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:8px 12px;color:#0f1419;background:#fff}' +
  'blockquote{margin:1em 0;padding:0 0 0 12px;border-left:3px solid #cfd9de}' +
  'img{max-width:100%;height:auto}';

function withoutPhotos(post: Post): Post {
  const media = post.media.map((m) => ({ ...m, url: '', posterUrl: undefined }));
  return { ...post, media, ...(post.quoted ? { quoted: withoutPhotos(post.quoted) } : {}) };
}

// Where each item starts, so the preview can follow the item being edited (ExportPreview). The
// export itself marks nothing: the preview gives each item's lead-in a first paragraph of its
// own holding only this mark (private-use characters, which no writer types and no escaping or
// inline markup touches), and the document turns that paragraph into an empty anchor.
const MARK = '\uE000';
const itemMark = (index: number) => `${MARK}${index}${MARK}`;
const MARKED_PARAGRAPH = new RegExp(`<p[^>]*>${MARK}(\\d+)${MARK}</p>`, 'g');


/**
 * The export as the preview shows it: the same, but photos named instead of loaded, and each
 * item's start marked (previewDocument makes the marks anchors).
 */
export function previewHtml(format: 'html' | 'wordpress', input: ExportInput): string {
  const posts = Object.fromEntries(Object.entries(input.posts).map(([id, post]) => [id, withoutPhotos(post)]));
  const items = input.roundup.items.map((item, i) => ({ ...item, leadIn: `${itemMark(i)}\n\n${item.leadIn}` }));
  return renderExport(format, { ...input, roundup: { ...input.roundup, items }, posts });
}

/** A whole HTML document around `html` (an HTML or WordPress export), for `srcdoc`. */
export function previewDocument(html: string): string {
  // The embed scripts (X's, Bluesky's, each Mastodon instance's) could never run here; leaving
  // them out keeps the console free of CSP noise.
  const body = withoutEmbedScripts(html).replace(MARKED_PARAGRAPH, (_, index: string) => `<span id="${itemAnchor(Number(index))}"></span>`);
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">` +
    `<style>${BASE_STYLE}</style></head><body>${body}</body></html>`
  );
}
