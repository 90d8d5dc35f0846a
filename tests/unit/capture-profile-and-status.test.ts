// Logged-out profile timeline (@badlogicgames: pinned post, multi-photo posts, t.co links,
// a video, a quote) and a focused status page whose time sits below its quoted post.
import { afterAll, describe, expect, it } from 'vitest';
import { capturePost, capturePosts, postIdOf } from '../../src/capture';
import type { Post } from '../../src/model/post';
import { closeFixtures, loadFixture } from './helpers/capture-fixture';

afterAll(closeFixtures);

describe('profile timeline (mario-zechner-twitter.html)', () => {
  const PAGE = 'https://x.com/badlogicgames';
  const F = 'https://x.com/Mario%20Zechner%20(@badlogicgames)%20_%20Twitter_files/';
  const posts = capturePosts(loadFixture('control-panel-for-twitter/mario-zechner-twitter.html', PAGE), PAGE, () => 'T');
  const byId = (id: string): Post => posts.find((x) => x.id === `x:${id}`) ?? ({} as Post);
  const photos = (...names: string[]) => names.map((n) => ({ kind: 'image', url: `${F}${n}.jpg` }));

  it('captures the 9 posts with author, date and nothing partial', () => {
    expect(posts.map((p) => [p.id.slice(2), p.createdAt])).toEqual([
      ['1985127737481154951', '2025-11-02T23:31:49.000Z'],
      ['1968984126238736825', '2025-09-19T10:22:52.000Z'],
      ['1456996985844772870', '2021-11-06T14:48:45.000Z'],
      ['1982150084708987222', '2025-10-25T18:19:41.000Z'],
      ['1748869770659729499', '2024-01-21T00:47:00.000Z'],
      ['1799502223937847615', '2024-06-08T18:02:17.000Z'],
      ['1940370344990441726', '2025-07-02T11:21:55.000Z'],
      ['1929312803799576757', '2025-06-01T23:03:11.000Z'],
      ['1656241263132155904', '2023-05-10T10:14:23.000Z'],
    ]);
    for (const p of posts) {
      expect(p.author).toEqual({ name: 'Mario Zechner', handle: 'badlogicgames', avatarUrl: F + '87k3l720_mini.jpg', profileUrl: 'https://x.com/badlogicgames' });
      expect(p.partial).toBeUndefined();
      expect(p.repostedBy).toBeUndefined();
    }
    expect(posts.map((p) => p.lang)).toEqual(['en', 'en', 'en', 'en', 'de', 'de', 'en', 'en', 'de']);
  });

  it('marks the pinned post (and only it)', () => {
    expect(posts.map((p) => p.pinned ?? false)).toEqual([true, false, false, false, false, false, false, false, false]);
    expect(posts[0]?.text).toBe('New blog post, wherein I beat a dead horse for the last time.');
  });

  it('reads t.co links as the expanded URL with the t.co href kept', () => {
    const p = byId('1982150084708987222');
    expect(p.segments).toEqual([
      { kind: 'text', text: "They did. Then killed it in 2016. You babies just don't know because you weren't born yet.\n\n" },
      { kind: 'link', text: 'https://en.wikipedia.org/wiki/Google_Developers#Google_Code', href: 'https://t.co/NfOim3gLkZ' },
    ]);
    expect(byId('1748869770659729499').segments).toEqual([
      { kind: 'text', text: 'Kann nicht mehr zusehen, wie ' },
      { kind: 'mention', text: '@florianklenk', href: 'https://x.com/florianklenk' },
      { kind: 'text', text: '\neXXpress TV schaut, um uns zu sagen, dass niemand schaut.  \n\nDrum hab ich schnell den eXXpress TV Zuseher Zähler gebaut.  \n\n' },
      { kind: 'link', text: 'https://exxpress.marioslab.io', href: 'https://t.co/7o0O0yIwaI' },
      { kind: 'text', text: ' \n\nVorteil: eXXpress TV kriegt keine Views, wir wissen trotzdem, dass niemand schaut.' },
    ]);
    expect(byId('1656241263132155904').text).toBe(
      'Hier sind 51 Artikel der Eigenmarken CLEVER (REWE) und S-BUDGET (SPAR) die exakt das gleiche kosten.\n\nUnd das sind nur jene, wo ein automatisiertes matching über den Artikelnamen einfach ist.\n\nEnjoy your freie Marktwirtschaft.\n\nhttps://gist.github.com/badlogic/0ad8fa841a9fbfe25683e5c7cba99808',
    );
  });

  it('reads a quote with a truncated link it cannot follow as plain text, id left empty', () => {
    expect(byId('1982150084708987222').quoted).toMatchObject({
      id: '',
      author: { name: 'Mehul Mohan', handle: 'mehulmpt', avatarUrl: F + 'u9uLbHgr_mini.jpg' },
      createdAt: '2025-10-25T14:09:18.000Z',
      text: 'It’s crazy that Google has not released a GitHub (Microsoft) competitor yet. \n\nI’ve heard only good things about Google’s version control system processes. x.com/striver_79/sta…',
      media: [],
    });
    expect(posts.filter((p) => p.quoted)).toHaveLength(1);
  });

  it('reads multi-photo posts in order, and a video with its poster (not mistaken for an ad)', () => {
    expect(byId('1968984126238736825').media).toEqual(photos('G1M8mHvWMAALuHj'));
    expect(byId('1456996985844772870').media).toEqual(photos('FDhLCAhXIAwQbcv', 'FDhLCN9XsAY4oj7', 'FDhLCYqWUAYhuqJ'));
    expect(byId('1656241263132155904').media).toEqual(photos('FvwmaOJXgAI4THc', 'FvwmddtXsAArdgS', 'Fvwmg5CXgAIp5RT', 'FvwmopiWYAUhBFg'));
    expect(byId('1929312803799576757')).toMatchObject({
      text: 'A new entry to my popular series "LLM tools for plebs": claude-trace\n\n- Injects itself into Claude Code\n- Logs all traffic\n- Reconstructs conversations and shows what\'s going on behind the scenes (system prompts, all tool inputs/outputs, and more)\n\nSome observations. 🧵',
      media: [
        {
          kind: 'video',
          url: 'https://x.com/badlogicgames/status/1929312803799576757',
          posterUrl: 'https://pbs.twimg.com/amplify_video_thumb/1929307970652790784/img/Blnc0gJXYFQoF0B9.jpg',
        },
      ],
    });
    expect(byId('1985127737481154951').media).toEqual([]); // a link card is not media
    expect(byId('1940370344990441726').media).toEqual([]);
  });
});

describe('focused status (mario-zechner-wow.html)', () => {
  const PAGE = 'https://x.com/badlogicgames/status/1991612272289161300';
  // Saved-page image paths are relative: they resolve against the status URL.
  const F = 'https://x.com/badlogicgames/status/Mario%20Zechner%20on%20X_%20_Wow.%20https___t.co_h7ul7Lgy3Z_%20_%20Twitter_files/';
  const doc = loadFixture('control-panel-for-twitter/mario-zechner-wow.html', PAGE);
  const article = doc.querySelector('article[data-testid="tweet"]');

  it('reads the outer post from outside the quoted block, though its time comes after it', () => {
    expect(article && postIdOf(article)).toBe('x:1991612272289161300');
    const p = article ? capturePost(article, PAGE, () => 'T') : null;
    expect(p).toMatchObject({
      id: 'x:1991612272289161300',
      url: PAGE,
      author: { name: 'Mario Zechner', handle: 'badlogicgames', avatarUrl: F + '87k3l720_x96.jpg' },
      text: 'Wow.',
      lang: 'und',
      createdAt: '2025-11-20T20:59:02.000Z',
      media: [{ kind: 'image', url: F + 'G6OgxVZXYAEKK4N.png' }],
    });
    expect(p?.quoted).toMatchObject({
      id: 'x:1991546816685568387',
      url: 'https://x.com/randall_balestr/status/1991546816685568387',
      author: { name: 'Randall Balestriero', handle: 'randall_balestr', avatarUrl: F + '4VtwVXV2_normal.jpg' },
      createdAt: '2025-11-20T16:38:56.000Z',
      media: [{ kind: 'image', url: F + 'G6NkzDEWsAAr6VB.jpg' }],
    });
    // Inside a quote the link is a bare span: its hidden full URL is the only target shown.
    expect(p?.quoted?.segments).toEqual([
      { kind: 'text', text: 'Minimal example (ViT, inet10) now available with comments and details at ' },
      { kind: 'link', text: 'https://github.com/rbalestr-lab/lejepa/blob/main/MINIMAL.md', href: 'https://github.com/rbalestr-lab/lejepa/blob/main/MINIMAL.md' },
      {
        kind: 'text',
        text: '\n- ~150 lines *total*\n- 91% top1 (simple linear probe) in a couple hours (1gpu)\n- no teacher-student/stop-gradient/SWA/... \n- losses that are as smooth as you can hope for:',
      },
    ]);
    expect(p?.partial).toBeUndefined();
    expect(capturePosts(doc, PAGE).map((x) => x.id)).toEqual(['x:1991612272289161300']);
  });
});
