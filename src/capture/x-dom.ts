// Small DOM and URL helpers shared by the X readers. Pure: they only touch the nodes they
// are given (never `window`/`document`) and never read layout.

/** Hosts whose status links we treat as X permalinks. */
const X_HOSTS = new Set(['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com']);

export const tid = (id: string): string => `[data-testid="${id}"]`;

/** X's quoted post: a clickable `div[role=link]` holding a second author line. */
export function quotedBlocks(post: Element): Element[] {
  return Array.from(post.querySelectorAll('div[role="link"]')).filter(
    (d) => d.querySelector(tid('User-Name')) !== null || d.querySelector(tid('Tweet-User-Avatar')) !== null,
  );
}

/**
 * Elements matching `selector` inside `scope` that belong to `scope` itself: not inside a
 * quoted block (unless `scope` is that block) and not inside another post element.
 */
export function own(scope: Element, selector: string, quoted: Element[]): Element[] {
  return Array.from(scope.querySelectorAll(selector)).filter(
    (e) => !quoted.some((q) => q !== scope && q.contains(e)) && !nestedPost(scope, e),
  );
}

export function ownFirst(scope: Element, selector: string, quoted: Element[]): Element | null {
  return own(scope, selector, quoted)[0] ?? null;
}

function nestedPost(scope: Element, e: Element): boolean {
  const p = e.parentElement?.closest(tid('tweet'));
  return p != null && p !== scope && scope.contains(p);
}

/** Collapses runs of whitespace (names and labels are one line on X). */
export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Text of an element with emoji `<img alt>` read as their characters. */
export function inlineText(el: Element | null): string {
  if (!el) return '';
  let out = '';
  const walk = (n: Node): void => {
    if (n.nodeType === 3) out += n.nodeValue ?? '';
    else if (n.nodeType === 1) {
      const e = n as Element;
      if (e.tagName === 'IMG') out += e.getAttribute('alt') ?? '';
      else if (e.tagName !== 'svg' && e.tagName !== 'SVG' && e.tagName !== 'STYLE' && e.tagName !== 'SCRIPT') e.childNodes.forEach(walk);
    }
  };
  walk(el);
  return out;
}

/** Absolute URL for an attribute value, or undefined when it cannot be made absolute. */
export function absUrl(value: string | null | undefined, base: string): string | undefined {
  if (!value) return undefined;
  for (const b of [base, 'https://x.com/']) {
    try {
      return new URL(value, b).href;
    } catch {
      // try the next base; a saved page may carry an unusable pageUrl
    }
  }
  return undefined;
}

function parseUrl(value: string, base: string): URL | null {
  const href = absUrl(value, base);
  try {
    return href ? new URL(href) : null;
  } catch {
    return null;
  }
}

function isXHost(u: URL, base: string): boolean {
  if (X_HOSTS.has(u.hostname.toLowerCase())) return true;
  try {
    return u.host === new URL(base).host; // a relative href on a page served elsewhere
  } catch {
    return false;
  }
}

export interface StatusRef {
  id: string;
  handle: string;
  url: string;
}

const STATUS_PATH = /^\/([A-Za-z0-9_]{1,15}|i\/web)\/status(?:es)?\/(\d{1,25})(?:\/|$)/;

/**
 * `https://x.com/<handle>/status/<id>` from any status link (photo/analytics/history suffixes
 * dropped). `/i/status/<id>` and `/i/web/status/<id>` name no author ("i" is X's, not a user):
 * the handle is empty and the url the `/i/web/` form, which X serves for any post.
 */
export function statusRef(href: string | null, base: string): StatusRef | null {
  if (!href) return null;
  const u = parseUrl(href, base);
  if (!u || !isXHost(u, base)) return null;
  const m = STATUS_PATH.exec(u.pathname);
  if (!m || !m[1] || !m[2]) return null;
  const handle = m[1] === 'i' || m[1] === 'i/web' ? '' : m[1];
  return { id: m[2], handle, url: handle ? statusUrl(handle, m[2]) : `https://x.com/i/web/status/${m[2]}` };
}

export const statusUrl = (handle: string, id: string): string => `https://x.com/${handle}/status/${id}`;

const RESERVED = new Set(['i', 'home', 'explore', 'search', 'hashtag', 'settings', 'messages', 'notifications', 'compose']);

/** The handle of a profile link (`/name` on an X host), else null. */
export function profileHandle(href: string | null, base: string): string | null {
  if (!href) return null;
  const u = parseUrl(href, base);
  if (!u || !isXHost(u, base)) return null;
  const m = /^\/([A-Za-z0-9_]{1,15})\/?$/.exec(u.pathname);
  return m && m[1] && !RESERVED.has(m[1].toLowerCase()) ? m[1] : null;
}

/** Rewrites an X link to the canonical x.com host; other links unchanged. */
export function xCanonical(href: string): string {
  try {
    const u = new URL(href);
    if (X_HOSTS.has(u.hostname.toLowerCase())) u.hostname = 'x.com';
    return u.href;
  } catch {
    return href;
  }
}
