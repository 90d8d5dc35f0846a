// The editor (App on the harness) opened over a roundup of `n` clipped posts, once every item
// shows and the roundup is ready for typing: the items, their authors in order, the stored roundup.
import { render, screen, waitFor, within } from '@testing-library/preact';
import { expect } from 'vitest';
import { App } from '../../../src/popup/App';
import { harness } from './editor-harness';
import { makePost } from './posts';

export async function withPosts(n: number) {
  const h = await harness();
  for (let i = 1; i <= n; i++) await h.store.clip(makePost(i));
  render(<App connection={h.connection} host={h.host} />);
  const list = screen.getByRole('list', { name: 'Posts' });
  if (n > 0) await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(n));
  await waitFor(() => expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).readOnly).toBe(false));
  const items = () => within(list).getAllByRole('listitem');
  const order = () => items().map((li) => li.textContent?.match(/@(author\d+)/)?.[1]);
  const current = async () => h.store.currentRoundup();
  return { h, list, items, order, current };
}
