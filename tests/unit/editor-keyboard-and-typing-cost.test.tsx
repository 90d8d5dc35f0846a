// @vitest-environment happy-dom
// Alt+Up / Alt+Down in an item's field moves the item, keeps the caret where it was, and says
// where it went; and typing in one item of a long roundup renders that item alone (the others
// are memoised: same item objects, same callbacks, the same empty problems), with the word
// count and the export following — the export after a pause.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { options, type VNode } from 'preact';
import { PostCard } from '../../src/popup/PostCard';
import { App } from '../../src/popup/App';
import { useSettled } from '../../src/popup/memo';
import { countWords, roundupWordCount } from '../../src/popup/word-count';
import { withPosts } from './helpers/open-editor';
import { makePost } from './helpers/posts';

afterEach(cleanup);


const alt = (el: Element, key: 'ArrowUp' | 'ArrowDown', more: object = {}) => fireEvent.keyDown(el, { key, altKey: true, ...more });

describe('Alt+Up / Alt+Down in an item', () => {
  it('moves it one place, keeps the caret in the same field, and says where it went', async () => {
    const { items, order, current } = await withPosts(3);
    const box = within(items()[2]!).getByRole('textbox', { name: 'Commentary' }) as HTMLTextAreaElement;
    box.focus();
    fireEvent.input(box, { target: { value: 'Third, for now.' } });
    box.setSelectionRange(5, 8);
    alt(box, 'ArrowUp');
    expect(order()).toEqual(['author1', 'author3', 'author2']);
    expect(screen.getByText('Moved to 2 of 3.')).toBeTruthy();
    const again = within(items()[1]!).getByRole('textbox', { name: 'Commentary' }) as HTMLTextAreaElement;
    expect(document.activeElement).toBe(again);
    expect([again.value, again.selectionStart, again.selectionEnd]).toEqual(['Third, for now.', 5, 8]);
    alt(again, 'ArrowUp');
    alt(within(items()[0]!).getByRole('textbox', { name: 'Lead-in' }), 'ArrowUp');
    expect(order()).toEqual(['author3', 'author1', 'author2']);
    expect(screen.getByText('Already the first post.')).toBeTruthy();
    alt(within(items()[0]!).getByRole('button', { name: 'Remove' }), 'ArrowDown');
    expect(order()).toEqual(['author1', 'author3', 'author2']);
    await waitFor(async () => expect((await current()).items.map((i) => i.postId)).toEqual([1, 3, 2].map((n) => makePost(n).id)));
  });

  it('Alt with another modifier, or a plain arrow, moves nothing', async () => {
    const { items, order } = await withPosts(2);
    const box = within(items()[1]!).getByRole('textbox', { name: 'Lead-in' });
    alt(box, 'ArrowUp', { shiftKey: true });
    alt(box, 'ArrowUp', { ctrlKey: true });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(order()).toEqual(['author1', 'author2']);
  });

  it('the buttons name the keys that do the same', async () => {
    const { items } = await withPosts(2);
    expect(within(items()[1]!).getByRole('button', { name: 'Move up' }).getAttribute('aria-keyshortcuts')).toBe('Alt+ArrowUp');
    expect(within(items()[0]!).getByRole('button', { name: 'Move down' }).getAttribute('aria-keyshortcuts')).toBe('Alt+ArrowDown');
  });
});

describe('typing in a long roundup', () => {
  it('renders the item typed in, not the others', async () => {
    const { items } = await withPosts(40);
    // Preact's own hook after each component it renders: the post cards rendered, counted.
    let cards = 0;
    const before = options.diffed;
    options.diffed = (vnode: VNode) => {
      if (vnode.type === PostCard) cards++;
      before?.(vnode);
    };
    try {
      const box = within(items()[39]!).getByRole('textbox', { name: 'Commentary' });
      for (const value of ['W', 'Wo', 'Wor', 'Word']) fireEvent.input(box, { target: { value } });
      // One card per key at most (the item typed in), never the other 39.
      expect(cards).toBeLessThanOrEqual(4);
      // And the count can see renders: a move renders the two items that change place.
      const typed = cards;
      fireEvent.click(within(items()[1]!).getByRole('button', { name: 'Move up' }));
      expect(cards - typed).toBeGreaterThanOrEqual(2);
    } finally {
      options.diffed = before;
    }
  });

  it('the word count follows each key', async () => {
    const { items } = await withPosts(3);
    const words = () => screen.getByText(/words? of yours/).textContent;
    fireEvent.input(within(items()[0]!).getByRole('textbox', { name: 'Commentary' }), { target: { value: 'Three more words' } });
    expect(words()).toMatch(/^3 words of yours/);
    fireEvent.input(within(items()[2]!).getByRole('textbox', { name: 'Lead-in' }), { target: { value: 'And two' } });
    expect(words()).toMatch(/^5 words of yours/);
  });

  it('what the export follows (useSettled): a change after a quiet spell at once, then only when the typing pauses', async () => {
    function Shows({ value }: { value: string }) {
      return <p>{useSettled(value, 300)}</p>;
    }
    const { rerender } = render(<Shows value="first" />);
    expect(screen.getByText('first')).toBeTruthy(); // the first value at once
    await act(async () => void (await new Promise((r) => setTimeout(r, 350))));
    rerender(<Shows value="s" />); // after a quiet spell (an import, a move, the first key): at once
    await waitFor(() => expect(screen.getByText('s')).toBeTruthy());
    const typedAt = performance.now();
    for (const value of ['se', 'sec', 'seco', 'second']) {
      rerender(<Shows value={value} />);
      await act(async () => void (await new Promise((r) => setTimeout(r, 40))));
      expect(screen.getByText('s')).toBeTruthy(); // still typing: it waits
    }
    await waitFor(() => expect(screen.getByText('second')).toBeTruthy());
    expect(performance.now() - typedAt).toBeGreaterThanOrEqual(300);
  });
});

describe('the word count', () => {
  it('counts an item again only when it changed, and agrees with a count from scratch', () => {
    const posts = Object.fromEntries([1, 2, 3].map((n) => [makePost(n).id, makePost(n)]));
    const items = [1, 2, 3].map((n) => ({ postId: makePost(n).id, leadIn: `Lead ${n}`, commentary: 'Some words here' }));
    const roundup = { id: 'r', title: 'A title', intro: 'An intro', closing: '', items, createdAt: '', updatedAt: '' };
    const fromScratch = (r: typeof roundup) => {
      const yours = [r.title, r.intro, r.closing, ...r.items.flatMap((i) => [i.leadIn, i.commentary])].reduce((n, t) => n + countWords(t), 0);
      return { yours, total: yours + r.items.reduce((n, i) => n + countWords(posts[i.postId]!.text), 0) };
    };
    expect(roundupWordCount(roundup, posts)).toEqual(fromScratch(roundup));
    const edited = { ...roundup, items: items.map((i, k) => (k === 1 ? { ...i, commentary: 'Now just more words than before' } : i)) };
    expect(roundupWordCount(edited, posts)).toEqual(fromScratch(edited));
  });
});

describe('links and emphasis typed with the keyboard', () => {
  const select = (box: HTMLTextAreaElement, from: number, to: number) => {
    box.focus();
    box.setSelectionRange(from, to);
  };

  it('Ctrl/Cmd+B, Ctrl/Cmd+I and Ctrl/Cmd+K wrap the selected words; the words are stored', async () => {
    const { items, current } = await withPosts(1);
    const box = within(items()[0]!).getByRole('textbox', { name: 'Commentary' }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Read this twice slowly' } });
    select(box, 5, 9); // "this"
    fireEvent.keyDown(box, { key: 'k', ctrlKey: true });
    expect(box.value).toBe('Read [this](https://) twice slowly');
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).toBe('https://'); // to type the address over
    const at = box.value.indexOf('twice');
    select(box, at, at + 5);
    fireEvent.keyDown(box, { key: 'b', metaKey: true });
    expect(box.value).toBe('Read [this](https://) **twice** slowly');
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).toBe('twice');
    const slow = box.value.indexOf('slowly');
    select(box, slow, slow + 6);
    fireEvent.keyDown(box, { key: 'I', ctrlKey: true });
    expect(box.value).toBe('Read [this](https://) **twice** *slowly*');
    await waitFor(async () => expect((await current()).items[0]!.commentary).toBe('Read [this](https://) **twice** *slowly*'));
  });

  it('pasting an address over selected words links them; over nothing, or pasting words, it is an ordinary paste', async () => {
    const { items } = await withPosts(1);
    const box = within(items()[0]!).getByRole('textbox', { name: 'Lead-in' }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'See the report' } });
    select(box, 4, 14);
    const paste = (text: string) => {
      const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: { getData(): string } };
      event.clipboardData = { getData: () => text };
      box.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(paste(' https://example.org/report ')).toBe(true);
    expect(box.value).toBe('See [the report](https://example.org/report)');
    select(box, 0, 3);
    expect(paste('not an address')).toBe(false);
    select(box, 3, 3);
    expect(paste('https://example.org/')).toBe(false);
    expect(box.value).toBe('See [the report](https://example.org/report)');
  });

  it('the title and a plain arrow or letter are left alone', async () => {
    await withPosts(1);
    const title = screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement;
    fireEvent.input(title, { target: { value: 'A title' } });
    title.setSelectionRange(0, 1);
    fireEvent.keyDown(title, { key: 'b', ctrlKey: true });
    expect(title.value).toBe('A title');
    expect(title.getAttribute('aria-keyshortcuts')).toBeNull();
  });
});
