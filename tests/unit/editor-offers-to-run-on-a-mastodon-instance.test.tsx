// @vitest-environment happy-dom
// The popup over a Mastodon instance's page offers "Clip posts on <host>": it asks the browser
// for that server in the click itself (before anything is awaited, or the browser would not
// ask), then the background enables it. Over X, or a page whose server is not Mastodon, or
// one already enabled, nothing is offered; a refusal and a failure are said.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MastodonTab, MessageType, Request, Response } from '../../src/messages';
import type { Connection } from '../../src/popup/connection';
import type { Host } from '../../src/popup/host';
import { MastodonOffer } from '../../src/popup/MastodonOffer';

afterEach(cleanup);

const TAB: MastodonTab = { origin: 'https://social.example', host: 'social.example', mastodon: true, enabled: false };

function setUp(o: { page?: string | null; tab?: MastodonTab; grant?: boolean; enable?: () => Promise<MastodonTab> } = {}) {
  const order: string[] = [];
  const connection = {
    request: vi.fn(async <T extends MessageType>(type: T, request: Request<T>): Promise<Response<T>> => {
      order.push(`${type} ${JSON.stringify(request)}`);
      if (type === 'mastodonTab') return (o.tab ?? TAB) as Response<T>;
      if (type === 'enableMastodon') return (await (o.enable ?? (async () => ({ ...TAB, enabled: true })))()) as Response<T>;
      throw new Error(`unexpected ${type}`);
    }),
  } as unknown as Connection;
  const host = {
    home: 'popup',
    mastodonPage: async () => (o.page === undefined ? 'https://social.example/@alice/103' : o.page),
    runOn: vi.fn((origin: string) => {
      order.push(`runOn ${origin}`);
      return Promise.resolve(o.grant ?? true);
    }),
  } as unknown as Host;
  render(<MastodonOffer connection={connection} host={host} />);
  return { order, host };
}

const BUTTON = 'Clip posts on social.example';

describe('"Clip posts on <host>" in the popup', () => {
  it('asks the browser in the click, then enables the server, and says so', async () => {
    const { order } = setUp();
    const button = await screen.findByRole('button', { name: BUTTON });
    expect(screen.getByRole('status').textContent).toContain('This tab is on social.example, a Mastodon server.');
    expect((await axe.run(document.body)).violations).toEqual([]);
    fireEvent.click(button);
    // Asked synchronously, in the click's own task.
    expect(order.at(-1)).toBe('runOn https://social.example');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Roundup runs on social.example now'));
    expect(order).toEqual([
      'mastodonTab {"url":"https://social.example/@alice/103"}',
      'runOn https://social.example',
      'enableMastodon {"origin":"https://social.example"}',
    ]);
    expect(screen.queryByRole('button', { name: BUTTON })).toBeNull();
  });

  it('a refusal enables nothing, and is said', async () => {
    const { order } = setUp({ grant: false });
    fireEvent.click(await screen.findByRole('button', { name: BUTTON }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Not allowed: Roundup stays off social.example.'));
    expect(order.some((o) => o.startsWith('enableMastodon'))).toBe(false);
  });

  it("the background's refusal is said in the writer's words", async () => {
    setUp({ enable: async () => Promise.reject(new Error('social.example could not be reached (Failed to fetch). It may be down, or not a Mastodon server.')) });
    fireEvent.click(await screen.findByRole('button', { name: BUTTON }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Could not start on social.example: social.example could not be reached'));
  });

  it('offers nothing over a server that is not Mastodon, one already enabled, or no page', async () => {
    for (const o of [{ tab: { ...TAB, mastodon: false } }, { tab: { ...TAB, enabled: true } }, { page: null }]) {
      const { order } = setUp(o);
      await new Promise((r) => setTimeout(r, 10));
      expect(screen.queryByRole('button'), JSON.stringify(o)).toBeNull();
      expect(screen.queryByRole('status')).toBeNull();
      if (o.page === null) expect(order).toEqual([]);
      cleanup();
    }
  });
});
