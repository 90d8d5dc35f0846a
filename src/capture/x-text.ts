// Rich text: turns a `tweetText` element into Segments, reading the DOM as X renders it.
// X wraps each entity (link, @mention, #hashtag, $cashtag) in an element with a `dir`
// attribute: an <a> in a normal post, a bare <span> inside a quoted post (whose whole
// block is one link). Emoji are <img alt="🙂">.
import type { Segment } from '../model/post';
import { absUrl, profileHandle, xCanonical } from './x-dom';

const MENTION = /^@([A-Za-z0-9_]{1,15})$/;
const TAG = /^([#$])(\S+)$/u;
const ELLIPSIS = /…$/;

/** Segments of a rich text element, trimmed, adjacent text merged. */
export function richSegments(root: Element, pageUrl: string): Segment[] {
  const out: Segment[] = [];
  walkInto(root, out, pageUrl);
  return tidy(out);
}

/** The plain text of segments: what a reader sees, links as their real targets. */
export const segmentsText = (segs: Segment[]): string => segs.map((s) => s.text).join('');

export function walkInto(el: Element, out: Segment[], pageUrl: string): void {
  el.childNodes.forEach((n) => {
    if (n.nodeType === 3) out.push({ kind: 'text', text: n.nodeValue ?? '' });
    else if (n.nodeType === 1) readElement(n as Element, out, pageUrl);
  });
}

function readElement(e: Element, out: Segment[], pageUrl: string): void {
  const tag = e.tagName.toUpperCase();
  if (tag === 'IMG') {
    const alt = e.getAttribute('alt');
    if (alt) out.push({ kind: 'emoji', text: alt });
    return;
  }
  if (tag === 'BR') return void out.push({ kind: 'text', text: '\n' });
  if (tag === 'SVG' || tag === 'SCRIPT' || tag === 'STYLE' || tag === 'BUTTON') return;
  const entity = tag === 'A' || e.hasAttribute('dir') ? readEntity(e, pageUrl) : null;
  if (entity) out.push(entity);
  else walkInto(e, out, pageUrl);
}

/** A link/mention/tag segment for an entity wrapper, or null to read it as plain text. */
function readEntity(e: Element, pageUrl: string): Segment | null {
  const shown = e.textContent ?? '';
  const text = shown.trim();
  const rawHref = e.tagName.toUpperCase() === 'A' ? e.getAttribute('href') : null;
  const href = rawHref ? absUrl(rawHref, pageUrl) : undefined;
  const mention = MENTION.exec(text);
  if (mention && (!href || profileHandle(href, pageUrl))) {
    return { kind: 'mention', text, href: `https://x.com/${mention[1]}` };
  }
  const tag = TAG.exec(text);
  if (tag && tag[2]) return { kind: 'hashtag', text, href: href ? cleanTagHref(href) : tagHref(tag[1] ?? '#', tag[2]) };
  const expanded = fullUrl(text.replace(ELLIPSIS, ''));
  if (href) {
    // X shows t.co links abbreviated but keeps the whole target URL in hidden spans:
    // the expanded URL is the text, the anchor's own href the target.
    const visible = expanded ?? (ELLIPSIS.test(text) ? href : text);
    return { kind: 'link', text: visible, href: xCanonical(href) };
  }
  return expanded ? { kind: 'link', text: expanded, href: expanded } : null;
}

function fullUrl(s: string): string | undefined {
  if (!/^https?:\/\/\S+$/i.test(s)) return undefined;
  try {
    new URL(s);
    return s;
  } catch {
    return undefined;
  }
}

function tagHref(sigil: string, name: string): string {
  return sigil === '#'
    ? `https://x.com/hashtag/${encodeURIComponent(name)}`
    : `https://x.com/search?q=${encodeURIComponent('$' + name)}&src=cashtag_click`;
}

/** Drops X's click-tracking `src=hashtag_click` from hashtag links. */
function cleanTagHref(href: string): string {
  try {
    const u = new URL(xCanonical(href));
    if (u.searchParams.get('src') === 'hashtag_click') u.searchParams.delete('src');
    return u.href;
  } catch {
    return href;
  }
}

/** Merges adjacent text, drops empty segments, trims the ends (X trims posts on send). */
export function tidy(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segs) {
    const last = out[out.length - 1];
    if (s.kind === 'text' && last?.kind === 'text') last.text += s.text;
    else if (s.text !== '') out.push({ ...s });
  }
  const first = out[0];
  if (first?.kind === 'text') first.text = first.text.trimStart();
  const end = out[out.length - 1];
  if (end?.kind === 'text') end.text = end.text.trimEnd();
  return out.filter((s) => s.text !== '');
}
