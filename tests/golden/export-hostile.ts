// Hostile strings and a way to put one into any single field of an otherwise ordinary
// roundup of one post from any network, for the escaping tests of every export format.
import type { Post, Site } from '../../src/model/post';
import type { Roundup } from '../../src/model/roundup';
import { DEFAULT_EXPORT_SETTINGS, type ExportInput } from '../../src/export';

export const HOSTILE_TEXT: readonly string[] = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  'javascript:alert(1)',
  '-->', '<!--', '--!>', '<!-- /wp:paragraph -->',
  '<!-- wp:html --><script>alert(1)</script><!-- /wp:html -->',
  ']]>', '<![CDATA[x]]>',
  '[x](javascript:alert(1))', '![x](http://evil.example/x.png)', '<http://evil.example>', '[ref]: http://evil.example',
  '# heading', '- item', '1. item', '> quote', '    indented code', '```js', '---', '===',
  '{{< shortcode >}} {% raw %}', '&lt;script&gt; &amp; &#x3C;', '*bold* _em_ ~~s~~ | a | b |', '\\', '`code`',
  // Each at the start of a line, where Markdown gives them meaning.
  '\n# heading\n- item\n1. item\n2) item\n+ item\n* item\n===\n---\n    code\n\tcode\n> quote\n<div>\n| a |\n```',
  'line\u2028break', 'para\u2029break', 'first\r\n\r\nsecond', 'nul\u0000bell\u0007esc\u001b[31m',
  'x'.repeat(5000), '🎉👩‍👩‍👧🏳️‍🌈', 'مرحبا بالعالم', '\u202Eevil\u202C', '\uD800 lone surrogate',
  // Handles and hosts as Bluesky and Mastodon write them, and what they must not smuggle.
  'alice.bsky.social', '@carol@mastodon.social', 'user@evil.example"><script>alert(1)</script>',
  'a.b.c@d.e:443', 'mastodon.social/@x/1"/embed', '@@.@', 'https://evil.example/embed.js',
];

export const HOSTILE_URLS: readonly string[] = [
  'javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd',
  'https://ok.example/"><img src=x onerror=alert(1)>', "https://ok.example/'onmouseover='alert(1)",
  'https://ok.example/--><!--', 'https://ok.example/a)[x](javascript:alert(1)', 'https://ok.example/{{x}}',
  '//evil.example/x', '', 'not a url',
];

export type TextField =
  | 'title' | 'intro' | 'leadIn' | 'commentary' | 'closing' | 'signature'
  | 'postText' | 'linkText' | 'authorName' | 'handle' | 'mediaAlt' | 'quotedText' | 'quotedName'
  | 'cardTitle' | 'cardDomain' | 'contentWarning' | 'instance';
export type UrlField = 'linkHref' | 'mentionHref' | 'mediaUrl' | 'posterUrl' | 'postUrl' | 'quotedUrl' | 'cardUrl';

export const TEXT_FIELDS: readonly TextField[] = [
  'title', 'intro', 'leadIn', 'commentary', 'closing', 'signature',
  'postText', 'linkText', 'authorName', 'handle', 'mediaAlt', 'quotedText', 'quotedName', 'cardTitle', 'cardDomain',
  'contentWarning', 'instance',
];
/** Fields the schema checks against a pattern, which no hostile `A … Z` can match: a backup refuses them. */
export const PATTERNED_FIELDS: readonly TextField[] = ['handle', 'instance'];

/** Every network the ordinary roundup's post can come from. */
export const NETWORKS: readonly Site[] = ['x', 'bluesky', 'mastodon'];
export const URL_FIELDS: readonly UrlField[] = ['linkHref', 'mentionHref', 'mediaUrl', 'posterUrl', 'postUrl', 'quotedUrl', 'cardUrl'];

/** The post's id, address, author and mention as its network writes them (model/networks.ts). */
const NETWORK_PARTS: Record<Site, { id: string; quotedId: string; url: string; quotedUrl: string; handle: string; mention: string; media: string; extra: Partial<Post> }> = {
  x: {
    id: 'x:100', quotedId: 'x:99', url: 'https://x.com/alice/status/100', quotedUrl: 'https://x.com/carol/status/99',
    handle: 'alice', mention: 'https://x.com/bob', media: 'https://pbs.twimg.com', extra: {},
  },
  bluesky: {
    id: 'bsky:at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3kaaaaaaaaa2a', quotedId: 'bsky:at://did:plc:cccccccccccccccccccccccc/app.bsky.feed.post/3kccccccccc2c',
    url: 'https://bsky.app/profile/alice.bsky.social/post/3kaaaaaaaaa2a', quotedUrl: 'https://bsky.app/profile/carol.example.com/post/3kccccccccc2c',
    handle: 'alice.bsky.social', mention: 'https://bsky.app/profile/did:plc:bbbbbbbbbbbbbbbbbbbbbbbb', media: 'https://cdn.bsky.app',
    extra: { atUri: 'at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3kaaaaaaaaa2a', cid: 'bafyreiaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
  },
  mastodon: {
    id: 'mastodon:https://mastodon.social/@alice/100', quotedId: 'mastodon:https://fosstodon.org/@carol/99',
    url: 'https://mastodon.social/@alice/100', quotedUrl: 'https://fosstodon.org/@carol/99',
    handle: 'alice', mention: 'https://mastodon.social/@bob', media: 'https://files.mastodon.social', extra: { instance: 'mastodon.social' },
  },
};

/** One item, every kind of content (a content warning too), no Markdown-significant characters of its own. */
function basePost(site: Site): Post {
  const n = NETWORK_PARTS[site];
  return {
    id: n.id,
    site,
    url: n.url,
    author: { name: 'Alice', handle: n.handle },
    text: 'Hello see example.com and @bob',
    segments: [
      { kind: 'text', text: 'Hello see ' },
      { kind: 'link', text: 'example.com', href: 'https://example.com/page' },
      { kind: 'text', text: ' and ' },
      { kind: 'mention', text: '@bob', href: n.mention },
    ],
    lang: 'en',
    createdAt: '2025-11-20T15:04:05.000Z',
    media: [
      { kind: 'image', url: `${n.media}/media/a.jpg`, alt: 'A photo' },
      { kind: 'video', url: 'https://video.twimg.com/v.mp4', posterUrl: `${n.media}/p.jpg`, alt: 'A clip' },
    ],
    quoted: {
      id: n.quotedId, site, url: n.quotedUrl, author: { name: 'Carol', handle: 'carol' },
      text: 'Quoted words', segments: [{ kind: 'text', text: 'Quoted words' }], media: [],
      capturedAt: '2025-11-21T10:00:00.000Z', pageUrl: 'https://x.com/home',
    },
    card: { url: 'https://t.co/card', title: 'Card title', domain: 'example.org', image: { url: `${n.media}/card_img/1/a` } },
    capturedAt: '2025-11-21T10:00:00.000Z',
    pageUrl: 'https://x.com/home',
    contentWarning: 'Mind this',
    ...n.extra,
  };
}

function baseRoundup(postId: string): Roundup {
  return {
    id: 'r1', title: 'My roundup', intro: 'Intro words', closing: 'Closing words',
    items: [{ postId, leadIn: 'Before the post', commentary: 'After the post' }],
    createdAt: '2025-11-21T10:00:00.000Z', updatedAt: '2025-11-22T10:00:00.000Z',
  };
}

/** The ordinary roundup (its post from `site`) with `value` in `field`; text fields get it between two words. */
export function hostileInput(field: TextField | UrlField | null, value: string, site: Site = 'x'): ExportInput {
  const post = basePost(site);
  const roundup = baseRoundup(post.id);
  const item = roundup.items[0]!;
  const quoted = post.quoted!;
  const v = `A ${value} Z`;
  const settings = { ...DEFAULT_EXPORT_SETTINGS, signature: 'Signature words' };
  switch (field) {
    case null: break;
    case 'title': case 'intro': case 'closing': roundup[field] = v; break;
    case 'leadIn': case 'commentary': item[field] = v; break;
    case 'signature': settings.signature = v; break;
    case 'postText': post.text = v; post.segments[0] = { kind: 'text', text: v }; break;
    case 'linkText': post.segments[1] = { kind: 'link', text: v, href: 'https://example.com/page' }; break;
    case 'authorName': post.author.name = v; break;
    case 'handle': post.author.handle = v; break;
    case 'mediaAlt': post.media[0]!.alt = v; post.media[1]!.alt = v; break;
    case 'quotedText': quoted.text = v; quoted.segments = [{ kind: 'text', text: v }]; break;
    case 'quotedName': quoted.author.name = v; break;
    case 'cardTitle': post.card!.title = v; break;
    case 'cardDomain': post.card!.domain = v; break;
    case 'contentWarning': post.contentWarning = v; break;
    case 'instance': post.instance = v; break;
    case 'linkHref': post.segments[1] = { kind: 'link', text: 'example.com', href: value }; break;
    case 'mentionHref': post.segments[3] = { kind: 'mention', text: '@bob', href: value }; break;
    case 'mediaUrl': post.media[0]!.url = value; break;
    case 'posterUrl': post.media[1]!.posterUrl = value; break;
    case 'postUrl': post.url = value; break;
    case 'quotedUrl': quoted.url = value; break;
    case 'cardUrl': post.card!.url = value; break;
  }
  return { roundup, posts: { [post.id]: post }, settings };
}
