// One Mastodon status as Mastodon's embed code, the shape of 4.3 and later (mastodon/mastodon,
// app/serializers/oembed_serializer.rb, which the "Embed" dialog and oEmbed both give):
//   <blockquote class="mastodon-embed" data-embed-url="https://<home>/@user/<id>/embed" style="…">
//     <a href="https://<home>/@user/<id>" target="_blank" style="…">logo, "Post by
//     @user@home", "View on Mastodon"</a></blockquote>
//   <script data-allowed-prefixes="https://<home>/" async src="https://<home>/embed.js"></script>
// Its embed.js (public/embed.js) renders only the blockquotes whose data-embed-url starts with
// its own prefix, so each instance's script comes once (mastodonScript). It appends an iframe of
// data-embed-url inside the blockquote and, once the iframe reports its height, removes the
// blockquote's first link: the placeholder. Mastodon's placeholder holds no words; ours holds
// the whole status (content warning, words, link card, photos, quoted post, author, date), so
// the roundup reads when the status or its instance is gone, and the embed takes its place
// exactly as it takes Mastodon's own. One link can hold no other: inside it, the post's links
// show as the addresses they lead to. Without the script (or for an address that is no
// Mastodon status link) the post is the static card, links and all.
import type { Post } from '../model/post';
import type { ExportSettings } from './types';
import type { ExportLocale } from './locale';
import { escapeAttr as attr } from './escape';
import { attribution, permalink } from './post-parts';
import {
  FONT, LINKED, bodyHtml, metaHtml, plainCardHtml, quotedHtml, style, type CardLook, type CardStyles, type PictureLook,
} from './post-html';

// Mastodon's own styles for the blockquote (OEmbedSerializer::INLINE_STYLES, as it writes them);
// the link is laid out for words rather than its centred logo, in its colours.
const BLOCKQUOTE =
  'max-width: 540px; min-width: 270px; background:#FCF8FF; border: 1px solid #C9C4DA; border-radius: 8px; overflow: hidden; margin: 0; padding: 0;';
const LINK = `display:block;padding:16px 20px;color:#1C1A25;text-decoration:none;font-size:15px;line-height:1.4;${FONT}`;
const INSIDE: CardStyles = {
  card: BLOCKQUOTE,
  quoted: 'margin:12px 0;padding:8px 12px;border:1px solid #C9C4DA;border-radius:8px',
  image: 'display:block;max-width:100%;height:auto;border-radius:8px;margin:8px 0',
  meta: 'display:block;font-size:0.9em;color:#787588',
};

// A status's address on its home instance: `/@user/<id>`, or the ActivityPub form
// `/users/user/statuses/<id>`; Mastodon serves `<address>/embed` for both.
const STATUS_PATH = /^\/(?:@[A-Za-z0-9_.-]{1,64}|users\/[A-Za-z0-9_.-]{1,64}\/statuses)\/\d{1,30}$/;

interface MastodonEmbed {
  /** The status's address, and its instance's origin (`https://mastodon.social`). */
  url: string;
  origin: string;
}

/** A server on this machine (Mastodon's development server answers on http://localhost:3000). */
const LOOPBACK = /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

/**
 * The status's embed, when its address is a Mastodon status link over https — or over http on
 * this machine, where Mastodon's development server writes its own embed code with http (a
 * page on the writer's own machine loads it; no public instance serves http); else null.
 */
export function mastodonEmbed(post: Post): MastodonEmbed | null {
  const href = permalink(post);
  if (!href) return null;
  const u = new URL(href);
  const path = u.pathname.replace(/\/$/, '');
  const scheme = u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.test(u.hostname));
  if (!scheme || u.username || u.password || !STATUS_PATH.test(path)) return null;
  return { url: u.origin + path, origin: u.origin };
}

/** The embed script of the instance at `origin`, allowed to render its own statuses only. */
export function mastodonScript(origin: string): string {
  return `<script data-allowed-prefixes="${attr(`${origin}/`)}" async src="${attr(`${origin}/embed.js`)}"></script>`;
}

/** `<blockquote class="mastodon-embed">` with the whole status inside its one link; the static card when `isStatic`. */
export function mastodonHtml(post: Post, settings: ExportSettings, locale: ExportLocale, isStatic: boolean, look: PictureLook = LINKED): string {
  const embed = isStatic ? null : mastodonEmbed(post);
  if (!embed) return plainCardHtml(post, settings, locale, look);
  const c: CardLook = { css: INSIDE, look, linked: false, locale };
  const inside = `${bodyHtml(post, c)}${quotedHtml(post.quoted, c)}${metaHtml(post, c, { ...attribution(post, locale), href: embed.url })}`;
  return (
    `<blockquote class="mastodon-embed" data-embed-url="${attr(`${embed.url}/embed`)}"${style(BLOCKQUOTE)}>` +
    `<a href="${attr(embed.url)}" target="_blank"${style(LINK)}>${inside}</a></blockquote>`
  );
}
