// @vitest-environment happy-dom
// Settings: "Keep copies of photos" (on by default) with what it does and costs, the space the
// copies take, and — when the browser has not let Roundup load pictures from pbs.twimg.com —
// a button that asks for it.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../src/options/Options';
import type { PictureAccess } from '../../src/options/KeepCopies';
import type { ChangeNotice } from '../../src/messages';
import type { Connection } from '../../src/popup/connection';
import { harness } from './helpers/editor-harness';

afterEach(cleanup);

const url = (n: number) => `https://pbs.twimg.com/media/P${n}?format=jpg&name=orig`;

function access(granted: boolean): PictureAccess & { request: ReturnType<typeof vi.fn> } {
  return { granted: async () => granted, request: vi.fn(async () => true) };
}

describe('"Keep copies of photos"', () => {
  it('is on by default, says what it does and costs, and stores a change', async () => {
    const h = await harness();
    render(<Options connection={h.connection} pictureAccess={access(true)} />);
    const box = (await screen.findByRole('checkbox', { name: 'Keep copies of photos' })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    const hint = document.getElementById(box.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toMatch(/pbs\.twimg\.com/);
    expect(hint?.textContent).toMatch(/space on this computer/);
    expect(hint?.textContent).toMatch(/Off: no new copies are made/);

    fireEvent.click(box);
    await waitFor(async () => expect((await h.store.getSettings()).keepCopies).toBe(false));
    expect(box.checked).toBe(false);
  });

  it('shows the space the copies take and how many could not be copied', async () => {
    const h = await harness();
    const size = Math.round(14.2 * 1024 * 1024) - 1000;
    await h.store.putCopies([
      { url: url(1), status: 'kept', type: 'image/jpeg', size, bytes: new Blob([new Uint8Array(3)]), keptAt: '2026-03-01T00:00:00.000Z' },
      { url: url(2), status: 'kept', type: 'image/jpeg', size: 1000, bytes: new Blob([new Uint8Array(3)]), keptAt: '2026-03-01T00:00:00.000Z' },
    ]);
    for (const n of [3, 4, 5]) {
      await h.store.keepCopy({ url: url(n), status: 'missing', reason: 'pbs.twimg.com answered HTTP 503', tries: 1, triedAt: '2026-03-01T00:00:00.000Z' });
    }
    render(<Options connection={h.connection} pictureAccess={access(true)} />);
    expect(await screen.findByText('Copies of 2 pictures take 14.2 MB; 3 could not be copied.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try the missing pictures again' }));
    await waitFor(() => expect(h.sent.map((s) => s.type)).toContain('retryCopies'));
  });

  it('reads the space again when the background says copies changed', async () => {
    const h = await harness();
    const listeners: Array<(n: ChangeNotice) => void> = [];
    const connection: Connection = { request: h.connection.request, onNotice: (l) => (listeners.push(l), () => {}) };
    render(<Options connection={connection} pictureAccess={access(true)} />);
    expect(await screen.findByText('No copies kept yet.')).toBeTruthy();
    await h.store.putCopies([{ url: url(1), status: 'kept', type: 'image/jpeg', size: 2048, bytes: new Blob([new Uint8Array(3)]), keptAt: '2026-03-01T00:00:00.000Z' }]);
    listeners.forEach((l) => l({ notice: 'changed', copies: true }));
    expect(await screen.findByText('Copies of 1 picture take 2 KB.')).toBeTruthy();
  });

  it('offers "Allow copies of photos" when the browser has not allowed pbs.twimg.com, and asks on a click', async () => {
    const h = await harness();
    const pictures = access(false);
    render(<Options connection={h.connection} pictureAccess={pictures} />);
    const allow = await screen.findByRole('button', { name: 'Allow copies of photos' });
    fireEvent.click(allow);
    expect(pictures.request).toHaveBeenCalledTimes(1); // in the click itself: the browser asks only then
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Allow copies of photos' })).toBeNull());
  });

  it('offers no such button when it is allowed, or while copies are off', async () => {
    const h = await harness();
    render(<Options connection={h.connection} pictureAccess={access(true)} />);
    await screen.findByRole('checkbox', { name: 'Keep copies of photos' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.queryByRole('button', { name: 'Allow copies of photos' })).toBeNull();
    cleanup();

    await h.store.updateSettings({ keepCopies: false });
    render(<Options connection={h.connection} pictureAccess={access(false)} />);
    await screen.findByRole('checkbox', { name: 'Keep copies of photos' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.queryByRole('button', { name: 'Allow copies of photos' })).toBeNull();
  });
});
