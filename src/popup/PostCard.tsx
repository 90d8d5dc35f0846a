// A clipped post as the reader will see it: author, date, words with their links, what it
// quotes. Built from the post's segments as elements — never from HTML strings — and without
// loading anything from the network: a picture shows only from its kept copy (an object URL,
// use-pictures.ts); without one it is described in words, and a copy that could not be made
// says why.
import type { LinkCard, Media, Post, Segment } from '../model/post';
import type { PictureShown, Pictures } from './use-pictures';
import { t, type MessageKey } from '../platform/i18n';
import { MEDIA_HOSTS, NOT_ALLOWED_REASON } from '../model/media';

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

// "Nov 20, 2025" in the user's time zone, in the editor's language: the catalogue's month names
// and order (`monthNames`, `postDate`). Not Intl: its first date format costs Chromium ~15 ms,
// paid by every popup opening a long roundup.
function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return t('postDate', t('monthNames').split(' ')[date.getMonth()] ?? '', date.getDate(), date.getFullYear());
}

const KIND: Record<Media['kind'], MessageKey> = { image: 'mediaPhoto', video: 'mediaVideo', gif: 'mediaGif' };
const THREAD = { first: 'threadFirst', middle: 'threadMiddle', last: 'threadLast' } as const;
const NO_PICTURES: Pictures = new Map();

/** A kept copy's picture: only ever an object URL, sized by popup.css so nothing moves as it decodes. */
function keptImage(cls: string, shown: PictureShown | undefined, alt: string | undefined) {
  return shown?.src?.startsWith('blob:') ? <img class={cls} src={shown.src} alt={alt ?? ''} loading="lazy" decoding="async" /> : null;
}

/**
 * Says, small and muted, that a picture was not kept, and why. The reason is stored as the
 * writer read it then; NOT_ALLOWED_REASON is stored in English (EditorView compares it), so it
 * is shown in the writer's language here.
 */
function notKept(what: string, shown: PictureShown | undefined) {
  const why = shown?.missing === NOT_ALLOWED_REASON ? t('copyNotAllowed', MEDIA_HOSTS.join(', ')) : shown?.missing;
  return why ? <small class="post__not-kept">{t('notKept', what, why)}</small> : null;
}

/**
 * Photos and videos in words, each beside its kept picture (a video's or GIF's poster) when
 * there is one. Not a list: a nested list would add list items inside the "Posts" list, one
 * per photo.
 */
function mediaLine(media: Media[], pictures: Pictures) {
  return (
    <p class="post__media">
      {media.map((m, i) => {
        const url = m.kind === 'image' ? m.url : m.posterUrl;
        const shown = url ? pictures.get(url) : undefined;
        const kind = t(KIND[m.kind] ?? 'media');
        const img = keptImage('post__photo', shown, m.alt);
        return (
          <span class={img ? 'post__medium post__medium--kept' : 'post__medium'} key={i}>
            {img}
            {m.alt ? t('mediaWithAlt', kind, m.alt) : t('mediaWithoutAlt', kind)}
            {notKept(m.kind === 'image' ? kind : t('posterOf', kind), shown)}
          </span>
        );
      })}
    </p>
  );
}

/**
 * The link card as one link: its picture when a copy is kept, its title, then its domain
 * (muted) and, when the page gave one, its picture's description. A plain function and few
 * elements: a long roundup shows hundreds of these.
 */
function linkCardLine(card: LinkCard, pictures: Pictures) {
  const label = card.title || card.domain || card.url;
  const picture = card.image?.alt ? t('mediaWithAlt', t('mediaPhoto'), card.image.alt) : '';
  const more = [card.title ? card.domain : '', picture].filter(Boolean).join(' · ');
  const shown = card.image ? pictures.get(card.image.url) : undefined;
  const words = (
    <>
      {keptImage('post__card-image', shown, card.image?.alt)}
      {label}
      {more && <span class="post__card-domain"> {more}</span>}
    </>
  );
  return (
    <p class="post__card">
      {isWebLink(card.url) ? <a href={card.url} target="_blank" rel="noopener noreferrer">{words}</a> : words}
      {notKept(t('cardPicture'), shown)}
    </p>
  );
}

export function PostCard({ post, nested = false, pictures = NO_PICTURES }: { post: Post; nested?: boolean; pictures?: Pictures }) {
  const initial = (post.author.name || post.author.handle || '?').trim().charAt(0).toUpperCase();
  const date = formatDate(post.createdAt);
  const avatar = post.author.avatarUrl ? pictures.get(post.author.avatarUrl) : undefined;
  return (
    <article class={nested ? 'post post--quoted' : 'post'} lang={post.lang} aria-label={t('postBy', post.author.handle)}>
      <header class="post__author">
        {keptImage('post__avatar', avatar, '') ?? (
          <span class="post__avatar" aria-hidden="true">
            {initial}
          </span>
        )}
        <span class="post__name">{post.author.name}</span>
        <span class="post__handle">@{post.author.handle}</span>
        {date && post.url && isWebLink(post.url) && (
          <a class="post__date" href={post.url} target="_blank" rel="noopener noreferrer">
            <time dateTime={post.createdAt}>{date}</time>
          </a>
        )}
        {notKept(t('avatar'), avatar)}
      </header>
      {post.repostedBy && <p class="post__context">{t('repostedBy', post.repostedBy)}</p>}
      {post.thread && <p class="post__context">{t(THREAD[post.thread])}</p>}
      <p class="post__text" dir={post.dir ?? 'auto'}>
        {post.segments.length > 0 ? post.segments.map(segmentView) : post.text}
        {post.truncated && <span class="post__more"> {t('shortenedOnPage')}</span>}
      </p>
      {post.card && linkCardLine(post.card, pictures)}
      {post.media.length > 0 && mediaLine(post.media, pictures)}
      {post.quoted && <PostCard post={post.quoted} nested pictures={pictures} />}
      {post.partial && !nested && <p class="post__partial">{t('partialPost')}</p>}
    </article>
  );
}
