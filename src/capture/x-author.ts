// The author line (`User-Name`), avatar and the "social context" line above a post.
import type { Author } from '../model/post';
import { absUrl, collapse, inlineText, own, ownFirst, profileHandle, tid } from './x-dom';
import { PINNED, REPLYING_TO, REPOSTED } from './x-words';

const HANDLE_TEXT = /^@([A-Za-z0-9_]{1,15})$/;

/** Author of `scope` (a post or its quoted block); fields X did not show are left empty. */
export function readAuthor(scope: Element, quoted: Element[], pageUrl: string, fallbackHandle: string): Author {
  const line = ownFirst(scope, tid('User-Name'), quoted);
  const handle = (line && (handleText(line) ?? linkHandle(line, pageUrl))) || avatarHandle(scope, quoted) || fallbackHandle;
  // The display name is the first `dir` block of the line (the badges and @handle follow it).
  const name = line ? collapse(inlineText(line.querySelector('[dir]'))) : '';
  const author: Author = { name, handle };
  const img = ownFirst(scope, `${tid('Tweet-User-Avatar')} img`, quoted);
  const avatarUrl = absUrl(img?.getAttribute('src'), pageUrl);
  if (avatarUrl) author.avatarUrl = avatarUrl;
  if (handle) author.profileUrl = `https://x.com/${handle}`;
  return author;
}

/** The "@handle" text X prints in the author line. */
function handleText(line: Element): string | null {
  const doc = line.ownerDocument;
  const walker = doc.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const m = HANDLE_TEXT.exec((n.nodeValue ?? '').trim());
    if (m?.[1]) return m[1];
  }
  return null;
}

function linkHandle(line: Element, pageUrl: string): string | null {
  for (const a of Array.from(line.querySelectorAll('a[href]'))) {
    const h = profileHandle(a.getAttribute('href'), pageUrl);
    if (h) return h;
  }
  return null;
}

/** `UserAvatar-Container-<handle>` names the author even when the text line is gone. */
function avatarHandle(scope: Element, quoted: Element[]): string {
  const box = ownFirst(scope, '[data-testid^="UserAvatar-Container-"]', quoted);
  const m = /^UserAvatar-Container-([A-Za-z0-9_]{1,15})$/.exec(box?.getAttribute('data-testid') ?? '');
  return m?.[1] ?? '';
}

export interface SocialContext {
  repostedBy?: string;
  pinned?: boolean;
}

// The icon beside X's "social context" line says what the line is, in any language (as
// Control Panel for Twitter tells them apart: github.com/insin/control-panel-for-twitter,
// `getTweetType`). Each shape by the start of its SVG path, as X has drawn it.
const REPOST_ICONS = [
  'M4.75 3.79l4.603 4.3-1.706 1.82L6 8.38v7', // the line's icon on the saved real pages (2024-11, 2025-11)
  'M4.5 3.88l4.432 4.14-1.364 1.46L5.5 7.55V16', // X's repost button (saved page 2025-11; CPFT's RETWEET)
];
const PIN_ICONS = [
  'M7 4.5C7 3.12 8.12 2 9.5 2h5C15.88 2 17 3.12 17 4.5v5.26L20.12 16H13v5l-1 2-1-2v-5H3.88L7', // saved profile page, 2025-11
  'M13 21l-1 2-1-2v-5H4.5v-2.287l', // CPFT's pinned-post icon
];
// Known lines that are neither: their words are never read as a repost or a pin.
const OTHER_ICONS = [
  'M7.471 21H.472l.029-1.027c.184', // a post in a Community (CPFT's community icon)
];

/** What a line is; null when its icon is none of those known (then its words tell). */
type ContextKind = 'repost' | 'pin' | 'other' | null;

/**
 * "hdf reposted" → repostedBy "hdf"; "Pinned" → pinned. Other contexts (a community, "liked")
 * are ignored. The icon tells which line it is; X's wording (x-words.ts) only when the icon
 * is one not known here. The reposter is the name's own element: X sets it apart from the
 * words around it in every language.
 */
export function readSocialContext(post: Element, quoted: Element[]): SocialContext {
  const out: SocialContext = {};
  for (const ctx of own(post, tid('socialContext'), quoted)) {
    const all = collapse(inlineText(ctx));
    const nameEl = ctx.querySelector('[dir]');
    const name = collapse(inlineText(nameEl));
    const kind = iconKind(ctx, post) ?? wordKind(all, name);
    if (kind === 'pin') out.pinned = true;
    else if (kind === 'repost') out.repostedBy = name || nameFromWords(all) || all;
  }
  return out;
}

/** The kind of the icon in the context line's row: the nearest box round the line that holds an icon. */
function iconKind(ctx: Element, post: Element): ContextKind {
  for (let box = ctx.parentElement; box && box !== post; box = box.parentElement) {
    // Past the line's own row: the avatar and author line belong to the post.
    if (box.querySelector(`${tid('Tweet-User-Avatar')}, ${tid('User-Name')}`)) return null;
    // An icon in the line itself (a badge by the name) is not the line's.
    const path = Array.from(box.querySelectorAll('svg path')).find((p) => !ctx.contains(p));
    const d = path?.getAttribute('d');
    if (d == null) continue;
    if (REPOST_ICONS.some((p) => d.startsWith(p))) return 'repost';
    if (PIN_ICONS.some((p) => d.startsWith(p))) return 'pin';
    if (OTHER_ICONS.some((p) => d.startsWith(p))) return 'other';
    return null;
  }
  return null;
}

function wordKind(all: string, name: string): ContextKind {
  if (PINNED.some((w) => all === w || all.startsWith(`${w} `))) return 'pin';
  if (name && REPOSTED.some(([before, after]) => collapse(before + name + after) === all)) return 'repost';
  return nameFromWords(all) ? 'repost' : null;
}

/** The name in "<name> reposted" read from the words alone (a line whose name has no element of its own). */
function nameFromWords(all: string): string {
  for (const [before, after] of REPOSTED) {
    const b = collapse(before);
    const a = collapse(after);
    if (all.length > b.length + a.length && all.startsWith(b) && all.endsWith(a)) {
      const name = collapse(all.slice(b.length, all.length - a.length));
      if (name) return name;
    }
  }
  return '';
}

// Where a post's own handles are: its author lines, text, card and context line.
const NOT_A_REPLY = [tid('User-Name'), tid('tweetText'), tid('card.wrapper'), tid('socialContext'), tid('birdwatch-pivot')].join(', ');

/**
 * "Replying to @x" (shown on some replies): the first handle of it. Found by its place, in any
 * language: a link to a profile that reads "@handle", outside the post's author lines, text,
 * card and quoted post, before the post's text. A handle X printed as plain text is read from
 * X's wording (x-words.ts).
 */
export function readReplyTo(post: Element, quoted: Element[], pageUrl: string): string | undefined {
  const text = ownFirst(post, tid('tweetText'), quoted);
  for (const a of own(post, 'a[href]', quoted)) {
    if (text && !(a.compareDocumentPosition(text) & 4 /* text follows */)) break;
    if (a.closest(NOT_A_REPLY)) continue;
    const shown = HANDLE_TEXT.exec(collapse(a.textContent ?? ''))?.[1];
    const linked = profileHandle(a.getAttribute('href'), pageUrl);
    if (shown && linked && shown.toLowerCase() === linked.toLowerCase()) return shown;
  }
  return inlineReplyTo(post, quoted, text);
}

const INLINE_HANDLE = /@([A-Za-z0-9_]{1,15})/;

/** "Replying to @x" as one text, in X's wording. */
function inlineReplyTo(post: Element, quoted: Element[], text: Element | null): string | undefined {
  const walker = post.ownerDocument.createTreeWalker(post, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = n.parentElement;
    if (!at || at.closest(NOT_A_REPLY) || quoted.some((q) => q.contains(at))) continue;
    if (text && !(at.compareDocumentPosition(text) & 4)) break;
    const words = collapse(n.nodeValue ?? '');
    if (!words.includes('@')) continue;
    for (const [before, after] of REPLYING_TO) {
      const b = collapse(before);
      const a = collapse(after);
      if (b && !words.startsWith(b)) continue;
      const rest = words.slice(b.length).trimStart();
      const m = INLINE_HANDLE.exec(rest);
      if (!m?.[1] || m.index !== 0) continue;
      // The words after the handle, when X's wording has some, follow it.
      if (!b && !(a && rest.slice(m[0].length).trimStart().startsWith(a))) continue;
      return m[1];
    }
  }
  return undefined;
}
