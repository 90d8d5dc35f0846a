// What a valid backup holds, field by field. `Shape<T>` makes the compiler point here
// whenever src/model gains a field, so the backup can never silently drop one.
import { THREAD_POSITIONS, X_ID_PATTERN, type Author, type LinkCard, type Media, type Post, type Segment } from '../model/post';
import type { Roundup, RoundupItem } from '../model/roundup';
import { EXPORT_FORMAT_IDS, type Settings } from '../model/settings';
import type { BackupSettings } from './backup';
import {
  bool, either, fail, httpUrl, isoDate, list, object, oneOf, text, type Check,
} from './validate';

/** Generous ceilings: they exist to refuse absurd files, not to judge writing. */
export const LIMITS = {
  longText: 1_000_000, // title, intro, commentary, closing, signature, post text
  shortText: 10_000, // names, alt text, segment text
  items: 2_000,
  roundups: 10_000,
  posts: 100_000,
  segments: 5_000,
  media: 20,
} as const;

const ID = /^[A-Za-z0-9_.:-]{1,200}$/;
const HANDLE = /^[^\s@][^\s]{0,99}$|^$/;
const LANG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
// Segment links may be root-relative as the page wrote them (`/hashtag/x`): never a scheme.
const ROOT_RELATIVE = /^\/(?!\/)[^\s\\]{0,4095}$/;

const longText = text(LIMITS.longText);
const shortText = text(LIMITS.shortText);
const postId = text(60, X_ID_PATTERN, 'is not a post id like "x:1234567890"');
const empty = text(0);

const author = object<Author>(
  { name: shortText, handle: text(100, HANDLE, 'is not a handle'), avatarUrl: httpUrl, profileUrl: httpUrl },
  ['avatarUrl', 'profileUrl'],
);

const segmentHref = either(httpUrl, text(4096, ROOT_RELATIVE, 'is not an http(s) URL'));
type Kind<K extends Segment['kind']> = Extract<Segment, { kind: K }>;
const SEGMENTS: Record<Segment['kind'], Check<Segment>> = {
  text: object<Kind<'text'>>({ kind: oneOf(['text']), text: longText }),
  emoji: object<Kind<'emoji'>>({ kind: oneOf(['emoji']), text: shortText }),
  link: object<Kind<'link'>>({ kind: oneOf(['link']), text: longText, href: segmentHref }),
  mention: object<Kind<'mention'>>({ kind: oneOf(['mention']), text: shortText, href: segmentHref }),
  hashtag: object<Kind<'hashtag'>>({ kind: oneOf(['hashtag']), text: shortText, href: segmentHref }),
};

/** Dispatches on `kind` first, so the message names the real problem. */
const segment: Check<Segment> = (value, path) => {
  const kind = (value as { kind?: unknown } | null)?.kind;
  const check = typeof kind === 'string' && Object.hasOwn(SEGMENTS, kind) ? SEGMENTS[kind as Segment['kind']] : null;
  return check ? check(value, path) : fail(`${path}.kind`, 'is not one of "text", "link", "mention", "hashtag", "emoji"');
};

const media = object<Media>(
  { kind: oneOf(['image', 'video', 'gif']), url: httpUrl, alt: shortText, posterUrl: httpUrl },
  ['alt', 'posterUrl'],
);

type CardImage = NonNullable<LinkCard['image']>;
const linkCard = object<LinkCard>(
  {
    url: httpUrl, title: shortText, domain: shortText, description: shortText,
    image: object<CardImage>({ url: httpUrl, alt: shortText }, ['alt']),
  },
  ['title', 'domain', 'description', 'image'],
);

const OPTIONAL_POST_FIELDS = [
  'lang', 'dir', 'createdAt', 'quoted', 'card', 'repostedBy', 'pinned', 'replyTo', 'thread', 'truncated', 'partial',
] as const;

function postShape(id: Check<string>, url: Check<string>, quoted: Check<Post>): Check<Post> {
  return object<Post>(
    {
      id, site: oneOf(['x']), url, author, text: longText,
      segments: list(segment, LIMITS.segments), lang: text(35, LANG, 'is not a language tag'),
      dir: oneOf(['ltr', 'rtl', 'auto']), createdAt: isoDate, media: list(media, LIMITS.media),
      quoted, card: linkCard, repostedBy: shortText, pinned: bool, replyTo: shortText, thread: oneOf(THREAD_POSITIONS), truncated: bool,
      capturedAt: isoDate, pageUrl: httpUrl, partial: bool,
    },
    OPTIONAL_POST_FIELDS,
  );
}

// A quoted post may have no id or link (X shows some without one) and quotes nothing itself.
const noQuote: Check<Post> = (_value, path) => fail(path, 'is a quote inside a quote');
const quotedPost = postShape(either(empty, postId), either(empty, httpUrl), noQuote);
export const post = postShape(postId, httpUrl, quotedPost);

const item = object<RoundupItem>({ postId, leadIn: longText, commentary: longText });

export const roundup = object<Roundup>(
  {
    id: text(200, ID, 'is not an id (letters, digits, _ . : -)'),
    title: longText, intro: longText, closing: longText,
    items: list(item, LIMITS.items),
    createdAt: isoDate, updatedAt: isoDate, exportedAt: isoDate, publishedAt: isoDate,
  },
  ['exportedAt', 'publishedAt'],
);

export const settings = object<BackupSettings>(
  {
    signature: longText, includeEmbedScript: bool, doNotTrack: bool,
    theme: oneOf(['light', 'dark']), markdownFrontMatter: bool, markdownImages: bool,
    defaultFormat: oneOf(EXPORT_FORMAT_IDS),
    inlineButtons: object<Settings['inlineButtons']>({ x: bool }),
  },
  ['defaultFormat', 'inlineButtons'],
);
