// Where a post sits in a thread, as X draws it: a line runs from the avatar of each post of a
// conversation thread to the next one. X's class names change with every build, so the lines
// are found by shape, not class: an element with no content in the avatar's column, after
// the avatar (the line down to the next post), or in the row above the avatar's (the line up
// from the previous one).
import type { ThreadPosition } from '../model/post';
import { ownFirst, tid } from './x-dom';

const isLine = (el: Element | null | undefined): boolean => !!el && el.childElementCount === 0 && !el.textContent?.trim();

/** A line after the avatar in its column: the thread goes on below. */
function lineBelow(avatar: Element): boolean {
  for (let next = avatar.nextElementSibling; next; next = next.nextElementSibling) if (isLine(next)) return true;
  return false;
}

/**
 * The row above the avatar's row holds, before the spacer every post has there, a column
 * with only a line in it: the thread comes from above.
 */
function lineAbove(avatarRow: Element): boolean {
  const row = avatarRow.previousElementSibling?.firstElementChild;
  if (!row || row.childElementCount < 2) return false;
  const column = row.firstElementChild;
  return !!column && column.childElementCount === 1 && isLine(column.firstElementChild);
}

/** `first`, `middle` or `last` in a thread X shows joined by lines; undefined for a post on its own. */
export function readThreadPosition(post: Element, quoted: Element[]): ThreadPosition | undefined {
  const avatar = ownFirst(post, tid('Tweet-User-Avatar'), quoted); // not a quoted post's
  const column = avatar?.parentElement;
  const avatarRow = column?.parentElement;
  if (!avatar || !avatarRow) return undefined;
  const below = lineBelow(avatar);
  const above = lineAbove(avatarRow);
  if (above && below) return 'middle';
  if (below) return 'first';
  if (above) return 'last';
  return undefined;
}
