// HTML export: a fragment to paste into a blog's HTML view. Headings and paragraphs are
// plain elements; each post is X's embed markup (see post-html.ts). With the embed script
// on, widgets.js is added once at the end; off, each post is an inline-styled static card.
import type { Post } from '../model/post';
import type { ExportInput } from './types';
import { escapeAttr, escapeHtml } from './escape';
import { htmlParagraphs, oneLine } from './paragraphs';
import { lookupPost } from './post-parts';
import { LINKED, tweetHtml, type PictureLook } from './post-html';
import { missingPost } from './missing';
import { pictureSource } from './pictures';

export const EMBED_SCRIPT = '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';

const paras = (text: string | undefined): string[] => htmlParagraphs(text, escapeHtml);

function missingHtml(postId: string): string {
  const { note, href } = missingPost(postId);
  const link = href ? ` <a href="${escapeAttr(href)}">${escapeHtml(href)}</a>` : '';
  return `<p><em>${escapeHtml(note)}.</em>${link}</p>`;
}

/**
 * The roundup's blocks: title, words and posts (static cards when `isStatic`), and how many
 * posts are there. Shared with the self-contained page, which shows pictures its own way.
 */
export function roundupHtml({ roundup, posts, settings }: ExportInput, isStatic: boolean, look: PictureLook): { out: string[]; embedded: number } {
  const out: string[] = [];
  const title = oneLine(roundup.title);
  if (title) out.push(`<h1>${escapeHtml(title)}</h1>`);
  out.push(...paras(roundup.intro));
  let embedded = 0;
  for (const item of roundup.items) {
    out.push(...paras(item.leadIn));
    const post: Post | undefined = lookupPost(posts, item.postId);
    if (post) {
      out.push(tweetHtml(post, settings, isStatic, look));
      embedded++;
    } else {
      out.push(missingHtml(item.postId));
    }
    out.push(...paras(item.commentary));
  }
  out.push(...paras(roundup.closing), ...paras(settings.signature));
  return { out, embedded };
}

export function renderHtml(input: ExportInput): string {
  const { settings } = input;
  const { out, embedded } = roundupHtml(input, !settings.includeEmbedScript, { ...LINKED, src: pictureSource(input) });
  // One script for the whole post, and none when there is nothing for it to render.
  if (settings.includeEmbedScript && embedded > 0) out.push(EMBED_SCRIPT);
  return out.join('\n') + '\n';
}
