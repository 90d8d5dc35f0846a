// Escaping for each output format. Every string that came from a page or the user passes
// through one of these before it reaches the output; templates only add fixed markup.

const HTML_SPECIALS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * For text content. Only `&`, `<`, `>`: quotes mean nothing between tags, and leaving them
 * as typed keeps the output readable and identical to what WordPress's editor would save.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => HTML_SPECIALS[c] ?? c);
}

/** For attribute values (always written double-quoted; `'` too, should anyone change that). */
export function escapeAttr(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_SPECIALS[c] ?? c);
}

/**
 * The URL normalised by the WHATWG parser, or null unless it is http: or https:.
 * `base` resolves relative hrefs (a page's `/hashtag/x`); it never changes the scheme rule.
 */
export function safeUrl(raw: string | undefined, base?: string): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = base && safeUrl(base) ? new URL(raw.trim(), base) : new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // The URL parser lets through hosts no site has (`https://"/`, `https://&lt;/`); a link
  // to one is a mistake or a trick, never worth emitting.
  return HOST.test(url.hostname) ? url.href : null;
}

// A DNS name (after IDNA, so ASCII), an IPv4 address, or a bracketed IPv6 address.
const HOST = /^(?:[a-z0-9_-]+\.)*[a-z0-9_-]+\.?$|^\[[0-9a-f:.]+\]$/i;

// Characters that mean something anywhere on a Markdown line (CommonMark + GFM tables and
// strikethrough) or to templating run over Markdown (Liquid/Hugo `{{`, `{%`). `&` so an
// entity like `&lt;` shows as typed. A backslash before ASCII punctuation always means
// "literal" in CommonMark.
const MD_INLINE = /[\\`*_[\]<>#|~{}&]/g;
// Significant only at the start of a line: list markers, setext underlines, ordered lists.
const MD_LINE_START = /^([-+=]|\d+[.)])/;

/**
 * Markdown text that renders as exactly these characters. `atLineStart: false` for a piece
 * that follows other text on its line (where `-` or `1.` mean nothing).
 */
export function escapeMarkdown(line: string, atLineStart = true): string {
  const escaped = line.replace(MD_INLINE, (c) => `\\${c}`);
  if (!atLineStart) return escaped;
  return escaped.replace(MD_LINE_START, (m) =>
    /^\d/.test(m) ? `${m.slice(0, -1)}\\${m.slice(-1)}` : `\\${m}`,
  );
}

/**
 * A safeUrl result made safe as a Markdown link destination: the URL parser leaves
 * parentheses, quotes and a few others as they are, and they would end the link early.
 */
export function markdownUrl(href: string): string {
  // safeUrl output is ASCII, so each match is one byte. `&` is backslash-escaped instead:
  // CommonMark decodes entities in a destination (`&lt;` would turn into `<`), and `%26`
  // would change what a query string means.
  return href
    .replace(/[()<> "'`\\{}]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/&/g, '\\&');
}
