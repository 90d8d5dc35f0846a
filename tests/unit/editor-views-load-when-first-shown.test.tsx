// @vitest-environment happy-dom
// Export, Roundups and Trash load their code when first shown (popup/lazy.tsx): the view shows
// once loaded, at once ever after, and a chunk that fails to load says so instead of a blank.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lazy } from '../../src/popup/lazy';

afterEach(cleanup);

function Hello({ name }: { name: string }) {
  return <p>Hello, {name}</p>;
}

describe('a view that loads when first shown', () => {
  it('shows once its code is loaded, with its props, and at once the next time', async () => {
    let loads = 0;
    const View = lazy(async () => (loads++, Hello));
    render(<View name="Ada" />);
    expect(screen.queryByText('Hello, Ada')).toBeNull();
    expect(await screen.findByText('Hello, Ada')).toBeTruthy();
    cleanup();
    render(<View name="Grace" />);
    expect(screen.getByText('Hello, Grace')).toBeTruthy(); // no wait: already loaded
    expect(loads).toBe(1);
  });

  it('says so when its code does not load, and tries again the next time it opens', async () => {
    let fail = true;
    const View = lazy(async () => {
      if (fail) throw new Error('Failed to fetch dynamically imported module');
      return Hello;
    });
    render(<View name="Ada" />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This part of Roundup could not be loaded: Failed to fetch dynamically imported module. Close and open the editor again.',
    );
    cleanup();
    fail = false;
    render(<View name="Ada" />);
    expect(await screen.findByText('Hello, Ada')).toBeTruthy();
  });
});
