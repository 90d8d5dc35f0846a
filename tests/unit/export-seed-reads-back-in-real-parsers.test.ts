// The seed roundup, exported, read back by the parsers its readers use: parse5 (the HTML
// spec's parser, as in browsers), markdown-it (CommonMark), WordPress's own block parser,
// and yaml for front matter. Each must find the roundup's parts in the roundup's order.
import { afterAll, describe, expect, it } from 'vitest';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import MarkdownIt from 'markdown-it';
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import { parse as parseYaml } from 'yaml';
import { renderExport, type ExportInput } from '../../src/export';
import { permalink } from '../../src/export/post-parts';
import { paragraphs } from '../../src/export/paragraphs';
import { SEED_INPUT, SEED_POSTS, SEED_ROUNDUP, SEED_SIGNATURE, closeSeedPages } from '../golden/seed-roundup';

afterAll(closeSeedPages);

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

const with_ = (settings: Partial<ExportInput['settings']>): ExportInput => ({ ...SEED_INPUT, settings: { ...SEED_INPUT.settings, ...settings } });
const links = SEED_POSTS.map((p) => permalink(p)!);
/** The roundup's own paragraphs, in order, as one list per place: intro, items, signature. */
const paras = (text: string): string[] => paragraphs(text).map((lines) => lines.join('\n'));

/** What the post should read as: its blocks, in order, `post` standing for each post. */
function expectedOrder(heading: string, post: string, para: string): string[] {
  return [
    heading,
    ...paras(SEED_ROUNDUP.intro).map(() => para),
    ...SEED_ROUNDUP.items.flatMap((item) => [...paras(item.leadIn).map(() => para), post, ...paras(item.commentary).map(() => para)]),
    ...paras(SEED_SIGNATURE).map(() => para),
  ];
}

describe('HTML, read by parse5', () => {
  const top = (html: string) => children(parseFragment(html) as unknown as { childNodes: Node[] });

  it('is the title, paragraphs and four X embeds in roundup order, then one widgets.js', () => {
    const els = top(renderExport('html', SEED_INPUT));
    const script = els.pop()!;
    expect(els.map((e) => (e.tagName === 'blockquote' ? `blockquote.${attr(e, 'class')}` : e.tagName)))
      .toEqual(expectedOrder('h1', 'blockquote.twitter-tweet', 'p'));
    expect([script.tagName, attr(script, 'src'), attr(script, 'async')]).toEqual(['script', 'https://platform.twitter.com/widgets.js', '']);
    expect(textOf(els[0]!)).toBe(SEED_ROUNDUP.title);
    expect(els.filter((e) => e.tagName === 'p').map(textOf)).toEqual([
      ...paras(SEED_ROUNDUP.intro), ...SEED_ROUNDUP.items.flatMap((i) => [...paras(i.leadIn), ...paras(i.commentary)]), ...paras(SEED_SIGNATURE),
    ]);
  });

  it('gives each embed its words, author, dated permalink last, photos and quoted post', () => {
    const embeds = top(renderExport('html', SEED_INPUT)).filter((e) => attr(e, 'class') === 'twitter-tweet');
    embeds.forEach((embed, i) => {
      const post = SEED_POSTS[i]!;
      expect(attr(embed, 'data-dnt')).toBe('true');
      const [words] = children(embed);
      expect([words!.tagName, attr(words!, 'lang')]).toEqual(['p', post.lang]);
      expect(textOf(words!).replace(/\s+/g, ' ')).toBe(post.text.replace(/\s+/g, ' '));
      const anchors = descendants(embed).filter((e) => e.tagName === 'a');
      expect(attr(anchors.at(-1)!, 'href'), 'widgets.js reads the last link').toBe(links[i]);
      expect(textOf(embed)).toContain(`— ${post.author.name} (@${post.author.handle})`);
      const images = descendants(embed).filter((e) => e.tagName === 'img').map((e) => attr(e, 'src'));
      const media = [post, ...(post.quoted ? [post.quoted] : [])].flatMap((p) => p.media.map((m) => m.posterUrl ?? m.url));
      expect(images).toEqual(media);
      const quoted = children(embed).filter((e) => e.tagName === 'blockquote');
      expect(quoted.map((q) => textOf(q).includes(post.quoted!.author.name))).toEqual(post.quoted ? [true] : []);
    });
  });

  it('with the embed script off: no script, and every embed a styled card', () => {
    const els = top(renderExport('html', with_({ includeEmbedScript: false })));
    expect(els.some((e) => e.tagName === 'script')).toBe(false);
    const cards = els.filter((e) => attr(e, 'class') === 'twitter-tweet');
    expect(cards).toHaveLength(4);
    for (const card of cards) expect(attr(card, 'style')).toMatch(/border-radius:12px/);
  });
});

describe('Markdown, read by markdown-it', () => {
  const md = new MarkdownIt();
  /** Top-level blocks only: nesting 0 opening tokens (and the heading's level). */
  const blocks = (src: string) => md.parse(src, {}).filter((t) => t.level === 0 && t.nesting === 1).map((t) => t.tag);

  it('is the title, paragraphs and four blockquotes in roundup order', () => {
    expect(blocks(renderExport('markdown', SEED_INPUT))).toEqual(expectedOrder('h1', 'blockquote', 'p'));
  });

  it('renders the writer\'s paragraphs as the characters typed, and each post with its links and photos', () => {
    const html = md.render(renderExport('markdown', SEED_INPUT));
    const els = children(parseFragment(html) as unknown as { childNodes: Node[] });
    expect(els.filter((e) => e.tagName === 'p').map(textOf)).toEqual([
      ...paras(SEED_ROUNDUP.intro), ...SEED_ROUNDUP.items.flatMap((i) => [...paras(i.leadIn), ...paras(i.commentary)]), ...paras(SEED_SIGNATURE),
    ]);
    els.filter((e) => e.tagName === 'blockquote').forEach((quote, i) => {
      const post = SEED_POSTS[i]!;
      const hrefs = descendants(quote).filter((e) => e.tagName === 'a').map((a) => attr(a, 'href'));
      expect(hrefs.at(-1)).toBe(links[i]);
      const segmentLinks = post.segments.filter((s) => 'href' in s).map((s) => ('href' in s ? s.href : ''));
      for (const href of segmentLinks) expect(hrefs).toContain(href);
      const images = descendants(quote).filter((e) => e.tagName === 'img').map((e) => decodeURI(attr(e, 'src')!));
      const media = [post, ...(post.quoted ? [post.quoted] : [])].flatMap((p) => p.media.map((m) => decodeURI(m.posterUrl ?? m.url)));
      expect(images).toEqual(media);
      expect(children(quote).filter((e) => e.tagName === 'blockquote')).toHaveLength(post.quoted ? 1 : 0);
      expect(textOf(quote).replace(/\s+/g, ' ')).toContain(post.text.split('\n')[0]!.replace(/\s+/g, ' ').trim());
    });
  });

  it('front matter is YAML with the title and date, and the Markdown after it is the same roundup', () => {
    const out = renderExport('markdown', with_({ markdownFrontMatter: true }));
    const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(out);
    expect(match).not.toBeNull();
    expect(parseYaml(match![1]!)).toEqual({ title: SEED_ROUNDUP.title, date: SEED_ROUNDUP.updatedAt.slice(0, 10) });
    expect(blocks(match![2]!)).toEqual(expectedOrder('h1', 'blockquote', 'p'));
  });
});

describe('WordPress, read by @wordpress/block-serialization-default-parser', () => {
  const named = (src: string) => parseBlocks(src).filter((b) => b.blockName !== null);

  it('is a heading, paragraphs, and per post an embed then its quote fallback, in roundup order', () => {
    const blocks = named(renderExport('wordpress', SEED_INPUT));
    const order = blocks.map((b) => b.blockName);
    expect(order).toEqual(expectedOrder('core/heading', 'POST', 'core/paragraph').flatMap((b) => (b === 'POST' ? ['core/embed', 'core/quote'] : [b])));
    const embeds = blocks.filter((b) => b.blockName === 'core/embed');
    expect(embeds.map((b) => b.attrs)).toEqual(links.map((url) => ({ url, type: 'rich', providerNameSlug: 'twitter', responsive: true })));
    for (const [i, embed] of embeds.entries()) expect(embed.innerHTML).toContain(links[i]);
  });

  it('each quote holds the words, photos and quoted post as inner blocks, then the attribution', () => {
    const quotes = named(renderExport('wordpress', SEED_INPUT)).filter((b) => b.blockName === 'core/quote');
    quotes.forEach((quote, i) => {
      const post = SEED_POSTS[i]!;
      const inner = quote.innerBlocks.map((b) => b.blockName);
      expect(inner).toEqual(['core/paragraph', ...post.media.map(() => 'core/image'), ...(post.quoted ? ['core/quote'] : [])]);
      expect(quote.innerHTML).toContain(`&mdash; ${post.author.name} (@${post.author.handle}) <a href="${links[i]}">`);
    });
  });
});
