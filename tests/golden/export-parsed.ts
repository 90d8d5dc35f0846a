// An export as its readers' parsers see it, reduced to what escaping must never change:
// which elements and attributes there are, which comments, where links point. parse5 is
// the HTML spec's parser (what a browser builds); markdown-it is CommonMark with raw HTML
// allowed, as most blog engines render Markdown.
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import MarkdownIt from 'markdown-it';
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';

type ParsedBlock = ReturnType<typeof parseBlocks>[number];

type Node = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

export interface Parsed {
  /** `tag[attr,attr]` of every element, in document order. */
  elements: string[];
  comments: string[];
  /** Every href and src, as the parser decoded them. */
  urls: string[];
}

export function parseHtml(html: string): Parsed {
  const out: Parsed = { elements: [], comments: [], urls: [] };
  const walk = (nodes: Node[]): void => {
    for (const node of nodes) {
      if (node.nodeName === '#comment') out.comments.push((node as DefaultTreeAdapterMap['commentNode']).data);
      if (!('tagName' in node)) continue;
      const el = node as Element;
      out.elements.push(`${el.tagName}[${el.attrs.map((a) => a.name).sort()}]`);
      for (const a of el.attrs) if (a.name === 'href' || a.name === 'src') out.urls.push(a.value);
      walk(el.tagName === 'template' ? (el as unknown as { content: { childNodes: Node[] } }).content.childNodes : el.childNodes);
    }
  };
  walk(parseFragment(html).childNodes as Node[]);
  return out;
}

const markdownIt = new MarkdownIt({ html: true });

/** Markdown rendered to HTML by markdown-it (raw HTML on), then parsed; plus any raw HTML it passed. */
export function parseMarkdown(md: string): Parsed & { rawHtml: string[] } {
  const tokens = markdownIt.parse(md, {});
  const rawHtml = tokens
    .flatMap((t) => [t, ...(t.children ?? [])])
    .filter((t) => t.type === 'html_block' || t.type === 'html_inline')
    .map((t) => t.content);
  return { ...parseHtml(markdownIt.renderer.render(tokens, markdownIt.options, {})), rawHtml };
}

/** Block names, depth first, as WordPress's own parser reads them (freeform whitespace left out). */
export function blockNames(markup: string): string[] {
  const names = (blocks: ParsedBlock[]): string[] =>
    blocks.flatMap((b) => (b.blockName ? [b.blockName, ...names(b.innerBlocks)] : names(b.innerBlocks)));
  return names(parseBlocks(markup));
}

/** Elements whose number follows the text itself: paragraph and line breaks. */
const followsText = (e: string): boolean => e === 'br[]' || e === 'p[]';

/** How many of each element, leaving out those that follow the text. */
export function elementCounts(parsed: Parsed): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of parsed.elements) if (!followsText(e)) counts[e] = (counts[e] ?? 0) + 1;
  return counts;
}

/** True for an absolute http(s) URL with nothing a parser could read as markup. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    // The URL parser percent-encodes spaces, quotes and angle brackets; one left means the
    // value never went through it.
    return (protocol === 'http:' || protocol === 'https:') && /^https?:\/\/[^\s"<>]+$/i.test(url);
  } catch {
    return false;
  }
}
