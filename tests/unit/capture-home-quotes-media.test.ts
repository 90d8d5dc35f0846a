// The same home timeline: quoted posts nested with their own fields (and the outer post's
// fields read from outside the quoted block), photos, videos, GIFs and rich text.
import { afterAll, describe, expect, it } from 'vitest';
import { capturePosts } from '../../src/capture';
import type { Post } from '../../src/model/post';
import { closeFixtures, loadFixture } from './helpers/capture-fixture';

const PAGE = 'https://x.com/home';
const F = 'https://x.com/Home%20_%20Twitter_complete_files/';
const posts = capturePosts(loadFixture('control-panel-for-twitter/home-twitter-complete.html', PAGE), PAGE, () => 'T');
afterAll(closeFixtures);

const byId = (id: string): Post => posts.find((x) => x.id === `x:${id}`) ?? ({} as Post);
const mention = (h: string) => ({ kind: 'mention', text: `@${h}`, href: `https://x.com/${h}` });
const video = (permalink: string, poster: string) => ({ kind: 'video', url: permalink, posterUrl: F + poster });

describe('home timeline: quotes', () => {
  it('keeps the quoting post and the quoted post apart (hdf reposted will__price quoting enzo_gte)', () => {
    const p = byId('1991602883645829145');
    expect(p).toMatchObject({
      author: { handle: 'will__price', name: 'Will Price', avatarUrl: F + 'm8u-7erv_x96.jpg' },
      text: 'hearooors undefeated, GTE chain confirmed',
      createdAt: '2025-11-20T20:21:44.000Z',
      media: [],
      repostedBy: 'hdf',
    });
    expect(p.truncated).toBeUndefined();
    expect(p.quoted).toMatchObject({
      // No permalink in the block, but its "Show more" link is the quoted post's own.
      id: 'x:1991600514811973815',
      url: 'https://x.com/enzo_gte/status/1991600514811973815',
      author: { handle: 'enzo_gte', name: 'enzo', avatarUrl: F + 'y3pmE469_normal.jpg', profileUrl: 'https://x.com/enzo_gte' },
      createdAt: '2025-11-20T20:12:19.000Z',
      truncated: true,
      lang: 'en',
      media: [video('https://x.com/enzo_gte/status/1991600514811973815', 'ehv_GHKdrIDAtYIN.jpg')],
    });
    expect(p.quoted?.segments).toEqual([
      { kind: 'text', text: 'This is ' },
      mention('GTE_XYZ'),
      {
        kind: 'text',
        text: ' V2:\n\nA hyper-optimized exchange and blockchain designed specifically for high throughput, low latency trading.\n\nOn GTE v2, you can open up a 24/7 5x GOOG position on the same margin account as a 5x BTC position.\n\nBehind the scenes we are routing your orders  x.com/enzo_gte/statu…',
      },
    ]);
  });

  it('takes a quoted id from the quoted photo link, and leaves it empty when the page shows none', () => {
    expect(byId('1991475453887217692').quoted).toMatchObject({
      id: 'x:1991420597558210900',
      author: { handle: 'Xeer', name: 'Xeer' },
      createdAt: '2025-11-20T08:17:23.000Z',
      text: 'the @monad raise on @coinbase is going relatively slow but is now almost 80% filled. \n\nthis will almost certainly fill out and get oversubscribed once the @megaeth refunds happen.\n\nif you have invested in both, you are a gambler not an investor 🙄',
      media: [{ kind: 'image', url: F + 'G6LyedMacAMgDfR.jpg' }],
    });
    const solana = byId('1991606635463364872').quoted;
    expect(solana).toMatchObject({ id: '', url: '', author: { handle: 'solana', name: 'Solana' }, text: 'Rust in peace.' });
    // A video without a permalink or stream URL: its poster is all the page has.
    expect(solana?.media).toEqual([{ kind: 'video', url: F + '3v07gYU0Djrq1qNZ.jpg', posterUrl: F + '3v07gYU0Djrq1qNZ.jpg' }]);
    expect(solana?.partial).toBeUndefined();
  });

  it('reads every quote of the page', () => {
    const quotes = posts.filter((p) => p.quoted).map((p) => [p.author.handle, p.quoted?.author.handle, p.quoted?.id, p.quoted?.createdAt]);
    expect(quotes).toEqual([
      ['will__price', 'enzo_gte', 'x:1991600514811973815', '2025-11-20T20:12:19.000Z'],
      ['hasufl', 'Xeer', 'x:1991420597558210900', '2025-11-20T08:17:23.000Z'],
      ['repligate', 'kevinafischer', 'x:1769469976489099654', '2024-03-17T21:04:52.000Z'],
      ['cryptolyxe', 'TrumpDailyPosts', 'x:1991605768551034887', '2025-11-20T20:33:12.000Z'],
      ['vibhu', 'solana', '', '2025-11-20T15:43:55.000Z'],
      ['ericjang11', 'tonyzzhao', '', '2025-11-19T18:00:03.000Z'],
      ['aeyakovenko', 'scottmelker', 'x:1991491720174006581', '2025-11-20T13:00:00.000Z'],
      ['mlunghi2000', 'enzo_gte', '', '2025-11-20T20:12:19.000Z'],
      ['beffjezos', 'AIatMeta', 'x:1991184188402237877', '2025-11-19T16:37:59.000Z'],
    ]);
    expect(byId('1991606928280318423').quoted?.author.name).toBe('Commentary Donald J. Trump Posts From Truth Social');
  });

  it('reads entity spans inside a quote: mentions, cashtags, emoji', () => {
    expect(byId('1991604521647432094').quoted?.segments).toEqual([
      { kind: 'text', text: 'FIDELITY SPOT ' },
      { kind: 'hashtag', text: '$SOL', href: 'https://x.com/search?q=%24SOL&src=cashtag_click' },
      { kind: 'text', text: ' ETF ' },
      { kind: 'hashtag', text: '$FSOL', href: 'https://x.com/search?q=%24FSOL&src=cashtag_click' },
      { kind: 'text', text: ' RECORDS ~$2.1M INFLOWS ON FIRST TRADING DAY' },
    ]);
    expect(byId('1991603284034118034').quoted?.text).toBe(
      'Introducing SAM 3D, the newest addition to the SAM collection, bringing common sense 3D understanding of everyday images. SAM 3D includes two models:\n\n🛋️ SAM 3D Objects for object and scene reconstruction\n\n🧑‍🤝‍🧑 SAM 3D Body for human pose and shape estimation\n\nBoth models achieve',
    );
    expect(byId('1991606465300426936').quoted?.text).toBe(
      'Today, we present a step-change in robotic AI @sundayrobotics.\n\nIntroducing ACT-1: A frontier robot foundation model trained on zero robot data.\n\n- Ultra long-horizon tasks\n- Zero-shot generalization\n- Advanced dexterity\n\n🧵->',
    );
  });
});

describe('home timeline: text and media of the outer posts', () => {
  it('reads mention links as mention segments', () => {
    expect(byId('1991606465300426936').segments).toEqual([
      { kind: 'text', text: 'big congrats to ' },
      mention('tonyzzhao'),
      { kind: 'text', text: ' and ' },
      mention('chichengcc'),
      {
        kind: 'text',
        text: " , this is a big validation point that home robots like Memo and NEO are going to work and be useful for chores around the home. Really impressed by the team's execution here.",
      },
    ]);
    expect(byId('1991602275589173447').text).toBe(
      '“Why did you choose @solana?” A question I’ve started to get. The truth is that it was a pretty easy choice. Having led growth for a competitive chain before, it became even clearer where I wanted to build.\n\nAfter being on both sides of building (chain + app), you realize that',
    );
  });

  it('reads emoji-only text and keeps line breaks', () => {
    const fire = byId('1991604521647432094');
    expect(fire).toMatchObject({ text: '🔥🔥🔥', lang: 'art', author: { name: 'toly 🇺🇸' } });
    expect(fire.segments).toEqual([1, 2, 3].map(() => ({ kind: 'emoji', text: '🔥' })));
    expect(byId('1991602309667885293').text).toBe(
      'I will not become detached from reality \n\nI will not become detached from reality \n\nI will not become detached from reality \n\nI will not become detached from reality',
    );
    expect(byId('1991603284034118034').text).toBe(
      'This is where the billions in Meta AR went. \n\nKey technology for any AR platform. \nInsanely impressive display of spatial intelligence.',
    );
  });

  it('reads photos, videos and GIFs, the outer post’s only', () => {
    const media = posts.map((p) => p.media);
    expect(byId('1991606789301776835').media).toEqual([{ kind: 'image', url: F + 'G6ObyU-WAAA09fH.jpg' }]);
    expect(byId('1991562419542557009').media).toEqual([{ kind: 'image', url: F + 'G6NzdbEW4AAwADv.jpg' }]);
    expect(byId('1991594727851061492').media).toEqual([{ kind: 'image', url: F + 'G6OQ2SyXQAAICkg.jpg' }]);
    expect(byId('1991606928280318423')).toMatchObject({
      text: '',
      media: [{ kind: 'gif', url: 'https://x.com/cryptolyxe/status/1991606928280318423', posterUrl: F + 'G6Ob8LuacAIy-jj.jpg' }],
      quoted: { text: '', media: [{ kind: 'image', url: F + 'G6Oa3_WacAIMt0R.jpg' }] },
    });
    expect(byId('1991600690448224406').media).toEqual([video('https://x.com/mlunghi2000/status/1991600690448224406', 'ciU6SVnetRciuAv7.jpg')]);
    expect(byId('1991604521647432094').quoted?.media).toEqual([
      { kind: 'image', url: F + 'G6MxYxaX0AAwCE4.jpg' },
      { kind: 'image', url: F + 'G6MxZhpXEAA_Goc.png' },
    ]);
    expect(media.flat()).toHaveLength(5);
  });
});
