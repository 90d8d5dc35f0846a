// A small roundup from all three networks, for the goldens (tests/golden/mixed-roundup.*) and
// the real-parser tests: hand-made posts in the shapes capture gives them (model/networks.ts):
//   1. an X post with a link;
//   2. a Bluesky post (its record's at:// URI and CID known) quoting another that has a photo
//      with alt text;
//   3. a Mastodon status with a content warning, a shortened link and a hashtag, its author's
//      handle without the instance (the export adds the status's host);
//   4. a Mastodon status boosted into the timeline it was clipped from, read on another
//      instance than its author's (hachyderm.io; its home is fosstodon.org).
import type { Post } from '../../src/model/post';
import type { Roundup } from '../../src/model/roundup';
import { DEFAULT_EXPORT_SETTINGS, type ExportInput } from '../../src/export';

const CAPTURED_AT = '2026-01-05T09:00:00.000Z';

export const MIXED_X: Post = {
  id: 'x:1856734567890123456',
  site: 'x',
  url: 'https://x.com/janedoe/status/1856734567890123456',
  author: { name: 'Jane Doe', handle: 'janedoe' },
  text: 'New paper on patient forums is out: https://example.com/forums',
  segments: [
    { kind: 'text', text: 'New paper on patient forums is out: ' },
    { kind: 'link', text: 'example.com/forums', href: 'https://t.co/AbCdEf1234' },
  ],
  lang: 'en',
  createdAt: '2025-11-20T15:04:05.000Z',
  media: [],
  capturedAt: CAPTURED_AT,
  pageUrl: 'https://x.com/home',
};

const BOB_DID = 'did:plc:k7qkgm3sfb2ahfqdzm5pdkwu';
const ALICE_DID = 'did:plc:4fqbrgm5lhoa7nvsmwr2xzcu';

export const MIXED_BLUESKY: Post = {
  id: `bsky:at://${ALICE_DID}/app.bsky.feed.post/3lbqta7xzwc2k`,
  site: 'bluesky',
  url: 'https://bsky.app/profile/alice.bsky.social/post/3lbqta7xzwc2k',
  author: { name: 'Alice Martin', handle: 'alice.bsky.social' },
  text: 'This is the calm I needed today, @bob.example.com 🪶 #birds',
  segments: [
    { kind: 'text', text: 'This is the calm I needed today, ' },
    { kind: 'mention', text: '@bob.example.com', href: `https://bsky.app/profile/${BOB_DID}` },
    { kind: 'text', text: ' 🪶 ' },
    { kind: 'hashtag', text: '#birds', href: 'https://bsky.app/hashtag/birds' },
  ],
  lang: 'en',
  createdAt: '2025-11-21T08:30:00.000Z',
  media: [],
  quoted: {
    id: `bsky:at://${BOB_DID}/app.bsky.feed.post/3lbqs2vwlpk2e`,
    site: 'bluesky',
    url: 'https://bsky.app/profile/bob.example.com/post/3lbqs2vwlpk2e',
    author: { name: 'Bob Okafor', handle: 'bob.example.com' },
    text: 'Morning at the marsh.',
    segments: [{ kind: 'text', text: 'Morning at the marsh.' }],
    lang: 'en',
    createdAt: '2025-11-21T06:12:00.000Z',
    media: [{
      kind: 'image',
      url: `https://cdn.bsky.app/img/feed_fullsize/plain/${BOB_DID}/bafkreigbw5jx2jcu5ymvasqyk3s7xbghdk6jktrqg6tfyn3yqncjxkbgnm@jpeg`,
      alt: 'A grey heron standing in shallow water at dawn',
    }],
    capturedAt: CAPTURED_AT,
    pageUrl: 'https://bsky.app/',
    atUri: `at://${BOB_DID}/app.bsky.feed.post/3lbqs2vwlpk2e`,
  },
  capturedAt: CAPTURED_AT,
  pageUrl: 'https://bsky.app/',
  atUri: `at://${ALICE_DID}/app.bsky.feed.post/3lbqta7xzwc2k`,
  cid: 'bafyreihx3hbbwyfh4mbzlq5ql2wtu6pp4dgn4zywlsldc6apmhfxjw3ziu',
};

export const MIXED_MASTODON: Post = {
  id: 'mastodon:https://mastodon.social/@carol/113255541325488375',
  site: 'mastodon',
  url: 'https://mastodon.social/@carol/113255541325488375',
  author: { name: 'Carol Reyes', handle: 'carol' },
  text: 'Finally watched the finale. That last scene!\n\nMy review: https://example.org/finale-review-2025 #TVTime',
  segments: [
    { kind: 'text', text: 'Finally watched the finale. That last scene!\n\nMy review: ' },
    { kind: 'link', text: 'example.org/finale-revi…', href: 'https://example.org/finale-review-2025' },
    { kind: 'text', text: ' ' },
    { kind: 'hashtag', text: '#TVTime', href: 'https://mastodon.social/tags/TVTime' },
  ],
  lang: 'en',
  createdAt: '2025-11-22T21:45:00.000Z',
  media: [],
  capturedAt: CAPTURED_AT,
  pageUrl: 'https://mastodon.social/home',
  instance: 'mastodon.social',
  contentWarning: 'Spoilers: the season finale',
};

export const MIXED_BOOST: Post = {
  id: 'mastodon:https://fosstodon.org/@dave/113259998877665544',
  site: 'mastodon',
  url: 'https://fosstodon.org/@dave/113259998877665544',
  author: { name: 'Dave Kim', handle: 'dave@fosstodon.org' },
  text: 'Agreed with @carol: best finale in years.',
  segments: [
    { kind: 'text', text: 'Agreed with ' },
    { kind: 'mention', text: '@carol', href: 'https://mastodon.social/@carol' },
    { kind: 'text', text: ': best finale in years.' },
  ],
  lang: 'en',
  createdAt: '2025-11-23T10:00:00.000Z',
  media: [],
  repostedBy: 'Erin',
  capturedAt: CAPTURED_AT,
  pageUrl: 'https://hachyderm.io/home',
  instance: 'hachyderm.io',
};

export const MIXED_POSTS: Post[] = [MIXED_X, MIXED_BLUESKY, MIXED_MASTODON, MIXED_BOOST];

export const MIXED_ROUNDUP: Roundup = {
  id: 'mixed-networks',
  title: 'One week, three networks',
  intro: 'The conversation no longer lives in one place.\n\nHere is what I read this week, wherever it was posted.',
  closing: 'See you next week, on whichever network.',
  items: [
    // The writer's links and emphasis (export/inline.ts), in every format's own way.
    { postId: MIXED_X.id, leadIn: 'Research first:', commentary: 'Worth reading **in full**, with [the paper](https://example.org/paper) *beside it*.' },
    { postId: MIXED_BLUESKY.id, leadIn: '', commentary: 'A quiet moment, shared twice.' },
    { postId: MIXED_MASTODON.id, leadIn: 'Mind the warning on this one.', commentary: 'No spoilers from me.' },
    { postId: MIXED_BOOST.id, leadIn: '', commentary: 'And a second opinion.' },
  ],
  createdAt: '2025-11-23T12:00:00.000Z',
  updatedAt: '2025-11-24T07:30:00.000Z',
};

export const MIXED_INPUT: ExportInput = {
  roundup: MIXED_ROUNDUP,
  posts: Object.fromEntries(MIXED_POSTS.map((p) => [p.id, p])),
  settings: { ...DEFAULT_EXPORT_SETTINGS, signature: 'Written by a person who reads too much.' },
  exportedAt: '2025-11-24T08:00:00.000Z',
};
