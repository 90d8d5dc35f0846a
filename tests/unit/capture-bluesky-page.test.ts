// Bluesky capture from the page (capture/bluesky-page.ts) on real bsky.app feed cells, saved
// from bsky.app/profile/bsky.app (tests/fixtures/bluesky/SOURCES.md, "pages"): posts are found
// by their data-testid, named `bsky:at://<did>/app.bsky.feed.post/<rkey>` only when the page shows the author's DID,
// and read — author, words with their line breaks, mentions and links, photos with alt text, a
// video, a link card, a quoted post, "Reposted by", the thread line, the time — into a Post
// marked partial that passes parsePost unchanged. Exact values throughout.
import { afterAll, describe, expect, it } from 'vitest';
import { blueskyPostIdOf, captureBlueskyPost, findBlueskyPosts } from '../../src/capture/bluesky-page';
import { parsePost } from '../../src/model/parse-post';
import type { Post } from '../../src/model/post';
import { ALEXBENZER_DID, BSKY_APP_DID, CELLS, PAGE_URL, pageHtml, restoreLiveImages, type Cell } from '../fixtures/bluesky/pages/load';
import { closeFixtures, parseHtml } from './helpers/capture-fixture';

afterAll(closeFixtures);

/** The cells as one inert page; `live` puts the pictures' addresses back as the live page has them. */
function loadCells(cells: readonly Cell[] = CELLS, { live = false } = {}): Document {
  const doc = parseHtml(pageHtml(cells), PAGE_URL);
  if (live) restoreLiveImages(doc);
  return doc;
}

const AT = '2026-05-23T03:00:00.000Z';
/** The page shows times to the minute in the reader's zone: the same wall time, here. */
const local = (y: number, month: number, d: number, h: number, min: number) => new Date(y, month - 1, d, h, min).toISOString();

function postsOf(doc: Document): Map<Cell, Element> {
  const els = findBlueskyPosts(doc);
  return new Map(els.map((el, i) => [CELLS[i]!, el]));
}
const capture = (el: Element | undefined) => captureBlueskyPost(el!, PAGE_URL, AT);

const BSKY_AUTHOR = {
  name: 'Bluesky',
  handle: 'bsky.app',
  avatarUrl: `https://cdn.bsky.app/img/avatar/plain/${BSKY_APP_DID}/bafkreihwihm6kpd6zuwhhlro75p5qks5qtrcu55jp3gddbfjsieiv7wuka@jpeg`,
  profileUrl: 'https://bsky.app/profile/bsky.app',
};
const ALEX_AUTHOR = {
  name: 'alex benzer',
  handle: 'alexbenzer.com',
  avatarUrl: `https://cdn.bsky.app/img/avatar/plain/${ALEXBENZER_DID}/bafkreihzuqtw2hng77xsimputpyrcpv3lodeqpclragsqhmj2h3me4hqnu@jpeg`,
  profileUrl: 'https://bsky.app/profile/alexbenzer.com',
};
const shell = (did: string, handle: string, rkey: string) => ({
  id: `bsky:at://${did}/app.bsky.feed.post/${rkey}`,
  site: 'bluesky',
  url: `https://bsky.app/profile/${handle}/post/${rkey}`,
  atUri: `at://${did}/app.bsky.feed.post/${rkey}`,
  capturedAt: AT,
  pageUrl: PAGE_URL,
  partial: true,
});
const words = (text: string) => ({ text, segments: [{ kind: 'text', text }] });

const EXPECTED: Record<Cell, Post> = {
  '3mlr7prm6g22c': {
    ...shell(BSKY_APP_DID, 'bsky.app', '3mlr7prm6g22c'),
    author: BSKY_AUTHOR,
    ...words('Extremely cool job alert!'),
    media: [],
    createdAt: local(2026, 5, 14, 0, 11),
    quoted: {
      id: '',
      site: 'bluesky',
      url: '',
      author: ALEX_AUTHOR,
      ...words(
        "we're hiring a Lead Product Designer at Bluesky.\n\nwe've built the foundation — now we need someone to lead our design team and bring a fresh vision for how this app should look and feel. \n\ncrazy fun & rare opportunity for the right leader!\n\njobs.gem.com/bluesky/am9i...",
      ),
      media: [],
      createdAt: local(2026, 5, 14, 0, 9),
      card: {
        url: 'https://web.archive.org/web/20260522173146/https://jobs.gem.com/bluesky/am9icG9zdDo3kVBxfcvWOJZwBmm9CKqm',
        title: 'Bluesky Jobs',
        description: 'Bluesky Jobs',
        domain: 'web.archive.org',
        image: { url: `https://cdn.bsky.app/img/feed_thumbnail/plain/${ALEXBENZER_DID}/bafkreief4h4q6pun2qzvbl7kau3chelqjbaxrhihjyffu6vmjoei46ftza@jpeg` },
      },
      capturedAt: AT,
      pageUrl: PAGE_URL,
      partial: true,
    },
  } as Post,
  '3mloibwobns2b': {
    ...shell(ALEXBENZER_DID, 'alexbenzer.com', '3mloibwobns2b'),
    author: ALEX_AUTHOR,
    ...words('updated Bluesky post embeds are live\n\nvideos now play inline in most browsers (except Firefox)\n\nfeedback welcome!'),
    media: [
      {
        kind: 'video',
        url: 'https://video.bsky.app/watch/did%3Aplc%3Agsbue2dtbtqzw5du5btlh7p2/bafkreicmohaalxhdsdskoeqhmgai433vq7v7ppgz7lbckwwesbzrwm667q/playlist.m3u8',
        posterUrl: 'https://video.bsky.app/watch/did%3Aplc%3Agsbue2dtbtqzw5du5btlh7p2/bafkreicmohaalxhdsdskoeqhmgai433vq7v7ppgz7lbckwwesbzrwm667q/thumbnail.jpg',
      },
    ],
    createdAt: local(2026, 5, 12, 22, 6),
    repostedBy: 'Bluesky',
  } as Post,
  '3mk4lzkrnk22d': {
    ...shell(BSKY_APP_DID, 'bsky.app', '3mk4lzkrnk22d'),
    author: BSKY_AUTHOR,
    ...words(
      "v1.121 is live!\n\nWe've increased the quality of photos in posts by doubling the max file size to 2MB and the resolution limit to 4000x4000. \n\nPlus, posts with multiple photos now appear in a carousel so you can show off your photography in all its glory.",
    ),
    media: [
      {
        kind: 'video',
        url: 'https://video.bsky.app/watch/did%3Aplc%3Az72i7hdynmk6r22z27h6tvur/bafkreifhuv36ji7vcq3tmdjltceyrfaat6vdccn2pklxf7j7dgsobdlgbm/playlist.m3u8',
        posterUrl: 'https://video.bsky.app/watch/did%3Aplc%3Az72i7hdynmk6r22z27h6tvur/bafkreifhuv36ji7vcq3tmdjltceyrfaat6vdccn2pklxf7j7dgsobdlgbm/thumbnail.jpg',
      },
    ],
    createdAt: local(2026, 4, 23, 2, 0),
    thread: 'first',
  } as Post,
  '3mhgq3cfnts2b': {
    ...shell(BSKY_APP_DID, 'bsky.app', '3mhgq3cfnts2b'),
    author: BSKY_AUTHOR,
    text: 'Thank you to our lead, @baincapitalcrypto.com, as well as @alumniventures.bsky.social, Anthos Capital, Bloomberg Beta, @knightfoundation.org and @trueventures.com.',
    segments: [
      { kind: 'text', text: 'Thank you to our lead, ' },
      { kind: 'mention', text: '@baincapitalcrypto.com', href: 'https://bsky.app/profile/did:plc:zaq6wykx3je273ytf7qizyti' },
      { kind: 'text', text: ', as well as ' },
      { kind: 'mention', text: '@alumniventures.bsky.social', href: 'https://bsky.app/profile/did:plc:zqy5lxd755smxoafa27fmnvb' },
      { kind: 'text', text: ', Anthos Capital, Bloomberg Beta, ' },
      { kind: 'mention', text: '@knightfoundation.org', href: 'https://bsky.app/profile/did:plc:dc7t7gcs5eh2mmxuvkoqnfim' },
      { kind: 'text', text: ' and ' },
      { kind: 'mention', text: '@trueventures.com', href: 'https://bsky.app/profile/did:plc:dibyvxdntqhki3c7lvsgpdxu' },
      { kind: 'text', text: '.' },
    ],
    media: [],
    createdAt: local(2026, 3, 19, 22, 23),
    thread: 'last',
  } as Post,
  '3mde5mzjht22f': {
    ...shell(ALEXBENZER_DID, 'alexbenzer.com', '3mde5mzjht22f'),
    author: ALEX_AUTHOR,
    text: "2026 is the year Bluesky and the Atmosphere really come alive\n\nhere's what's next\n\nbsky.social/about/blog/0...",
    segments: [
      { kind: 'text', text: "2026 is the year Bluesky and the Atmosphere really come alive\n\nhere's what's next\n\n" },
      // The archived copy's link, as the saved page shows it (the live page links bsky.social directly).
      { kind: 'link', text: 'bsky.social/about/blog/0...', href: 'https://web.archive.org/web/20260522173147/https://bsky.social/about/blog/01-26-2026-whats-next-at-bluesky' },
    ],
    media: [],
    createdAt: local(2026, 1, 27, 0, 7),
    card: {
      url: 'https://web.archive.org/web/20260522173147/https://bsky.social/about/blog/01-26-2026-whats-next-at-bluesky',
      title: "What's Next at Bluesky - Bluesky",
      description:
        "As we head into 2026, we're entering a new phase for the Bluesky app. Last year was about scaling through rapid growth and getting the fundamentals in place. This year is about leaning into what's wor...",
      domain: 'web.archive.org',
      image: { url: `https://cdn.bsky.app/img/feed_thumbnail/plain/${ALEXBENZER_DID}/bafkreifpxtznlfouhqn3oxuqysjbks7iqxtzbnfmdtrz6tyovxlyzas64m@jpeg` },
    },
    repostedBy: 'Bluesky',
  } as Post,
  '3mcibezwvxk2g': {
    ...shell(BSKY_APP_DID, 'bsky.app', '3mcibezwvxk2g'),
    author: BSKY_AUTHOR,
    ...words(
      "📢 v1.114 is rolling out!\n\nToday, we're expanding access to the Live Now beta to everyone. \n\nThis experimental feature lets you add a temporary LIVE badge to your avatar, helping others discover that you're currently live-streaming on Twitch. They can click it to land directly on your stream page.",
    ),
    media: [
      {
        kind: 'image',
        url: `https://cdn.bsky.app/img/feed_fullsize/plain/${BSKY_APP_DID}/bafkreigychak325jtfjjj644vg7kydyshzknhpzal2xwvjng3gnazach2m@jpeg`,
        alt: 'A preview of the Live Now feature, showing the popup that appears when someone is live streaming and you click their avatar. ',
      },
    ],
    createdAt: local(2026, 1, 15, 22, 0),
    thread: 'first',
  } as Post,
};

describe('Bluesky posts on the saved page', () => {
  it('are the elements whose data-testid starts with feedItem-by-, in page order', () => {
    const els = findBlueskyPosts(loadCells());
    expect(els.map((e) => e.getAttribute('data-testid'))).toEqual([
      'feedItem-by-bsky.app',
      'feedItem-by-alexbenzer.com',
      'feedItem-by-bsky.app',
      'feedItem-by-bsky.app',
      'feedItem-by-alexbenzer.com',
      'feedItem-by-bsky.app',
    ]);
    expect(findBlueskyPosts(els[0]!)).toEqual([els[0]]); // a post element itself
  });

  it('as saved: named only where the page still shows the author\'s DID (a video\'s still); the rest are not offered', () => {
    // The browser's "Save page" pointed every <img> at a local copy, so avatars and photos no
    // longer carry a DID; a video's still (a CSS background) kept its address.
    const posts = postsOf(loadCells());
    expect(CELLS.map((c) => blueskyPostIdOf(posts.get(c)!))).toEqual([
      null,
      `bsky:at://${ALEXBENZER_DID}/app.bsky.feed.post/3mloibwobns2b`,
      `bsky:at://${BSKY_APP_DID}/app.bsky.feed.post/3mk4lzkrnk22d`,
      null,
      null,
      null,
    ]);
    expect(capture(posts.get('3mcibezwvxk2g'))).toBeNull();
    const video = capture(posts.get('3mk4lzkrnk22d'))!;
    expect(video.author).toEqual({ name: 'Bluesky', handle: 'bsky.app', profileUrl: 'https://bsky.app/profile/bsky.app' }); // no avatar address
    expect(video.media).toEqual(EXPECTED['3mk4lzkrnk22d'].media);
  });

  it('with the pictures\' addresses as the live page has them: every post is named by its author\'s DID and record key', () => {
    const posts = postsOf(loadCells(CELLS, { live: true }));
    expect(CELLS.map((c) => blueskyPostIdOf(posts.get(c)!))).toEqual(CELLS.map((c) => EXPECTED[c].id));
  });

  for (const cell of CELLS) {
    it(`reads ${cell} exactly, and the Post passes parsePost unchanged`, () => {
      const posts = postsOf(loadCells(CELLS, { live: true }));
      const post = capture(posts.get(cell));
      expect(post).toEqual(EXPECTED[cell]);
      const checked = parsePost(post);
      expect(checked).toEqual({ ok: true, value: EXPECTED[cell] });
    });
  }

  it('a cell read on its own reads the same (nothing depends on its neighbours)', () => {
    for (const cell of CELLS) {
      const [el] = findBlueskyPosts(loadCells([cell], { live: true }));
      expect(capture(el)).toEqual(EXPECTED[cell]);
    }
  });

  it('captures from any element inside the post (a click target)', () => {
    const posts = postsOf(loadCells(CELLS, { live: true }));
    const words = posts.get('3mhgq3cfnts2b')!.querySelector('[data-testid="postText"]')!;
    expect(capture(words)).toEqual(EXPECTED['3mhgq3cfnts2b']);
  });
});

// Hand-made posts in the shape of the cells above (live page: root-relative links, CDN pictures).
const CID = 'bafkreiaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
function made({ testid = 'feedItem-by-mallory.example', avatar = 'did:plc:mallory', name = 'Mallory', handle = 'mallory.example', time = true, text = 'Hi', quote = '' } = {}) {
  const img = avatar ? `<img src="https://cdn.bsky.app/img/avatar_thumbnail/plain/${avatar}/${CID}@jpeg">` : '';
  const link = time ? `<a href="/profile/${handle}/post/3abc" aria-label="June 1, 2026 at 9:05 AM" data-tooltip="June 1, 2026 at 9:05 AM">· 1h</a>` : '';
  return `<div role="link" tabindex="0" data-testid="${testid}"><div>
    <div><div></div><div></div></div>
    <div><div><a href="/profile/${handle}" aria-label="avatar"><div data-testid="userAvatarImage"><div>${img}</div></div></a></div>
    <div><div><div><a href="/profile/${handle}">${name}</a><a href="/profile/${handle}">&nbsp;@${handle}</a></div>${link}</div>
      <div data-testid="contentHider-post"><div><div dir="auto" data-testid="postText">${text}</div></div>${quote}</div>
      <div><div><div><button data-testid="replyBtn"></button></div><div><button data-testid="likeBtn"></button></div></div><div><button data-testid="postDropdownBtn"></button></div></div>
    </div></div></div></div>`;
}
const one = (html: string, url = 'https://bsky.app/') => findBlueskyPosts(parseHtml(`<body>${html}</body>`, url))[0]!;

describe('Bluesky capture, on hand-made posts', () => {
  it('keeps a hostile name, handle-like text and markup in the words as text', () => {
    const el = one(made({ name: '&lt;img src=x onerror=alert(1)&gt;', text: 'a &lt;b&gt;bold&lt;/b&gt; claim<script>alert(1)</script>' }));
    const post = captureBlueskyPost(el, 'https://bsky.app/', AT)!;
    expect(post.author.name).toBe('<img src=x onerror=alert(1)>');
    expect(post.text).toBe('a <b>bold</b> claim');
    expect(post.segments).toEqual([{ kind: 'text', text: 'a <b>bold</b> claim' }]);
    expect(parsePost(post).ok).toBe(true);
  });

  it('reads hashtags, mentions, links to bsky.app and elsewhere from the live page\'s root-relative links', () => {
    const text =
      'See <a href="/hashtag/roundup">#roundup</a> by <a href="/profile/did:plc:bob">@bob.test</a>, <a href="/profile/bob.test/post/3xyz">this</a> and <a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer">example.com/a</a>';
    const post = captureBlueskyPost(one(made({ text })), 'https://bsky.app/', AT)!;
    expect(post.segments).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'hashtag', text: '#roundup', href: 'https://bsky.app/hashtag/roundup' },
      { kind: 'text', text: ' by ' },
      { kind: 'mention', text: '@bob.test', href: 'https://bsky.app/profile/did:plc:bob' },
      { kind: 'text', text: ', ' },
      { kind: 'link', text: 'this', href: 'https://bsky.app/profile/bob.test/post/3xyz' },
      { kind: 'text', text: ' and ' },
      { kind: 'link', text: 'example.com/a', href: 'https://example.com/a?b=1' },
    ]);
    expect(post.text).toBe('See #roundup by @bob.test, this and example.com/a');
    expect(post.createdAt).toBe(local(2026, 6, 1, 9, 5));
    expect(post.url).toBe('https://bsky.app/profile/mallory.example/post/3abc');
    expect(post.id).toBe('bsky:at://did:plc:mallory/app.bsky.feed.post/3abc');
  });

  it('offers no post whose author\'s DID the page does not show: a quote\'s avatar names the quoted author, not this one', () => {
    const quote = `<div role="link" tabindex="0" aria-label="Post by q.test"><div><div data-testid="userAvatarImage"><img src="https://cdn.bsky.app/img/avatar_thumbnail/plain/did:plc:quoted/${CID}@jpeg"></div><div dir="auto">Q</div><div dir="auto">@q.test</div><div dir="auto" data-tooltip="May 1, 2026 at 1:00 PM">· 1d</div></div><div dir="auto" data-word-wrap="1">quoted words</div></div>`;
    const el = one(made({ avatar: '', quote }));
    expect(blueskyPostIdOf(el)).toBeNull();
    expect(captureBlueskyPost(el, 'https://bsky.app/', AT)).toBeNull();
    // With its own avatar, the post is named, and the quote read apart.
    const named = captureBlueskyPost(one(made({ quote })), 'https://bsky.app/', AT)!;
    expect(named.id).toBe('bsky:at://did:plc:mallory/app.bsky.feed.post/3abc');
    expect(named.quoted).toMatchObject({ id: '', url: '', author: { name: 'Q', handle: 'q.test' }, text: 'quoted words', createdAt: local(2026, 5, 1, 13, 0) });
    expect(named.quoted!.author.avatarUrl).toBe(`https://cdn.bsky.app/img/avatar/plain/did:plc:quoted/${CID}@jpeg`);
  });

  it('ignores a post link naming someone else than the author the element is named for', () => {
    const el = one(made({ testid: 'feedItem-by-alice.test' }));
    expect(blueskyPostIdOf(el)).toBeNull();
  });

  it('names a thread\'s focused post (its time unlinked) from the page\'s address', () => {
    const el = one(made({ testid: 'postThreadItem-by-mallory.example', time: false }), 'https://bsky.app/profile/mallory.example/post/3foc');
    expect(blueskyPostIdOf(el)).toBeNull();
    expect(blueskyPostIdOf(el, 'https://bsky.app/profile/mallory.example/post/3foc')).toBe('bsky:at://did:plc:mallory/app.bsky.feed.post/3foc');
    expect(blueskyPostIdOf(el, 'https://bsky.app/profile/someone.else/post/3foc')).toBeNull();
    const post = captureBlueskyPost(el, 'https://bsky.app/profile/mallory.example/post/3foc', AT)!;
    expect(post.url).toBe('https://bsky.app/profile/mallory.example/post/3foc');
    expect(post.author).toEqual({
      name: 'Mallory',
      handle: 'mallory.example',
      avatarUrl: `https://cdn.bsky.app/img/avatar/plain/did:plc:mallory/${CID}@jpeg`,
      profileUrl: 'https://bsky.app/profile/mallory.example',
    });
    expect(post.createdAt).toBeUndefined();
  });

  it('never throws on something that is not a post', () => {
    const doc = parseHtml('<body><div data-testid="feedItem-by-x"></div><p>nothing</p></body>');
    expect(blueskyPostIdOf(doc.querySelector('div')!)).toBeNull();
    expect(captureBlueskyPost(doc.querySelector('p')!, 'https://bsky.app/', AT)).toBeNull();
    expect(captureBlueskyPost(doc.querySelector('div')!, 'https://bsky.app/', AT)).toBeNull();
  });
});
