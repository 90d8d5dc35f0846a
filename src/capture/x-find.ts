// Finding post elements on a page, cheaply: these run on every mutation of an infinite
// timeline, so they use selector lookups and regexes only (no layout, no URL parsing).
import { tid } from './x-dom';
import { AD_LABEL_MAX, AD_LABELS } from './x-words';

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

const PLACEMENT = tid('placementTracking');
// The parts of X's own video player: X wraps every player in `placementTracking` too.
const PLAYER = [tid('videoPlayer'), tid('videoComponent'), tid('playButton'), tid('previewInterstitial')].join(', ');
// Where a post's own words are: an ad label is none of these.
const NOT_A_LABEL = [tid('tweetText'), tid('User-Name'), tid('socialContext'), tid('card.wrapper')].join(', ');

/**
 * An ad. Found as Control Panel for Twitter finds one, in any language: X renders an ad inside
 * a `placementTracking` element (github.com/insin/control-panel-for-twitter, `getTweetType`).
 * X also wraps every video player in one, so a `placementTracking` inside the post that is a
 * player's (in a photo slot, or holding the player's own parts) is not a sign. Last, X's own
 * label "Ad"/"Promoted" in any of the languages of x-words.ts, standing alone outside the
 * post's words.
 *
 * Hot path (every post X adds to the page): two selector lookups, then the post's text read in
 * one native call; its spans are walked only when a label occurs in that text.
 */
export function isPromoted(post: Element): boolean {
  if (post.parentElement?.closest(PLACEMENT)) return true;
  const inner = post.querySelectorAll(PLACEMENT);
  for (let i = 0; i < inner.length; i++) {
    const p = inner[i]!;
    if (!p.closest(tid('tweetPhoto')) && !p.querySelector(PLAYER)) return true;
  }
  return hasAdLabel(post);
}

// Any of the labels, as plain substrings: the sieve below counts them in a text.
const ANY_AD_LABEL = new RegExp([...AD_LABELS].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
const labelsIn = (text: string | null): number => text?.match(ANY_AD_LABEL)?.length ?? 0;

/** A span holding nothing but one of X's ad labels, outside the post's own words. */
function hasAdLabel(post: Element): boolean {
  // Hot path: a sieve first, from texts read in one native call each, so the spans are walked
  // (each one's text read into a string) only for a post that may hold a label. Walking every
  // span of every post instead tripled the content script's cost. A label occurs in the post's
  // whole text, and outside its words: more often there than in the words themselves (an
  // author's "Add", a name's "Adam"). Counting is sound where word boundaries are not: the
  // whole text runs the spans' texts together with nothing between them.
  const all = labelsIn(post.textContent);
  if (all === 0) return false;
  let inWords = 0;
  const words = post.querySelectorAll(NOT_A_LABEL);
  for (let i = 0; i < words.length; i++) {
    const region = words[i]!;
    const outer = region.parentElement?.closest(NOT_A_LABEL);
    if (!outer || !post.contains(outer)) inWords += labelsIn(region.textContent); // one inside another counts with it
  }
  if (all <= inWords) return false;
  const spans = post.getElementsByTagName('span');
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const text = span.firstChild;
    if (!text || text !== span.lastChild || text.nodeType !== 3) continue;
    const value = text.nodeValue ?? '';
    // Whitespace around a label is allowed (pretty-printed pages), a longer text never is one.
    if (value.length > AD_LABEL_MAX + 40) continue;
    const word = value.trim();
    if (word.length > AD_LABEL_MAX || !AD_LABELS.has(word)) continue;
    if (!span.closest(NOT_A_LABEL)) return true;
  }
  return false;
}
