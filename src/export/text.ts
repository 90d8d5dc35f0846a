// Plain-text export, for newsletters and places that take no markup: title underlined,
// paragraphs separated by blank lines, each post an indented quote (its content warning
// first) with its attribution and link on lines of their own. Nothing to escape, but every
// post line is indented, so a post's words can never pass for the writer's own.
import type { Post } from '../model/post';
import type { ExportInput } from './types';
import { oneLine, paragraphs, tidyBlankLines } from './paragraphs';
import {
  attribution, byline, contentWarning, linkCardView, linkWords, lookupPost, mediaLabel, mediaViews,
  pieceLines, pieces, type LinkCardView,
} from './post-parts';
import { missingPost } from './missing';
import { parseInline, writeInline, type InlineWriter } from './inline';
import { exportLocale, type ExportLocale } from './locale';
import type { ExportWords } from './words';

const INDENT = '    ';
// Long titles get a capped underline: a newsletter line is rarely wider than this.
const MAX_UNDERLINE = 72;

// The writer's emphasis as the words alone; a link as its words and its address in brackets
// ("words (URL)"), or the address alone when that is what the words say.
const WRITER: InlineWriter = {
  text: (t) => t,
  strong: (inner) => inner,
  em: (inner) => inner,
  link: (inner, href) => (inner === href || `${inner}/` === href ? href : `${inner} (${href})`),
};

function textParagraphs(text: string | undefined): string[] {
  return paragraphs(text).map((lines) => lines.map((line) => writeInline(parseInline(line), WRITER)).join('\n'));
}

function underline(title: string): string {
  const width = [...new Intl.Segmenter().segment(title)].length;
  return '='.repeat(Math.min(width, MAX_UNDERLINE));
}

/**
 * The words, line by line. Leading spaces go, as they do in the other formats (Markdown
 * would read them as code, HTML collapses them): an indented post line stays indented
 * only by the quote's own indent.
 */
function wordLines(post: Post): string[] {
  const lines = pieceLines(pieces(post)).map((line) => line.map(linkWords).join('').trimStart());
  return tidyBlankLines(lines);
}

/** `Title (domain): address`, leaving out what the card lacks. */
function linkCardLine({ title, domain, href }: LinkCardView, { colon }: ExportWords): string {
  const words = title && domain ? `${title} (${domain})` : title || domain;
  return words && href ? `${words}${colon}${href}` : words || href || '';
}

/** The post's lines before indenting; a quoted post nests one level deeper. */
function postLines(post: Post, locale: ExportLocale, nested: boolean): string[] {
  const fixed = locale.words;
  const blocks: string[][] = [];
  const warning = contentWarning(post);
  if (warning) blocks.push([`${fixed.contentWarning} ${warning}`]);
  const words = wordLines(post);
  if (words.length) blocks.push(words);
  const card = linkCardView(post);
  if (card) blocks.push([linkCardLine(card, fixed)]);
  const media = mediaViews(post).map((m) => `[${mediaLabel(m, fixed)}]${m.src ? ` ${m.src}` : ''}`);
  if (media.length) blocks.push(media);
  if (post.quoted && !nested) blocks.push(postLines(post.quoted, locale, true).map((l) => (l ? INDENT + l : '')));
  const a = attribution(post, locale);
  blocks.push([`— ${byline(a)}${a.date ? `${fixed.comma}${a.date}` : ''}`, ...(a.href ? [a.href] : [])]);
  return blocks.flatMap((b, i) => (i === 0 ? b : ['', ...b]));
}

function indent(lines: string[]): string {
  return lines.map((l) => (l ? INDENT + l : '')).join('\n');
}

function missingText(postId: string, words: ExportWords): string {
  const { note, href } = missingPost(postId, words);
  return indent([`[${note}${href ? `${words.colon}${href}` : ''}]`]);
}

export function renderText({ roundup, posts, settings }: ExportInput): string {
  const locale = exportLocale(roundup.language);
  const out: string[] = [];
  const title = oneLine(roundup.title);
  if (title) out.push(`${title}\n${underline(title)}`);
  out.push(...textParagraphs(roundup.intro));
  for (const item of roundup.items) {
    out.push(...textParagraphs(item.leadIn));
    const post = lookupPost(posts, item.postId);
    out.push(post ? indent(postLines(post, locale, false)) : missingText(item.postId, locale.words));
    out.push(...textParagraphs(item.commentary));
  }
  out.push(...textParagraphs(roundup.closing), ...textParagraphs(settings.signature));
  return out.join('\n\n') + '\n';
}
