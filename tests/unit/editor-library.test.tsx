// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/App';
import { harness } from './helpers/editor-harness';
import { makePost } from './helpers/posts';

afterEach(cleanup);

async function openLibrary() {
  const h = await harness();
  const first = await h.store.currentRoundup();
  await h.store.setRoundupText(first.id, 'title', 'Healthcare Social Media #hcsm');
  await h.store.clip(makePost(1));
  await h.store.clip(makePost(2));
  render(<App connection={h.connection} host={h.host} />);
  await waitFor(() => expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Healthcare Social Media #hcsm'));
  fireEvent.click(screen.getByRole('button', { name: 'Roundups' }));
  const drafts = await screen.findByRole('list', { name: 'Drafts' });
  await waitFor(() => expect(within(drafts).getAllByRole('listitem')).toHaveLength(1));
  return { h, first, drafts };
}

const row = (list: HTMLElement, title: string) => within(list).getAllByRole('listitem').find((li) => li.textContent?.includes(title))!;

describe('the list of roundups', () => {
  it('shows each roundup with its post count and when it was last edited', async () => {
    const { drafts } = await openLibrary();
    const r = row(drafts, 'Healthcare Social Media #hcsm');
    expect(r.textContent).toMatch(/2 posts · edited (now|this minute|0 minutes ago)/);
    expect(r.textContent).toContain('current');
  });

  it('creates a new roundup, makes it current and opens it', async () => {
    const { h, first } = await openLibrary();
    fireEvent.click(screen.getByRole('button', { name: 'New roundup' }));
    const title = (await screen.findByRole('textbox', { name: 'Title' })) as HTMLInputElement;
    await waitFor(async () => expect((await h.store.currentRoundup()).id).not.toBe(first.id));
    await waitFor(() => expect(title.value).toBe(''));
    expect(within(screen.getByRole('list', { name: 'Posts' })).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('switches the current roundup, where new clips then go', async () => {
    const { h, first } = await openLibrary();
    await h.connection.request('createRoundup', { title: 'Second' });
    const drafts = screen.getByRole('list', { name: 'Drafts' });
    await waitFor(() => expect(within(drafts).getAllByRole('listitem')).toHaveLength(2));
    fireEvent.click(within(row(drafts, 'Healthcare')).getByRole('button', { name: 'Healthcare Social Media #hcsm' }));
    const title = (await screen.findByRole('textbox', { name: 'Title' })) as HTMLInputElement;
    await waitFor(() => expect(title.value).toBe('Healthcare Social Media #hcsm'));
    await h.connection.request('toggleClip', { post: makePost(3) });
    expect((await h.store.getRoundup(first.id))!.items).toHaveLength(3);
  });

  it('renames through the Title field, opened with the cursor in it', async () => {
    const { h, first } = await openLibrary();
    fireEvent.click(within(row(screen.getByRole('list', { name: 'Drafts' }), 'Healthcare')).getByRole('button', { name: 'Rename' }));
    const title = (await screen.findByRole('textbox', { name: 'Title' })) as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(title));
    fireEvent.input(title, { target: { value: 'Renamed' } });
    await waitFor(async () => expect((await h.store.getRoundup(first.id))!.title).toBe('Renamed'));
  });

  it('deletes a roundup and brings it back with "Undo"', async () => {
    const { h, first } = await openLibrary();
    const drafts = screen.getByRole('list', { name: 'Drafts' });
    fireEvent.click(within(row(drafts, 'Healthcare')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(within(drafts).queryByText('Healthcare Social Media #hcsm')).toBeNull());
    expect(screen.getByText('Deleted “Healthcare Social Media #hcsm”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(within(drafts).getByText('Healthcare Social Media #hcsm')).toBeTruthy());
    expect((await h.store.getRoundup(first.id))!.items).toHaveLength(2);
  });

  it('keeps a published roundup, listed apart, and can take it back to the drafts', async () => {
    const { drafts } = await openLibrary();
    fireEvent.click(within(row(drafts, 'Healthcare')).getByRole('button', { name: 'Mark as published' }));
    // Out of the way: behind a closed disclosure that names how many there are.
    const summary = await screen.findByText('Published (1)');
    const details = summary.parentElement as HTMLDetailsElement;
    expect(details.open).toBe(false);
    fireEvent.click(summary);
    await waitFor(() => expect(details.open).toBe(true));
    const list = screen.getByRole('list', { name: 'Published' });
    await waitFor(() => expect(within(list).getByText('Healthcare Social Media #hcsm')).toBeTruthy());
    expect(within(drafts).queryAllByRole('listitem')).toHaveLength(0);
    fireEvent.click(within(list).getByText('Back to drafts'));
    await waitFor(() => expect(within(drafts).getAllByRole('listitem')).toHaveLength(1));
  });
});
