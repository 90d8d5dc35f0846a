// A Mastodon status's `content` (HTML) as Roundup's words: plain text and the segments that
// link. It walks the nodes of a parsed fragment and never reads HTML as a string, so nothing
// the HTML says survives as markup: only the data of Text nodes and a few attribute values
// (a link's `href`, an emoji's `alt`) are read, and only http(s) links are kept as links.
//
// The caller parses (there is no DOM here): `new DOMParser().parseFromString(html, 'text/html')`
// in a content script, the editor, Firefox's background page or Chrome's offscreen document.
// DOMParser's document is inert (no script runs, no picture loads); never parse by giving the
// HTML to `innerHTML` of a live document, where `<img onerror>` runs.
//
// What Mastodon's API gives (lib/sanitize_ext/sanitize_config.rb, MASTODON_STRICT): p, br, span,
// a, del, s, pre, blockquote, code, b, strong, u, i, em, ul, ol, li, ruby, rt, rp; classes
// `h-*`/`u-*`/…, `mention`, `hashtag`, `invisible`, `ellipsis`, `quote-inline`. Other servers'
// HTML (and the web UI's rendered content: custom emoji as `<img class="custom-emoji">`) may
// hold more; any other element counts for its text, and what shows no words is left out.
//
// The rules, as Mastodon shows a status:
// - `<p>` (and other blocks) are paragraphs, a blank line apart; `<br>` is a line break;
//   `<li>` is a line of its own with its marker (`• `, `1. `); text keeps its spaces, tabs and
//   line breaks (Mastodon shows content `white-space: pre-wrap`).
// - `a.hashtag` (or `rel~=tag`) is a hashtag, `a.mention` a mention, any other `<a>` a link;
//   its text is what shows: `span.invisible` parts (the `https://` Mastodon hides) are left
//   out, `span.ellipsis` is followed by "…". A link whose target is not http(s) is its text.
// - `img.custom-emoji` / `img.emojione` / an image whose alt is `:shortcode:` is an emoji
//   (its alt text); other pictures, scripts, styles, frames, forms are left out.
import type { Segment } from '../model/post';
import { POST_LIMITS } from '../model/post-schema';
import { webUrl } from '../model/validate';
import { cut } from './plain-text';

export interface ContentOptions {
  /**
   * Leave out Mastodon's quote fallback (`.quote-inline`: "RE: <link to the quoted post>"),
   * as its web app does, for a status whose quoted post is shown with it.
   */
  dropQuoteInline?: boolean;
}

export interface ContentWords {
  text: string;
  segments: Segment[];
  /** Set when the content was longer than a post may be, and only its start was kept. */
  truncated?: true;
}

const ELEMENT = 1;
const TEXT = 3;
const DOCUMENT = 9;

/** Elements whose content is never words of the post. */
const SKIP = new Set([
  'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'param', 'applet',
  'noscript', 'noembed', 'noframes', 'svg', 'video', 'audio', 'picture', 'source', 'track', 'canvas',
  'map', 'area', 'input', 'textarea', 'select', 'option', 'optgroup', 'button', 'datalist', 'dialog',
  'head', 'title', 'meta', 'link', 'base',
]);
/** Elements that stand apart as a paragraph. */
const BLOCKS = new Set([
  'p', 'div', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table',
  'section', 'article', 'header', 'footer', 'aside', 'nav', 'main', 'figure', 'figcaption', 'address',
  'details', 'summary', 'hr', 'center', 'body',
]);
/** Elements that stand on a line of their own. */
const LINES = new Set(['li', 'tr', 'dt', 'dd']);
/** An emoji's alt as Mastodon writes a custom one. */
const SHORTCODE = /^:[A-Za-z0-9_]{1,100}:$/;
/** Nodes walked at most: far beyond any status (Mastodon's limit is some thousands of characters). */
const MAX_NODES = 200_000;
const MAX_ALT = 200;

interface Link {
  kind: 'link' | 'mention' | 'hashtag';
  href: string;
  text: string;
  el: Element;
}

interface List {
  el: Element;
  ordered: boolean;
  next: number;
}

/**
 * The words of a status's content, walking the nodes of `root` (a parsed document or
 * fragment, or an element). `text` is the segments' texts joined. Never throws on any DOM.
 */
export function segmentsFromContent(root: ParentNode, options: ContentOptions = {}): ContentWords {
  const out = new Words();
  try {
    walk(startOf(root), out, options);
  } catch {
    out.truncated = true; // a DOM that fails to be read: what was read is kept
  }
  return out.result();
}

function startOf(root: ParentNode): Node {
  const node = root as unknown as Node;
  if (node.nodeType === DOCUMENT) {
    const doc = node as unknown as Document;
    return doc.body ?? doc.documentElement ?? node;
  }
  return node;
}

type Frame = { node: Node; leave: false } | { node: Element; leave: true };

function walk(start: Node, out: Words, options: ContentOptions): void {
  const stack: Frame[] = [];
  const pushChildren = (node: Node) => {
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, leave: false });
  };
  pushChildren(start);
  let link: Link | null = null;
  const lists: List[] = [];
  let pre = 0;
  let seen = 0;

  while (stack.length && !out.full) {
    if (++seen > MAX_NODES) {
      out.truncated = true;
      break;
    }
    const frame = stack.pop()!;
    if (frame.leave) {
      const el = frame.node;
      const name = nameOf(el);
      // Mastodon's CSS draws "…" after the part of a long link it shows.
      if (classesOf(el).has('ellipsis')) {
        if (link) addToLink(link, '…');
        else out.text('…', true);
      }
      if (link?.el === el) {
        out.segment(link.kind, link.text, link.href);
        link = null;
      }
      if (name === 'pre') pre--;
      if (name === 'ul' || name === 'ol') lists.pop();
      if (!link) out.breakAt(breakOf(name, lists.length > 0));
      continue;
    }

    const node = frame.node;
    if (node.nodeType === TEXT) {
      const data = (node as Text).data;
      if (link) addToLink(link, data);
      else out.text(data, pre > 0);
      continue;
    }
    if (node.nodeType !== ELEMENT) continue; // comments, processing instructions, doctypes
    const el = node as Element;
    const name = nameOf(el);
    if (SKIP.has(name) || el.hasAttribute('hidden')) continue;
    const classes = classesOf(el);
    if (classes.has('invisible')) continue; // Mastodon hides it (the `https://` of a link)
    if (options.dropQuoteInline && classes.has('quote-inline')) continue;
    if (name === 'img') {
      const alt = emojiAlt(el, classes);
      if (alt && link) addToLink(link, alt);
      else if (alt) out.segment('emoji', alt);
      continue;
    }
    if (name === 'br') {
      if (link) addToLink(link, '\n');
      else out.lineBreak();
      continue;
    }

    if (link) {
      // Inside a link everything is the link's words.
    } else if (name === 'a') {
      const href = webUrl(el.getAttribute('href'));
      if (href) link = { kind: linkKind(el, classes), href, text: '', el };
    } else {
      out.breakAt(breakOf(name, lists.length > 0));
    }
    if (name === 'pre') pre++;
    if (name === 'ul' || name === 'ol') lists.push({ el, ordered: name === 'ol', next: startNumber(el, name) });
    if (name === 'li' && !link) {
      const list = lists[lists.length - 1];
      out.text(list?.ordered ? `${list.next++}. ` : '• ', true);
    }
    stack.push({ node: el, leave: true });
    pushChildren(el);
  }
  if (link) out.segment(link.kind, link.text, link.href); // cut short inside a link
}

/** The line breaks an element stands apart by: 2 for a paragraph, 1 for a line (a list inside a list is a line). */
function breakOf(name: string, inList: boolean): number {
  if (name === 'ul' || name === 'ol') return inList ? 1 : 2;
  return BLOCKS.has(name) ? 2 : LINES.has(name) ? 1 : 0;
}

function addToLink(link: Link, words: string): void {
  if (link.text.length < POST_LIMITS.text) link.text += words;
}

function nameOf(el: Element): string {
  return String(el.localName || el.nodeName || '').toLowerCase();
}

function classesOf(el: Element): Set<string> {
  const value = el.getAttribute('class');
  return new Set(value ? value.split(/[\t\n\f\r ]+/).filter(Boolean) : []);
}

function linkKind(el: Element, classes: Set<string>): Link['kind'] {
  const rel = new Set((el.getAttribute('rel') ?? '').toLowerCase().split(/[\t\n\f\r ]+/));
  if (classes.has('hashtag') || rel.has('tag')) return 'hashtag';
  if (classes.has('mention')) return 'mention';
  return 'link';
}

/** An emoji picture's words: its alt (or title), when it is one. */
function emojiAlt(el: Element, classes: Set<string>): string {
  const alt = (el.getAttribute('alt') || el.getAttribute('title') || '').trim().slice(0, MAX_ALT);
  if (!alt) return '';
  return classes.has('custom-emoji') || classes.has('emojione') || classes.has('emoji') || SHORTCODE.test(alt) ? alt : '';
}

function startNumber(el: Element, name: string): number {
  if (name !== 'ol') return 1;
  const start = Number(el.getAttribute('start'));
  return Number.isSafeInteger(start) && Math.abs(start) < 1e9 ? start : 1;
}

/** The words as they are written out: adjacent text joined, breaks between blocks, limits kept. */
class Words {
  private readonly segments: Segment[] = [];
  private length = 0;
  /** Line breaks owed before the next words (a block ended or began). */
  private owed = 0;
  /** How many line breaks the words so far end with. */
  private trailing = 0;
  truncated = false;
  full = false;

  text(words: string, keepSpace: boolean): void {
    if (!words) return;
    // Spaces between blocks (the markup's own line breaks) are not words.
    if (!keepSpace && (this.owed > 0 || this.length === 0) && /^[\t\n\f\r ]*$/.test(words)) return;
    this.pay();
    this.push('text', words);
  }

  segment(kind: Segment['kind'], words: string, href?: string): void {
    if (!words) return;
    this.pay();
    this.push(kind, words, href);
  }

  lineBreak(): void {
    this.pay();
    this.push('text', '\n');
  }

  /** `n` line breaks before whatever words come next (none before the first words). */
  breakAt(n: number): void {
    if (n > 0 && this.length > 0) this.owed = Math.max(this.owed, n);
  }

  private pay(): void {
    if (this.owed === 0) return;
    const owed = this.owed;
    this.owed = 0;
    // Spaces at the end of a paragraph show nothing.
    const last = this.segments[this.segments.length - 1];
    if (last?.kind === 'text') {
      const kept = last.text.replace(/[\t ]+$/, '');
      this.length -= last.text.length - kept.length;
      last.text = kept;
      this.trailing = /\n*$/.exec(kept)![0].length;
    }
    if (owed > this.trailing) this.push('text', '\n'.repeat(owed - this.trailing));
  }

  private push(kind: Segment['kind'], raw: string, href?: string): void {
    if (this.full) return;
    let words = raw;
    const room = POST_LIMITS.text - this.length;
    if (words.length >= room) {
      words = cut(words, room);
      this.truncated = this.full = true;
      if (!words) return;
    }
    // Within the segment limit a link that does not fit is kept as its words.
    const last = this.segments[this.segments.length - 1];
    if (kind !== 'text' && this.segments.length >= POST_LIMITS.segments - 1) kind = 'text';
    if (kind === 'text' && last?.kind === 'text') last.text += words;
    else if (kind === 'text' || kind === 'emoji') this.segments.push({ kind, text: words });
    else this.segments.push({ kind, text: words, href: href! });
    this.length += words.length;
    const end = /\n*$/.exec(words)![0].length;
    this.trailing = end === words.length ? this.trailing + end : end;
  }

  result(): ContentWords {
    const segments = this.segments;
    // Leading and trailing blank space is not part of the words.
    const first = segments[0];
    if (first?.kind === 'text') first.text = first.text.replace(/^[\t\n\f\r ]+/, '');
    const last = segments[segments.length - 1];
    if (last?.kind === 'text') last.text = last.text.replace(/[\t\n\f\r ]+$/, '');
    const kept = segments.filter((s) => s.text !== '');
    const out: ContentWords = { text: kept.map((s) => s.text).join(''), segments: kept };
    if (this.truncated) out.truncated = true;
    return out;
  }
}

