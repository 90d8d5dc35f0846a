// A message with an element inside it (a link, a bold name): the element's place is given to
// `t()` as ELEMENT, and `withElement` puts the element there — the words around it stay the
// translator's, in whatever order their language wants.
import type { JSX } from 'preact';

/** Stands for the element in a message (a private-use character: no message holds one). */
export const ELEMENT = '\uE000';

/** `text` with `element` where ELEMENT is; `text` alone if it has no place for it. */
export function withElement(text: string, element: JSX.Element): string | JSX.Element {
  const at = text.indexOf(ELEMENT);
  return at < 0 ? text : <>{text.slice(0, at)}{element}{text.slice(at + ELEMENT.length)}</>;
}
