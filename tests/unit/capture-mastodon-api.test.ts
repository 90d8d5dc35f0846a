// @vitest-environment happy-dom
// Mastodon's public API read into Posts, on real answers (tests/fixtures/mastodon/SOURCES.md):
// statuses from mastodon.social, fosstodon.org and a Mastodon 4.6 test server (a card, a
// content warning, media, a boost, a 4.4+ quote), two real timelines with statuses from other
// servers, real threads, real instance answers and errors; then malformed and hostile input.
// Every Post that comes out passes parsePost unchanged.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readApiError, readContext, readInstance, readStatus, SENSITIVE_MEDIA, type MastodonReadAt, type ReadPost,
} from '../../src/capture/mastodon-api';
import { mastodonPostId, mastodonStatusLink } from '../../src/model/networks';
import { parsePost } from '../../src/model/parse-post';
import type { Post } from '../../src/model/post';

const F = 'tests/fixtures/mastodon/api/';
const load = (path: string): any => JSON.parse(readFileSync(F + path, 'utf8'));
const T = '2026-11-29T12:00:00.000Z';
const at = (instance: string, pageUrl = ''): MastodonReadAt => ({
  capturedAt: T,
  pageUrl,
  instance,
  parse: (html) => new DOMParser().parseFromString(html, 'text/html'),
});

/** Every post read here: each must pass parsePost as it is (checked at the end). */
const produced: Post[] = [];
function ok(read: ReadPost): Post {
  if (!read.ok) throw new Error(`expected a post, got: ${read.error}`);
  produced.push(read.post);
  return read.post;
}

const TEST_SERVER_AUTHOR = {
  name: 'John Lennon',
  handle: 'mastodonpy_test', // on a host with a port the handle stays bare (a handle has no port)
  avatarUrl: 'http://localhost:3000/system/accounts/avatars/117/020/565/966/271/181/original/5784df1febb9890a.jpg',
  profileUrl: 'http://localhost:3000/@mastodonpy_test',
};
const KOCHER = {
  name: 'Austin Kocher, PhD 🌎',
  handle: 'austinkocher@mastodon.social',
  avatarUrl: 'https://files.mastodon.social/accounts/avatars/109/246/333/737/365/889/original/63c3e808423543ad.jpeg',
  profileUrl: 'https://mastodon.social/@austinkocher',
};

describe('a status (GET /api/v1/statuses/:id)', () => {
  it('mastodon.social: a local account, mentions, hashtag, a link card with a picture', () => {
    const page = 'https://mastodon.social/@austinkocher/109294719267373593';
    const post = ok(readStatus(load('rtoot/mastodon.social-status-109294719267373593.json'), at('mastodon.social', page)));
    expect(post).toEqual({
      id: 'mastodon:https://mastodon.social/@austinkocher/109294719267373593',
      site: 'mastodon',
      url: 'https://mastodon.social/@austinkocher/109294719267373593',
      instance: 'mastodon.social',
      author: KOCHER,
      text:
        'Mastodon will update to 4.0 soon! Here are the most exciting new features (in addition to fixes & changes):\n\n' +
        '- ability to follow hashtags\n- ability to filter by language\n- ability to translate posts \n' +
        '- ability to post HEIC files (i.e. your iPhone’s native photo format)\n- define user roles (big deal for admins)\n' +
        '- define sign-up process on your Instance (admins again)\n\n' +
        'See all changes here: github.com/mastodon/mastodon/r…\n\nThanks, @Gargron and @Mastodon Team. #Mastodon4',
      segments: [
        {
          kind: 'text',
          text:
            'Mastodon will update to 4.0 soon! Here are the most exciting new features (in addition to fixes & changes):\n\n' +
            '- ability to follow hashtags\n- ability to filter by language\n- ability to translate posts \n' +
            '- ability to post HEIC files (i.e. your iPhone’s native photo format)\n- define user roles (big deal for admins)\n' +
            '- define sign-up process on your Instance (admins again)\n\nSee all changes here: ',
        },
        { kind: 'link', text: 'github.com/mastodon/mastodon/r…', href: 'https://github.com/mastodon/mastodon/releases/tag/v4.0.0rc1' },
        { kind: 'text', text: '\n\nThanks, ' },
        { kind: 'mention', text: '@Gargron', href: 'https://mastodon.social/@Gargron' },
        { kind: 'text', text: ' and ' },
        { kind: 'mention', text: '@Mastodon', href: 'https://mastodon.social/@Mastodon' },
        { kind: 'text', text: ' Team. ' },
        { kind: 'hashtag', text: '#Mastodon4', href: 'https://mastodon.social/tags/Mastodon4' },
      ],
      lang: 'en',
      createdAt: '2022-11-06T03:24:27.042Z',
      media: [],
      card: {
        url: 'https://github.com/mastodon/mastodon/releases/tag/v4.0.0rc1',
        title: 'Release v4.0.0rc1 · mastodon/mastodon',
        domain: 'GitHub',
        description:
          'Note: This is a release candidate. It is intended to be stable, but not guaranteed.\n\nUpgrade overview\nThis release contains upgrade notes that deviate from the norm:\nℹ️ Requires two-step database m...',
        image: { url: 'https://files.mastodon.social/cache/preview_cards/images/047/056/323/original/947c0207471b17fb.png' },
      },
      capturedAt: T,
      pageUrl: page,
    });
  });

  it('the documentation’s example: a card without a provider is named by its host', () => {
    const post = ok(readStatus(load('docs/entities-Status-example.json'), at('mastodon.social')));
    expect(post.author).toEqual({
      name: 'Eugen',
      handle: 'Gargron@mastodon.social',
      avatarUrl: 'https://files.mastodon.social/accounts/avatars/000/000/001/original/d96d39a0abb45b92.jpg',
      profileUrl: 'https://mastodon.social/@Gargron',
    });
    expect(post.text).toBe('"I lost my inheritance with one wrong digit on my sort code"\n\ntheguardian.com/money/2019/dec…');
    expect(post.card).toEqual({
      url: 'https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code',
      title: '‘I lost my £193,000 inheritance – with one wrong digit on my sort code’',
      domain: 'www.theguardian.com',
      description: 'When Peter Teich’s money went to another Barclays customer, the bank offered £25 as a token gesture',
    });
    expect(post.partial).toBeUndefined();
  });

  it('Mastodon 4.6 test server: a card; `sensitive` with nothing to hide is no warning', () => {
    expect(ok(readStatus(load('mastodonpy/status-card.json'), at('localhost:3000')))).toEqual({
      id: 'mastodon:http://localhost:3000/@mastodonpy_test/117020609135389699',
      site: 'mastodon',
      url: 'http://localhost:3000/@mastodonpy_test/117020609135389699',
      instance: 'localhost:3000',
      author: TEST_SERVER_AUTHOR,
      text: 'example.org/',
      segments: [{ kind: 'link', text: 'example.org/', href: 'http://example.org/' }],
      lang: 'en',
      createdAt: '2026-08-01T13:59:50.763Z',
      media: [],
      card: { url: 'http://example.org/', title: 'Example Domain', domain: 'example.org' },
      capturedAt: T,
      pageUrl: '',
    });
  });

  it('a content warning is the spoiler text', () => {
    const post = ok(readStatus(load('mastodonpy/status-content-warning.json'), at('localhost:3000')));
    expect([post.contentWarning, post.text, post.id]).toEqual(['Content warning', 'Toot!', 'mastodon:http://localhost:3000/@mastodonpy_test/117020586000687987']);
  });

  it('media: a video with its poster and alt, two images; sensitive media without a spoiler warns', () => {
    const video = ok(readStatus(load('mastodonpy/status-video.json'), at('localhost:3000')));
    expect([video.text, video.contentWarning, video.media]).toEqual([
      'LOL check this out',
      SENSITIVE_MEDIA,
      [
        {
          kind: 'video',
          url: 'http://localhost:3000/system/media_attachments/files/117/020/575/776/246/986/original/eeff5cc9d35a00aa.mp4',
          alt: 'me when a cat',
          posterUrl: 'http://localhost:3000/system/media_attachments/thumbnails/117/020/575/776/246/986/original/fc13dbf5f7602144.jpg',
        },
      ],
    ]);
    const images = ok(readStatus(load('mastodonpy/status-two-images.json'), at('localhost:3000')));
    expect(images.media).toEqual([
      {
        kind: 'image',
        url: 'http://localhost:3000/system/media_attachments/files/117/020/576/646/493/592/original/963111bc1b0bd6b6.jpg',
        alt: 'John Lennon doing a funny walk',
      },
      {
        kind: 'image',
        url: 'http://localhost:3000/system/media_attachments/files/117/020/576/661/238/952/original/c71a1b53ce29a852.jpg',
        alt: 'hololives #1 detective, watson ameliachan',
      },
    ]);
    expect(images.contentWarning).toBe('Sensitive media');
  });

  it('a boost is the boosted status, reposted by the booster’s display name', () => {
    const post = ok(readStatus(load('mastodonpy/status-reblog.json'), at('localhost:3000')));
    expect([post.id, post.url, post.text, post.repostedBy]).toEqual([
      'mastodon:http://localhost:3000/@mastodonpy_test/117020586019094258',
      'http://localhost:3000/@mastodonpy_test/117020586019094258',
      'Toot!',
      'John Lennon',
    ]);
    // fosstodon.org boosting a masto.ai status: the id is fosstodon's, the address the author's own.
    expect(ok(readStatus(load('rtoot/fosstodon.org-reblog-110646408237799248.json'), at('fosstodon.org')))).toEqual({
      id: 'mastodon:https://masto.ai/@stavvers/110632697527935576',
      site: 'mastodon',
      url: 'https://masto.ai/@stavvers/110632697527935576',
      instance: 'fosstodon.org',
      author: {
        name: 'Another Angry Woman',
        handle: 'stavvers@masto.ai',
        avatarUrl: 'https://cdn.fosstodon.org/cache/accounts/avatars/109/381/341/630/036/374/original/63a0004705be9b71.jpg',
        profileUrl: 'https://masto.ai/@stavvers',
      },
      text: "lol twitter now requires login to view any tweet, RIP that whole ecosystem of embedding some tweets and pretending it's journalism",
      segments: [
        {
          kind: 'text',
          text: "lol twitter now requires login to view any tweet, RIP that whole ecosystem of embedding some tweets and pretending it's journalism",
        },
      ],
      lang: 'en',
      createdAt: '2023-06-30T10:29:54.000Z',
      media: [],
      repostedBy: 'David Schoch',
      capturedAt: T,
      pageUrl: '',
    });
  });

  it('a boost by an account with no display name is credited to @user@host', () => {
    const status = load('mastodonpy/status-reblog.json');
    status.account.display_name = '';
    expect(ok(readStatus(status, at('mastodon.example'))).repostedBy).toBe('@mastodonpy_test@mastodon.example');
  });

  it('a 4.4+ quote: the quoted status is the quoted post, and the "RE:" fallback is dropped', () => {
    const post = ok(readStatus(load('mastodonpy/status-quote.json'), at('localhost:3000')));
    expect(post.text).toBe('yoooooooo');
    expect(post.quoted).toEqual({
      id: 'mastodon:http://localhost:3000/@mastodonpy_test/117020582917124092',
      site: 'mastodon',
      url: 'http://localhost:3000/@mastodonpy_test/117020582917124092',
      instance: 'localhost:3000',
      author: TEST_SERVER_AUTHOR,
      text: 'Toot!',
      segments: [{ kind: 'text', text: 'Toot!' }],
      lang: 'en',
      createdAt: '2026-08-01T13:53:10.704Z',
      media: [],
      capturedAt: T,
      pageUrl: '',
    });
    expect(post.partial).toBeUndefined();
  });

  it('a quote not shown (pending, revoked) keeps the fallback; an accepted one that cannot be read is partial', () => {
    const pending = load('mastodonpy/status-quote.json');
    pending.quote = { state: 'pending', quoted_status: null };
    const p = ok(readStatus(pending, at('localhost:3000')));
    expect([p.text, p.quoted, p.partial]).toEqual(['RE: localhost:3000/@mastodonpy_tes…\n\nyoooooooo', undefined, undefined]);
    const broken = load('mastodonpy/status-quote.json');
    broken.quote.quoted_status.id = { not: 'an id' };
    const b = ok(readStatus(broken, at('localhost:3000')));
    expect([b.text, b.quoted, b.partial]).toEqual(['RE: localhost:3000/@mastodonpy_tes…\n\nyoooooooo', undefined, true]);
  });

  const local = load('rtoot/fosstodon.org-timeline-local.json') as any[];
  const federated = load('rtoot/fosstodon.org-timeline-federated.json') as any[];
  const find = (list: any[], id: string) => list.find((s) => s.id === id);

  it('a remote GIF: the instance’s cached copy, its poster, the author’s own address', () => {
    const post = ok(readStatus(find(federated, '114868870584008938'), at('fosstodon.org')));
    expect(post).toMatchObject({
      id: 'mastodon:https://mastodon.social/@microtrailers/114868870472216819',
      url: 'https://mastodon.social/@microtrailers/114868870472216819',
      author: {
        name: 'Steam Trailers in 6s',
        handle: 'microtrailers@mastodon.social',
        avatarUrl: 'https://cdn.fosstodon.org/cache/accounts/avatars/111/666/021/543/991/532/original/b1e365d7bd5abd7e.jpg',
        profileUrl: 'https://mastodon.social/@microtrailers',
      },
      text: 'Sea of Dreams Survivors - New on Steam!\nSteam: store.steampowered.com/app/348…\n$2.99 #gaming #games #steam',
      createdAt: '2025-07-17T13:44:24.000Z',
      media: [
        {
          kind: 'gif',
          url: 'https://cdn.fosstodon.org/cache/media_attachments/files/114/868/870/503/686/804/original/c68ebcdcf9e17743.mp4',
          posterUrl: 'https://cdn.fosstodon.org/cache/media_attachments/files/114/868/870/503/686/804/small/c68ebcdcf9e17743.png',
        },
      ],
    });
    expect(post.contentWarning).toBeUndefined();
  });

  it('a display name’s custom emoji stays its shortcode; a video card by provider', () => {
    expect(ok(readStatus(find(federated, '114868870137582039'), at('fosstodon.org'))).author.name).toBe('Gareth Heyes :verified:');
    expect(ok(readStatus(find(local, '114870334959460819'), at('fosstodon.org'))).card).toEqual({
      url: 'https://youtu.be/S9UUv6IQpWE?si=4i7R0zaemiPaWCyv',
      title: 'Documental | Las tres patrias de Luis Enrique Mejía Godoy',
      domain: 'YouTube',
      image: { url: 'https://cdn.fosstodon.org/cache/preview_cards/images/052/518/848/original/88e3af86cf13dbf6.jpg' },
    });
  });

  it('every status of two real timelines (30, from Mastodon, Akkoma, Threads, Flipboard…) reads', () => {
    for (const s of [...local, ...federated]) {
      const post = ok(readStatus(s, at('fosstodon.org')));
      // Named by its address on its home instance, wherever it was read.
      expect(post.id).toBe(`mastodon:${post.url}`);
      expect(post.partial).toBeUndefined();
    }
  });

  it('a custom emoji the status names is an emoji segment in the text', () => {
    const context = load('rtoot/mastodon.social-context-109294719267373593.json');
    const coffee = context.descendants.find((s: any) => s.id === '109297423636342049');
    const post = ok(readStatus(coffee, at('mastodon.social')));
    expect(post.segments.filter((s) => s.kind === 'emoji')).toEqual([{ kind: 'emoji', text: ':blobcoffee:' }]);
    expect(post.text).toContain(':blobcoffee:');
    expect(post.author.handle).toBe('frostbrewer@mstdn.social');
  });

  it('a reply names whom it answers when its mentions say so', () => {
    const context = load('rtoot/fosstodon.org-context-114026814291152535.json');
    const reply = ok(readStatus(context.descendants[0], at('fosstodon.org')));
    expect([reply.replyTo, reply.author.handle]).toEqual(['schochastics@fosstodon.org', 'erc_bk@fosstodon.org']);
    const unnamed = structuredClone(context.descendants[0]);
    unnamed.mentions = [];
    expect(ok(readStatus(unnamed, at('fosstodon.org'))).replyTo).toBeUndefined();
  });
});

describe('the author’s thread (GET /api/v1/statuses/:id/context)', () => {
  it('mastodon.social: the status and its author’s first own reply; a later own reply, and replies to others, are not the thread', () => {
    const read = readContext(
      load('rtoot/mastodon.social-context-109294719267373593.json'),
      load('rtoot/mastodon.social-status-109294719267373593.json'),
      at('mastodon.social'),
    );
    expect(read.errors).toEqual([]);
    read.posts.forEach((p) => produced.push(p));
    expect(read.posts.map((p) => [p.id, p.thread, p.replyTo])).toEqual([
      ['mastodon:https://mastodon.social/@austinkocher/109294719267373593', 'first', undefined],
      ['mastodon:https://mastodon.social/@austinkocher/109294767623508949', 'last', 'austinkocher@mastodon.social'],
    ]);
    expect(read.posts[1]).toMatchObject({
      author: KOCHER,
      text:
        'The best way to keep this development going and to get features added is to support the team. I #SupportMastodon at $10 a month, ' +
        'but you can choose less or more. See my post below with link to #Patreon. @Gargron @Mastodon\n\nmastodon.social/@austinkocher/…',
      createdAt: '2022-11-06T03:36:44.808Z',
    });
  });

  it('fosstodon.org: a status only others answered, and a reply to someone else, are threads of one', () => {
    const ofPost = load('rtoot/fosstodon.org-context-114026814291152535.json');
    const ofReply = load('rtoot/fosstodon.org-context-114027213608365869.json');
    const a = readContext(ofPost, ofReply.ancestors[0], at('fosstodon.org'));
    expect([a.posts.map((p) => [p.id, p.thread]), a.errors]).toEqual([[['mastodon:https://fosstodon.org/@schochastics/114026814291152535', undefined]], []]);
    const b = readContext(ofReply, ofPost.descendants[0], at('fosstodon.org'));
    expect([b.posts.map((p) => [p.id, p.thread, p.replyTo]), b.errors]).toEqual([
      [['mastodon:https://fosstodon.org/@erc_bk/114027213608365869', undefined, 'schochastics@fosstodon.org']],
      [],
    ]);
    [...a.posts, ...b.posts].forEach((p) => produced.push(p));
  });

  it('constructed: up through the author’s posts, down by the earliest own reply at each step', () => {
    const { status, context } = load('constructed-self-thread.json');
    const read = readContext(context, status, at('social.example', 'https://social.example/@alice/103'));
    read.posts.forEach((p) => produced.push(p));
    expect(read.errors).toEqual([]);
    expect(read.posts.map((p) => [p.id, p.thread, p.replyTo, p.text])).toEqual([
      ['mastodon:https://social.example/@alice/101', 'first', 'bob@other.example', '@bob A thread on what I read :blobcat: 🧵'],
      ['mastodon:https://social.example/@alice/102', 'middle', 'alice@social.example', 'First, #books:\na novel about lighthouses.'],
      ['mastodon:https://social.example/@alice/103', 'middle', 'alice@social.example', 'Then the ending, which I will not spoil here.'],
      ['mastodon:https://social.example/@alice/106', 'middle', 'alice@social.example', 'Last, a short one: example.org/essays/2024/05/on-r…'],
      ['mastodon:https://social.example/@alice/108', 'last', 'alice@social.example', 'That is all. 1/1 ends here.'],
    ]);
    expect(read.posts[0]!.segments).toEqual([
      { kind: 'mention', text: '@bob', href: 'https://other.example/@bob' },
      { kind: 'text', text: ' A thread on what I read ' },
      { kind: 'emoji', text: ':blobcat:' },
      { kind: 'text', text: ' 🧵' },
    ]);
    expect(read.posts[0]!.author).toEqual({
      name: 'Alice :blobcat:',
      handle: 'alice@social.example',
      avatarUrl: 'https://social.example/system/accounts/avatars/1001/static/a.png',
      profileUrl: 'https://social.example/@alice',
    });
    expect(read.posts[2]).toMatchObject({
      contentWarning: 'Ending spoilers',
      media: [{ kind: 'image', url: 'https://social.example/system/media_attachments/files/5001/original/cover.jpg', alt: 'The book\'s cover' }],
    });
  });

  it('a post of the thread that cannot be read ends it there, and says so', () => {
    const { status, context } = load('constructed-self-thread.json');
    context.descendants.find((s: any) => s.id === '108').created_at = 'not a date';
    context.descendants.find((s: any) => s.id === '108').id = { bad: true };
    context.ancestors.find((s: any) => s.id === '101').account = { id: '1001', acct: '<script>' };
    const read = readContext(context, status, at('social.example'));
    expect(read.posts.map((p) => [p.id.slice(-3), p.thread])).toEqual([
      ['101', 'first'],
      ['102', 'middle'],
      ['103', 'middle'],
      ['106', 'last'],
    ]);
    expect(read.posts[0]).toMatchObject({ author: { name: '', handle: '' }, partial: true });
    expect(read.errors).toEqual(['A later post of the thread could not be read: The status has no id Roundup can read (an object).']);
    read.posts.forEach((p) => produced.push(p));
  });

  it('no thread in the answer: the status alone, and why', () => {
    const status = load('rtoot/mastodon.social-status-109294719267373593.json');
    for (const json of [null, {}, { ancestors: [] }, 'text', []]) {
      const read = readContext(json, status, at('mastodon.social'));
      expect(read.posts.map((p) => p.id)).toEqual(['mastodon:https://mastodon.social/@austinkocher/109294719267373593']);
      expect(read.errors).toEqual(['The answer from the instance holds no thread (ancestors and descendants).']);
    }
    expect(readContext({ ancestors: [], descendants: [] }, null, at('mastodon.social'))).toEqual({ posts: [], errors: ['The status is not an object (null).'] });
  });

  it('a loop in the answer does not loop', () => {
    const a = { ...load('mastodonpy/status-content-warning.json'), id: '1', url: 'http://localhost:3000/@mastodonpy_test/1', in_reply_to_id: '2' };
    const b = { ...a, id: '2', url: 'http://localhost:3000/@mastodonpy_test/2', in_reply_to_id: '1' };
    const read = readContext({ ancestors: [b, a], descendants: [a, b] }, a, at('localhost:3000'));
    expect(read.posts.map((p) => p.id)).toEqual(['mastodon:http://localhost:3000/@mastodonpy_test/2', 'mastodon:http://localhost:3000/@mastodonpy_test/1']);
  });
});

describe('the instance (GET /api/v2/instance)', () => {
  it('real Mastodon answers: mastodon.social (v2, twice), a 4.6 test server (v2 and v1)', () => {
    expect(readInstance(load('mastodonpy/instance-v2-mastodon-social.json'))).toEqual({
      ok: true, domain: 'mastodon.social', title: 'Mastodon', version: '4.7.0-alpha.2+pr-39999-68e5caf',
    });
    expect(readInstance(load('docs/entities-Instance-example.json'))).toEqual({
      ok: true, domain: 'mastodon.social', title: 'Mastodon', version: '4.5.0-nightly.2025-07-11',
    });
    expect(readInstance(load('mastodonpy/instance-v2-localhost.json'))).toEqual({ ok: true, domain: 'localhost:3000', title: 'Mastodon', version: '4.6.4' });
    expect(readInstance(readFileSync(F + 'mastodonpy/instance-v1-localhost.json', 'utf8'))).toEqual({
      ok: true, domain: 'localhost:3000', title: 'Mastodon', version: '4.6.4',
    });
  });

  it('anything else is not a Mastodon instance, whatever its name', () => {
    const no = { ok: false, error: 'not a Mastodon instance' };
    // Real answers that are not an instance's: a Mastodon error, a status, WordPress's REST index, Bluesky's thread.
    expect(readInstance(load('docs/methods-statuses-get-404.json'))).toEqual(no);
    expect(readInstance(load('mastodonpy/status-card.json'))).toEqual(no);
    expect(readInstance(JSON.parse(readFileSync('tests/fixtures/wordpress/not-wordpress-rest-route.json', 'utf8')))).toEqual(no);
    expect(readInstance(JSON.parse(readFileSync('tests/fixtures/bluesky/api/morpho/thread-response-json.json', 'utf8')))).toEqual(no);
    for (const v of [null, 1, 'mastodon.social', '<html><title>Mastodon</title></html>', [], { domain: 'mastodon.social', title: 'Mastodon', version: '4.3.0' }]) {
      expect(readInstance(v)).toEqual(no);
    }
    const hostile = load('mastodonpy/instance-v2-mastodon-social.json');
    hostile.domain = 'evil.example/<script>';
    expect(readInstance(hostile)).toEqual(no);
  });
});

describe('errors the writer reads', () => {
  it('real error answers', () => {
    expect(readApiError(404, load('docs/methods-statuses-get-404.json'))).toBe(
      'Mastodon could not find this post. It may have been deleted, or it is not public (only its author’s followers or the people it mentions can see it).',
    );
    expect(readApiError(404, readFileSync(F + 'mastodonpy/error-404.json', 'utf8'))).toBe(readApiError(404, null));
    const signIn =
      'This Mastodon server lets only signed-in users read posts through its API (it runs in limited-federation or authorized-fetch mode), so Roundup cannot read this post from it.';
    expect(readApiError(401, load('docs/methods-statuses-get-401.json'))).toBe(signIn);
    expect(readApiError(401, load('mastodonpy/error-401.json'))).toBe(signIn);
    expect(readApiError(403, '{"error":"This action is not allowed"}')).toBe(signIn);
  });

  it('429 with when to try again (seconds, an HTTP date, Mastodon’s X-RateLimit-Reset)', () => {
    const now = Date.parse('2026-11-29T12:00:00.000Z');
    const body = '{"error":"Too many requests"}';
    expect(readApiError(429, body, '30', now)).toBe('The Mastodon server is limiting requests right now. Try again in 30 seconds.');
    expect(readApiError(429, body, 1, now)).toBe('The Mastodon server is limiting requests right now. Try again in 1 second.');
    expect(readApiError(429, body, 'Sun, 29 Nov 2026 12:04:00 GMT', now)).toBe('The Mastodon server is limiting requests right now. Try again in 4 minutes.');
    expect(readApiError(429, body, '2026-11-29T12:00:45.123Z', now)).toBe('The Mastodon server is limiting requests right now. Try again in 46 seconds.');
    expect(readApiError(429, body, 'soon', now)).toBe('The Mastodon server is limiting requests right now. Try again in a minute.');
    expect(readApiError(429, body, null, now)).toBe('The Mastodon server is limiting requests right now. Try again in a minute.');
  });

  it('410, 5xx (an HTML page is never shown), 422, unreachable, anything else', () => {
    expect(readApiError(410, '')).toBe('This Mastodon post is gone: it was deleted, or its author’s account was suspended or moved away.');
    expect(readApiError(502, '<html><script>alert(1)</script>Bad Gateway</html>')).toBe('The Mastodon server had a problem (error 502). Try again in a moment.');
    expect(readApiError(503, null, 120, 0)).toBe('The Mastodon server had a problem (error 503). Try again in 2 minutes.');
    expect(readApiError(422, { error: 'Validation failed:\n\u0000 Text\tcan’t be blank' })).toBe(
      'The Mastodon server did not accept the request (Validation failed: Text can’t be blank).',
    );
    expect(readApiError(0, null)).toBe('The Mastodon server could not be reached.');
    expect(readApiError(NaN, undefined)).toBe('The Mastodon server could not be reached.');
    expect(readApiError(418, { error: 'x'.repeat(500) })).toBe(`The Mastodon server answered with an error (418: ${'x'.repeat(200)}).`);
  });
});

describe('links to statuses (model/networks.ts)', () => {
  it('reads every form of a status’s address Mastodon serves', () => {
    expect(mastodonStatusLink('https://mastodon.social/@Gargron/103270115826048975')).toEqual({ host: 'mastodon.social', id: '103270115826048975' });
    expect(mastodonStatusLink('https://fosstodon.org/@stavvers@masto.ai/110632697682444411')).toEqual({ host: 'fosstodon.org', id: '110632697682444411' });
    expect(mastodonStatusLink('https://mastodon.social/users/austinkocher/statuses/109294719267373593')).toEqual({ host: 'mastodon.social', id: '109294719267373593' });
    expect(mastodonStatusLink('http://localhost:3000/ap/users/117020565966271181/statuses/117020609135389699')).toEqual({ host: 'localhost:3000', id: '117020609135389699' });
    expect(mastodonStatusLink('https://Mastodon.Social/statuses/1/')).toEqual({ host: 'mastodon.social', id: '1' });
    expect(mastodonStatusLink('https://mastodon.social/deck/@Gargron/103270115826048975?x=1#y')).toEqual({ host: 'mastodon.social', id: '103270115826048975' });
    expect(mastodonStatusLink('https://mastodon.social:443/@Gargron/1')).toEqual({ host: 'mastodon.social', id: '1' });
  });

  it('anything else is not one', () => {
    for (const url of [
      'https://mastodon.social/@Gargron', 'https://mastodon.social/@Gargron/media', 'https://mastodon.social/@Gargron/103270115826048975/embed',
      'https://mastodon.social/users/Gargron/statuses/1/activity', 'https://mastodon.social/tags/mastodon', 'https://mastodon.social/',
      'javascript:alert(1)//@a/1', 'ftp://mastodon.social/@a/1', 'https://user:pw@mastodon.social/@a/1', 'not a url', '',
      'https://mastodon.social/@a/1234567890123456789012345678901',
    ]) expect([url, mastodonStatusLink(url)]).toEqual([url, null]);
  });

  it('post ids, as the id scheme takes them: the status\'s address, host in lower case, no query or fragment', () => {
    expect(mastodonPostId('https://Mastodon.Social/@Gargron/109294719267373593?x=1#y')).toBe('mastodon:https://mastodon.social/@Gargron/109294719267373593');
    expect(mastodonPostId('http://localhost:3000/@admin/1')).toBe('mastodon:http://localhost:3000/@admin/1');
    expect(mastodonPostId('ftp://mastodon.social/@a/1')).toBeNull();
    expect(mastodonPostId('https://user:pw@mastodon.social/@a/1')).toBeNull();
    expect(mastodonPostId('not a url')).toBeNull();
  });
});

describe('malformed and hostile input', () => {
  const base = () => load('mastodonpy/status-content-warning.json');

  it('what is not a status is refused with a reason; nothing throws', () => {
    const cases: [unknown, string][] = [
      [null, 'The status is not an object (null).'],
      [[], 'The status is not an object (an array).'],
      ['<p>hi</p>', 'The status is not an object ("<p>hi</p>").'],
      [{}, 'The status has no id Roundup can read (nothing).'],
      [{ ...base(), id: '../1' }, 'The status has no id Roundup can read ("../1").'],
      [{ ...base(), reblog: { id: null } }, 'The status has no id Roundup can read (null).'],
    ];
    for (const [status, error] of cases) expect(readStatus(status, at('localhost:3000'))).toEqual({ ok: false, error });
    for (const instance of ['', 'https://mastodon.social', 'a b', '<script>', 42]) {
      expect(readStatus(base(), { ...at('x'), instance } as unknown as MastodonReadAt).ok).toBe(false);
    }
  });

  it('fields of the wrong kind are left out and the post marked partial', () => {
    const post = ok(
      readStatus(
        {
          ...base(),
          account: 'nobody',
          content: 42,
          created_at: 'yesterday',
          language: 'en_US; DROP',
          media_attachments: [null, { type: 'audio', url: 'https://a.example/a.mp3' }, { type: 'unknown', url: null }, { type: 'image', url: 'data:image/png;base64,AA' }],
          card: { url: 'javascript:alert(1)', title: 'x' },
          poll: { options: [] },
          mentions: 'x',
          in_reply_to_account_id: { id: 1 },
        },
        at('localhost:3000'),
      ),
    );
    expect(post).toEqual({
      id: 'mastodon:http://localhost:3000/@mastodonpy_test/117020586000687987',
      site: 'mastodon',
      url: 'http://localhost:3000/@mastodonpy_test/117020586000687987',
      instance: 'localhost:3000',
      author: { name: '', handle: '' },
      text: '',
      segments: [],
      media: [],
      contentWarning: 'Content warning',
      capturedAt: T,
      pageUrl: '',
      partial: true,
    });
  });

  it('hostile HTML and addresses: no markup, no script link, no unsafe address survives', () => {
    const status = {
      ...base(),
      url: 'javascript:alert(1)',
      uri: 'https://evil.example/statuses/1',
      spoiler_text: '<b>Careful</b>\u0000\n now',
      content:
        '<p>Hi<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">click</a>' +
        '<a href="https://ok.example/" onclick="alert(4)">ok</a><iframe srcdoc="<b>x</b>"></iframe>&lt;i&gt;</p>',
      account: {
        id: '9', acct: 'mallory@evil.example', display_name: '<img src=x onerror=alert(5)>Mallory\u202e',
        url: 'javascript:alert(6)', avatar: 'data:image/svg+xml,<svg onload=alert(7)>', avatar_static: 'javascript:alert(8)',
      },
      media_attachments: [{ type: 'video', url: 'https://v.example/v.mp4', preview_url: 'javascript:alert(9)', description: '<script>' }],
      card: { url: 'https://ok.example/', title: '<b>t</b>', image: 'javascript:alert(10)', provider_name: '' },
    };
    const post = ok(readStatus(status, at('evil.example')));
    expect(post).toEqual({
      id: 'mastodon:https://evil.example/statuses/1',
      site: 'mastodon',
      url: 'https://evil.example/statuses/1',
      instance: 'evil.example',
      // Words that look like markup stay words (the exports escape them); a bidi override goes.
      author: { name: '<img src=x onerror=alert(5)>Mallory', handle: 'mallory@evil.example' },
      text: 'Hiclickok<i>',
      segments: [
        { kind: 'text', text: 'Hiclick' },
        { kind: 'link', text: 'ok', href: 'https://ok.example/' },
        { kind: 'text', text: '<i>' },
      ],
      lang: 'en',
      createdAt: '2026-08-01T13:53:57.755Z',
      media: [{ kind: 'video', url: 'https://v.example/v.mp4', alt: '<script>' }],
      card: { url: 'https://ok.example/', title: '<b>t</b>', domain: 'ok.example' },
      contentWarning: '<b>Careful</b> now',
      capturedAt: T,
      pageUrl: '',
    });
  });

  it('a parser that throws leaves the words out, marked partial', () => {
    const post = ok(readStatus(base(), { ...at('localhost:3000'), parse: () => { throw new Error('no DOM'); } }));
    expect([post.text, post.segments, post.partial]).toEqual(['', [], true]);
  });

  it('for any JSON: never throws, and whatever is read passes parsePost', () => {
    const anyStatus = fc.oneof(
      fc.anything(),
      fc.record(
        {
          id: fc.oneof(fc.string(), fc.nat()),
          url: fc.oneof(fc.webUrl(), fc.string()),
          content: fc.oneof(fc.string(), fc.constant('<p><a href="https://x.example/">x</a></p>')),
          account: fc.oneof(fc.anything(), fc.record({ id: fc.string(), acct: fc.string(), display_name: fc.string(), url: fc.string() })),
          created_at: fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
          media_attachments: fc.array(fc.record({ type: fc.constantFrom('image', 'video', 'gifv', 'audio', 'x'), url: fc.oneof(fc.webUrl(), fc.string()) })),
          emojis: fc.array(fc.record({ shortcode: fc.string() })),
          reblog: fc.oneof(fc.constant(null), fc.anything()),
          quote: fc.oneof(fc.constant(null), fc.anything()),
          card: fc.oneof(fc.constant(null), fc.record({ url: fc.oneof(fc.webUrl(), fc.string()), title: fc.string(), image: fc.string() })),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(anyStatus, fc.anything(), (status, context) => {
        const read = readStatus(status, at('mastodon.example'));
        if (read.ok) expect(parsePost(read.post)).toEqual({ ok: true, value: read.post });
        for (const p of readContext(context, status, at('mastodon.example')).posts) expect(parsePost(p).ok).toBe(true);
        readInstance(context);
        const code = typeof context === 'number' ? context : 404;
        expect(typeof readApiError(code, context, status as string)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});

describe('every post read above', () => {
  it('passes parsePost as it is', () => {
    expect(produced.length).toBeGreaterThan(40);
    for (const post of produced) expect(parsePost(post)).toEqual({ ok: true, value: post });
  });
});
