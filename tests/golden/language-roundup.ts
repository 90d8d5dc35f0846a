// A small roundup for the export-language tests: an X post with a photo, an X post with a video
// whose still has no usable address (so the video is named in words in every format), a
// repost (clipped from the timeline of the account that reposted it), and an item whose post
// is gone from the data. Rendered with `language` set to each language under test.
import type { Post } from '../../src/model/post';
import type { Roundup } from '../../src/model/roundup';
import { DEFAULT_EXPORT_SETTINGS, type ExportInput } from '../../src/export';

const CAPTURED_AT = '2025-11-25T09:00:00.000Z';

export const PHOTO_POST: Post = {
  id: 'x:1991000000000000101',
  site: 'x',
  url: 'https://x.com/heronwatch/status/1991000000000000101',
  author: { name: 'Heron Watch', handle: 'heronwatch' },
  text: 'Morning at the marsh.',
  segments: [{ kind: 'text', text: 'Morning at the marsh.' }],
  lang: 'en',
  createdAt: '2025-11-20T07:15:00.000Z',
  media: [{ kind: 'image', url: 'https://pbs.twimg.com/media/heron.jpg', alt: 'A grey heron at dawn' }],
  capturedAt: CAPTURED_AT,
  pageUrl: 'https://x.com/home',
};

export const VIDEO_POST: Post = {
  id: 'x:1991000000000000202',
  site: 'x',
  url: 'https://x.com/clipmaker/status/1991000000000000202',
  author: { name: 'Clip Maker', handle: 'clipmaker' },
  text: 'Watch this.',
  segments: [{ kind: 'text', text: 'Watch this.' }],
  lang: 'en',
  createdAt: '2025-11-21T18:00:00.000Z',
  // A still X served as blob: only: no address an export can use.
  media: [{ kind: 'video', url: 'blob:https://x.com/1', alt: '' }],
  capturedAt: CAPTURED_AT,
  pageUrl: 'https://x.com/home',
};

export const REPOST: Post = {
  id: 'x:1991000000000000303',
  site: 'x',
  url: 'https://x.com/newsdesk/status/1991000000000000303',
  author: { name: 'News Desk', handle: 'newsdesk' },
  text: 'Read the whole report.',
  segments: [{ kind: 'text', text: 'Read the whole report.' }],
  lang: 'en',
  createdAt: '2025-11-22T12:00:00.000Z',
  media: [],
  repostedBy: 'Erin',
  capturedAt: CAPTURED_AT,
  pageUrl: 'https://x.com/erin',
};

export const LANGUAGE_POSTS: Post[] = [PHOTO_POST, VIDEO_POST, REPOST];

export const LANGUAGE_ROUNDUP: Roundup = {
  id: 'languages',
  title: 'Week 47',
  intro: 'Three posts.',
  closing: 'Bye.',
  items: [
    { postId: PHOTO_POST.id, leadIn: '', commentary: 'A photo.' },
    { postId: VIDEO_POST.id, leadIn: '', commentary: 'A video.' },
    { postId: REPOST.id, leadIn: '', commentary: 'A repost.' },
    { postId: 'x:42', leadIn: '', commentary: 'Gone.' },
  ],
  createdAt: '2025-11-25T10:00:00.000Z',
  updatedAt: '2025-11-25T11:00:00.000Z',
};

/** The roundup in `language` (none: as made before languages), with its posts and the default settings. */
export function languageInput(language?: string): ExportInput {
  const roundup: Roundup = language === undefined ? LANGUAGE_ROUNDUP : { ...LANGUAGE_ROUNDUP, language };
  return {
    roundup,
    posts: Object.fromEntries(LANGUAGE_POSTS.map((p) => [p.id, p])),
    settings: { ...DEFAULT_EXPORT_SETTINGS },
  };
}
