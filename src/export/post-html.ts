// One post as HTML: X's official embed markup (publish.twitter.com), carrying the post's
// full words, photos and quoted post, so it reads with the embed script blocked or the
// post deleted. Shared by the HTML export and the WordPress quote fallback.
import type { Post } from '../model/post';
import type { ExportSettings } from './types';
import { escapeAttr as attr, escapeHtml as esc, safeUrl } from './escape';
import type { PictureSource } from './pictures';
import { oneLine } from './paragraphs';
import {
  attribution, byline, linkCardLabel, linkCardView, mediaLabel, mediaViews, pieces,
  type Attribution, type LinkCardView, type MediaView, type Piece,
} from './post-parts';

/** Inline styles for the no-script card. Inline only: a pasted post has no stylesheet. */
export interface CardStyles {
  card: string;
  quoted: string;
  image: string;
  meta: string;
}

const FONT = 'font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif';
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
  /** The words for a photo or video still that has no source. */
  missing(m: MediaView): string;
  /** The self-contained page and the archive show the author's avatar and the link card's picture too. */
  all?: boolean;
}

/** The HTML export's: pictures linked to X, named in words when their URL is unusable. */
export const LINKED: PictureLook = { src: safeUrl, missing: (m) => `[${mediaLabel(m)}]` };

const LANG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

function style(css: string | undefined): string {
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

function textParagraph(post: Post): string {
  const lang = post.lang && LANG.test(post.lang) ? ` lang="${attr(post.lang)}"` : '';
  const dir = post.dir === 'ltr' || post.dir === 'rtl' ? post.dir : 'auto';
  return `<p${lang} dir="${dir}">${richTextHtml(pieces(post))}</p>`;
}

/**
 * The link card as one paragraph, `Title — domain` linked to its address: inside the post's
 * blockquote, so widgets.js replaces it with X's own card, and it reads without the script.
 */
export function linkCardHtml(card: LinkCardView | null, image = ''): string {
  if (!card) return '';
  const label = image + esc(linkCardLabel(card));
  return `<p>${card.href ? `<a href="${attr(card.href)}">${label}</a>` : label}</p>`;
}

export function mediaHtml(list: MediaView[], imageStyle?: string, missing = LINKED.missing): string {
  if (list.length === 0) return '';
  const items = list.map((m) =>
    m.src ? `<img src="${attr(m.src)}" alt="${attr(m.alt)}"${style(imageStyle)}>` : esc(missing(m)),
  );
  return `<p>${items.join('')}</p>`;
}

/** `&mdash; Name (@handle) <a href="…">Month D, YYYY</a>`. With no date the link still shows. */
export function attributionHtml(a: Attribution): string {
  const label = esc(a.date ?? 'View post');
  const link = a.href ? `<a href="${attr(a.href)}">${label}</a>` : a.date ? label : '';
  return `&mdash; ${esc(byline(a))}${link ? ` ${link}` : ''}`;
}

/** `<img class="…">` of the picture at `url`, when the look shows it and it has a source; else nothing. */
function extraImage(look: PictureLook, url: string | undefined, cls: string, alt = ''): string {
  const src = look.all ? look.src(url) : null;
  return src ? `<img class="${cls}" src="${attr(src)}" alt="${attr(oneLine(alt))}">` : '';
}

/** The text, link card (with its picture, if shown) and photos of a post. */
function bodyHtml(post: Post, css: CardStyles | null, look: PictureLook): string {
  const card = linkCardHtml(linkCardView(post), extraImage(look, post.card?.image?.url, 'card-image', post.card?.image?.alt));
  return `${textParagraph(post)}${card}${mediaHtml(mediaViews(post, look.src), css?.image, look.missing)}`;
}

/** `— Name (@handle) date`, after the avatar when the look shows it. */
function metaHtml(post: Post, look: PictureLook): string {
  return extraImage(look, post.author?.avatarUrl, 'avatar') + attributionHtml(attribution(post));
}

function quotedHtml(quoted: Post | undefined, css: CardStyles | null, look: PictureLook): string {
  if (!quoted) return '';
  return `<blockquote${style(css?.quoted)}>${bodyHtml(quoted, css, look)}${metaHtml(quoted, look)}</blockquote>`;
}

/**
 * `<blockquote class="twitter-tweet">`: text, link card, photos, quoted post, then the attribution.
 * The permalink stays the last link inside, where widgets.js looks for the post id.
 * `static` adds inline styles so the card looks right with no script at all.
 */
export function tweetHtml(post: Post, settings: ExportSettings, isStatic: boolean, look = LINKED): string {
  const css = isStatic ? cardStyles(settings.theme) : null;
  const attrs =
    (settings.doNotTrack ? ' data-dnt="true"' : '') +
    (settings.theme === 'dark' ? ' data-theme="dark"' : '') +
    style(css?.card);
  const meta = css ? `<span${style(css.meta)}>${metaHtml(post, look)}</span>` : metaHtml(post, look);
  return `<blockquote class="twitter-tweet"${attrs}>${bodyHtml(post, css, look)}${quotedHtml(post.quoted, css, look)}${meta}</blockquote>`;
}
