// One Bluesky post as Bluesky's official embed markup: the snippet of bsky.app's "Embed post"
// (bluesky-social/social-app, src/components/dialogs/Embed.tsx; the same as embed.bsky.app's):
//   <blockquote class="bluesky-embed" data-bluesky-uri="at://<did>/app.bsky.feed.post/<rkey>"
//     data-bluesky-cid="<cid>" data-bluesky-embed-color-mode="…"><p lang="…">words</p>&mdash;
//     Name (@handle) <a href="https://bsky.app/profile/<did>/post/<rkey>?ref_src=embed">date</a>
//   </blockquote>
// and, once for the export, BLUESKY_SCRIPT. embed.js reads the blockquote's data attributes
// alone and replaces the whole blockquote with its iframe, so what is inside is ours to fill:
// the whole post (content warning, words with their links, link card, photos, quoted post), so
// it reads with the script blocked or the post deleted. Bluesky's snippet links the handle to
// the profile; ours writes `Name (@handle)` as X's does, one link, the post's.
import type { Post } from '../model/post';
import { blueskyIdParts, blueskyPostId } from '../model/networks';
import type { ExportSettings } from './types';
import type { ExportLocale } from './locale';
import { escapeAttr as attr, safeUrl } from './escape';
import { attribution, permalink } from './post-parts';
import {
  LINKED, bodyHtml, cardStyles, metaHtml, plainCardHtml, quotedHtml, style, type CardLook, type PictureLook,
} from './post-html';

export const BLUESKY_SCRIPT = '<script async src="https://embed.bsky.app/static/embed.js" charset="utf-8"></script>';

// A CIDv1 as Bluesky writes it (base32, lower case): what the schema allows, checked again
// here because a renderer takes any input.
const CID = /^[a-z2-7]{20,120}$/;

interface BlueskyEmbed {
  uri: string;
  cid: string;
  /** `https://bsky.app/profile/<did>/post/<rkey>`: by DID, which outlives a change of handle. */
  url: string;
}

/** The record the post is, as the embed names it; null for a post read without it (partial). */
export function blueskyEmbed(post: Post): BlueskyEmbed | null {
  if (!post.atUri || !post.cid || !CID.test(post.cid)) return null;
  const parts = blueskyIdParts(blueskyPostId(post.atUri) ?? '');
  if (!parts) return null;
  const url = safeUrl(`https://bsky.app/profile/${parts.did}/post/${parts.rkey}`);
  return url ? { uri: post.atUri, cid: post.cid, url } : null;
}

/**
 * The address WordPress embeds the post from (WordPress 6.6 and later list bsky.app posts
 * among their oEmbed providers): by DID when the record is known, else the post's own link if
 * it is a bsky.app post link; null otherwise.
 */
export function blueskyEmbedUrl(post: Post): string | null {
  const url = blueskyEmbed(post)?.url ?? permalink(post);
  return url && /^https:\/\/bsky\.app\/profile\/[^/?#]+\/post\/[^/?#]+$/.test(url) ? url : null;
}

/**
 * `<blockquote class="bluesky-embed">`, styled as the static card when `isStatic`. The colour
 * mode follows the theme setting, as X's `data-theme` does (Bluesky's own snippet offers
 * `system`, `light` and `dark`): a roundup's embeds then agree with one another.
 */
export function blueskyHtml(post: Post, settings: ExportSettings, locale: ExportLocale, isStatic: boolean, look: PictureLook = LINKED): string {
  const embed = blueskyEmbed(post);
  if (!embed) return plainCardHtml(post, settings, locale, look);
  const c: CardLook = { css: isStatic ? cardStyles(settings.theme) : null, look, linked: true, locale };
  const attrs =
    ` data-bluesky-uri="${attr(embed.uri)}" data-bluesky-cid="${attr(embed.cid)}"` +
    ` data-bluesky-embed-color-mode="${settings.theme === 'dark' ? 'dark' : 'light'}"` +
    style(c.css?.card);
  const meta = metaHtml(post, c, { ...attribution(post, locale), href: `${embed.url}?ref_src=embed` });
  return `<blockquote class="bluesky-embed"${attrs}>${bodyHtml(post, c)}${quotedHtml(post.quoted, c)}${meta}</blockquote>`;
}
