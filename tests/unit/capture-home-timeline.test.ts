// Every post of a real logged-in home timeline (control-panel-for-twitter, ~2025-11-20):
// reposts, quotes with media, videos, a GIF, "Show more", emoji in names and text.
// Expected values were read from the saved HTML by hand.
import { afterAll, describe, expect, it } from 'vitest';
import { capturePosts, findPostElements } from '../../src/capture';
import type { Post } from '../../src/model/post';
import { closeFixtures, loadFixture } from './helpers/capture-fixture';

const PAGE = 'https://x.com/home';
const F = 'https://x.com/Home%20_%20Twitter_complete_files/';
const doc = loadFixture('control-panel-for-twitter/home-twitter-complete.html', PAGE);
const posts = capturePosts(doc, PAGE, () => '2025-11-21T00:00:00.000Z');
afterAll(closeFixtures);

const byId = (id: string): Post => {
  const p = posts.find((x) => x.id === `x:${id}`);
  if (!p) throw new Error(`no post ${id}`);
  return p;
};
const author = (handle: string, name: string, avatar: string) => ({
  handle,
  name,
  avatarUrl: F + avatar,
  profileUrl: `https://x.com/${handle}`,
});

describe('home timeline: the list', () => {
  it('captures the 20 top-level posts in document order, quoted posts nested', () => {
    expect(findPostElements(doc)).toHaveLength(20);
    expect(posts.map((p) => p.id.slice(2))).toEqual([
      '1991602883645829145', '1769469976489099654', '1991475453887217692', '1991586882858172684',
      '1991607597108195581', '1991607454917144922', '1991606928280318423', '1991606789301776835',
      '1991606635463364872', '1991569962109132848', '1991606465300426936', '1991562419542557009',
      '1991604521647432094', '1991600690448224406', '1991590286544499038', '1991603284034118034',
      '1991602275589173447', '1991594727851061492', '1991602648081133744', '1991602309667885293',
    ]);
    expect(posts.map((p) => p.author.handle)).toEqual([
      'will__price', 'kevinafischer', 'hasufl', 'cmsholdings', 'hasufl', 'repligate', 'cryptolyxe',
      'nic__carter', 'vibhu', 'solarapparition', 'ericjang11', 'Gioscotti_', 'aeyakovenko',
      'mlunghi2000', 'ChillHouseSOL', 'beffjezos', 'itszach', 'gallabytes', 'solidintel_x', 'ThinkingUSD',
    ]);
  });

  it('reads every post whole: nothing partial, common fields set', () => {
    for (const p of posts) {
      expect(p.partial, p.id).toBeUndefined();
      expect(p).toMatchObject({ site: 'x', pageUrl: PAGE, capturedAt: '2025-11-21T00:00:00.000Z' });
      expect(p.url).toBe(`https://x.com/${p.author.handle}/status/${p.id.slice(2)}`);
      expect(p.text).toBe(p.segments.map((s) => s.text).join(''));
    }
  });

  it('names the reposter by display text and nothing else as reposted/pinned', () => {
    expect(posts.map((p) => p.repostedBy ?? '')).toEqual([
      'hdf', 'j⧉nus', '', '', '', '', '', '', '', 'j⧉nus', '', 'Flood', '', 'hdf', 'Flood', '', 'vibhu', 'latent moss', '', '',
    ]);
    expect(posts.filter((p) => p.pinned)).toEqual([]);
  });

  it('flags exactly the truncated ("Show more") posts', () => {
    expect(posts.filter((p) => p.truncated).map((p) => p.author.handle)).toEqual(['kevinafischer', 'cmsholdings', 'mlunghi2000', 'itszach']);
    expect(posts.filter((p) => p.quoted?.truncated).map((p) => p.quoted?.author.handle)).toEqual(['enzo_gte', 'kevinafischer', 'AIatMeta']);
  });
});

describe('home timeline: posts named in the contract', () => {
  it('@cmsholdings', () => {
    expect(byId('1991586882858172684')).toEqual({
      id: 'x:1991586882858172684',
      site: 'x',
      url: 'https://x.com/cmsholdings/status/1991586882858172684',
      author: author('cmsholdings', 'Art of The CMS', 'p80bU77G_x96.jpg'),
      text: 'Issue is you don’t know the fill size or number of participants and since Coinbase fills bottom up if the sale were to get wildly oversub at the end you’d be caught with a short and no physical leg. I would imagine people have been doing partials request 100k spot ico and sell',
      segments: [{ kind: 'text', text: expect.stringMatching(/^Issue is .* and sell$/) }],
      lang: 'en',
      dir: 'auto',
      createdAt: '2025-11-20T19:18:09.000Z',
      media: [],
      truncated: true,
      thread: 'middle', // the reply between two others of a conversation X shows joined
      capturedAt: '2025-11-21T00:00:00.000Z',
      pageUrl: PAGE,
    });
  });

  it('@hasufl (emoji in the display name)', () => {
    expect(byId('1991607597108195581')).toMatchObject({
      author: author('hasufl', 'Hasu⚡️🤖', 'TlfIZMiO_x96.jpg'),
      text: 'Great pt.',
      createdAt: '2025-11-20T20:40:28.000Z',
      media: [],
    });
  });

  it('@solidintel_x', () => {
    expect(byId('1991602648081133744')).toMatchObject({
      author: author('solidintel_x', 'Solid Intel 📡', 'MUO2mrSn_x96.jpg'),
      text: 'INTEL: HASSETT SAYS DATA SUGGEST THAT WE SHOULD GET A RATE CUT AT THE NEXT FED MEETING',
      createdAt: '2025-11-20T20:20:48.000Z',
    });
  });
});
