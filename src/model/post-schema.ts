// The one schema of a Post, field by field: what the store may hold. A post sent by a page
// is cleaned, then checked by it (parse-post.ts); a backup's posts are checked by it as they
// are (export/backup-import.ts). So anything a page can get stored is a post a backup takes.
// `Shape<T>` makes the compiler point here whenever the model gains a field.
//
// The checks are built on first use (`postSchema()`): a module whose top level only declares
// costs nothing in a bundle that imports it and never checks (the editor imports the store,
// whose backup cleans with it; esbuild keeps any top-level call it cannot prove pure).
import { THREAD_POSITIONS, type Author, type LinkCard, type Media, type Post, type Segment } from './post';
import { MAX_POST_ID, POST_ID_PATTERN, siteOfPostId, SITES } from './networks';
import {
  bool, either, fail, httpUrl, isoDate, list, MAX_URL, object, oneOf, text, where, type Check, type ObjectCheck,
} from './validate';

/** Generous ceilings: they exist to refuse absurd data, not to judge writing. */
export const POST_LIMITS = {
  text: 1_000_000, // the post's text, any segment's text
  shortText: 100_000, // names, alt text, a link card's words, who reposted, replying to
  segments: 10_000,
  media: 100,
} as const;

/**
 * A handle as stored, or '' when the author is unknown (a post known only from a link to it):
 * X's (letters, digits, `_`), Bluesky's (a domain name: `alice.bsky.social`), Mastodon's
 * (`user@instance.social`). Never a space, a `<` or a quote: nothing that reads as markup.
 */
export const HANDLE = /^(?:[A-Za-z0-9_][A-Za-z0-9_.-]{0,252}(?:@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)?)?$/;
/** A record's at:// URI, a content id (CIDv1, base32), an instance's host (with a port, on a test machine). */
const AT_URI = /^at:\/\/did:(?:plc|web):[A-Za-z0-9._:%-]{1,200}\/[a-z0-9.]{1,100}\/[A-Za-z0-9._~:-]{1,64}$/;
const CID = /^[a-z2-7]{20,120}$/;
const HOST = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?(?::\d{1,5})?$/;
const LANG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
// Segment links may be root-relative as the page wrote them (`/hashtag/x`): never a scheme.
const ROOT_RELATIVE = /^\/(?!\/)[^\s\\]{0,4095}$/;

export const SEGMENT_KINDS: readonly Segment['kind'][] = ['text', 'link', 'mention', 'hashtag', 'emoji'];
type Kind<K extends Segment['kind']> = Extract<Segment, { kind: K }>;
type CardImage = NonNullable<LinkCard['image']>;

const OPTIONAL_POST_FIELDS = [
  'lang', 'dir', 'createdAt', 'quoted', 'card', 'repostedBy', 'pinned', 'replyTo', 'thread', 'truncated', 'partial',
  'atUri', 'cid', 'instance', 'contentWarning',
] as const;

/** The kind of a segment-like value, if it is one the schema knows. */
export function segmentKind(value: unknown): Segment['kind'] | null {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return SEGMENT_KINDS.includes(kind as Segment['kind']) ? (kind as Segment['kind']) : null;
}

function build() {
  const longText = text(POST_LIMITS.text);
  const shortText = text(POST_LIMITS.shortText);
  const postId = text(MAX_POST_ID, POST_ID_PATTERN, 'is not a post id like "x:1234567890"');
  const empty = text(0);

  const author = object<Author>(
    { name: shortText, handle: text(510, HANDLE, 'is not a handle'), avatarUrl: httpUrl, profileUrl: httpUrl },
    ['avatarUrl', 'profileUrl'],
  );

  const segmentHref = either(httpUrl, text(MAX_URL, ROOT_RELATIVE, 'is not an http(s) URL'));
  const segments: { [K in Segment['kind']]: ObjectCheck<Kind<K>> } = {
    text: object<Kind<'text'>>({ kind: oneOf(['text']), text: longText }),
    emoji: object<Kind<'emoji'>>({ kind: oneOf(['emoji']), text: longText }),
    link: object<Kind<'link'>>({ kind: oneOf(['link']), text: longText, href: segmentHref }),
    mention: object<Kind<'mention'>>({ kind: oneOf(['mention']), text: longText, href: segmentHref }),
    hashtag: object<Kind<'hashtag'>>({ kind: oneOf(['hashtag']), text: longText, href: segmentHref }),
  };
  /** Dispatches on `kind` first, so the message names the real problem. */
  const segment: Check<Segment> = (value, path) => {
    const kind = segmentKind(value);
    return kind ? segments[kind](value, path) : fail(`${path}.kind`, 'is not one of "text", "link", "mention", "hashtag", "emoji"');
  };

  const media = object<Media>(
    { kind: oneOf(['image', 'video', 'gif']), url: httpUrl, alt: shortText, posterUrl: httpUrl },
    ['alt', 'posterUrl'],
  );

  const cardImage = object<CardImage>({ url: httpUrl, alt: shortText }, ['alt']);
  const linkCard = object<LinkCard>(
    { url: httpUrl, title: shortText, domain: shortText, description: shortText, image: cardImage },
    ['title', 'domain', 'description', 'image'],
  );

  const postShape = (id: Check<string>, url: Check<string>, quoted: Check<Post>): ObjectCheck<Post> => {
    const shape = object<Post>(
      {
        id, site: oneOf(SITES), url, author, text: longText,
        segments: list(segment, POST_LIMITS.segments), lang: text(35, LANG, 'is not a language tag'),
        dir: oneOf(['ltr', 'rtl', 'auto']), createdAt: isoDate, media: list(media, POST_LIMITS.media),
        quoted, card: linkCard, repostedBy: shortText, pinned: bool, replyTo: shortText, thread: oneOf(THREAD_POSITIONS), truncated: bool,
        capturedAt: isoDate,
        // '' when it was clipped from a link on a page that is not a web page (chrome://newtab).
        pageUrl: either(empty, httpUrl),
        partial: bool,
        atUri: text(400, AT_URI, 'is not an at:// URI of a record'),
        cid: text(120, CID, 'is not a content id (CID)'),
        instance: text(260, HOST, 'is not a host name'),
        contentWarning: shortText,
      },
      OPTIONAL_POST_FIELDS,
    );
    // The id names the network the post says it is from.
    const sameSite = where(shape, (p, path) => {
      if (p.id && siteOfPostId(p.id) !== p.site) fail(`${path}.id`, `is not a ${p.site} post id`);
    });
    return Object.assign(sameSite, { shape: shape.shape, optional: shape.optional });
  };

  // A quoted post may have no id or link (X shows some without one) and quotes nothing itself.
  const noQuote: Check<Post> = (_value, path) => fail(path, 'is a quote inside a quote');
  const quotedPost = postShape(either(empty, postId), either(empty, httpUrl), noQuote);
  /** A post as the store holds it: its id and permalink always known. */
  const post = postShape(postId, httpUrl, quotedPost);

  return { post, quotedPost, postId, author, segments, segmentHref, media, linkCard, cardImage };
}

export type PostSchema = ReturnType<typeof build>;
let built: PostSchema | undefined;

/** The Post schema's checks: `post` (a stored post), its parts, and `postId`. */
export function postSchema(): PostSchema {
  return (built ??= build());
}
