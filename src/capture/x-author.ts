// The author line (`User-Name`), avatar and the "social context" line above a post.
import type { Author } from '../model/post';
import { absUrl, collapse, inlineText, own, ownFirst, profileHandle, tid } from './x-dom';

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

/** "hdf reposted" → repostedBy "hdf"; "Pinned" → pinned. Other contexts are ignored. */
export function readSocialContext(post: Element, quoted: Element[]): SocialContext {
  const out: SocialContext = {};
  for (const ctx of own(post, tid('socialContext'), quoted)) {
    const all = collapse(inlineText(ctx));
    if (/^pinned\b/i.test(all)) out.pinned = true;
    else if (/\b(reposted|retweeted)\b/i.test(all)) {
      const who = collapse(inlineText(ctx.querySelector('[dir]')));
      out.repostedBy = who || collapse(all.replace(/\s*\b(reposted|retweeted)\b.*$/i, ''));
    }
  }
  return out;
}

/** "Replying to @x" (shown on some replies): the first handle after the words. */
export function readReplyTo(post: Element, quoted: Element[], pageUrl: string): string | undefined {
  const walker = post.ownerDocument.createTreeWalker(post, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const words = (n.nodeValue ?? '').trim();
    const at = n.parentElement;
    if (!/^Replying to\b/i.test(words) || !at || at.closest(tid('tweetText'))) continue;
    if (quoted.some((q) => q.contains(at))) continue;
    const inline = /^Replying to\s+@([A-Za-z0-9_]{1,15})/i.exec(words)?.[1];
    if (inline) return inline;
    // The handle is a link next to the words: look in the nearest few ancestors.
    for (let box: Element | null = at, i = 0; box && box !== post && i < 4; box = box.parentElement, i++) {
      for (const a of Array.from(box.querySelectorAll('a[href]'))) {
        const h = profileHandle(a.getAttribute('href'), pageUrl) ?? HANDLE_TEXT.exec(collapse(a.textContent ?? ''))?.[1];
        if (h) return h;
      }
    }
  }
  return undefined;
}
