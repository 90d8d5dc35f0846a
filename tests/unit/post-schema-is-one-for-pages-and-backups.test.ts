// One schema for a Post: a post from a page is cleaned (what cannot be kept is dropped, the
// words kept) and then checked by the very schema a backup is read by. So whatever a page
// gets stored, a backup holding it imports unchanged — for any page-shaped value, not only
// the ones a test thought of.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderBackup, type BackupData } from '../../src/export/backup';
import { parseBackup } from '../../src/export/backup-import';
import { DEFAULT_EXPORT_SETTINGS } from '../../src/export';
import { parsePost } from '../../src/model/parse-post';
import type { Post } from '../../src/model/post';
import { makePost } from './helpers/posts';

const RUNS = { numRuns: 300 };

const junk = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: junk });
/** For a field a post needs: now and then junk, which refuses the whole post. */
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 30, arbitrary: arb }, { weight: 1, arbitrary: junk });

const url = fc.oneof(
  { weight: 4, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'javascript:alert(1)', 'data:image/png;base64,AA', 'blob:https://x.com/1', '', '/hashtag/x?src=hashtag_click',
      '//evil.example', 'https://"/', ' https://x.com/a b ', 'HTTPS://X.COM/A', 'https://x.com/' + 'a'.repeat(5000), 'chrome://newtab/',
    ),
  },
  { weight: 1, arbitrary: junk },
);
const date = fc.oneof(
  { weight: 4, arbitrary: fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(Date.UTC(2100, 0)) }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.constantFrom('yesterday', '2025-13-45T99:99:00Z', 'Fri, 20 Nov 2026 10:00:00 GMT', '2025-11-20T20:21:44+01:00', '1') },
  { weight: 1, arbitrary: junk },
);
const words = maybe(fc.string({ unit: 'binary', maxLength: 40 }));
const needed = rarely(fc.string({ unit: 'binary', maxLength: 40 }));
const handle = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_]{1,15}$/), fc.constantFrom('@someone', '', 'two words', 'a'.repeat(60)), fc.string({ maxLength: 10 }));
const xId = fc.bigInt({ min: 1n, max: 10n ** 19n }).map((n) => `x:${n}`);

const author = fc.record(
  { name: needed, handle, avatarUrl: url, profileUrl: url, extra: junk },
  { requiredKeys: ['name', 'handle'] },
);
const segment = fc.record(
  { kind: rarely(fc.constantFrom('text', 'link', 'mention', 'hashtag', 'emoji')), text: needed, href: url },
  { requiredKeys: ['kind', 'text'] },
);
const media = fc.record(
  { kind: maybe(fc.constantFrom('image', 'video', 'gif')), url, alt: words, posterUrl: url },
  { requiredKeys: ['kind', 'url'] },
);
const card = maybe(fc.record(
  { url, title: words, domain: words, description: words, image: maybe(fc.record({ url, alt: words }, { requiredKeys: ['url'] })), onclick: junk },
  { requiredKeys: ['url'] },
));

function pageValue(quoted: fc.Arbitrary<unknown> | null) {
  return fc.record(
    {
      id: fc.oneof({ weight: 30, arbitrary: xId }, { weight: 1, arbitrary: fc.constantFrom('', 'x:abc', '../../etc') }),
      site: rarely(fc.constant('x')),
      url: fc.oneof({ weight: 30, arbitrary: xId.map((id) => `https://x.com/a/status/${id.slice(2)}`) }, { weight: 1, arbitrary: url }),
      author,
      text: needed,
      segments: fc.array(segment, { maxLength: 4 }),
      lang: maybe(fc.constantFrom('en', 'zxx', 'pt-BR', 'qme', 'not a tag')),
      dir: maybe(fc.constantFrom('ltr', 'rtl', 'auto', 'up')),
      createdAt: date,
      media: fc.array(media, { maxLength: 3 }),
      card,
      repostedBy: words,
      pinned: maybe(fc.boolean()),
      replyTo: words,
      thread: maybe(fc.constantFrom('first', 'middle', 'last', 'top')),
      truncated: maybe(fc.boolean()),
      capturedAt: fc.oneof({ weight: 30, arbitrary: date }, { weight: 1, arbitrary: junk }),
      pageUrl: url,
      partial: maybe(fc.boolean()),
      evil: junk,
      ...(quoted ? { quoted } : {}),
    },
    { requiredKeys: ['id', 'site', 'url', 'author', 'text', 'segments', 'media', 'capturedAt', 'pageUrl'] },
  );
}
const quotedValue = pageValue(null).chain((q) =>
  fc.constantFrom({ ...q }, { ...q, id: '', url: '' }, { ...q, quoted: { nested: true } }));
const pageShaped = pageValue(quotedValue);

const backupOf = (posts: Post[]): BackupData => ({
  exportedAt: '2026-11-29T00:00:00.000Z', roundups: [], posts, trash: [], settings: DEFAULT_EXPORT_SETTINGS,
});

describe('one Post schema for pages, the store and backups', () => {
  it('any page-shaped value the page check takes round-trips through a backup unchanged', () => {
    let taken = 0;
    fc.assert(fc.property(pageShaped, (raw) => {
      const parsed = parsePost(raw);
      if (!parsed.ok) return;
      taken++;
      const stored = parsed.value;
      expect(parseBackup(renderBackup(backupOf([stored])))).toEqual({ ok: true, data: backupOf([stored]) });
      // Cleaning a clean post changes nothing: a store's export is stable.
      expect(parsePost(stored)).toEqual({ ok: true, value: stored });
    }), RUNS);
    expect(taken).toBeGreaterThan(RUNS.numRuns / 3);
  });

  it('never throws, whatever a page sends: a post, or a message naming what is wrong', () => {
    fc.assert(fc.property(fc.oneof(pageShaped, fc.anything()), (raw) => {
      const parsed = parsePost(raw);
      if (!parsed.ok) expect(parsed.error).toMatch(/^post\b/);
    }), RUNS);
  });
});

describe('cleaning a post from a page', () => {
  const clean = (raw: unknown): Post => {
    const parsed = parsePost(raw);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.value;
  };

  it('keeps the words of a link, mention or hashtag whose target is no web address, as plain text', () => {
    const post = clean(makePost(1, {
      segments: [
        { kind: 'link', text: 'click', href: 'javascript:alert(1)' },
        { kind: 'mention', text: '@a', href: 'data:,x' },
        { kind: 'hashtag', text: '#t', href: '/hashtag/t' },
      ],
    }));
    expect(post.segments).toEqual([{ kind: 'text', text: 'click' }, { kind: 'text', text: '@a' }, { kind: 'hashtag', text: '#t', href: '/hashtag/t' }]);
  });

  it('drops an invalid optional language, direction, date or flag, keeping the post', () => {
    const post = clean({ ...makePost(1), lang: 'not a tag', dir: 'up', createdAt: 'yesterday', pinned: 'yes', thread: 'top', repostedBy: 7 });
    for (const key of ['lang', 'dir', 'createdAt', 'pinned', 'thread', 'repostedBy']) expect(post).not.toHaveProperty(key);
  });

  it('takes a post with no page address or author known (a link clipped on a page that is not a web page)', () => {
    const post = clean({ ...makePost(1), author: { name: '', handle: '' }, pageUrl: 'chrome://newtab/' });
    expect(post).toMatchObject({ pageUrl: '', author: { name: '', handle: '' } });
    expect(clean({ ...makePost(1), author: { name: 'A', handle: '@someone' } }).author.handle).toBe('someone');
    expect(clean({ ...makePost(1), author: { name: 'A', handle: 'not a handle' } }).author.handle).toBe('');
  });

  it('takes a quoted post without a link, and drops a quote inside a quote', () => {
    const post = clean({ ...makePost(1), quoted: { ...makePost(2), id: 'no id here', url: 'javascript:x', quoted: makePost(3) } });
    expect(post.quoted).toMatchObject({ id: '', url: '', text: 'Post number 2' });
    expect(post.quoted).not.toHaveProperty('quoted');
  });

  it('keeps at most 100 photos and videos, dropping any that is no web address', () => {
    const media = Array.from({ length: 120 }, (_, i) => ({ kind: 'image', url: i % 2 ? `https://pbs.twimg.com/media/${i}.jpg` : `blob:${i}` }));
    expect(clean({ ...makePost(1), media }).media).toHaveLength(60);
    const many = Array.from({ length: 120 }, (_, i) => ({ kind: 'image', url: `https://pbs.twimg.com/media/${i}.jpg` }));
    expect(clean({ ...makePost(1), media: many }).media).toHaveLength(100);
  });

  it('refuses a post only when what identifies it is wrong, or a field it needs is missing or no text', () => {
    expect(parsePost({ ...makePost(1), id: 'x:abc' })).toEqual({ ok: false, error: 'post.id is not a post id like "x:1234567890"' });
    expect(parsePost({ ...makePost(1), url: 'javascript:alert(1)' })).toEqual({ ok: false, error: 'post.url is not an http(s) URL' });
    expect(parsePost({ ...makePost(1), site: 'y' })).toEqual({ ok: false, error: 'post.site is not one of "x", "bluesky", "mastodon"' });
    expect(parsePost({ ...makePost(1), capturedAt: 'never' })).toEqual({ ok: false, error: 'post.capturedAt is not an ISO 8601 date-time' });
    expect(parsePost({ ...makePost(1), text: undefined })).toEqual({ ok: false, error: 'post.text is missing' });
    expect(parsePost({ ...makePost(1), author: { name: 7, handle: 'a' } })).toEqual({ ok: false, error: 'post.author.name is not a string (got a number)' });
    expect(parsePost({ ...makePost(1), text: 'x'.repeat(1_000_001) })).toEqual({ ok: false, error: 'post.text is longer than 1000000 characters' });
  });
});
