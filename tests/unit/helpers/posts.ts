// Small, valid posts for store and router tests.
import type { Post } from '../../../src/model/post';

export function makePost(n: number, overrides: Partial<Post> = {}): Post {
  const id = `19916${String(n).padStart(14, '0')}`;
  return {
    id: `x:${id}`,
    site: 'x',
    url: `https://x.com/author${n}/status/${id}`,
    author: { name: `Author ${n}`, handle: `author${n}` },
    text: `Post number ${n}`,
    segments: [{ kind: 'text', text: `Post number ${n}` }],
    createdAt: '2025-11-20T20:21:44.000Z',
    media: [],
    capturedAt: '2026-11-26T00:00:00.000Z',
    pageUrl: 'https://x.com/home',
    ...overrides,
  };
}
