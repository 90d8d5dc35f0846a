// One post as HTML: X's official embed markup (publish.twitter.com), carrying the post's
// full words, photos and quoted post, so it reads with the embed script blocked or the
// post deleted. Shared by the HTML export and the WordPress quote fallback.
import type { Post } from '../model/post';
import type { ExportSettings } from './types';
import { escapeAttr as attr, escapeHtml as esc } from './escape';
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
export function linkCardHtml(card: LinkCardView | null): string {
  if (!card) return '';
  const label = esc(linkCardLabel(card));
  return `<p>${card.href ? `<a href="${attr(card.href)}">${label}</a>` : label}</p>`;
}

export function mediaHtml(list: MediaView[], imageStyle?: string): string {
  if (list.length === 0) return '';
  const items = list.map((m) =>
    m.src ? `<img src="${attr(m.src)}" alt="${attr(m.alt)}"${style(imageStyle)}>` : esc(`[${mediaLabel(m)}]`),
  );
  return `<p>${items.join('')}</p>`;
}

/** `&mdash; Name (@handle) <a href="…">Month D, YYYY</a>`. With no date the link still shows. */
export function attributionHtml(a: Attribution): string {
  const label = esc(a.date ?? 'View post');
  const link = a.href ? `<a href="${attr(a.href)}">${label}</a>` : a.date ? label : '';
  return `&mdash; ${esc(byline(a))}${link ? ` ${link}` : ''}`;
}

function quotedHtml(quoted: Post | undefined, css: CardStyles | null): string {
  if (!quoted) return '';
  return (
    `<blockquote${style(css?.quoted)}>${textParagraph(quoted)}${linkCardHtml(linkCardView(quoted))}` +
    `${mediaHtml(mediaViews(quoted), css?.image)}${attributionHtml(attribution(quoted))}</blockquote>`
  );
}

/**
 * `<blockquote class="twitter-tweet">`: text, link card, photos, quoted post, then the attribution.
 * The permalink stays the last link inside, where widgets.js looks for the post id.
 * `static` adds inline styles so the card looks right with no script at all.
 */
export function tweetHtml(post: Post, settings: ExportSettings, isStatic: boolean): string {
  const css = isStatic ? cardStyles(settings.theme) : null;
  const attrs =
    (settings.doNotTrack ? ' data-dnt="true"' : '') +
    (settings.theme === 'dark' ? ' data-theme="dark"' : '') +
    style(css?.card);
  const a = attribution(post);
  const meta = css ? `<span${style(css.meta)}>${attributionHtml(a)}</span>` : attributionHtml(a);
  return (
    `<blockquote class="twitter-tweet"${attrs}>${textParagraph(post)}${linkCardHtml(linkCardView(post))}` +
    `${mediaHtml(mediaViews(post), css?.image)}${quotedHtml(post.quoted, css)}${meta}</blockquote>`
  );
}
