// @vitest-environment happy-dom
// A post that arrives after the tab learnt which posts are clipped (infinite scroll) shows its
// state at once: select mode's marker and the button's pressed state.
import { describe, expect, it } from 'vitest';
import { createClipBook } from '../../src/content/clip-book';
import type { ClipButtons } from '../../src/content/clip-buttons';
import { showNewPost } from '../../src/content/show-post';
import { CLIPPED_ATTRIBUTE } from '../../src/content/attributes';

function fakeButtons() {
  const decorated: Array<[string, boolean]> = [];
  const buttons: ClipButtons = {
    decorate: (_post, postId, pressed) => void decorated.push([postId, pressed]),
    of: () => [],
    setEnabled: () => {},
    removeAll: () => {},
  };
  return { buttons, decorated };
}

describe('a post that appears on the page', () => {
  it('is marked clipped, with its button pressed, when the roundup holds it', () => {
    const book = createClipBook();
    book.apply({ roundupId: 'r', count: 1, clipped: ['x:1'], at: 1 });
    const { buttons, decorated } = fakeButtons();
    const clipped = document.createElement('article');
    const other = document.createElement('article');
    showNewPost(book, buttons, clipped, 'x:1');
    showNewPost(book, buttons, other, 'x:2');
    expect(clipped.hasAttribute(CLIPPED_ATTRIBUTE)).toBe(true);
    expect(other.hasAttribute(CLIPPED_ATTRIBUTE)).toBe(false);
    expect(decorated).toEqual([['x:1', true], ['x:2', false]]);
  });

  it('loses the clipped marker when X reuses the element for a post the roundup does not hold', () => {
    const book = createClipBook();
    book.apply({ roundupId: 'r', count: 1, clipped: ['x:1'], at: 1 });
    const { buttons } = fakeButtons();
    const post = document.createElement('article');
    showNewPost(book, buttons, post, 'x:1');
    showNewPost(book, buttons, post, 'x:2');
    expect(post.hasAttribute(CLIPPED_ATTRIBUTE)).toBe(false);
  });
});
