// The roundup from X, Bluesky and Mastodon (tests/golden/mixed-roundup.ts), exported and read
// back by its readers' parsers: parse5 (the HTML spec's parser, as in browsers), markdown-it
// (CommonMark) and WordPress's own block parser. Each must find every post where it stands,
// in its network's markup, with its words, warning, credit and link.
import { describe, expect, it } from 'vitest';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import MarkdownIt from 'markdown-it';
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import { renderExport } from '../../src/export';
import { permalink } from '../../src/export/post-parts';
import { MIXED_BLUESKY, MIXED_INPUT, MIXED_MASTODON, MIXED_POSTS } from '../golden/mixed-roundup';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['childNode'];

const isElement = (n: Node): n is Element => 'tagName' in n;
const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;
const children = (el: { childNodes: Node[] }): Element[] => el.childNodes.filter(isElement);
const descendants = (el: Element): Element[] => children(el).flatMap((c) => [c, ...descendants(c)]);
function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (isElement(node) && node.tagName === 'br') return '\n';
  return isElement(node) ? node.childNodes.map(textOf).join('') : '';
}
const top = (html: string): Element[] => children(parseFragment(html) as unknown as { childNodes: Node[] });
const links = MIXED_POSTS.map((p) => permalink(p)!);

describe('HTML, read by parse5', () => {
  const els = top(renderExport('html', MIXED_INPUT));
  const posts = els.filter((e) => e.tagName === 'blockquote');

  it("is each post in its network's markup, in roundup order, then the four scripts", () => {
    expect(posts.map((e) => attr(e, 'class'))).toEqual(['twitter-tweet', 'bluesky-embed', 'mastodon-embed', 'mastodon-embed']);
    expect(els.slice(-4).map((e) => [e.tagName, attr(e, 'src')])).toEqual([
      ['script', 'https://platform.twitter.com/widgets.js'], ['script', 'https://embed.bsky.app/static/embed.js'],
      ['script', 'https://mastodon.social/embed.js'], ['script', 'https://fosstodon.org/embed.js'],
    ]);
    expect(els.slice(-4).map((e) => attr(e, 'data-allowed-prefixes'))).toEqual([undefined, undefined, 'https://mastodon.social/', 'https://fosstodon.org/']);
  });

  it('gives each post its words and its author as the network writes them', () => {
    posts.forEach((quote, i) => {
      const post = MIXED_POSTS[i]!;
      const words = textOf(quote).replace(/\s+/g, ' ');
      for (const line of post.text.split('\n').filter(Boolean)) expect(words).toContain(line.split(' http')[0]!.replace(/\s+/g, ' '));
    });
    expect(textOf(posts[2]!)).toContain('— Carol Reyes (@carol@mastodon.social) November 22, 2025');
  });

  it("keeps the Bluesky post's record and link, and its quoted post's photo with its alt", () => {
    const bluesky = posts[1]!;
    expect([attr(bluesky, 'data-bluesky-uri'), attr(bluesky, 'data-bluesky-cid')]).toEqual([MIXED_BLUESKY.atUri, MIXED_BLUESKY.cid]);
    const anchors = children(bluesky).filter((e) => e.tagName === 'a');
    expect(anchors.map((a) => attr(a, 'href'))).toEqual(['https://bsky.app/profile/did:plc:4fqbrgm5lhoa7nvsmwr2xzcu/post/3lbqta7xzwc2k?ref_src=embed']);
    const [img] = descendants(bluesky).filter((e) => e.tagName === 'img');
    expect([attr(img!, 'src'), attr(img!, 'alt')]).toEqual([MIXED_BLUESKY.quoted!.media[0]!.url, MIXED_BLUESKY.quoted!.media[0]!.alt]);
  });

  it('keeps a Mastodon status whole inside its one link: the warning first, then the words, nothing split out', () => {
    const mastodon = posts[2]!;
    expect(mastodon.childNodes.map((n) => n.nodeName)).toEqual(['a']);
    const link = children(mastodon)[0]!;
    expect(attr(link, 'href')).toBe(MIXED_MASTODON.url);
    expect(descendants(link).filter((e) => e.tagName === 'a')).toEqual([]);
    const [warning, words] = children(link);
    expect([warning!.tagName, textOf(warning!)]).toEqual(['p', 'Content warning: Spoilers: the season finale']);
    expect(children(warning!).map((e) => e.tagName)).toEqual(['strong']);
    expect([words!.tagName, attr(words!, 'lang')]).toEqual(['p', 'en']);
  });
});

describe('Markdown, read by markdown-it', () => {
  const md = new MarkdownIt();
  const quotes = top(md.render(renderExport('markdown', MIXED_INPUT))).filter((e) => e.tagName === 'blockquote');

  it('is each post a blockquote ending in its author and dated link', () => {
    expect(quotes).toHaveLength(4);
    quotes.forEach((quote, i) => {
      const anchors = descendants(quote).filter((e) => e.tagName === 'a');
      expect(attr(anchors.at(-1)!, 'href')).toBe(links[i]);
    });
    expect(textOf(quotes[3]!)).toContain('— Dave Kim (@dave@fosstodon.org) November 23, 2025');
  });

  it('starts the Mastodon status with its warning in bold, and shows the quoted photo with its alt', () => {
    const [first] = children(quotes[2]!);
    expect(children(first!).map((e) => e.tagName)).toEqual(['strong']);
    expect(textOf(first!)).toBe('Content warning: Spoilers: the season finale');
    const [img] = descendants(quotes[1]!).filter((e) => e.tagName === 'img');
    expect([attr(img!, 'src'), attr(img!, 'alt')]).toEqual([MIXED_BLUESKY.quoted!.media[0]!.url, MIXED_BLUESKY.quoted!.media[0]!.alt]);
  });
});

describe('WordPress, read by @wordpress/block-serialization-default-parser', () => {
  const blocks = parseBlocks(renderExport('wordpress', MIXED_INPUT)).filter((b) => b.blockName !== null);

  it('is an embed then a quote for X and Bluesky, a quote alone for each Mastodon status', () => {
    const posts = blocks.filter((b) => b.blockName === 'core/embed' || b.blockName === 'core/quote').map((b) => b.blockName);
    expect(posts).toEqual(['core/embed', 'core/quote', 'core/embed', 'core/quote', 'core/quote', 'core/quote']);
  });

  it('holds the warning, words, photos and quoted post as inner blocks, then the attribution', () => {
    const quotes = blocks.filter((b) => b.blockName === 'core/quote');
    expect(quotes.map((q) => q.innerBlocks.map((b) => b.blockName))).toEqual([
      ['core/paragraph'], ['core/paragraph', 'core/quote'], ['core/paragraph', 'core/paragraph'], ['core/paragraph'],
    ]);
    expect(quotes[1]!.innerBlocks[1]!.innerBlocks.map((b) => b.blockName)).toEqual(['core/paragraph', 'core/image']);
    expect(quotes[2]!.innerBlocks[0]!.innerHTML).toContain('<strong>Content warning:</strong> Spoilers: the season finale');
    quotes.forEach((quote, i) => expect(quote.innerHTML).toContain(`<a href="${links[i]}">`));
  });
});
