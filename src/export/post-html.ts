// One post as HTML: what every network's markup shares (the content warning, the words, link
// card, photos, quoted post and `— Name (@handle) date`, and the inline-styled static card),
// and X's official embed markup (publish.twitter.com), carrying the post's full words, photos
// and quoted post, so it reads with the embed script blocked or the post deleted. Bluesky's
// and Mastodon's markup are in post-bluesky.ts and post-mastodon.ts; post-embed.ts picks one
// per post. Shared by the HTML export, the page and the WordPress quote fallback.
import type { Post } from '../model/post';
import type { ExportSettings } from './types';
import { escapeAttr as attr, escapeHtml as esc, safeUrl } from './escape';
import type { PictureSource } from './pictures';
import { oneLine } from './paragraphs';
import type { ExportLocale } from './locale';
import type { ExportWords } from './words';
import {
  attribution, byline, contentWarning, linkCardLabel, linkCardView, linkWords, mediaLabel, mediaViews,
  pieces, type Attribution, type LinkCardView, type MediaView, type Piece,
} from './post-parts';

/** X's script, once per export when an X post is in it. */
export const X_SCRIPT = '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';

/** Inline styles for the no-script card. Inline only: a pasted post has no stylesheet. */
export interface CardStyles {
  card: string;
  quoted: string;
  image: string;
  meta: string;
}

export const FONT = 'font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif';
const CARD = 'max-width:550px;margin:1em 0;padding:12px 16px;border-radius:12px;line-height:1.4';

export function cardStyles(theme: ExportSettings['theme']): CardStyles {
  const [bg, fg, border] = theme === 'dark' ? ['#15202b', '#f7f9f9', '#38444d'] : ['#ffffff', '#0f1419', '#cfd9de'];
  return {
    card: `${CARD};${FONT};background:${bg};color:${fg};border:1px solid ${border}`,
    quoted: `margin:12px 0;padding:8px 12px;border:1px solid ${border};border-radius:12px`,
    image: `display:block;max-width:100%;height:auto;border-radius:12px;margin:8px 0`,
    meta: 'font-size:0.9em;opacity:0.8',
  };
}

/** How a post's pictures show: where each comes from, and the words for one that has none. */
export interface PictureLook {
  src: PictureSource;
  /** The words for a photo or video still that has no source, in the roundup's language. */
  missing(m: MediaView, words: ExportWords): string;
  /** The self-contained page and the archive show the author's avatar and the link card's picture too. */
  all?: boolean;
}

/** The HTML export's: pictures linked to the network, named in words when their URL is unusable. */
export const LINKED: PictureLook = { src: safeUrl, missing: (m, words) => `[${mediaLabel(m, words)}]` };

/**
 * How one card is drawn: its inline styles (null: the embed script styles it), its pictures,
 * whether its links may be `<a>`s (not inside Mastodon's embed, which is one link: see
 * post-mastodon.ts, where they show as the addresses they lead to), and the export's words and dates.
 */
export interface CardLook {
  css: CardStyles | null;
  look: PictureLook;
  linked: boolean;
  locale: ExportLocale;
}

const LANG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

export function style(css: string | undefined): string {
  return css ? ` style="${attr(css)}"` : '';
}

/** The words, links as `<a>`, line breaks as `<br>` (as X's embed code writes them). */
export function richTextHtml(list: Piece[]): string {
  return list
    .map(({ text, href }) => {
      const html = esc(text).replace(/\n/g, '<br>');
      return href ? `<a href="${attr(href)}">${html}</a>` : html;
    })
    .join('');
}

function textParagraph(post: Post, linked: boolean): string {
  const lang = post.lang && LANG.test(post.lang) ? ` lang="${attr(post.lang)}"` : '';
  const dir = post.dir === 'ltr' || post.dir === 'rtl' ? post.dir : 'auto';
  const words = linked ? pieces(post) : pieces(post).map((p) => ({ ...p, text: linkWords(p), href: null }));
  return `<p${lang} dir="${dir}">${richTextHtml(words)}</p>`;
}

/**
 * The author's content warning, before the words, as a paragraph that always shows (not a
 * `<details>` that hides them): the embed scripts replace the whole card, so this is only ever
 * read where the post could not be embedded, and there it must read the same in a blog, a feed
 * reader, an e-mail, a printout and the self-contained page; the other formats (Markdown, plain
 * text) can only say it, not hide anything. The writer chose to quote the post: its readers get
 * the author's warning first, as a printed article would give it.
 */
export function contentWarningHtml(post: Post, words: ExportWords): string {
  const warning = contentWarning(post);
  return warning ? `<p><strong>${esc(words.contentWarning)}</strong> ${esc(warning)}</p>` : '';
}

/**
 * The link card as one paragraph, `Title — domain` linked to its address: inside the post's
 * blockquote, so widgets.js replaces it with X's own card, and it reads without the script.
 */
export function linkCardHtml(card: LinkCardView | null, image = '', linked = true): string {
  if (!card) return '';
  const label = image + esc(linkCardLabel(card));
  return `<p>${card.href && linked ? `<a href="${attr(card.href)}">${label}</a>` : label}</p>`;
}

export function mediaHtml(list: MediaView[], words: ExportWords, imageStyle?: string, missing = LINKED.missing): string {
  if (list.length === 0) return '';
  const items = list.map((m) =>
    m.src ? `<img src="${attr(m.src)}" alt="${attr(m.alt)}"${style(imageStyle)}>` : esc(missing(m, words)),
  );
  return `<p>${items.join('')}</p>`;
}

/** `&mdash; Name (@handle) <a href="…">Month D, YYYY</a>`. With no date the link still shows. */
export function attributionHtml(a: Attribution, words: ExportWords, linked = true): string {
  const label = esc(a.date ?? words.viewPost);
  const link = a.href && linked ? `<a href="${attr(a.href)}">${label}</a>` : a.date ? label : '';
  return `&mdash; ${esc(byline(a))}${link ? ` ${link}` : ''}`;
}

/** `<img class="…">` of the picture at `url`, when the look shows it and it has a source; else nothing. */
function extraImage(look: PictureLook, url: string | undefined, cls: string, alt = ''): string {
  const src = look.all ? look.src(url) : null;
  return src ? `<img class="${cls}" src="${attr(src)}" alt="${attr(oneLine(alt))}">` : '';
}

/** The content warning, text, link card (with its picture, if shown) and photos of a post. */
export function bodyHtml(post: Post, { css, look, linked, locale }: CardLook): string {
  const image = extraImage(look, post.card?.image?.url, 'card-image', post.card?.image?.alt);
  const card = linkCardHtml(linkCardView(post), image, linked);
  const media = mediaHtml(mediaViews(post, look.src), locale.words, css?.image, look.missing);
  return `${contentWarningHtml(post, locale.words)}${textParagraph(post, linked)}${card}${media}`;
}

/** `— Name (@handle) date`, after the avatar when the look shows it; `a`: the attribution to show. */
function metaLine(post: Post, { look, linked, locale }: CardLook, a: Attribution): string {
  return extraImage(look, post.author?.avatarUrl, 'avatar') + attributionHtml(a, locale.words, linked);
}

/** The post's own meta line, in the static card's meta style. */
export function metaHtml(post: Post, c: CardLook, a: Attribution = attribution(post, c.locale)): string {
  const meta = metaLine(post, c, a);
  return c.css ? `<span${style(c.css.meta)}>${meta}</span>` : meta;
}

export function quotedHtml(quoted: Post | undefined, c: CardLook): string {
  if (!quoted) return '';
  return `<blockquote${style(c.css?.quoted)}>${bodyHtml(quoted, c)}${metaLine(quoted, c, attribution(quoted, c.locale))}</blockquote>`;
}

/**
 * A post shown with none of its network's embed markup (a Bluesky post read without its
 * record's id; a Mastodon status without the script, or whose address is no status link): the
 * static card, styled inline whatever the settings, since no script will come to style it.
 */
export function plainCardHtml(post: Post, settings: ExportSettings, locale: ExportLocale, look: PictureLook): string {
  const c: CardLook = { css: cardStyles(settings.theme), look, linked: true, locale };
  return `<blockquote${style(c.css!.card)}>${bodyHtml(post, c)}${quotedHtml(post.quoted, c)}${metaHtml(post, c)}</blockquote>`;
}

/**
 * `<blockquote class="twitter-tweet">`: text, link card, photos, quoted post, then the attribution.
 * The permalink stays the last link inside, where widgets.js looks for the post id.
 * `static` adds inline styles so the card looks right with no script at all.
 */
export function tweetHtml(post: Post, settings: ExportSettings, locale: ExportLocale, isStatic: boolean, look = LINKED): string {
  const c: CardLook = { css: isStatic ? cardStyles(settings.theme) : null, look, linked: true, locale };
  const attrs =
    (settings.doNotTrack ? ' data-dnt="true"' : '') +
    (settings.theme === 'dark' ? ' data-theme="dark"' : '') +
    style(c.css?.card);
  return `<blockquote class="twitter-tweet"${attrs}>${bodyHtml(post, c)}${quotedHtml(post.quoted, c)}${metaHtml(post, c)}</blockquote>`;
}
