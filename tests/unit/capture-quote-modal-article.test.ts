// Smaller real captures: anonymised quote tweets (tweetyoink), a reposted GIF post and a
// photo-viewer conversation with an edited post (TwitterMediaHarvest, pretty-printed
// upstream, so whitespace is compared loosely), and a long-form X Article (defuddle).
import { afterAll, describe, expect, it } from 'vitest';
import { capturePost, capturePosts, findPostElements, postIdOf } from '../../src/capture';
import { closeFixtures, loadFixture, squash } from './helpers/capture-fixture';

afterAll(closeFixtures);
const PAGE = 'https://x.com/home';

describe('tweetyoink quotes', () => {
  it('quote whose quoted post has a photo: photo at original size, id from the photo link', () => {
    const [p, ...rest] = capturePosts(loadFixture('tweetyoink/x-tweet-quote.html'), PAGE);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      id: 'x:1983130065320780162',
      url: 'https://x.com/TestQuoter/status/1983130065320780162',
      author: { name: 'Test Quoter', handle: 'TestQuoter', avatarUrl: 'https://pbs.twimg.com/profile_images/placeholder/quoter_avatar.jpg' },
      text: 'This is a quote tweet with additional commentary',
      createdAt: '2025-10-28T11:13:47.000Z',
      media: [],
      quoted: {
        id: 'x:1983129251856470493',
        url: 'https://x.com/OriginalAuthor/status/1983129251856470493',
        author: { name: 'Original Author', handle: 'OriginalAuthor' },
        text: 'This is the original quoted tweet content that provides important context and information for the conversation',
        createdAt: '2025-10-28T11:10:33.000Z',
        media: [{ kind: 'image', url: 'https://pbs.twimg.com/media/placeholder_image?format=jpg&name=orig' }],
      },
    });
  });

  it('quote whose quoted post has a video; the quoting post’s own links are not the quote’s', () => {
    const doc = loadFixture('tweetyoink/x-tweet-quote-video.html');
    expect(findPostElements(doc)).toHaveLength(1); // placementTracking around a video is no ad
    const [p] = capturePosts(doc, PAGE);
    expect(p).toMatchObject({
      id: 'x:1983128852952998358',
      author: { name: 'Quoting User', handle: 'QuotingUser' },
      text: 'How to share Example.com links',
      segments: [
        { kind: 'text', text: 'How to share ' },
        { kind: 'link', text: 'Example.com', href: 'https://t.co/placeholder' },
        { kind: 'text', text: ' links' },
      ],
      createdAt: '2025-10-28T11:08:57.000Z',
      media: [],
      quoted: {
        id: '',
        url: '',
        author: { name: 'Original Poster', handle: 'OriginalPoster' },
        text: 'How to share Example.com links?\n\nTap any heading, hit the link icon, and your link is copied instantly.',
        createdAt: '2025-10-28T07:15:53.000Z',
        media: [
          {
            kind: 'video',
            url: 'https://pbs.twimg.com/amplify_video_thumb/placeholder/video_poster.jpg',
            posterUrl: 'https://pbs.twimg.com/amplify_video_thumb/placeholder/video_poster.jpg',
          },
        ],
      },
    });
  });
});

describe('twittermediaharvest', () => {
  it('reposted GIF post: reposter with emoji, GIF stream and poster', () => {
    expect(capturePosts(loadFixture('twittermediaharvest/timeline.html'), PAGE)).toMatchObject([
      {
        id: 'x:1852311426666537322',
        author: { name: 'birdman🦊', handle: 'birdman46049238', avatarUrl: 'https://pbs.twimg.com/profile_images/1642141882447986693/SdCLuLpz_normal.jpg' },
        repostedBy: 'birdman🦊',
        text: '🦊🦊',
        lang: 'qme',
        createdAt: '2024-11-01T11:27:13.000Z',
        media: [{ kind: 'gif', url: 'https://video.twimg.com/tweet_video/GbS7YUabsAAfjEP.mp4', posterUrl: 'https://pbs.twimg.com/tweet_video_thumb/GbS7YUabsAAfjEP.jpg' }],
      },
    ]);
  });

  const MODAL = 'https://x.com/seigura/status/1842037500065546723/photo/3';
  const modal = loadFixture('twittermediaharvest/edited-modal.html', MODAL);
  const TAGS = [
    { kind: 'hashtag', text: '#幸村恵理', href: 'https://x.com/hashtag/%E5%B9%B8%E6%9D%91%E6%81%B5%E7%90%86' },
    { kind: 'hashtag', text: '#えりち写真集', href: 'https://x.com/hashtag/%E3%81%88%E3%82%8A%E3%81%A1%E5%86%99%E7%9C%9F%E9%9B%86' },
  ];

  it('photo viewer: the wrapper div stands for the post in the URL, the articles are the posts', () => {
    const wrapper = modal.querySelector('div[data-testid="tweet"]');
    expect(wrapper && capturePost(wrapper, MODAL)?.id).toBe('x:1842037500065546723');
    const other = 'https://x.com/seigura/status/1847199894718820443';
    expect(wrapper && capturePost(wrapper, other)?.id).toBe('x:1847199894718820443');
    expect(findPostElements(modal).every((e) => e.tagName === 'ARTICLE')).toBe(true);
    const posts = capturePosts(modal, MODAL);
    expect(posts.map((p) => [p.id.slice(2), p.author.handle, p.createdAt, p.truncated ?? false])).toEqual([
      ['1842037500065546723', 'seigura', '2024-10-04T03:02:18.000Z', false], // edited: time is in the /history link
      ['1847192179980357715', 'seigura', '2024-10-18T08:25:09.000Z', true],
      ['1847199894718820443', 'seigura', '2024-10-18T08:55:48.000Z', true],
      ['1847201098085650478', 'seigura', '2024-10-18T09:00:35.000Z', true],
      ['1842038091642765576', 'sakuramoti_oiti', '2024-10-04T03:04:39.000Z', false],
      ['1842133934907244772', 'Piccollo_ep', '2024-10-04T09:25:29.000Z', false],
    ]);
    expect(posts.map((p) => p.author.name)).toEqual(['声優グランプリ＠30周年', '声優グランプリ＠30周年', '声優グランプリ＠30周年', '声優グランプリ＠30周年', 'さくらもち@日本株', 'Piccolo🤞🏻']);
    expect(posts.every((p) => p.lang === 'ja' && !p.partial && p.media.length === 0)).toBe(true);
  });

  it('photo viewer: rich text with emoji, t.co links and hashtags', () => {
    const [edited, second, , , reply, piccolo] = capturePosts(modal, MODAL);
    expect(squash(edited?.text ?? '')).toBe(
      '／ 幸村恵理1st写真集 発売決定🌿 ＼ 幸村恵理さん初の写真集が お誕生日の12月6日（金）に発売決定🎉 先行カットが解禁されました📸 沖縄でたくさんの自然と撮影してきました🌻 本日より各書店で予約もスタート！ 発売をお楽しみに☺ 詳細はコチラ👇 https://seigura.com/news/142041/ #幸村恵理 #えりち写真集',
    );
    expect(edited?.segments.filter((s) => s.kind !== 'text' && s.kind !== 'emoji')).toEqual([
      { kind: 'link', text: 'https://seigura.com/news/142041/', href: 'https://t.co/1m1batK6xP' },
      ...TAGS,
    ]);
    expect(edited?.segments.filter((s) => s.kind === 'emoji').map((s) => s.text).join('')).toBe('🌿🎉📸🌻☺👇');
    expect(second?.segments.find((s) => s.kind === 'link')).toEqual({ kind: 'link', text: 'https://infosquare.shop/?mode=grp&gid=3020589', href: 'https://t.co/pZU8UZE7Uc' });
    expect(reply?.text).toBe('かわいいなー！');
    expect(squash(piccolo?.text ?? '')).toBe(
      '初の写真集が12月6日（金）に発売決定です！ まさか私が出させてもらえるなんて思ってなかったのでお話いただいた時はびっくりしました。。。 今年はより嬉しい誕生日になりそうです( *¯ ¯*) ご興味ある方は是非チェックお願いします🙇🏻‍♀️՞',
    );
  });
});

describe('X Article (defuddle)', () => {
  const URL = 'https://x.com/arscontexta/status/2013045749580259680';
  const doc = loadFixture('defuddle/general--x.com-article-2026-02-13.html', URL);
  const [p, ...rest] = capturePosts(doc, URL);

  it('reads title and body as the text, with the banner photo', () => {
    expect(rest).toEqual([]);
    expect(postIdOf(findPostElements(doc)[0] as Element)).toBe('x:2013045749580259680');
    expect(p).toMatchObject({
      id: 'x:2013045749580259680',
      url: URL,
      author: { name: 'Heinrich', handle: 'arscontexta', avatarUrl: 'https://pbs.twimg.com/profile_images/2012958446891536384/neq1Tu46_x96.jpg' },
      createdAt: '2026-01-19T00:28:01.000Z',
      media: [{ kind: 'image', url: 'https://pbs.twimg.com/media/G-_GGKzXkAAHz_w?format=jpg&name=orig' }],
    });
    expect(p?.partial).toBeUndefined();
    expect(p?.text.startsWith('obsidian + claude code 101\n\nive spent the last year building an operating system for thinking with ai. claude code runs my obsidian vaults\n\nit extracts')).toBe(true);
    expect(p?.text.endsWith('\n\nif you want to see how this evolves, follow along. im open sourcing my notes soon\n\nheinrich')).toBe(true);
  });

  it('keeps headings, lists, code blocks and links', () => {
    const text = p?.text ?? '';
    expect(text).toContain('\n\nknowledge = code?\n\ni realized: knowledge bases and codebases have a lot in common\n\n');
    expect(text).toContain('the pattern is:\n\n1. markdown files with links that any ai can read\n2. a CLAUDE.md file that teaches the agent your specific system\n3. structure');
    expect(text).toContain('a work vault might emphasize:\n\n- capture first, structure later\n- project folders with meetings and outputs\n- client context for ai consumption\n\n');
    expect(text).toContain('link to each other:\n\nmy-vault/\n├── 00_inbox/           # capture zone, zero friction\n');
    expect(text).toContain('└── attachments/        # images and files\n\nfiles connect using [[wiki links]]');
    expect(p?.segments.filter((s) => s.kind !== 'text')).toEqual([{ kind: 'link', text: 'CLAUDE.md', href: 'https://claude.md/' }]);
  });
});
