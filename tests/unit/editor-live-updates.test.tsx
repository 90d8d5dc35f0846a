// @vitest-environment happy-dom
// Two views of one roundup (the popup and a tab), and clips arriving while a view is open.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/App';
import { harness } from './helpers/editor-harness';
import { makePost } from './helpers/posts';

afterEach(cleanup);

async function open() {
  const h = await harness();
  await h.store.clip(makePost(1));
  render(<App connection={h.connection} host={h.host} />);
  const title = screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement;
  await waitFor(() => expect(title.readOnly).toBe(false));
  const id = (await h.store.currentRoundup()).id;
  return { h, id, title };
}

describe('an open view follows changes stored elsewhere', () => {
  it('shows a new clip as soon as it is stored', async () => {
    const { h } = await open();
    await h.connection.request('toggleClip', { post: makePost(2) });
    const list = screen.getByRole('list', { name: 'Posts' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(within(list).getAllByRole('listitem')[1]!.textContent).toContain('@author2');
  });

  it('takes another view\'s words in fields it has not touched', async () => {
    const { h, id, title } = await open();
    await h.connection.request('setRoundupText', { roundupId: id, field: 'title', value: 'Typed in the tab' });
    await waitFor(() => expect(title.value).toBe('Typed in the tab'));
  });

  it('never replaces words typed here and not yet stored', async () => {
    const { h, id, title } = await open();
    fireEvent.input(title, { target: { value: 'Typed here' } });
    // Another view stores an older title, and another field, before this view's save goes out.
    await h.connection.request('setRoundupText', { roundupId: id, field: 'title', value: 'Older title' });
    await h.connection.request('setRoundupText', { roundupId: id, field: 'closing', value: 'Closing from the tab' });
    const closing = screen.getByRole('textbox', { name: 'Closing' }) as HTMLTextAreaElement;
    await waitFor(() => expect(closing.value).toBe('Closing from the tab'));
    expect(title.value).toBe('Typed here');
    await waitFor(async () => expect((await h.store.currentRoundup()).title).toBe('Typed here'));
  });

  it('switches to the roundup another view made current', async () => {
    const { h, title } = await open();
    await h.connection.request('createRoundup', { title: 'Made in the tab' });
    await waitFor(() => expect(title.value).toBe('Made in the tab'));
    expect(within(screen.getByRole('list', { name: 'Posts' })).queryAllByRole('listitem')).toHaveLength(0);
  });
});
