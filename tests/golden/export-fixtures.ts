// Test data for the export tests: two hand-made posts covering every kind of content
// (link, mention, hashtag, emoji, line break, photo, quoted post; one without a date).
import type { Post } from '../../src/model/post';
import type { Roundup } from '../../src/model/roundup';
import { DEFAULT_EXPORT_SETTINGS, type ExportInput, type ExportSettings } from '../../src/export';

export const RICH_POST: Post = {
  id: 'x:1991586882858172684',
  site: 'x',
  url: 'https://x.com/DrGhaheri/status/1991586882858172684',
  author: { name: 'Bobby Ghaheri', handle: 'DrGhaheri', profileUrl: 'https://x.com/DrGhaheri' },
  text: 'Docs on social media: read this https://example.com/article by @techguy #hcsm 🎉\nSecond line',
  segments: [
    { kind: 'text', text: 'Docs on social media: read this ' },
    { kind: 'link', text: 'example.com/article', href: 'https://example.com/article?a=1&b=2' },
    { kind: 'text', text: ' by ' },
    { kind: 'mention', text: '@techguy', href: 'https://x.com/techguy' },
    { kind: 'text', text: ' ' },
    { kind: 'hashtag', text: '#hcsm', href: '/hashtag/hcsm?src=hashtag_click' },
    { kind: 'text', text: ' ' },
    { kind: 'emoji', text: '🎉' },
    { kind: 'text', text: '\nSecond line' },
  ],
  lang: 'en',
  dir: 'ltr',
  createdAt: '2025-11-20T15:04:05.000Z',
  media: [{ kind: 'image', url: 'https://pbs.twimg.com/media/abc.jpg', alt: 'A doctor at a laptop' }],
  quoted: {
    id: 'x:1991000000000000001',
    site: 'x',
    url: 'https://x.com/techguy/status/1991000000000000001',
    author: { name: 'John Lynn', handle: 'techguy' },
    text: 'Healthcare needs a good offense.',
    segments: [{ kind: 'text', text: 'Healthcare needs a good offense.' }],
    createdAt: '2025-11-19T09:00:00.000Z',
    media: [],
    capturedAt: '2025-11-21T10:00:00.000Z',
    pageUrl: 'https://x.com/home',
  },
  capturedAt: '2025-11-21T10:00:00.000Z',
  pageUrl: 'https://x.com/home',
};

export const PLAIN_POST: Post = {
  id: 'x:1991612272289161300',
  site: 'x',
  url: 'https://twitter.com/badlogicgames/status/1991612272289161300',
  author: { name: 'Mario Zechner', handle: 'badlogicgames' },
  text: 'wow',
  segments: [{ kind: 'text', text: 'wow' }],
  media: [],
  capturedAt: '2025-11-21T10:00:00.000Z',
  pageUrl: 'https://x.com/home',
};

export const SMALL_ROUNDUP: Roundup = {
  id: 'r1',
  title: 'Healthcare Social Media #hcsm',
  intro: "I've been reading tweet after tweet.\n\nLet's take a look:",
  closing: 'That is all.',
  items: [
    { postId: RICH_POST.id, leadIn: '', commentary: 'I love Dr. Ghaheri.' },
    { postId: PLAIN_POST.id, leadIn: 'This next tweet:', commentary: 'First paragraph.\nSame paragraph.\n\nSecond.' },
  ],
  createdAt: '2025-11-21T10:00:00.000Z',
  updatedAt: '2025-11-22T08:30:00.000Z',
};

export function input(
  roundup: Roundup = SMALL_ROUNDUP,
  settings: Partial<ExportSettings> = {},
  posts: Post[] = [RICH_POST, PLAIN_POST],
): ExportInput {
  return {
    roundup,
    posts: Object.fromEntries(posts.map((p) => [p.id, p])),
    settings: { ...DEFAULT_EXPORT_SETTINGS, signature: 'About the author', ...settings },
  };
}
