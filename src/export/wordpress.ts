// WordPress export: Gutenberg block markup, pasted into the Code editor. Each post is a
// `wp:embed` block where WordPress itself embeds its address (WordPress turns the URL into the
// network's embed via oEmbed) followed by a `wp:quote` holding its content warning, words and
// attribution, so the post reads when the embed fails. Never the post's own HTML: every word
// is escaped into blocks WordPress renders as they are.
//
// Which addresses WordPress embeds: those of its trusted oEmbed providers (WP_oEmbed's list,
// wp-includes/class-wp-oembed.php): twitter.com status links since 3.4, bsky.app post links
// since 6.6 (changeset 58091; Gutenberg's "Bluesky" embed variation, providerNameSlug
// `bluesky`). Mastodon is not among them (each instance is its own site), and what WordPress's
// oEmbed discovery would make of a status (Mastodon's blockquote, its script stripped: a link
// "View on Mastodon") holds none of its words: a Mastodon post is its quote alone.
import type { Post } from '../model/post';
import type { ExportInput } from './types';
import { escapeAttr as attr, escapeHtml as esc } from './escape';
import { htmlParagraphs, oneLine } from './paragraphs';
import { attribution, linkCardView, lookupPost, mediaLabel, mediaViews, permalink, pieces } from './post-parts';
import { attributionHtml, contentWarningHtml, linkCardHtml, richTextHtml } from './post-html';
import { blueskyEmbedUrl } from './post-bluesky';
import { missingPost } from './missing';
import { pictureSource, type PictureSource } from './pictures';
import { exportLocale, type ExportLocale } from './locale';

/**
 * Block attributes as JSON the way Gutenberg's serializer makes them safe: `--`, `<`, `>`,
 * `&` as \u escapes so no value can close the `<!-- … -->` comment or read as markup, and
 * no `\"` or `\\` (WordPress's unslashing of saved content would eat the backslash).
 * Escape pairs are matched left to right, so a value ending in a backslash stays valid
 * (Gutenberg's own `/\\"/` replacement breaks on that). U+2028/2029 for old JSON readers.
 */
export function blockAttributes(attrs: Record<string, unknown>): string {
  return JSON.stringify(attrs)
    .replace(/\\([\s\S])/g, (pair, c: string) => (c === '"' ? '\\u0022' : c === '\\' ? '\\u005c' : pair))
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function block(name: string, html: string, attrs?: Record<string, unknown>): string {
  const open = attrs ? `<!-- wp:${name} ${blockAttributes(attrs)} -->` : `<!-- wp:${name} -->`;
  return `${open}\n${html}\n<!-- /wp:${name} -->`;
}

const paragraph = (html: string): string => block('paragraph', html);

function paragraphs(text: string | undefined): string[] {
  return htmlParagraphs(text, esc).map(paragraph);
}

/** The embed variations used here, by their `providerNameSlug`. */
export type EmbedProvider = 'twitter' | 'bluesky';

/** The `wp:embed` block exactly as the block editor saves a Twitter (or Bluesky) embed. */
export function embedBlock(url: string, provider: EmbedProvider = 'twitter'): string {
  const attrs = { url, type: 'rich', providerNameSlug: provider, responsive: true };
  const figure =
    `<figure class="wp-block-embed is-type-rich is-provider-${provider} wp-block-embed-${provider}">` +
    `<div class="wp-block-embed__wrapper">\n${esc(url)}\n</div></figure>`;
  return block('embed', figure, attrs);
}

function imageBlock(src: string, alt: string): string {
  return block('image', `<figure class="wp-block-image"><img src="${attr(src)}" alt="${attr(alt)}"/></figure>`);
}

/** A `wp:quote` with the content warning, words, link card, photos and quoted post as inner blocks, then the `<cite>`. */
function quoteBlock(post: Post, src: PictureSource, locale: ExportLocale, nested: boolean): string {
  const fixed = locale.words;
  const inner: string[] = [];
  const warning = contentWarningHtml(post, fixed);
  if (warning) inner.push(paragraph(warning));
  const words = richTextHtml(pieces(post)).trim();
  if (words) inner.push(paragraph(`<p>${words}</p>`));
  const card = linkCardHtml(linkCardView(post));
  if (card) inner.push(paragraph(card));
  for (const m of mediaViews(post, src)) {
    inner.push(m.src ? imageBlock(m.src, m.alt) : paragraph(`<p>${esc(`[${mediaLabel(m, fixed)}]`)}</p>`));
  }
  if (post.quoted && !nested) inner.push(quoteBlock(post.quoted, src, locale, true));
  const cite = `<cite>${attributionHtml(attribution(post, locale), fixed)}</cite>`;
  return block('quote', `<blockquote class="wp-block-quote">${inner.join('\n\n')}${cite}</blockquote>`);
}

/** The embed block for the post, where WordPress has an oEmbed provider for its address. */
function embedFor(post: Post): string | null {
  if (post.site === 'bluesky') {
    const url = blueskyEmbedUrl(post);
    return url ? embedBlock(url, 'bluesky') : null;
  }
  if (post.site === 'mastodon') return null;
  const url = permalink(post);
  // Only X permalinks get the Twitter embed; anything else would not embed as Twitter.
  return url?.startsWith('https://twitter.com/') ? embedBlock(url) : null;
}

function postBlocks(post: Post, src: PictureSource, locale: ExportLocale): string[] {
  const embed = embedFor(post);
  return [...(embed ? [embed] : []), quoteBlock(post, src, locale, false)];
}

function missingBlock(postId: string, locale: ExportLocale): string {
  const { note, href } = missingPost(postId, locale.words);
  const link = href ? ` <a href="${attr(href)}">${esc(href)}</a>` : '';
  return paragraph(`<p><em>${esc(note + locale.words.fullStop)}</em>${link}</p>`);
}

/**
 * `heading: false` leaves the title out of the content: a draft sent to WordPress has it as the
 * post's own title (pasted into the Code editor, the export carries it as a heading).
 */
export function renderWordPress(input: ExportInput, { heading = true }: { heading?: boolean } = {}): string {
  const { roundup, posts, settings } = input;
  const src = pictureSource(input);
  // Block markup has no root to declare the language on: the WordPress site's theme does that.
  const locale = exportLocale(roundup.language);
  const out: string[] = [];
  const title = oneLine(roundup.title);
  // Level 2, the block's default: WordPress shows the post title itself as the page's h1.
  if (title && heading) out.push(block('heading', `<h2 class="wp-block-heading">${esc(title)}</h2>`));
  out.push(...paragraphs(roundup.intro));
  for (const item of roundup.items) {
    out.push(...paragraphs(item.leadIn));
    const post = lookupPost(posts, item.postId);
    out.push(...(post ? postBlocks(post, src, locale) : [missingBlock(item.postId, locale)]));
    out.push(...paragraphs(item.commentary));
  }
  out.push(...paragraphs(roundup.closing), ...paragraphs(settings.signature));
  return out.join('\n\n') + '\n';
}
