// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/App';
import { harness } from './helpers/editor-harness';
import { withPosts } from './helpers/open-editor';
import { makePost } from './helpers/posts';

afterEach(cleanup);


describe('the roundup view', () => {
  it('shows the title, introduction, closing and each post with its lead-in and commentary', async () => {
    const { items } = await withPosts(2);
    for (const name of ['Title', 'Introduction', 'Closing']) expect(screen.getByRole('textbox', { name })).toBeTruthy();
    const first = within(items()[0]!);
    expect(first.getByText('@author1')).toBeTruthy();
    expect(first.getByText('Post number 1')).toBeTruthy();
    for (const name of ['Lead-in', 'Commentary']) expect(first.getByRole('textbox', { name })).toBeTruthy();
    for (const name of ['Move up', 'Move down', 'Remove']) expect(first.getByRole('button', { name })).toBeTruthy();
  });

  it('stores every field typed, each on its own, without a save action', async () => {
    const { h, items, current } = await withPosts(1);
    fireEvent.input(screen.getByRole('textbox', { name: 'Title' }), { target: { value: 'Healthcare Social Media #hcsm' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Closing' }), { target: { value: 'The end.' } });
    fireEvent.input(within(items()[0]!).getByRole('textbox', { name: 'Commentary' }), { target: { value: 'I love Dr. Bobby Ghaheri.' } });
    await waitFor(async () => {
      const r = await current();
      expect([r.title, r.closing, r.items[0]!.commentary]).toEqual(['Healthcare Social Media #hcsm', 'The end.', 'I love Dr. Bobby Ghaheri.']);
    });
    expect(h.sent.filter((s) => s.type === 'setRoundupText')).toHaveLength(2);
    await waitFor(() => expect(screen.getByText('All changes stored')).toBeTruthy());
  });

  it('moves items with the buttons, and the first and last cannot move past the ends', async () => {
    const { items, order, current } = await withPosts(3);
    expect((within(items()[0]!).getByRole('button', { name: 'Move up' }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(items()[2]!).getByRole('button', { name: 'Move down' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(items()[0]!).getByRole('button', { name: 'Move down' }));
    expect(order()).toEqual(['author2', 'author1', 'author3']);
    await waitFor(async () => expect((await current()).items.map((i) => i.postId)).toEqual([2, 1, 3].map((n) => makePost(n).id)));
  });

  it('moves an item by dragging its grip onto another item', async () => {
    // The list listens for all its items. happy-dom elements lack the `ondrag…` properties
    // browsers have, which Preact reads to name the events it listens to: given here, before
    // the view renders, as browsers have them.
    for (const type of ['dragstart', 'dragend', 'dragover', 'dragenter', 'drop']) {
      if (!(`on${type}` in HTMLElement.prototype)) Object.defineProperty(HTMLElement.prototype, `on${type}`, { value: null, writable: true, configurable: true });
    }
    const { items, order, current } = await withPosts(3);
    const data = new Map<string, string>();
    const dataTransfer = {
      get types() { return [...data.keys()]; },
      setData: (t: string, v: string) => data.set(t, v),
      getData: (t: string) => data.get(t) ?? '',
      effectAllowed: 'all',
      dropEffect: 'none',
    };
    // Bubbling DragEvents, each carrying the shared data, as a browser's drag does.
    const drag = (target: Element, type: string) => {
      const event = new DragEvent(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
      act(() => void target.dispatchEvent(event));
    };
    const grip = items()[2]!.querySelector('[draggable="true"]')!;
    drag(grip, 'dragstart');
    drag(items()[0]!.querySelector('textarea')!, 'dragover'); // over any part of the item
    drag(items()[0]!, 'drop');
    drag(grip, 'dragend');
    expect(order()).toEqual(['author3', 'author1', 'author2']);
    await waitFor(async () => expect((await current()).items.map((i) => i.postId)).toEqual([3, 1, 2].map((n) => makePost(n).id)));
  });

  it('removes an item and puts it back, words and place, with "Undo"', async () => {
    const { items, order, current } = await withPosts(3);
    fireEvent.input(within(items()[1]!).getByRole('textbox', { name: 'Lead-in' }), { target: { value: 'This next tweet…' } });
    fireEvent.click(within(items()[1]!).getByRole('button', { name: 'Remove' }));
    expect(order()).toEqual(['author1', 'author3']);
    await waitFor(async () => expect((await current()).items).toHaveLength(2));
    expect(screen.getByText('Removed the post by @author2.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(order()).toEqual(['author1', 'author2', 'author3']);
    await waitFor(async () => expect((await current()).items[1]).toMatchObject({ postId: makePost(2).id, leadIn: 'This next tweet…' }));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('counts the words written and the words with the posts', async () => {
    await withPosts(1);
    fireEvent.input(screen.getByRole('textbox', { name: 'Introduction' }), { target: { value: 'Let’s take a look at these.' } });
    expect(screen.getByText('6 words of yours · 9 with the posts')).toBeTruthy();
  });

  it('describes photos by their alt text instead of loading them', async () => {
    const h = await harness();
    await h.store.clip(makePost(1, { media: [{ kind: 'image', url: 'https://pbs.twimg.com/media/a.jpg', alt: 'A chart of clinic visits' }] }));
    const { container } = render(<App connection={h.connection} host={h.host} />);
    await waitFor(() => expect(screen.getByText('Photo: A chart of clinic visits')).toBeTruthy());
    expect(container.querySelector('img')).toBeNull();
  });

  it('teaches how to clip when the roundup is empty, with the shortcuts the browser has', async () => {
    await withPosts(0);
    await waitFor(() => expect(screen.getByText('Alt+Shift+C')).toBeTruthy());
    expect(screen.getByText('Clip the post in focus')).toBeTruthy();
    expect(screen.getByText('not set')).toBeTruthy();
    expect(screen.getByText(/chrome:\/\/extensions\/shortcuts/)).toBeTruthy();
    for (const way of ['Clip button', 'Select mode', 'Context menu', 'Shortcut']) expect(screen.getByText(way)).toBeTruthy();
  });

  it('shows a failed write clearly and keeps the text in its textbox until it is stored', async () => {
    const { h, current } = await withPosts(0);
    h.failing.add('setRoundupText');
    const title = screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement;
    fireEvent.input(title, { target: { value: 'Not lost' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Not stored yet: the disk is full/));
    expect(title.value).toBe('Not lost');
    h.failing.clear();
    await waitFor(async () => expect((await current()).title).toBe('Not lost'), { timeout: 4000 });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('"Open in tab" stores what is typed first, then opens the tab at the cursor\'s place', async () => {
    const { h, current } = await withPosts(1);
    const intro = screen.getByRole('textbox', { name: 'Introduction' }) as HTMLTextAreaElement;
    intro.focus();
    fireEvent.input(intro, { target: { value: 'Half a sentence' } });
    intro.setSelectionRange(4, 4);
    fireEvent.click(screen.getByRole('button', { name: 'Open in tab' }));
    await waitFor(() => expect(h.host.openInTab).toHaveBeenCalledTimes(1));
    expect((await current()).intro).toBe('Half a sentence');
    const place = new URLSearchParams(h.host.openInTab.mock.calls[0]![0] as string);
    expect([place.get('field'), place.get('start')]).toEqual(['intro', '4']);
  });

  it('"Open in side panel" opens the panel at once, then stores what is typed before the popup closes', async () => {
    const { h, current } = await withPosts(1);
    const calls: string[] = [];
    let stored = '';
    h.host.openInPanel = async (settled) => {
      calls.push('open'); // first, while the click's gesture lasts
      await settled();
      stored = (await current()).intro;
      calls.push('close');
    };
    cleanup();
    render(<App connection={h.connection} host={h.host} />);
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).readOnly).toBe(false));
    fireEvent.input(screen.getByRole('textbox', { name: 'Introduction' }), { target: { value: 'Typed in the popup' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    expect(calls).toEqual(['open']);
    await waitFor(() => expect(calls).toEqual(['open', 'close']));
    expect(stored).toBe('Typed in the popup');
  });

  it('says so when the side panel does not open, and offers no such button where the browser has none', async () => {
    const { h } = await withPosts(1);
    expect(screen.queryByRole('button', { name: 'Open in side panel' })).toBeNull();
    h.host.openInPanel = () => Promise.reject(new Error('sidePanel.open() may only be called in response to a user gesture.'));
    cleanup();
    render(<App connection={h.connection} host={h.host} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open in side panel' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/The side panel did not open: sidePanel\.open\(\) may only/));
  });
});
