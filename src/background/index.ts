// The service worker (Chrome) / background script (Firefox): wiring only. MV3 may stop it at
// any moment, so it keeps nothing in memory it cannot lose: the database is reopened on wake.
import { browser, type Runtime } from '../platform';
import { EDITOR_PORT, type ChangeNotice } from '../messages';
import type { Roundup } from '../model/roundup';
import { createStores, openRoundupDb, type Stores } from '../store';
import { createHandlers, type ChangeKind } from './handlers';
import { createRouter, deferHandlers, type SenderInfo } from './router';
import { startPicking, withTabNotices } from './picking';

export const CONTENT_HOSTS = ['x.com', 'twitter.com', 'mobile.twitter.com'] as const;

let storePromise: Promise<Stores> | undefined;
function store(): Promise<Stores> {
  storePromise ??= openRoundupDb().then((db) => createStores(db));
  storePromise.catch(() => (storePromise = undefined));
  return storePromise;
}

async function showCount(roundup: Roundup): Promise<void> {
  const count = roundup.items.length;
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
}

// The editor ports open now. Losing this set with the worker is harmless: an editor connects
// again at once when its port drops, and re-reads the roundup when it does.
const editorPorts = new Set<Runtime.Port>();

/**
 * After every stored change: tell open editors to re-read, and show the current count — only
 * when it may have changed, so a keystroke's save costs no second transaction.
 */
async function afterChange(roundup: Roundup, kind: ChangeKind): Promise<void> {
  const notice: ChangeNotice = { notice: 'changed', roundupId: roundup.id };
  for (const port of editorPorts) {
    try {
      port.postMessage(notice);
    } catch {
      editorPorts.delete(port);
    }
  }
  // The badge counts the current roundup, which need not be the one that changed.
  if (kind === 'posts') await refreshBadge();
}

// Handlers ask for the store on each call, so a stopped and restarted worker just reopens it.
const handlers = withTabNotices(deferHandlers(async () => createHandlers(await store(), afterChange)));
startPicking(handlers);

const router = createRouter(
  handlers,
  {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    contentHosts: CONTENT_HOSTS,
  },
);

function senderInfo(sender: Runtime.MessageSender): SenderInfo {
  return { id: sender.id, url: sender.url, tabId: sender.tab?.id };
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => router(message, senderInfo(sender)));

// Editors send their edits over a port: messages posted on it are delivered even when the page
// closes right after posting, and they are handled in the order they were typed.
browser.runtime.onConnect.addListener((port) => {
  if (port.name !== EDITOR_PORT) return;
  editorPorts.add(port);
  port.onDisconnect.addListener(() => editorPorts.delete(port));
  let queue: Promise<unknown> = Promise.resolve();
  port.onMessage.addListener((message: unknown) => {
    queue = queue.then(async () => {
      const reply = await router(message, senderInfo(port.sender ?? {}));
      const requestId = (message as { requestId?: unknown })?.requestId;
      try {
        port.postMessage({ requestId, reply });
      } catch {
        // The editor closed; its edit is stored all the same.
      }
    });
  });
});

async function refreshBadge(): Promise<void> {
  await showCount(await (await store()).currentRoundup());
}
browser.runtime.onStartup.addListener(() => void refreshBadge());
browser.runtime.onInstalled.addListener(() => void refreshBadge());
