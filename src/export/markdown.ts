// Markdown export (CommonMark + GFM): `# Title`, paragraphs, each post a `>` blockquote
// with its content warning (`**Content warning:** …`), words, link card
// (`[Title — domain](url)`), photos, quoted post and `— Name (@handle) [date](permalink)`.
// Every page or user string is escaped so it renders as the characters typed: a post
// cannot add a heading, link, image, HTML or template tag of its own.
import type { Post } from '../model/post';
import type { ExportInput, ExportSettings } from './types';
import { escapeMarkdown as md, markdownUrl } from './escape';
import { oneLine, paragraphs, tidyBlankLines } from './paragraphs';
import {
  attribution, byline, contentWarning, linkCardLabel, linkCardView, lookupPost, mediaLabel, mediaViews,
  pieceLines, pieces, type Piece,
} from './post-parts';
import { missingPost } from './missing';
import { pictureSource, type PictureSource } from './pictures';
import { parseInline, writeInline, type InlineWriter } from './inline';
import { exportLocale, type ExportLocale } from './locale';

// Two trailing spaces: the hard line break every Markdown dialect understands.
const HARD_BREAK = '  \n';

const link = (text: string, href: string): string => `[${md(text, false)}](${markdownUrl(href)})`;

// The writer's links and emphasis as Markdown writes them; every word escaped as typed.
const WRITER: InlineWriter = {
  // A `!` right before a link would make it an image: escaped there.
  text: (t, atLineStart, beforeLink) => (beforeLink ? md(t, atLineStart).replace(/!$/, '\\!') : md(t, atLineStart)),
  strong: (inner) => `**${inner}**`,
  em: (inner) => `*${inner}*`,
  link: (inner, href) => `[${inner}](${markdownUrl(href)})`,
};

/** Paragraphs of user text separated by blank lines; single breaks kept as hard breaks; links and emphasis as written. */
function mdParagraphs(text: string | undefined): string[] {
  return paragraphs(text).map((lines) => lines.map((line) => writeInline(parseInline(line), WRITER)).join(HARD_BREAK));
}

/** One line of a post's words. Leading spaces go: four of them would make a code block. */
function richLine(line: Piece[]): string {
  let atStart = true;
  return line
    .map((p) => {
      const text = atStart ? p.text.trimStart() : p.text;
      if (!text) return '';
      const out = p.href ? link(text, p.href) : md(text, atStart);
      atStart = false;
      return out;
    })
    .join('');
}

/**
 * Lines as Markdown: a blank line (a paragraph break in the post) stays one blank line,
 * every other line break becomes a hard break.
 */
function withBreaks(lines: string[]): string[] {
  const kept = tidyBlankLines(lines);
  return kept.map((l, i) => (l && kept[i + 1] ? `${l}  ` : l));
}

/** How one post is written: the settings, where its pictures point, the export's words and dates. */
interface PostLook {
  settings: ExportSettings;
  src: PictureSource;
  locale: ExportLocale;
}

/** The lines of a post's blockquote, before the `> ` prefix. */
function postLines(post: Post, look: PostLook, nested: boolean): string[] {
  const { settings, src, locale } = look;
  const { words } = locale;
  const blocks: string[][] = [];
  const warning = contentWarning(post);
  if (warning) blocks.push([`**${md(words.contentWarning, false)}** ${md(warning, false)}`]);
  const text = pieceLines(pieces(post)).map(richLine);
  if (text.some((l) => l.trim())) blocks.push(withBreaks(text));
  const card = linkCardView(post);
  if (card) blocks.push([card.href ? link(linkCardLabel(card), card.href) : md(linkCardLabel(card))]);
  const media = mediaViews(post, src).map((m) =>
    !m.src ? md(`[${mediaLabel(m, words)}]`) : settings.markdownImages
      ? `![${md(m.kind === 'image' ? m.alt : mediaLabel(m, words), false)}](${markdownUrl(m.src)})`
      : link(mediaLabel(m, words), m.src),
  );
  if (media.length) blocks.push(withBreaks(media));
  if (post.quoted && !nested) blocks.push(postLines(post.quoted, look, true).map((l) => (l ? `> ${l}` : '>')));
  const a = attribution(post, locale);
  const date = a.href ? link(a.date ?? words.viewPost, a.href) : a.date ? md(a.date, false) : '';
  blocks.push([`— ${md(byline(a), false)}${date ? ` ${date}` : ''}`]);
  return blocks.flatMap((b, i) => (i === 0 ? b : ['', ...b]));
}

function quote(lines: string[]): string {
  return lines.map((l) => (l ? `> ${l}` : '>')).join('\n');
}

function missingMd(postId: string, locale: ExportLocale): string {
  const { note, href } = missingPost(postId, locale.words);
  return `*${md(note + locale.words.fullStop, false)}*${href ? ` ${link(href, href)}` : ''}`;
}

/**
 * YAML double-quoted scalar: JSON's escapes, plus the characters YAML 1.1 reads as breaks,
 * plus Markdown's and HTML's own (`<`, `[`, `*`…) as \u escapes: a Markdown reader that
 * does not know front matter renders these lines as Markdown, and must find no markup.
 */
function yamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff<>&[\]`*_|~{}]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function frontMatter({ roundup }: ExportInput): string {
  const when = new Date(roundup.exportedAt ?? roundup.updatedAt ?? roundup.createdAt);
  const date = Number.isNaN(when.getTime()) ? '' : `date: ${when.toISOString().slice(0, 10)}\n`;
  return `---\ntitle: ${yamlString(oneLine(roundup.title))}\n${date}---`;
}

export function renderMarkdown(input: ExportInput): string {
  const { roundup, posts, settings } = input;
  const out: string[] = [];
  const look: PostLook = { settings, src: pictureSource(input), locale: exportLocale(roundup.language) };
  if (settings.markdownFrontMatter) out.push(frontMatter(input));
  const title = oneLine(roundup.title);
  if (title) out.push(`# ${md(title, false)}`);
  out.push(...mdParagraphs(roundup.intro));
  for (const item of roundup.items) {
    out.push(...mdParagraphs(item.leadIn));
    const post = lookupPost(posts, item.postId);
    out.push(post ? quote(postLines(post, look, false)) : missingMd(item.postId, look.locale));
    out.push(...mdParagraphs(item.commentary));
  }
  out.push(...mdParagraphs(roundup.closing), ...mdParagraphs(settings.signature));
  return out.join('\n\n') + '\n';
}
