// Links and emphasis in the writer's own words (introduction, lead-ins, commentary, closing,
// signature), typed as Markdown-style text: `[words](https://…)`, `**strong**`, `*emphasis*`,
// and `\*` for an asterisk that is only an asterisk. One line is read into a small tree here;
// each format renders the tree its own way (HTML and WordPress as elements, Markdown as
// written, plain text as "words (URL)"), every text leaf through that format's one escaper.
// Only http(s) addresses become links (escape.ts `safeUrl`): `[x](javascript:…)` stays the
// characters typed. Nothing here is HTML: a leaf is text, whatever it holds.
import { safeUrl } from './escape';

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

/** What a backslash makes literal: the characters that mean something here. */
const ESCAPABLE = new Set(['\\', '*', '[', ']', '(', ')']);
/** Nesting deeper than this (`***…`) is read as text: no writer means it, and it bounds the work. */
const MAX_DEPTH = 4;

/** One line of the writer's text as text, strong, emphasis and links. */
export function parseInline(line: string): Inline[] {
  return parse(line, 0);
}

function parse(s: string, depth: number): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && ESCAPABLE.has(s[i + 1]!)) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (depth < MAX_DEPTH && c === '[') {
      const link = readLink(s, i);
      if (link) {
        flush();
        out.push({ kind: 'link', href: link.href, children: parse(link.words, depth + 1) });
        i = link.end;
        continue;
      }
    }
    if (depth < MAX_DEPTH && c === '*') {
      const strong = s.startsWith('**', i);
      const mark = strong ? '**' : '*';
      const close = closing(s, i + mark.length, mark);
      if (close > 0) {
        flush();
        out.push({ kind: strong ? 'strong' : 'em', children: parse(s.slice(i + mark.length, close), depth + 1) });
        i = close + mark.length;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

/**
 * Where the emphasis opened at `from` closes: the next unescaped `mark` with words between that
 * neither start nor end with a space (`2 * 3 * 4` is arithmetic, not emphasis). For `*`, the
 * closer is not part of a `**`. -1 when it does not close on this line.
 */
function closing(s: string, from: number, mark: string): number {
  if (from >= s.length || /\s/.test(s[from]!)) return -1;
  for (let j = from; j < s.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (s[j] === '[') {
      // A link inside is skipped whole: its words may hold the mark.
      const link = readLink(s, j);
      if (link) {
        j = link.end - 1;
        continue;
      }
    }
    if (!s.startsWith(mark, j) || j === from || /\s/.test(s[j - 1]!)) continue;
    if (mark === '*' && (s[j + 1] === '*' || s[j - 1] === '*')) {
      // Part of a `**`: an inner strong, skipped whole.
      if (s[j + 1] === '*') {
        const inner = closing(s, j + 2, '**');
        if (inner > 0) {
          j = inner + 1;
          continue;
        }
      }
      continue;
    }
    return j;
  }
  return -1;
}

/** `[words](address)` at `at`: the words, the address (http(s) only, as `safeUrl` writes it) and where it ends. */
function readLink(s: string, at: number): { words: string; href: string; end: number } | null {
  let j = at + 1;
  let words = '';
  for (; j < s.length && s[j] !== ']'; j++) {
    if (s[j] === '[') return null;
    if (s[j] === '\\' && j + 1 < s.length) words += s[j++]!;
    words += s[j]!;
  }
  if (j >= s.length || !words.trim() || s[j + 1] !== '(') return null;
  // The address: no spaces; parentheses inside only in balanced pairs (Wikipedia's `_(film)`).
  let k = j + 2;
  let open = 0;
  for (; k < s.length; k++) {
    const c = s[k]!;
    if (/\s/.test(c)) return null;
    if (c === '(') open++;
    else if (c === ')') {
      if (open === 0) break;
      open--;
    }
  }
  if (k >= s.length) return null;
  const raw = s.slice(j + 2, k);
  const href = /^https?:\/\//i.test(raw) ? safeUrl(raw) : null;
  return href ? { words, href, end: k + 1 } : null;
}

/** The words alone, as a reader sees them (a link's words, not its address). */
export function inlineText(nodes: Inline[]): string {
  return nodes.map((n) => (n.kind === 'text' ? n.text : inlineText(n.children))).join('');
}

/** How a format writes each kind of node: `text` escapes a leaf; the others wrap what is inside, already written. */
export interface InlineWriter {
  /** `beforeLink`: a link follows this text directly (Markdown reads `!` then a link as an image). */
  text(text: string, atLineStart: boolean, beforeLink: boolean): string;
  strong(inner: string): string;
  em(inner: string): string;
  link(inner: string, href: string): string;
}

/** The nodes written out by `w`, depth first; `atLineStart` is true for the line's first leaf only. */
export function writeInline(nodes: Inline[], w: InlineWriter): string {
  let first = true;
  const walk = (ns: Inline[]): string =>
    ns
      .map((n, i) => {
        if (n.kind === 'text') {
          const out = w.text(n.text, first, ns[i + 1]?.kind === 'link');
          first = false;
          return out;
        }
        // A wrapper's marks come first on the line: what follows them is not at its start.
        first = false;
        const inner = walk(n.children);
        return n.kind === 'strong' ? w.strong(inner) : n.kind === 'em' ? w.em(inner) : w.link(inner, n.href);
      })
      .join('');
  return walk(nodes);
}
