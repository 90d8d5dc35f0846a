import { escapeAttr } from './escape';
import { parseInline, writeInline, type InlineWriter } from './inline';

// User and page text → paragraphs. Every renderer goes through here so all formats agree on
// what a paragraph is, and so odd characters are dealt with once.

// Everything some consumer treats as a line break (U+2028/2029 break lines in YAML 1.1,
// in many editors and in old JS), folded into \n so no format sees a break the others miss.
const LINE_BREAKS = /\r\n|[\r\n\v\f\u0085\u2028\u2029]/g;
// C0/C1 controls (but tab and \n): invisible, illegal in HTML/XML, ESC drives terminals.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
// A lone half of a surrogate pair cannot be encoded as UTF-8 and breaks some parsers.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Normalised text: \n line breaks only, no control characters, well-formed UTF-16. */
export function cleanText(text: string | undefined): string {
  if (!text) return '';
  return text.replace(LINE_BREAKS, '\n').replace(CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** For names, handles, titles: one line, runs of whitespace as one space. */
export function oneLine(text: string | undefined): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/**
 * Splits on blank (or whitespace-only) lines. Each paragraph is its lines, trimmed: leading
 * spaces would mean "code block" in Markdown and nothing the writer intended elsewhere.
 */
export function paragraphs(text: string | undefined): string[][] {
  return cleanText(text)
    .split(/\n[ \t]*\n/)
    .map((block) => block.split('\n').map((line) => line.trim()).filter((line) => line !== ''))
    .filter((lines) => lines.length > 0);
}

/**
 * The writer's text as HTML: `<p>` per paragraph, single line breaks as `<br>`, links and
 * emphasis as elements (inline.ts). `escape` is the caller's HTML escaper for the words; an
 * address is an attribute value, always http(s).
 */
export function htmlParagraphs(text: string | undefined, escape: (s: string) => string): string[] {
  const w: InlineWriter = {
    text: (t) => escape(t),
    strong: (inner) => `<strong>${inner}</strong>`,
    em: (inner) => `<em>${inner}</em>`,
    link: (inner, href) => `<a href="${escapeAttr(href)}">${inner}</a>`,
  };
  return paragraphs(text).map((lines) => `<p>${lines.map((line) => writeInline(parseInline(line), w)).join('<br>')}</p>`);
}

/** Lines with at most one blank line in a row and none at either end (for quoted posts). */
export function tidyBlankLines(lines: string[]): string[] {
  const kept = lines.map((l) => l.trimEnd()).filter((l, i, all) => l || (i > 0 && all[i - 1]));
  while (kept.length && !kept[kept.length - 1]) kept.pop();
  while (kept.length && !kept[0]) kept.shift();
  return kept;
}
