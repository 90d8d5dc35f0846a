// @vitest-environment happy-dom
// Posts from Bluesky and Mastodon in every export: each network's own embed markup and script
// in HTML (Bluesky's once, Mastodon's once per instance), the static card without them, the
// author as the network writes them, the content warning before the words in every format, a
// WordPress embed only where WordPress has an oEmbed provider, and a link for a missing post.
import { describe, expect, it } from 'vitest';
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import { renderExport, type ExportInput } from '../../src/export';
import { missingPostLink, permalink } from '../../src/export/post-parts';
import { withoutEmbedScripts } from '../../src/export/html';
import { copiablePictures, MEDIA_HOSTS } from '../../src/model/media';
import type { Post } from '../../src/model/post';
import { MIXED_BLUESKY, MIXED_BOOST, MIXED_INPUT, MIXED_MASTODON, MIXED_X } from '../golden/mixed-roundup';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/** A roundup of these posts, one item each, with these settings. */
function inputOf(posts: Post[], settings: Partial<ExportInput['settings']> = {}): ExportInput {
  return {
    roundup: { ...MIXED_INPUT.roundup, items: posts.map((p) => ({ postId: p.id, leadIn: '', commentary: '' })) },
    posts: Object.fromEntries(posts.map((p) => [p.id, p])),
    settings: { ...MIXED_INPUT.settings, ...settings },
  };
}
const html = (posts: Post[], settings: Partial<ExportInput['settings']> = {}): string => renderExport('html', inputOf(posts, settings));
const scripts = (out: string): string[] => Array.from(parse(out).querySelectorAll('script')).map((s) => s.outerHTML);

const BLUESKY_SCRIPT = '<script async="" src="https://embed.bsky.app/static/embed.js" charset="utf-8"></script>';
const partialBluesky: Post = { ...MIXED_BLUESKY, id: MIXED_BLUESKY.id.replace('3lbqta7xzwc2k', '3lbqtaaaaaa2a'), atUri: undefined, cid: undefined, partial: true };
const secondBluesky: Post = { ...MIXED_BLUESKY, id: MIXED_BLUESKY.id.replace('3lbqta7xzwc2k', '3lbqtbbbbbb2b') };
const sameInstance: Post = { ...MIXED_MASTODON, id: 'mastodon:mastodon.social/113255541325400001', url: 'https://mastodon.social/@carol/113255541325400001' };

describe('Bluesky in HTML', () => {
  it("is Bluesky's embed markup: the record's URI and CID, the colour mode, the words, and the post's link by DID", () => {
    const quote = parse(html([MIXED_BLUESKY])).querySelector('blockquote.bluesky-embed')!;
    expect(quote.getAttribute('data-bluesky-uri')).toBe(MIXED_BLUESKY.atUri);
    expect(quote.getAttribute('data-bluesky-cid')).toBe(MIXED_BLUESKY.cid);
    expect(quote.getAttribute('data-bluesky-embed-color-mode')).toBe('light');
    expect(quote.querySelector(':scope > p')!.getAttribute('lang')).toBe('en');
    expect(quote.querySelector(':scope > p')!.textContent).toBe(MIXED_BLUESKY.text);
    const links = Array.from(quote.querySelectorAll(':scope > a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://bsky.app/profile/did:plc:4fqbrgm5lhoa7nvsmwr2xzcu/post/3lbqta7xzwc2k?ref_src=embed']);
    expect(quote.textContent).toContain('— Alice Martin (@alice.bsky.social) November 21, 2025');
    // The quoted post, its photo and alt text inside.
    const quoted = quote.querySelector(':scope > blockquote')!;
    expect(quoted.querySelector('img')!.getAttribute('alt')).toBe('A grey heron standing in shallow water at dawn');
    expect(quoted.textContent).toContain('— Bob Okafor (@bob.example.com)');
    expect(parse(html([MIXED_BLUESKY], { theme: 'dark' })).querySelector('blockquote')!.getAttribute('data-bluesky-embed-color-mode')).toBe('dark');
  });

  it('adds embed.js once, at the end, for any number of Bluesky posts, and none without the setting', () => {
    expect(scripts(html([MIXED_BLUESKY, secondBluesky]))).toEqual([BLUESKY_SCRIPT]);
    const off = html([MIXED_BLUESKY, secondBluesky], { includeEmbedScript: false });
    expect(scripts(off)).toEqual([]);
    for (const card of Array.from(parse(off).querySelectorAll('blockquote.bluesky-embed'))) expect(card.getAttribute('style')).toMatch(/border-radius:12px/);
  });

  it('shows a post read without its record (partial) as the static card with its link: no embed attributes, no script', () => {
    const out = html([partialBluesky]);
    const quote = parse(out).querySelector('blockquote')!;
    expect(quote.getAttributeNames().sort()).toEqual(['style']);
    expect(quote.querySelector(':scope > span > a')!.getAttribute('href')).toBe(MIXED_BLUESKY.url);
    expect(scripts(out)).toEqual([]);
    // A CID that is not one counts as none.
    expect(html([{ ...MIXED_BLUESKY, cid: 'not a cid"><script>' }])).not.toContain('bluesky-embed');
  });
});

describe('Mastodon in HTML', () => {
  it("is Mastodon's embed code with the whole status inside its one link, which embed.js replaces", () => {
    const quote = parse(html([MIXED_MASTODON])).querySelector('blockquote.mastodon-embed')!;
    expect(quote.getAttribute('data-embed-url')).toBe('https://mastodon.social/@carol/113255541325488375/embed');
    expect(quote.getAttribute('style')).toContain('max-width: 540px; min-width: 270px; background:#FCF8FF;');
    // One child, the link, and no link inside it.
    expect(Array.from(quote.childNodes).map((n) => n.nodeName)).toEqual(['A']);
    const link = quote.firstElementChild!;
    expect([link.getAttribute('href'), link.getAttribute('target')]).toEqual(['https://mastodon.social/@carol/113255541325488375', '_blank']);
    expect(link.querySelectorAll('a')).toHaveLength(0);
    const text = link.textContent!;
    expect(text).toContain('Content warning: Spoilers: the season finale');
    expect(text.indexOf('Content warning')).toBeLessThan(text.indexOf('Finally watched'));
    // The shortened link shows whole, as the address it leads to.
    expect(text).toContain('My review: https://example.org/finale-review-2025 #TVTime');
    expect(text).toContain('— Carol Reyes (@carol@mastodon.social) November 22, 2025');
  });

  it('is what embed.js expects: after its iframe reports its height, the iframe alone is left', () => {
    // The two steps of Mastodon's public/embed.js (4.3+) on one blockquote: append the iframe,
    // then, on its `setHeight`, `embed.removeChild(embed.querySelector('a'))`.
    const doc = parse(html([MIXED_MASTODON]));
    const embed = doc.querySelector('blockquote.mastodon-embed')!;
    embed.appendChild(doc.createElement('iframe')); // (its src left out: the test loads nothing)
    expect(() => embed.removeChild(embed.querySelector('a')!)).not.toThrow();
    expect(Array.from(embed.childNodes).map((n) => n.nodeName)).toEqual(['IFRAME']);
  });

  it("adds each instance's embed.js once, allowed to render that instance's statuses only", () => {
    expect(scripts(html([MIXED_MASTODON, sameInstance, MIXED_BOOST]))).toEqual([
      '<script data-allowed-prefixes="https://mastodon.social/" async="" src="https://mastodon.social/embed.js"></script>',
      '<script data-allowed-prefixes="https://fosstodon.org/" async="" src="https://fosstodon.org/embed.js"></script>',
    ]);
    // The boost was read on hachyderm.io; its embed is its home instance's.
    expect(parse(html([MIXED_BOOST])).querySelector('blockquote')!.getAttribute('data-embed-url')).toBe('https://fosstodon.org/@dave/113259998877665544/embed');
  });

  it('is the static card, links kept, without the script or for an address that is no Mastodon status link', () => {
    for (const out of [
      html([MIXED_MASTODON], { includeEmbedScript: false }),
      html([{ ...MIXED_MASTODON, url: 'https://example.social/notice/AbC123' }]),
      html([{ ...MIXED_MASTODON, url: 'http://mastodon.social/@carol/113255541325488375' }]),
    ]) {
      const card = parse(out).querySelector('blockquote')!;
      expect(card.getAttributeNames()).toEqual(['style']);
      expect(Array.from(card.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toContain('https://example.org/finale-review-2025');
      expect(card.textContent).toContain('Content warning: Spoilers: the season finale');
      expect(scripts(out)).toEqual([]);
    }
  });
});

describe('every network in one export', () => {
  it('puts the scripts last, each once, in the order the posts first need them', () => {
    const out = renderExport('html', MIXED_INPUT);
    expect(scripts(out).map((s) => /src="([^"]+)"/.exec(s)![1])).toEqual([
      'https://platform.twitter.com/widgets.js', 'https://embed.bsky.app/static/embed.js',
      'https://mastodon.social/embed.js', 'https://fosstodon.org/embed.js',
    ]);
    expect(out.trimEnd().split('\n').slice(-4).every((line) => line.startsWith('<script'))).toBe(true);
    expect(withoutEmbedScripts(out)).not.toContain('<script');
    expect(withoutEmbedScripts(out)).toContain('mastodon-embed');
  });

  it('credits each author as their network writes them, in every format', () => {
    const credits = ['Jane Doe (@janedoe)', 'Alice Martin (@alice.bsky.social)', 'Carol Reyes (@carol@mastodon.social)', 'Dave Kim (@dave@fosstodon.org)'];
    for (const format of ['html', 'markdown', 'wordpress', 'text'] as const) {
      const out = renderExport(format, MIXED_INPUT);
      for (const credit of credits) expect(out, `${format}: ${credit}`).toContain(credit);
    }
  });

  it('gives the content warning before the words in every format, on a post from any network', () => {
    const warned = (p: Post): Post => ({ ...p, contentWarning: 'Flashing images' });
    for (const post of [MIXED_X, MIXED_BLUESKY, MIXED_MASTODON].map(warned)) {
      const input = inputOf([post]);
      const words = post.text.split('\n')[0]!.slice(0, 12);
      const expected = { html: '<strong>Content warning:</strong> Flashing images', markdown: '> **Content warning:** Flashing images', wordpress: '<!-- wp:paragraph -->\n<p><strong>Content warning:</strong> Flashing images</p>', text: '    Content warning: Flashing images' };
      for (const format of ['html', 'markdown', 'wordpress', 'text'] as const) {
        const out = renderExport(format, input);
        expect(out, `${post.site} ${format}`).toContain(expected[format]);
        expect(out.indexOf('Flashing images'), `${post.site} ${format}`).toBeLessThan(out.indexOf(words));
      }
      expect(renderExport('html', { ...input, settings: { ...input.settings, includeEmbedScript: false } })).toContain(expected.html);
    }
    // A quoted post's own warning, inside the quote.
    const quoting = { ...MIXED_BLUESKY, quoted: warned(MIXED_BLUESKY.quoted!) };
    expect(parse(html([quoting])).querySelector('blockquote blockquote')!.textContent).toMatch(/^Content warning: Flashing images/);
  });

  it('says nothing of who reposted or boosted a post, in any format, as for X', () => {
    for (const format of ['html', 'markdown', 'wordpress', 'text'] as const) expect(renderExport(format, MIXED_INPUT)).not.toMatch(/Erin|Boosted|Reposted/);
  });
});

describe('WordPress', () => {
  const blocks = (input: ExportInput) => parseBlocks(renderExport('wordpress', input)).filter((b) => b.blockName);

  it("embeds X and Bluesky posts (WordPress's oEmbed providers), a Mastodon status as its quote alone", () => {
    const list = blocks(MIXED_INPUT);
    const embeds = list.filter((b) => b.blockName === 'core/embed').map((b) => b.attrs);
    expect(embeds).toEqual([
      { url: 'https://twitter.com/janedoe/status/1856734567890123456', type: 'rich', providerNameSlug: 'twitter', responsive: true },
      { url: 'https://bsky.app/profile/did:plc:4fqbrgm5lhoa7nvsmwr2xzcu/post/3lbqta7xzwc2k', type: 'rich', providerNameSlug: 'bluesky', responsive: true },
    ]);
    const bluesky = list.find((b) => b.attrs?.providerNameSlug === 'bluesky')!;
    expect(bluesky.innerHTML).toContain('<figure class="wp-block-embed is-type-rich is-provider-bluesky wp-block-embed-bluesky">');
    expect(list.filter((b) => b.blockName === 'core/quote')).toHaveLength(4);
    expect(renderExport('wordpress', MIXED_INPUT)).not.toMatch(/mastodon-embed|<script/);
  });

  it('embeds a Bluesky post read without its record from its bsky.app link, and none from another address', () => {
    expect(blocks(inputOf([partialBluesky])).find((b) => b.blockName === 'core/embed')!.attrs?.url).toBe(MIXED_BLUESKY.url);
    const names = blocks(inputOf([{ ...partialBluesky, url: 'https://example.com/post/1' }])).map((b) => b.blockName);
    expect(names).toContain('core/quote');
    expect(names).not.toContain('core/embed');
  });
});

describe('links', () => {
  it('leave every network\'s address as it is (only X\'s are rewritten), and only http(s)', () => {
    expect(permalink(MIXED_BLUESKY)).toBe(MIXED_BLUESKY.url);
    expect(permalink(MIXED_MASTODON)).toBe(MIXED_MASTODON.url);
    expect(permalink(MIXED_X)).toBe('https://twitter.com/janedoe/status/1856734567890123456');
    expect(permalink({ url: 'javascript:alert(1)' })).toBeNull();
  });

  it.each([
    ['x:1856734567890123456', 'https://twitter.com/i/web/status/1856734567890123456'],
    ['bsky:at://did:plc:4fqbrgm5lhoa7nvsmwr2xzcu/app.bsky.feed.post/3lbqta7xzwc2k', 'https://bsky.app/profile/did:plc:4fqbrgm5lhoa7nvsmwr2xzcu/post/3lbqta7xzwc2k'],
    ['mastodon:https://mastodon.social/@carol/113255541325488375', 'https://mastodon.social/@carol/113255541325488375'],
    ['mastodon:http://localhost:3000/@admin/42', 'http://localhost:3000/@admin/42'],
    ['bsky:at://did:plc:x/app.bsky.feed.post/y', 'https://bsky.app/profile/did:plc:x/post/y'],
    ['bsky:at://did:plc:x/app.bsky.feed.like/y', null],
    ['mastodon:javascript:alert(1)', null],
    ['mastodon:mastodon.social/113255541325488375', null],
    ['__proto__', null],
  ])('a missing post %s still links to %s', (id, href) => {
    expect(missingPostLink(id)).toBe(href);
  });

  it('a missing Bluesky or Mastodon post is a note and its link in every format', () => {
    const input: ExportInput = { ...MIXED_INPUT, posts: {} };
    for (const format of ['html', 'markdown', 'wordpress', 'text'] as const) {
      const out = renderExport(format, input);
      expect(out).toContain('https://bsky.app/profile/did:plc:4fqbrgm5lhoa7nvsmwr2xzcu/post/3lbqta7xzwc2k');
      expect(out).toContain('https://fosstodon.org/@dave/113259998877665544');
    }
  });
});

describe('kept copies of pictures', () => {
  it("are made from Bluesky's CDN and video stills too, and from a Mastodon post's own media host (each instance has its own)", () => {
    expect(MEDIA_HOSTS).toEqual(['pbs.twimg.com', 'cdn.bsky.app', 'video.bsky.app']);
    expect(copiablePictures(MIXED_BLUESKY).map((p) => p.url)).toEqual([MIXED_BLUESKY.quoted!.media[0]!.url]);
    const video: Post = { ...MIXED_MASTODON, media: [{ kind: 'video', url: 'https://video.bsky.app/watch/did%3Aplc%3Ax/bafkrei/playlist.m3u8', posterUrl: 'https://video.bsky.app/watch/did%3Aplc%3Ax/bafkrei/thumbnail.jpg' }] };
    expect(copiablePictures(video).map((p) => p.role)).toEqual(['poster']);
    const noAvatar = { ...MIXED_MASTODON.author, avatarUrl: undefined };
    expect(copiablePictures({ ...MIXED_MASTODON, author: noAvatar, media: [{ kind: 'image', url: 'https://files.mastodon.social/media_attachments/1.jpg', alt: 'A cat' }] }))
      .toEqual([{ url: 'https://files.mastodon.social/media_attachments/1.jpg', role: 'photo', alt: 'A cat', anyHost: true }]);
    // Only over https; and another network's post names no host of its own.
    expect(copiablePictures({ ...MIXED_MASTODON, author: noAvatar, media: [{ kind: 'image', url: 'http://files.example/1.jpg' }] })).toEqual([]);
    expect(copiablePictures({ ...MIXED_BLUESKY, quoted: undefined, media: [{ kind: 'image', url: 'https://files.mastodon.social/media_attachments/1.jpg' }] }).filter((p) => p.role === 'photo')).toEqual([]);
  });
});
