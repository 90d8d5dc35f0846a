// @vitest-environment happy-dom
// Words that did not reach the store stay with the writer: a write that may pass is sent again;
// one that never can (its item or roundup was removed in another view) is shown next to its
// field with the words and what to do; and words typed before the editor closed are sent again
// when it opens.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/popup/App';
import { harness, type Harness } from './helpers/editor-harness';
import { makePost } from './helpers/posts';

afterEach(cleanup);

async function open(h: Harness) {
  render(<App connection={h.connection} host={h.host} />);
  await waitFor(() => expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).readOnly).toBe(false));
  const list = screen.getByRole('list', { name: 'Posts' });
  const items = () => within(list).queryAllByRole('listitem');
  return { list, items };
}

async function withPosts(n: number) {
  const h = await harness();
  for (let i = 1; i <= n; i++) await h.store.clip(makePost(i));
  const view = await open(h);
  if (n > 0) await waitFor(() => expect(view.items()).toHaveLength(n));
  const id = (await h.store.currentRoundup()).id;
  return { h, id, ...view };
}

const sentOf = (h: Harness, type: string) => h.sent.filter((s) => s.type === type);
const journal = () => Object.keys(localStorage).filter((k) => k.startsWith('roundup.journal:'));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Types words for post 2, and has another view remove that post before they are stored. */
async function wordsForARemovedPost() {
  const v = await withPosts(3);
  const second = postId(2);
  fireEvent.input(within(v.items()[1]!).getByRole('textbox', { name: 'Commentary' }), { target: { value: 'Words typed here' } });
  await v.h.connection.request('removeItem', { roundupId: v.id, postId: second });
  const alert = await within(v.items()[1]!).findByRole('alert');
  return { ...v, alert, item: () => v.items().find((li) => li.dataset.postId === second) };
}
const postId = (n: number) => makePost(n).id;

describe('words that cannot be stored as they are', () => {
  it('are not sent again, and show next to their field with the words, in an item kept in the view', async () => {
    const { h, items, alert, item } = await wordsForARemovedPost();
    expect(alert.textContent).toContain('Not stored: this post was removed from the roundup in another view. Your words are still here.');
    expect(items()).toHaveLength(3);
    const box = within(item()!).getByRole('textbox', { name: 'Commentary' }) as HTMLTextAreaElement;
    expect(box.value).toBe('Words typed here');
    expect(box.getAttribute('aria-describedby')).toContain(alert.id);
    await pause(1200); // a retry would have gone out after 500 ms
    expect(sentOf(h, 'setItemText')).toHaveLength(1);
    expect(document.querySelector('.save--error')?.textContent).toMatch(/^Not stored: .*Your words are still here\.$/);
    // A merge after another change keeps the item and its words.
    await h.connection.request('setRoundupText', { roundupId: (await h.store.currentRoundup()).id, field: 'title', value: 'Elsewhere' });
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Elsewhere'));
    expect(within(item()!).getByRole('textbox', { name: 'Commentary' })).toHaveProperty('value', 'Words typed here');
  });

  it('"Restore the item" puts the item back with this view\'s words, then stores the words again', async () => {
    const { h, id, alert, item } = await wordsForARemovedPost();
    fireEvent.click(within(alert).getByRole('button', { name: 'Restore the item' }));
    await waitFor(() => expect(sentOf(h, 'restoreItem')).toHaveLength(1));
    expect(sentOf(h, 'restoreItem')[0]!.request).toEqual({
      roundupId: id,
      item: { postId: postId(2), leadIn: '', commentary: 'Words typed here' },
      index: 1,
    });
    await waitFor(() => expect(sentOf(h, 'setItemText')).toHaveLength(2));
    expect(sentOf(h, 'setItemText')[1]!.request).toMatchObject({ postId: postId(2), field: 'commentary', value: 'Words typed here' });
    await waitFor(async () => expect((await h.store.currentRoundup()).items[1]).toEqual({ postId: postId(2), leadIn: '', commentary: 'Words typed here' }));
    await waitFor(() => expect(within(item()!).queryByRole('alert')).toBeNull());
    expect(journal()).toEqual([]);
  });

  it('"Copy words" puts the field\'s words on the clipboard and says so', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { alert } = await wordsForARemovedPost();
    fireEvent.click(within(alert).getByRole('button', { name: 'Copy words' }));
    await waitFor(() => expect(within(alert).getByText('Copied')).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith('Words typed here');
  });

  it('"Discard words" lets them go: the removal shows, and nothing is kept', async () => {
    const { items, alert, item } = await wordsForARemovedPost();
    fireEvent.click(within(alert).getByRole('button', { name: 'Discard words' }));
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(item()).toBeUndefined();
    expect(journal()).toEqual([]);
  });

  it('for a roundup deleted in another view: shown with the words, and "Restore the roundup" brings it back with them', async () => {
    const { h, id } = await withPosts(1);
    const title = screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement;
    fireEvent.input(title, { target: { value: 'A title typed here' } });
    await h.connection.request('createRoundup', { title: 'Another' });
    await h.connection.request('deleteRoundup', { roundupId: id });
    const lost = await screen.findByRole('region', { name: 'Words not stored' });
    const box = within(lost).getByRole('textbox', { name: 'Title, not stored' }) as HTMLInputElement;
    expect(box.value).toBe('A title typed here');
    expect(within(lost).getByRole('alert').textContent).toContain('Not stored: this roundup was deleted in another view. Your words are still here.');
    fireEvent.click(within(lost).getByRole('button', { name: 'Restore the roundup' }));
    await waitFor(async () => expect(await h.store.currentRoundup()).toMatchObject({ id, title: 'A title typed here' }));
    await waitFor(() => expect(title.value).toBe('A title typed here'));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Words not stored' })).toBeNull());
  });
});

describe('a write that may pass', () => {
  it('is sent again until stored, and the status says the words are kept', async () => {
    const { h, items } = await withPosts(1);
    h.failing.add('setItemText');
    const box = within(items()[0]!).getByRole('textbox', { name: 'Lead-in' }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Still here' } });
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Not stored yet: the disk is full. Your words are kept here and sent again until they are stored.',
      ),
    );
    await waitFor(() => expect(sentOf(h, 'setItemText').length).toBeGreaterThanOrEqual(2), { timeout: 2000 });
    h.failing.clear();
    await waitFor(async () => expect((await h.store.currentRoundup()).items[0]!.leadIn).toBe('Still here'), { timeout: 4000 });
    await waitFor(() => expect(screen.getByText('All changes stored')).toBeTruthy());
    expect(box.value).toBe('Still here');
  });
});

describe('words held across the editor closing', () => {
  it('are sent again when the editor opens, if nothing was stored since they were typed', async () => {
    const { h } = await withPosts(1);
    h.failing.add('setRoundupText');
    fireEvent.input(screen.getByRole('textbox', { name: 'Title' }), { target: { value: 'Typed before closing' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Not stored yet/));
    cleanup(); // the editor closes
    h.failing.clear();
    await open(h);
    await waitFor(async () => expect((await h.store.currentRoundup()).title).toBe('Typed before closing'));
    expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Typed before closing');
    await waitFor(() => expect(journal()).toEqual([]));
  });

  it('are dropped when the field was changed after they were typed: the newer write wins', async () => {
    const { h, id } = await withPosts(1);
    h.failing.add('setRoundupText');
    fireEvent.input(screen.getByRole('textbox', { name: 'Title' }), { target: { value: 'Older words' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Not stored yet/));
    cleanup();
    expect(journal()).toHaveLength(1); // held when the editor closed
    h.failing.clear();
    await pause(5);
    await h.store.setRoundupText(id, 'title', 'Newer words, from another view');
    const before = sentOf(h, 'setRoundupText').length;
    await open(h);
    await pause(400);
    expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Newer words, from another view');
    expect(sentOf(h, 'setRoundupText')).toHaveLength(before);
    expect(journal()).toEqual([]);
  });

  it('are let go once that value is acknowledged', async () => {
    const { h } = await withPosts(1);
    fireEvent.input(screen.getByRole('textbox', { name: 'Introduction' }), { target: { value: 'Stored at once' } });
    expect(journal()).toHaveLength(1); // held from the keystroke on
    await waitFor(async () => expect((await h.store.currentRoundup()).intro).toBe('Stored at once'));
    await waitFor(() => expect(journal()).toEqual([]));
  });

  it('for an item removed while the editor was closed: shown with the words and a way to put the item back', async () => {
    const { h, id, items } = await withPosts(2);
    h.failing.add('setItemText');
    fireEvent.input(within(items()[1]!).getByRole('textbox', { name: 'Lead-in' }), { target: { value: 'Before the post' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Not stored yet/));
    cleanup();
    h.failing.clear();
    await h.store.removeItem(id, postId(2));
    const view = await open(h);
    const lost = await screen.findByRole('region', { name: 'Words not stored' });
    expect((within(lost).getByRole('textbox', { name: 'Lead-in, not stored' }) as HTMLTextAreaElement).value).toBe('Before the post');
    expect(view.items()).toHaveLength(1);
    fireEvent.click(within(lost).getByRole('button', { name: 'Restore the item' }));
    await waitFor(async () =>
      expect((await h.store.currentRoundup()).items.find((i) => i.postId === postId(2))).toMatchObject({ leadIn: 'Before the post' }),
    );
    await waitFor(() => expect(view.items()).toHaveLength(2));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Words not stored' })).toBeNull());
  });
});
