// A post clipped again only ever gains: what the new capture lacks or has cut is kept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enrichPost } from '../../src/model/enrich';
import type { Post } from '../../src/model/post';
import { postFromLink } from '../../src/capture';
import { makePost } from './helpers/posts';

const full = makePost(1, {
  text: 'All of it, read after "Show more"',
  segments: [{ kind: 'text', text: 'All of it, read after "Show more"' }],
  lang: 'en',
  author: { name: 'Author 1', handle: 'author1', avatarUrl: 'https://pbs.twimg.com/a.jpg' },
  media: [{ kind: 'image', url: 'https://pbs.twimg.com/media/1.jpg', alt: 'A chart' }, { kind: 'image', url: 'https://pbs.twimg.com/media/2.jpg' }],
  card: { url: 'https://t.co/x', title: 'A card' },
  thread: 'first',
});

describe('enrichPost', () => {
  it('keeps the full text when the new capture is cut by "Show more"', () => {
    const cut = makePost(1, { text: 'All of it', segments: [{ kind: 'text', text: 'All of it' }], truncated: true, capturedAt: '2026-12-01T00:00:00.000Z' });
    const out = enrichPost(full, cut);
    expect(out.text).toBe(full.text);
    expect(out.segments).toEqual(full.segments);
    expect(out.truncated).toBeUndefined();
    expect(out.capturedAt).toBe('2026-12-01T00:00:00.000Z');
  });

  it('keeps everything a link-only clip does not know', () => {
    const link = postFromLink('https://x.com/author1/status/1991600000000000001', 'chrome://newtab/', '2026-12-01T00:00:00.000Z')!;
    const out = enrichPost(full, { ...link, id: full.id });
    expect(out).toMatchObject({ text: full.text, lang: 'en', card: full.card, thread: 'first', media: full.media });
    expect(out.author).toMatchObject(full.author);
    expect(out.pageUrl).toBe(full.pageUrl);
    expect(out.partial).toBeUndefined();
  });

  it('keeps photos the new capture had not loaded, and their alt text', () => {
    const half = makePost(1, { media: [{ kind: 'image', url: 'https://pbs.twimg.com/media/1.jpg' }] });
    expect(enrichPost(full, half).media).toEqual(full.media);
  });

  it('takes the newer words when they are whole (an edited post), and fills what the stored copy lacked', () => {
    const edited = makePost(1, { text: 'Edited text', segments: [{ kind: 'text', text: 'Edited text' }], createdAt: '2025-11-21T00:00:00.000Z' });
    const out = enrichPost({ ...full, createdAt: undefined, partial: true } as Post, edited);
    expect(out.text).toBe('Edited text');
    expect(out.createdAt).toBe('2025-11-21T00:00:00.000Z');
    expect(out.partial).toBeUndefined();
  });

  it('never loses a field the stored copy had, for any recapture', () => {
    const optional = fc.record({
      text: fc.string(), truncated: fc.boolean(), lang: fc.option(fc.constantFrom('en', 'de'), { nil: undefined }),
      createdAt: fc.option(fc.constant('2025-11-20T20:21:44.000Z'), { nil: undefined }),
      thread: fc.option(fc.constantFrom('first' as const, 'last' as const), { nil: undefined }),
      name: fc.string(), handle: fc.string(),
    });
    const post = (o: typeof optional extends fc.Arbitrary<infer T> ? T : never): Post => {
      const p = makePost(1, { text: o.text, segments: [{ kind: 'text', text: o.text }], author: { name: o.name, handle: o.handle } });
      delete p.createdAt;
      if (o.truncated) p.truncated = true;
      if (o.lang) p.lang = o.lang;
      if (o.createdAt) p.createdAt = o.createdAt;
      if (o.thread) p.thread = o.thread;
      return p;
    };
    fc.assert(fc.property(optional, optional, (a, b) => {
      const stored = post(a);
      const out = enrichPost(stored, post(b));
      for (const key of ['lang', 'createdAt', 'thread'] as const) if (stored[key] !== undefined) expect(out[key]).toBeDefined();
      if (stored.author.name) expect(out.author.name).not.toBe('');
      if (stored.author.handle) expect(out.author.handle).not.toBe('');
      // Whole words are never replaced by cut or empty ones.
      if (!stored.truncated && stored.text && (b.truncated || !b.text)) expect(out.text).toBe(stored.text);
    }));
  });
});
