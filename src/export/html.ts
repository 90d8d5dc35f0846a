// HTML export: a fragment to paste into a blog's HTML view. Headings and paragraphs are
// plain elements; each post is its network's embed markup (see post-embed.ts). With the embed
// script on, the scripts those need come once each at the end (X's, Bluesky's, one per
// Mastodon instance); off, each post is an inline-styled static card.
import type { Post } from '../model/post';
import type { ExportInput } from './types';
import { escapeAttr, escapeHtml } from './escape';
import { htmlParagraphs, oneLine } from './paragraphs';
import { lookupPost } from './post-parts';
import { LINKED, X_SCRIPT, type PictureLook } from './post-html';
import { embedScripts, isEmbedScript, postHtml } from './post-embed';
import { missingPost } from './missing';
import { pictureSource } from './pictures';
import { exportLocale, type ExportLocale } from './locale';

/** X's widgets.js (the one embed script there was before Bluesky and Mastodon). */
export const EMBED_SCRIPT = X_SCRIPT;

/** The export without its embed scripts, each a line of its own (for a preview that can run none). */
export function withoutEmbedScripts(html: string): string {
  return html.split('\n').filter((line) => !isEmbedScript(line)).join('\n');
}

const paras = (text: string | undefined): string[] => htmlParagraphs(text, escapeHtml);

function missingHtml(postId: string, locale: ExportLocale): string {
  const { note, href } = missingPost(postId, locale.words);
  const link = href ? ` <a href="${escapeAttr(href)}">${escapeHtml(href)}</a>` : '';
  return `<p><em>${escapeHtml(note + locale.words.fullStop)}</em>${link}</p>`;
}

/**
 * The roundup's blocks: title, words and posts (static cards when `isStatic`), and the posts
 * shown. Shared with the self-contained page, which shows pictures its own way. `locale`: the
 * export's (made once from the roundup's language: locale.ts).
 */
export function roundupHtml(
  { roundup, posts, settings }: ExportInput, locale: ExportLocale, isStatic: boolean, look: PictureLook,
): { out: string[]; shown: Post[] } {
  const out: string[] = [];
  const title = oneLine(roundup.title);
  if (title) out.push(`<h1>${escapeHtml(title)}</h1>`);
  out.push(...paras(roundup.intro));
  const shown: Post[] = [];
  for (const item of roundup.items) {
    out.push(...paras(item.leadIn));
    const post: Post | undefined = lookupPost(posts, item.postId);
    if (post) {
      out.push(postHtml(post, settings, locale, isStatic, look));
      shown.push(post);
    } else {
      out.push(missingHtml(item.postId, locale));
    }
    out.push(...paras(item.commentary));
  }
  out.push(...paras(roundup.closing), ...paras(settings.signature));
  return { out, shown };
}

export function renderHtml(input: ExportInput): string {
  const { settings } = input;
  // A fragment to paste has no root to declare the language on: the page it goes into does that.
  const locale = exportLocale(input.roundup.language);
  const { out, shown } = roundupHtml(input, locale, !settings.includeEmbedScript, { ...LINKED, src: pictureSource(input) });
  // Each script once for the whole post, and none that has nothing to render.
  if (settings.includeEmbedScript) out.push(...embedScripts(shown));
  return out.join('\n') + '\n';
}
