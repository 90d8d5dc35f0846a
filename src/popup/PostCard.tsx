// A clipped post as the reader will see it: author, date, words with their links, what it
// quotes. Built from the post's segments as elements — never from HTML strings — and without
// loading anything from the network (no remote avatars or photos).
import type { Post, Segment } from '../model/post';

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
      <p class="post__text" dir={post.dir ?? 'auto'}>
        {post.segments.length > 0 ? post.segments.map(segmentView) : post.text}
        {post.truncated && <span class="post__more"> … (shortened on the page)</span>}
      </p>
      {post.media.length > 0 && <MediaList media={post.media} />}
      {post.quoted && <PostCard post={post.quoted} nested />}
      {post.partial && !nested && <p class="post__partial">Some parts of this post could not be read from the page.</p>}
    </article>
  );
}
