// @vitest-environment happy-dom
// The editor's "Trash": what was removed (items with their words, deleted roundups) is listed
// and "Restore" puts it back; "Empty trash" deletes it all for good, after asking.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/App';
import { harness } from './helpers/editor-harness';
import { makePost } from './helpers/posts';

afterEach(cleanup);

async function withTrash() {
  const h = await harness();
  const roundup = await h.store.currentRoundup();
  await h.store.setRoundupText(roundup.id, 'title', 'Crypto week');
  for (const n of [1, 2, 3]) await h.store.clip(makePost(n));
  await h.store.setItemText(roundup.id, makePost(2).id, 'commentary', 'My take on the second post');
  await h.store.removeItem(roundup.id, makePost(2).id);
  const other = await h.store.createRoundup('An older draft');
  await h.store.deleteRoundup(other.id);
  await h.store.setCurrentRoundup(roundup.id);
  render(<App connection={h.connection} host={h.host} />);
  await waitFor(() => expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Crypto week'));
  fireEvent.click(screen.getByRole('button', { name: 'Trash' }));
  const list = await screen.findByRole('list', { name: 'Trash' });
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
  return { h, roundup, list };
}

describe('the Trash view', () => {
  it('lists a removed item with its words and roundup, and a deleted roundup, newest first', async () => {
    const { list } = await withTrash();
    const [first, second] = within(list).getAllByRole('listitem');
    expect(first!.textContent).toContain('Roundup “An older draft”');
    expect(second!.textContent).toContain('Post by @author2: “My take on the second post”');
    expect(second!.textContent).toContain('from “Crypto week”');
    expect(screen.getByRole('button', { name: 'Trash' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('"Restore" puts the item back in its place, words and all, and says where', async () => {
    const { h, roundup, list } = await withTrash();
    const item = within(list).getAllByRole('listitem').find((li) => li.textContent?.includes('@author2'))!;
    fireEvent.click(within(item).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect((await screen.findByText('Restored to “Crypto week”, with its words, at its place.')).getAttribute('role')).toBe('status');
    const stored = await h.store.loadRoundup(roundup.id);
    expect(stored.roundup.items.map((i) => [i.postId, i.commentary])).toEqual([
      [makePost(1).id, ''], [makePost(2).id, 'My take on the second post'], [makePost(3).id, ''],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Trash' }));
    const posts = await screen.findByRole('list', { name: 'Posts' });
    await waitFor(() => expect(within(posts).getAllByRole('listitem')).toHaveLength(3));
    expect((within(within(posts).getAllByRole('listitem')[1]!).getByRole('textbox', { name: 'Commentary' }) as HTMLTextAreaElement).value)
      .toBe('My take on the second post');
  });

  it('"Restore" on a deleted roundup brings it back as the current one', async () => {
    const { h, list } = await withTrash();
    const row = within(list).getAllByRole('listitem').find((li) => li.textContent?.includes('An older draft'))!;
    fireEvent.click(within(row).getByRole('button', { name: 'Restore' }));
    await waitFor(async () => expect((await h.store.currentRoundup()).title).toBe('An older draft'));
    expect((await h.store.listRoundups()).map((r) => r.title).sort()).toEqual(['An older draft', 'Crypto week']);
  });

  it('says so when an entry is no longer there to restore (emptied in another view), and claims nothing', async () => {
    const { h, list } = await withTrash();
    await h.store.emptyTrash(); // behind this view's back: no notice reaches it
    fireEvent.click(within(within(list).getAllByRole('listitem')[0]!).getByRole('button', { name: 'Restore' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/no longer in the Trash/);
    expect(screen.queryByText(/^Restored/)).toBeNull();
  });

  it('"Empty trash" asks first; "Cancel" keeps everything, "Delete forever" deletes it', async () => {
    const { h, list } = await withTrash();
    fireEvent.click(screen.getByRole('button', { name: 'Empty trash' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('Delete these 2 for good?');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((await h.store.listTrash()).entries).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Empty trash' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete forever' }));
    await waitFor(() => expect(within(list).queryAllByRole('listitem')).toHaveLength(0));
    expect((await h.store.listTrash()).entries).toEqual([]);
    expect(screen.getByText('The Trash is empty.', { selector: 'p.hint' })).toBeTruthy();
  });

  it('the editor\'s "Remove" and its "Undo" go through the Trash and back', async () => {
    const { h, roundup } = await withTrash();
    fireEvent.click(screen.getByRole('button', { name: 'Trash' }));
    const posts = await screen.findByRole('list', { name: 'Posts' });
    await waitFor(() => expect(within(posts).getAllByRole('listitem')).toHaveLength(2));
    await h.connection.request('setItemText', { roundupId: roundup.id, postId: makePost(1).id, field: 'leadIn', value: 'Before the first' });
    await waitFor(() => expect((within(within(posts).getAllByRole('listitem')[0]!).getByRole('textbox', { name: 'Lead-in' }) as HTMLTextAreaElement).value).toBe('Before the first'));
    fireEvent.click(within(within(posts).getAllByRole('listitem')[0]!).getByRole('button', { name: 'Remove' }));
    await waitFor(async () => expect((await h.store.listTrash()).entries.map((e) => e.id)).toContain(`item:${roundup.id}:${makePost(1).id}`));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await h.store.loadRoundup(roundup.id)).roundup.items[0]).toEqual({ postId: makePost(1).id, leadIn: 'Before the first', commentary: '' }));
    expect((await h.store.listTrash()).entries.map((e) => e.id)).not.toContain(`item:${roundup.id}:${makePost(1).id}`);
  });
});
