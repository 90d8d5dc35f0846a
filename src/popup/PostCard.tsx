// A clipped post as the reader will see it: author, date, words with their links, what it
// quotes. Built from the post's segments as elements — never from HTML strings — and without
// loading anything from the network (no remote avatars or photos).
import type { Post, Segment } from '../model/post';

const isWebLink = (href: string) => /^https?:\/\//i.test(href);

function SegmentView({ segment }: { segment: Segment }) {
  if (segment.kind === 'text' || segment.kind === 'emoji' || !isWebLink(segment.href)) return <>{segment.text}</>;
  return (
    <a href={segment.href} target="_blank" rel="noopener noreferrer">
      {segment.text}
    </a>
  );
}

function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

function mediaSummary(post: Post): string {
  const photos = post.media.filter((m) => m.kind === 'image').length;
  const videos = post.media.length - photos;
  const parts = [photos && `${photos} photo${photos > 1 ? 's' : ''}`, videos && `${videos} video${videos > 1 ? 's' : ''}`];
  return parts.filter(Boolean).join(', ');
}

export function PostCard({ post, nested = false }: { post: Post; nested?: boolean }) {
  const initial = (post.author.name || post.author.handle || '?').trim().charAt(0).toUpperCase();
  const date = formatDate(post.createdAt);
  const media = mediaSummary(post);
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
        {post.segments.length > 0 ? post.segments.map((s, i) => <SegmentView key={i} segment={s} />) : post.text}
        {post.truncated && <span class="post__more"> … (shortened on the page)</span>}
      </p>
      {media && <p class="post__media">{media}</p>}
      {post.quoted && <PostCard post={post.quoted} nested />}
      {post.partial && !nested && <p class="post__partial">Some parts of this post could not be read from the page.</p>}
    </article>
  );
}
