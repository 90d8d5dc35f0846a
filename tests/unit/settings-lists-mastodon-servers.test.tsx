// @vitest-environment happy-dom
// Settings → "Mastodon servers": the writer adds a server by its address; the browser is asked
// for that server alone in the click itself; the background checks it is Mastodon and starts
// there; each listed server can be turned off. Refusals, bad addresses and servers that are
// not Mastodon are said, and list nothing.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MessageType, Request, Response } from '../../src/messages';
import { MastodonServers, serverOrigin } from '../../src/options/MastodonServers';
import type { Connection } from '../../src/popup/connection';

afterEach(cleanup);

function setUp(o: { granted?: boolean; mastodon?: (origin: string) => boolean; listed?: string[] } = {}) {
  const order: string[] = [];
  const listed = [...(o.listed ?? [])];
  const connection = {
    request: vi.fn(async <T extends MessageType>(type: T, request: Request<T>): Promise<Response<T>> => {
      order.push(type === 'listMastodon' ? type : `${type} ${(request as { origin: string }).origin}`);
      if (type === 'listMastodon') return { origins: [...listed] } as Response<T>;
      const origin = (request as { origin: string }).origin;
      if (type === 'enableMastodon') {
        if (!(o.mastodon ?? (() => true))(origin)) throw new Error(`${new URL(origin).host} is not a Mastodon server (it does not answer as Mastodon’s API does), so Roundup cannot read this post from it.`);
        listed.push(origin);
        return { origin, host: new URL(origin).host, mastodon: true, enabled: true } as Response<T>;
      }
      if (type === 'disableMastodon') {
        listed.splice(listed.indexOf(origin), 1);
        return { origins: [...listed] } as Response<T>;
      }
      throw new Error(`unexpected ${type}`);
    }),
  } as unknown as Connection;
  const access = { request: vi.fn((origin: string) => (order.push(`ask ${origin}`), Promise.resolve(o.granted ?? true))) };
  // In a landmark, as the settings page has it.
  render(<main><MastodonServers connection={connection} access={access} /></main>);
  return { order, listed };
}

const add = async (address: string) => {
  fireEvent.input(await screen.findByRole('textbox', { name: 'Mastodon server' }), { target: { value: address } });
  fireEvent.click(screen.getByRole('button', { name: 'Add server' }));
};

describe('Settings → Mastodon servers', () => {
  it('adds a server: asked in the click, checked by the background, listed with "Turn off"', async () => {
    const { order } = setUp();
    fireEvent.input(await screen.findByRole('textbox', { name: 'Mastodon server' }), { target: { value: '  https://social.example/@alice/103 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add server' }));
    expect(order.at(-1)).toBe('ask https://social.example'); // synchronously, in the click
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Roundup runs on social.example now: each post there has a “Clip post” button.'));
    const list = screen.getByRole('list', { name: 'Mastodon servers' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['social.example Turn off on social.example']);
    expect(order).toEqual(['listMastodon', 'ask https://social.example', 'enableMastodon https://social.example', 'listMastodon']);
    expect((screen.getByRole('textbox', { name: 'Mastodon server' }) as HTMLInputElement).value).toBe('');
    expect((await axe.run(document.body)).violations).toEqual([]);
  });

  it('turns a server off', async () => {
    const { listed } = setUp({ listed: ['https://fosstodon.org'] });
    fireEvent.click(await screen.findByRole('button', { name: 'Turn off on fosstodon.org' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Roundup no longer runs on fosstodon.org.'));
    expect(listed).toEqual([]);
    expect(screen.queryByRole('list', { name: 'Mastodon servers' })).toBeNull();
  });

  it('a refusal, a server that is not Mastodon, and a bad address: said, nothing listed', async () => {
    setUp({ granted: false });
    await add('social.example');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not allowed: Roundup stays off social.example.'));
    cleanup();

    setUp({ mastodon: () => false });
    await add('blog.example');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Could not start on blog\.example: blog\.example is not a Mastodon server/));
    expect(screen.queryByRole('list', { name: 'Mastodon servers' })).toBeNull();
    cleanup();

    const { order } = setUp();
    await add('http://social.example');
    expect(screen.getByRole('alert').textContent).toBe('Roundup runs only on servers reached over https.');
    await add('');
    expect(screen.getByRole('alert').textContent).toBe('Give the server’s address, e.g. mastodon.social.');
    expect(order.some((x) => x.startsWith('ask'))).toBe(false);
  });

  it('reads what the writer types as a server address', () => {
    expect(serverOrigin('mastodon.social')).toEqual({ origin: 'https://mastodon.social' });
    expect(serverOrigin('MASTODON.social/@Gargron')).toEqual({ origin: 'https://mastodon.social' });
    expect(serverOrigin('@alice@social.example')).toEqual({ origin: 'https://social.example' });
    expect(serverOrigin('https://social.example:8443/home')).toEqual({ origin: 'https://social.example:8443' });
    for (const bad of ['localhost', 'https://user:pw@social.example', 'javascript:alert(1)', 'ftp://social.example', 'not an address at all']) {
      expect(serverOrigin(bad), bad).toHaveProperty('error');
    }
  });
});
