// @vitest-environment happy-dom
// A long roundup shows at once: the first screenful of items in the first render, every other
// one in the task after — all of them in the page and the accessibility tree, none hidden. A
// tab opened by "Open in tab" with the caret in a late item renders every item at once, so the
// caret goes back where it was.
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/App';
import { harness } from './helpers/editor-harness';
import { makePost } from './helpers/posts';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', location.pathname);
});

async function clipped(n: number) {
  const h = await harness();
  for (let i = 1; i <= n; i++) await h.store.clip(makePost(i));
  return h;
}

describe('opening a long roundup', () => {
  it('a screenful first, then every item, each with its textboxes', async () => {
    const h = await clipped(30);
    const counts: number[] = [];
    render(<App connection={h.connection} host={h.host} />);
    const list = screen.getByRole('list', { name: 'Posts' });
    await waitFor(() => {
      const n = within(list).queryAllByRole('listitem').length;
      if (counts.at(-1) !== n) counts.push(n);
      expect(n).toBe(30);
    });
    // Some render showed the first screenful alone (12), before all 30.
    expect(counts).toContain(12);
    for (const item of within(list).getAllByRole('listitem')) {
      expect(within(item).getAllByRole('textbox').map((t) => t.getAttribute('aria-hidden'))).toEqual([null, null]);
    }
    expect(within(list).getAllByRole('listitem')[29]!.textContent).toContain('@author30');
  });

  it('"Open in tab" with the caret in item 25: every item at once, the caret put back', async () => {
    const h = await clipped(30);
    const postId = makePost(25).id;
    history.replaceState(null, '', `${location.pathname}#${new URLSearchParams({ field: `${postId}:commentary`, start: '0', end: '0', scroll: '0' })}`);
    render(<App connection={h.connection} host={{ ...h.host, home: 'tab' }} />);
    await waitFor(() => expect((document.activeElement as HTMLElement | null)?.getAttribute('data-place')).toBe(`${postId}:commentary`));
  });
});
