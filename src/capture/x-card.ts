// Link cards: the preview box X draws for a link in a post (`card.wrapper`). Two layouts
// are seen on real pages, and every part of either links to the same place:
//   small (`card.layoutSmall.*`): the image beside a detail block whose lines are the
//     domain, then the title;
//   large (`card.layoutLarge.*`): the title over the image; the domain shows only in the
//     link's aria-label ("domain title") and in a "From domain" link after the card.
// Best effort: an unexpected DOM gives no card, never an error (and no partial post).
import type { LinkCard } from '../model/post';
import { absUrl, collapse, inlineText, own, tid } from './x-dom';
import { PHOTO_NO_ALT } from './x-words';

// A host name as X prints it: dot-separated labels, non-ASCII letters allowed.
const HOST = /^(?:[\p{L}\p{N}-]+\.)+[\p{L}\p{N}-]{2,}$/u;
const CARD_IMAGE = `${tid('card.layoutLarge.media')} img, ${tid('card.layoutSmall.media')} img`;

/** The card of `scope` (a post or its quoted block); a quoted post's card is not the quoting post's. */
export function readCard(scope: Element, quoted: Element[], pageUrl: string): LinkCard | undefined {
  try {
    const box = own(scope, tid('card.wrapper'), quoted)[0];
    return box ? readBox(box, pageUrl) : undefined;
  } catch {
    return undefined;
  }
}

function readBox(box: Element, pageUrl: string): LinkCard | undefined {
  // A card without a link (a poll, for one) is no link card.
  const link = box.querySelector('a[href]');
  const url = link ? webUrl(link.getAttribute('href'), pageUrl, /^https?:$/) : undefined;
  if (!link || !url) return undefined;
  const detail = box.querySelector(tid('card.layoutSmall.detail'));
  const lines = textLines(detail ?? box);
  // The link's label starts with the domain; a small card's first line is the domain.
  const domain = [words(link.getAttribute('aria-label'))[0], lines[0], ...words(fromLine(box))].find(isHost);
  // A large card may show only its domain over the image: then there is no title.
  const [title, description] = domain && lines[0] === domain ? lines.slice(1) : lines;
  const card: LinkCard = { url };
  if (title) card.title = title;
  if (domain) card.domain = domain;
  if (description) card.description = description;
  const image = readImage(box, pageUrl);
  if (image) card.image = image;
  return card;
}

/** The visible lines: X puts each in its own `dir` element (the innermost, when nested). */
function textLines(root: Element): string[] {
  return Array.from(root.querySelectorAll('[dir]'))
    .filter((e) => !e.querySelector('[dir]'))
    .map((e) => collapse(inlineText(e)))
    .filter((line) => line !== '');
}

/** The "From example.com" link X draws right after a large card (the words vary by language). */
function fromLine(box: Element): string | null {
  const next = box.nextElementSibling;
  return next?.tagName.toUpperCase() === 'A' ? next.textContent : null;
}

const words = (s: string | null | undefined): string[] => collapse(s ?? '').split(' ');
const isHost = (s: string | undefined): s is string => s !== undefined && HOST.test(s);

/** The card's picture. Only https counts: X serves them so, and a `data:` or `http:` one is no X picture. */
function readImage(box: Element, pageUrl: string): LinkCard['image'] {
  const img = box.querySelector(CARD_IMAGE);
  const url = img ? webUrl(img.getAttribute('src'), pageUrl, /^https:$/) : undefined;
  if (!img || !url) return undefined;
  const alt = collapse(img.getAttribute('alt') ?? '');
  // X's "Image" (in the page's language) labels a picture without a description: no alt text.
  return alt && !PHOTO_NO_ALT.has(alt) ? { url, alt } : { url };
}

/** An absolute URL whose scheme matches `scheme` (`javascript:` and `data:` never do). */
function webUrl(value: string | null, pageUrl: string, scheme: RegExp): string | undefined {
  const href = absUrl(value, pageUrl);
  return href && scheme.test(new URL(href).protocol) ? href : undefined;
}
