// Each post in its own network's embed markup, and the scripts that render them: X's
// widgets.js and Bluesky's embed.js once each, Mastodon's embed.js once per instance.
import type { Post } from '../model/post';
import type { ExportSettings } from './types';
import type { ExportLocale } from './locale';
import { LINKED, X_SCRIPT, tweetHtml, type PictureLook } from './post-html';
import { BLUESKY_SCRIPT, blueskyEmbed, blueskyHtml } from './post-bluesky';
import { mastodonEmbed, mastodonHtml, mastodonScript } from './post-mastodon';

/**
 * The post as its network's embed markup (a static card when `isStatic`, or when it has none),
 * its fixed words and date in the export's language.
 */
export function postHtml(post: Post, settings: ExportSettings, locale: ExportLocale, isStatic: boolean, look: PictureLook = LINKED): string {
  switch (post.site) {
    case 'bluesky':
      return blueskyHtml(post, settings, locale, isStatic, look);
    case 'mastodon':
      return mastodonHtml(post, settings, locale, isStatic, look);
    default:
      return tweetHtml(post, settings, locale, isStatic, look);
  }
}

/** The script the post's embed markup needs (not static), or null when it is a static card. */
export function embedScript(post: Post): string | null {
  switch (post.site) {
    case 'bluesky':
      return blueskyEmbed(post) ? BLUESKY_SCRIPT : null;
    case 'mastodon': {
      const embed = mastodonEmbed(post);
      return embed ? mastodonScript(embed.origin) : null;
    }
    default:
      return X_SCRIPT;
  }
}

/** Every script a page of these posts needs, each once, in the order the posts first need them. */
export function embedScripts(posts: Iterable<Post>): string[] {
  const scripts = new Set<string>();
  for (const post of posts) {
    const script = embedScript(post);
    if (script) scripts.add(script);
  }
  return [...scripts];
}

/** Whether `html` is one of the embed scripts these exports write (the editor's preview leaves them out). */
export function isEmbedScript(html: string): boolean {
  return html === X_SCRIPT || html === BLUESKY_SCRIPT || /^<script data-allowed-prefixes="[^"<>]*" async src="https?:\/\/[^"<>]*\/embed\.js"><\/script>$/.test(html);
}
