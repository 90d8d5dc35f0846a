// A clipped post as the reader will see it: author, date, words with their links, what it
// quotes. Built from the post's segments as elements — never from HTML strings — and without
// loading anything from the network (no remote avatars or photos).
import type { LinkCard, Post, Segment } from '../model/post';

const isWebLink = (href: string) => /^https?:\/\//i.test(href);

// A plain function, not a component: a long roundup renders thousands of segments as it opens.
function segmentView(segment: Segment, key: number) {
  if (segment.kind === 'text' || segment.kind === 'emoji' || !isWebLink(segment.href)) return segment.text;
  return (
    <a key={key} href={segment.href} target="_blank" rel="noopener noreferrer">
      {segment.text}
    </a>
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// "Nov 20, 2025", in the user's time zone, like the rest of the (English) editor. Not Intl:
// its first date format costs Chromium ~15 ms, paid by every popup opening a long roundup.
function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}`;
}

const KIND = { image: 'Photo', video: 'Video', gif: 'GIF' } as const;
const THREAD = { first: 'Starts a thread', middle: 'Part of a thread', last: 'Ends a thread' } as const;

/**
 * Photos and videos described in words: the editor loads nothing from the network. Not a
 * list: a nested list would add list items inside the "Posts" list, one per photo.
 */
function MediaList({ media }: { media: Post['media'] }) {
  return (
    <p class="post__media">
      {media.map((m, i) => (
        <span class="post__medium" key={i}>
          {KIND[m.kind] ?? 'Media'}
          {m.alt ? `: ${m.alt}` : ' (no description)'}
        </span>
      ))}
    </p>
  );
}

/**
 * The link card as one link: its title, then its domain (muted) and, when the page gave one,
 * its picture's description. No picture: the editor loads nothing. A plain function and at
 * most three elements: a long roundup shows hundreds of these.
 */
function linkCardLine(card: LinkCard) {
  const label = card.title || card.domain || card.url;
  const picture = card.image?.alt ? `${KIND.image}: ${card.image.alt}` : '';
  const more = [card.title ? card.domain : '', picture].filter(Boolean).join(' · ');
  const words = (
    <>
      {label}
      {more && <span class="post__card-domain"> {more}</span>}
    </>
  );
  return (
    <p class="post__card">
      {isWebLink(card.url) ? <a href={card.url} target="_blank" rel="noopener noreferrer">{words}</a> : words}
    </p>
  );
}

export function PostCard({ post, nested = false }: { post: Post; nested?: boolean }) {
  const initial = (post.author.name || post.author.handle || '?').trim().charAt(0).toUpperCase();
  const date = formatDate(post.createdAt);
  return (
    <article class={nested ? 'post post--quoted' : 'post'} lang={post.lang} aria-label={`Post by @${post.author.handle}`}>
      <header class="post__author">
        <span class="post__avatar" aria-hidden="true">
          {initial}
        </span>
        <span class="post__name">{post.author.name}</span>
        <span class="post__handle">@{post.author.handle}</span>
        {date && post.url && isWebLink(post.url) && (
          <a class="post__date" href={post.url} target="_blank" rel="noopener noreferrer">
            <time dateTime={post.createdAt}>{date}</time>
          </a>
        )}
      </header>
      {post.repostedBy && <p class="post__context">Reposted by {post.repostedBy}</p>}
      {post.thread && <p class="post__context">{THREAD[post.thread]}</p>}
      <p class="post__text" dir={post.dir ?? 'auto'}>
        {post.segments.length > 0 ? post.segments.map(segmentView) : post.text}
        {post.truncated && <span class="post__more"> … (shortened on the page)</span>}
      </p>
      {post.card && linkCardLine(post.card)}
      {post.media.length > 0 && <MediaList media={post.media} />}
      {post.quoted && <PostCard post={post.quoted} nested />}
      {post.partial && !nested && <p class="post__partial">Some parts of this post could not be read from the page.</p>}
    </article>
  );
}
