// Firefox for Android (the manifest's gecko_android) has neither context menus nor keyboard
// commands: `browser.contextMenus` and `browser.commands` are undefined there. The background
// must start all the same, and everything else work — here the real background module
// (src/background/index.ts) starts on a stand-in `browser` with the real store on
// fake-indexeddb, once without those two APIs and once with them, as on a desktop.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const ID = 'roundup@roundup.tools';
const ORIGIN = 'moz-extension://0b5e6e3a-android/';

function fakeBrowser({ desktop }: { desktop: boolean }) {
  const listeners = new Map<string, Listener[]>();
  const event = (name: string) => ({
    addListener: (l: Listener) => void listeners.set(name, [...(listeners.get(name) ?? []), l]),
    removeListener: () => {},
    hasListener: () => false,
  });
  const stored: Record<string, unknown> = {};
  const menus = { removeAll: vi.fn(async () => {}), create: vi.fn(), onClicked: event('contextMenus.onClicked') };
  const browser = {
    runtime: {
      id: ID,
      getURL: (path = '') => `${ORIGIN}${path}`,
      onMessage: event('runtime.onMessage'),
      onConnect: event('runtime.onConnect'),
      onInstalled: event('runtime.onInstalled'),
      onStartup: event('runtime.onStartup'),
    },
    action: { setBadgeText: vi.fn(async (_: { text: string }) => {}) },
    permissions: {
      contains: async () => false,
      request: async () => false,
      remove: async () => true,
      onAdded: event('permissions.onAdded'),
      onRemoved: event('permissions.onRemoved'),
    },
    storage: {
      local: {
        get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}),
        set: async (items: Record<string, unknown>) => void Object.assign(stored, items),
      },
      onChanged: event('storage.onChanged'),
    },
    scripting: {
      getRegisteredContentScripts: async () => [],
      registerContentScripts: async () => {},
      updateContentScripts: async () => {},
      unregisterContentScripts: async () => {},
      executeScript: async () => [],
    },
    tabs: { query: async () => [], sendMessage: async () => undefined },
    ...(desktop ? { contextMenus: menus, commands: { onCommand: event('commands.onCommand') } } : {}),
  };
  return { browser, listeners, menus, fire: (name: string, ...args: unknown[]) => (listeners.get(name) ?? []).map((l) => l(...args)) };
}

/** Starts the background module afresh on this browser; what it threw, if anything. */
async function startBackground(fake: ReturnType<typeof fakeBrowser>): Promise<unknown> {
  vi.resetModules();
  vi.doMock('webextension-polyfill', () => ({ default: fake.browser }));
  try {
    await import('../../src/background/index');
    return null;
  } catch (e) {
    return e;
  }
}

/** A message from the extension's own editor page, as the router checks senders. */
async function fromEditor(fake: ReturnType<typeof fakeBrowser>, message: object) {
  const [reply] = fake.fire('runtime.onMessage', message, { id: ID, url: `${ORIGIN}popup.html` });
  return reply as Promise<{ ok: boolean; value?: unknown; error?: string }>;
}

beforeEach(() => {
  // Each start gets an empty database; the background's start-up scan waits on a timer.
  globalThis.indexedDB = new IDBFactory();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.doUnmock('webextension-polyfill');
  vi.useRealTimers();
});

describe('the background on a browser without context menus and commands (Firefox for Android)', () => {
  it('starts without throwing and listens for messages, ports and its start', async () => {
    const fake = fakeBrowser({ desktop: false });
    expect('contextMenus' in fake.browser || 'commands' in fake.browser).toBe(false);
    expect(await startBackground(fake)).toBeNull();
    for (const name of ['runtime.onMessage', 'runtime.onConnect', 'runtime.onInstalled', 'runtime.onStartup']) {
      expect(fake.listeners.get(name)?.length, name).toBeGreaterThan(0);
    }
    expect(fake.listeners.has('contextMenus.onClicked')).toBe(false);
    expect(fake.listeners.has('commands.onCommand')).toBe(false);
  });

  it('installs, clips a link, counts it on the badge and hands back the roundup', async () => {
    const fake = fakeBrowser({ desktop: false });
    expect(await startBackground(fake)).toBeNull();
    await Promise.all(fake.fire('runtime.onInstalled', { reason: 'install' }));
    const clipped = await fromEditor(fake, { type: 'clipLink', url: 'https://x.com/someone/status/1234567890123', pageUrl: 'https://example.org/' });
    expect(clipped).toMatchObject({ ok: true, value: { added: true, postId: 'x:1234567890123' } });
    await vi.waitFor(() => expect(fake.browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '1' }));
    const current = await fromEditor(fake, { type: 'getCurrentRoundup' });
    expect(current).toMatchObject({ ok: true, value: { roundup: { items: [{ postId: 'x:1234567890123' }] } } });
  });
});

describe('the background on a desktop browser', () => {
  it('makes the "Clip this post" menu at install and listens for its clicks and for the commands', async () => {
    const fake = fakeBrowser({ desktop: true });
    expect(await startBackground(fake)).toBeNull();
    expect(fake.listeners.get('contextMenus.onClicked')).toHaveLength(1);
    expect(fake.listeners.get('commands.onCommand')).toHaveLength(1);
    await Promise.all(fake.fire('runtime.onInstalled', { reason: 'install' }));
    await vi.waitFor(() => expect(fake.menus.create).toHaveBeenCalledWith(expect.objectContaining({ id: 'roundup-clip-post-link', contexts: ['link'] })));
  });
});
