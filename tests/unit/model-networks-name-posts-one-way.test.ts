// One place names each network's posts (model/networks.ts), and the one Post schema holds to it:
// an id of each network passes, a post whose id is another network's does not, and the fields
// Bluesky and Mastodon need (at:// URI, CID, instance, content warning) are checked like the rest.
import { describe, expect, it } from 'vitest';
import {
  blueskyAtUri, blueskyIdParts, blueskyPostId, blueskyPostIdFor, blueskyPostLink, blueskyPostUrl, mastodonIdUrl, mastodonPostId, POST_ID_PATTERN, siteOfPostId,
} from '../../src/model/networks';
import { parsePost } from '../../src/model/parse-post';
import { postSchema } from '../../src/model/post-schema';

/** The strict check a backup's posts pass (no mending): the message, or 'ok'. */
const strict = (value: unknown) => {
  try {
    postSchema().post(value, 'post');
    return 'ok';
  } catch (e) {
    return (e as Error).message;
  }
};
import type { Post } from '../../src/model/post';

const DID = 'did:plc:z72i7hdynmk6r22z27h6tvur';
const base: Post = {
  id: `bsky:at://${DID}/app.bsky.feed.post/3l6oveex3ii2l`, site: 'bluesky', url: `https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l`,
  author: { name: 'Bluesky', handle: 'bsky.app' }, text: 'Hello', segments: [], media: [],
  capturedAt: '2026-11-29T10:00:00.000Z', pageUrl: 'https://bsky.app/',
  atUri: `at://${DID}/app.bsky.feed.post/3l6oveex3ii2l`, cid: 'bafyreihbcv6xzrz5bvtpfgeuyqebsqcqxzeajgt6ydcvpmzbyhyh6epduq',
};

describe('post ids', () => {
  it.each([
    ['x:1991586882858172684', 'x'],
    [`bsky:at://${DID}/app.bsky.feed.post/3l6oveex3ii2l`, 'bluesky'],
    ['bsky:at://did:web:example.com/app.bsky.feed.post/3kabc', 'bluesky'],
    ['mastodon:https://mastodon.social/@alice/113456789012345678', 'mastodon'],
    ['mastodon:http://127.0.0.1:8443/@admin/1', 'mastodon'],
    ['mastodon:https://mastodon.social/users/alice/statuses/1', 'mastodon'],
  ])('%s is a %s post', (id, site) => {
    expect(siteOfPostId(id)).toBe(site);
    expect(POST_ID_PATTERN.test(id)).toBe(true);
  });

  it.each([
    'x:', 'x:12a', 'bluesky:did:plc:abc/3kabc', 'bsky:alice.bsky.social/3kabc', 'bsky:at://did:plc:abc/app.bsky.feed.like/3k', 'bsky:at://alice.bsky.social/app.bsky.feed.post/3k',
    'mastodon:mastodon.social/1', 'mastodon:https://Mastodon.Social/@a/1', 'mastodon:javascript:alert(1)', 'mastodon:https://m.social/@a/"><b>', 'twitter:1', '',
  ])(
    '%s is no post id', (id) => {
      expect(siteOfPostId(id)).toBeNull();
      expect(POST_ID_PATTERN.test(id)).toBe(false);
    },
  );
});

describe('Bluesky\'s names for a post', () => {
  it('at:// URI ⇄ post id, as DESIGN.md names it: bsky:<at:// URI>', () => {
    expect(base.id).toBe(`bsky:at://${DID}/app.bsky.feed.post/3l6oveex3ii2l`);
    expect(blueskyPostId(base.atUri!)).toBe(base.id);
    expect(blueskyAtUri(base.id)).toBe(base.atUri);
    expect(blueskyIdParts(base.id)).toEqual({ did: DID, rkey: '3l6oveex3ii2l' });
    expect(blueskyPostIdFor(DID, '3l6oveex3ii2l')).toBe(base.id);
    expect(blueskyPostId('at://did:plc:abc/app.bsky.feed.like/3k')).toBeNull();
    expect(blueskyAtUri('x:1')).toBeNull();
  });

  it('reads bsky.app post links, by handle or by DID, and nothing else', () => {
    expect(blueskyPostLink('https://bsky.app/profile/alice.bsky.social/post/3kabc')).toEqual({ actor: 'alice.bsky.social', rkey: '3kabc' });
    expect(blueskyPostLink(`https://bsky.app/profile/${DID}/post/3kabc/`)).toEqual({ actor: DID, rkey: '3kabc' });
    for (const url of ['http://bsky.app/profile/a/post/3k', 'https://evil.example/profile/a/post/3k', 'https://bsky.app/profile/a', 'https://bsky.app/profile/a/post/3k/liked-by', 'not a url']) {
      expect(blueskyPostLink(url)).toBeNull();
    }
    expect(blueskyPostUrl(DID, '3kabc')).toBe(`https://bsky.app/profile/${DID}/post/3kabc`);
  });
});

describe('Mastodon\'s name for a status: its address on its home instance', () => {
  it('is the same whichever instance the status was read from, and gives the address back', () => {
    const id = mastodonPostId('https://fosstodon.org/@alice/113456789012345000');
    expect(id).toBe('mastodon:https://fosstodon.org/@alice/113456789012345000');
    expect(mastodonIdUrl(id!)).toBe('https://fosstodon.org/@alice/113456789012345000');
    expect(mastodonIdUrl('x:1')).toBeNull();
  });
});

describe('the Post schema across networks', () => {
  it('takes a Bluesky post with its at:// URI and CID, and handles with dots', () => {
    const parsed = parsePost(base);
    expect(parsed.ok && parsed.value).toEqual(base);
  });

  it('takes a Mastodon post with its instance, a user@host handle and a content warning', () => {
    const post: Post = {
      ...base, id: 'mastodon:https://fosstodon.org/@alice/113456789012345000', site: 'mastodon', url: 'https://fosstodon.org/@alice/113456789012345000',
      author: { name: 'Alice', handle: 'alice@fosstodon.org' }, instance: 'mastodon.social', contentWarning: 'Spoilers for the finale',
    };
    delete post.atUri;
    delete post.cid;
    const parsed = parsePost(post);
    expect(parsed.ok && parsed.value).toEqual(post);
  });

  it('refuses an id of another network than the post says, and an unknown network', () => {
    expect(parsePost({ ...base, site: 'x' })).toEqual({ ok: false, error: 'post.id is not a x post id' });
    expect(parsePost({ ...base, site: 'myspace' })).toMatchObject({ ok: false, error: expect.stringMatching(/^post\.site /) });
  });

  it('a backup\'s post with malformed network fields is refused, naming the field', () => {
    expect(strict(base)).toBe('ok');
    expect(strict({ ...base, atUri: 'javascript:alert(1)' })).toMatch(/^post\.atUri is not an at:\/\/ URI/);
    expect(strict({ ...base, cid: '"><script>' })).toMatch(/^post\.cid is not a content id/);
    expect(strict({ ...base, instance: 'evil host/<b>' })).toMatch(/^post\.instance is not a host name/);
  });

  it('a page\'s post with malformed network fields keeps its words and loses only those fields', () => {
    const parsed = parsePost({ ...base, atUri: 'javascript:alert(1)', cid: '"><script>', instance: 'evil host/<b>' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.text).toBe('Hello');
    expect(parsed.value).not.toHaveProperty('atUri');
    expect(parsed.value).not.toHaveProperty('cid');
    expect(parsed.value).not.toHaveProperty('instance');
  });

  it('a handle never carries markup or spaces: such a handle is dropped, the post kept', () => {
    const parsed = parsePost({ ...base, author: { name: 'A', handle: '<img src=x onerror=alert(1)>' } });
    expect(parsed.ok && parsed.value.author.handle).toBe('');
  });
});
