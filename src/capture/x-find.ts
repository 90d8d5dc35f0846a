// Finding post elements on a page, cheaply: these run on every mutation of an infinite
// timeline, so they use selector lookups and regexes only (no layout, no URL parsing).
import { tid } from './x-dom';

const STATUS_ID = /\/status(?:es)?\/(\d{1,25})(?:[/?#]|$)/;

/**
 * `x:<id>` of the element's own permalink. Hot path (every post of an infinite timeline):
 * one tag lookup and a regex, no URL parsing. A quoted post's time has no link, so the
 * first time inside a status link is the post's own.
 */
export function postIdOf(el: Element): string | null {
  try {
    // The first time inside a status link that is itself inside the post (`:scope` keeps an
    // enclosing link of the page's out).
    const time = el.querySelector(':scope a[href*="/status"] time');
    let m = STATUS_ID.exec(time?.closest('a')?.getAttribute('href') ?? '');
    if (m?.[1]) return `x:${m[1]}`;
    const a = el.querySelector('a[href$="/analytics"], a[href$="/history"]');
    m = STATUS_ID.exec(a?.getAttribute('href') ?? '');
    return m?.[1] ? `x:${m[1]}` : null;
  } catch {
    return null;
  }
}

/**
 * The post elements to decorate, in document order: every `article[data-testid=tweet]`,
 * and a `div[data-testid=tweet]` only when it wraps no article. Promoted posts are skipped.
 */
export function findPostElements(root: ParentNode): Element[] {
  try {
    const all = Array.from(root.querySelectorAll(tid('tweet')));
    const self = root as Partial<Element>;
    if (typeof self.matches === 'function' && self.matches(tid('tweet'))) all.unshift(root as Element);
    return all.filter((e) => (e.tagName.toUpperCase() === 'ARTICLE' || !e.querySelector(`article${tid('tweet')}`)) && !isPromoted(e));
  } catch {
    return [];
  }
}

// A word "Ad" or "Promoted" anywhere in the post's text: only then are its spans looked at.
const AD_WORD = /(?:^|[^\p{L}\p{N}])(?:Ad|Promoted)(?:[^\p{L}\p{N}]|$)/u;

/**
 * An ad: inside a `placementTracking` wrapper, or labelled "Ad"/"Promoted". X also wraps
 * every video player in `placementTracking`, so one inside the media is not a sign.
 * Hot path (every new post): the label check first reads the post's text in one native call
 * and walks its spans only when one of the two words occurs at all.
 */
export function isPromoted(post: Element): boolean {
  if (post.parentElement?.closest(tid('placementTracking'))) return true;
  for (const p of Array.from(post.querySelectorAll(tid('placementTracking')))) {
    if (!p.closest(tid('tweetPhoto')) && !p.querySelector(tid('videoPlayer'))) return true;
  }
  const text = post.textContent ?? '';
  // A plain substring search first: the Unicode-aware pattern runs only on the rare post
  // whose text holds either word at all.
  if ((!text.includes('Ad') && !text.includes('Promoted')) || !AD_WORD.test(text)) return false;
  return Array.from(post.getElementsByTagName('span')).some((s) => {
    if (s.childElementCount > 0) return false;
    const t = s.textContent?.trim();
    if (t !== 'Ad' && t !== 'Promoted') return false;
    return !s.closest(`${tid('tweetText')}, ${tid('User-Name')}, ${tid('socialContext')}`);
  });
}
