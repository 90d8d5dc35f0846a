// The editor as it runs in the browser, minus the browser: the real store on fake-indexeddb
// (the database the editor itself opens, named "roundup"), the real handlers answering the
// editor's requests in place of the background, and their change notices delivered back.
// Errors come back as the real connection gives them: a handler's error can never succeed as
// sent (`transient: false`); a `failing` type fails as a full disk would (`transient: true`).
// Each harness starts with an empty journal (localStorage). Publishing reaches no site unless
// a test passes its own `publishing` (e.g. a fake WordPress as `call`).
import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import { createHandlers } from '../../../src/background/handlers';
import type { PublishDeps } from '../../../src/background/publish';
import type { Handlers } from '../../../src/background/router';
import type { ChangeNotice, MessageType } from '../../../src/messages';
import type { Connection, RequestError } from '../../../src/popup/connection';
import type { Host } from '../../../src/popup/host';
import { createStores, openRoundupDb, type Db, type Stores } from '../../../src/store';

let db: Db | undefined;

/** An error as connection.ts gives it (not imported from there: it loads the browser's API). */
const requestError = (message: string, transient: boolean): RequestError =>
  Object.assign(new Error(message), { name: 'RequestError', transient });

export interface Harness {
  store: Stores;
  connection: Connection;
  host: Host & { openInTab: ReturnType<typeof vi.fn>; openSettings: ReturnType<typeof vi.fn> };
  /** Requests of these types fail, as a full disk or a closed database would make them (transient). */
  failing: Set<MessageType>;
  /** Every request the editor sent, in order. */
  sent: Array<{ type: MessageType; request: unknown }>;
}

export async function harness({ publishing }: { publishing?: PublishDeps } = {}): Promise<Harness> {
  db ??= await openRoundupDb();
  const tx = db.transaction(['posts', 'roundups', 'meta', 'trash', 'copies', 'publishing'], 'readwrite');
  await Promise.all([...tx.objectStoreNames].map((name) => tx.objectStore(name).clear()));
  await tx.done;
  globalThis.localStorage?.clear();

  const store = createStores(db);
  const listeners = new Set<(n: ChangeNotice) => void>();
  const handlers: Handlers = createHandlers(
    store,
    (r) => listeners.forEach((l) => l({ notice: 'changed', roundupId: r.id })),
    undefined,
    publishing,
  );
  const failing = new Set<MessageType>();
  const sent: Harness['sent'] = [];
  const connection: Connection = {
    async request(type, request) {
      sent.push({ type, request });
      if (failing.has(type)) throw requestError('the disk is full', true);
      try {
        return await (handlers[type] as (r: unknown, s: object) => Promise<never>)(request, {});
      } catch (e) {
        throw requestError((e as Error).message, false);
      }
    },
    onNotice(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const host = {
    home: 'popup' as const,
    shortcutSettings: 'chrome://extensions/shortcuts',
    shortcuts: async () => [
      { description: 'Clip the post in focus', shortcut: 'Alt+Shift+C' },
      { description: 'Start select mode', shortcut: '' },
    ],
    openInTab: vi.fn(async () => {}),
    openSettings: vi.fn(async () => {}),
  };
  return { store, connection, host, failing, sent };
}
