// The service worker (Chrome) / background script (Firefox): wiring only. MV3 may stop it at
// any moment, so it keeps nothing in memory it cannot lose: the database is reopened on wake.
import { browser, writerLanguage, type Runtime } from '../platform';
import { EDITOR_PORT, LONG_REQUESTS, type ChangeNotice, type MessageType, type Reply } from '../messages';
import type { Roundup } from '../model/roundup';
import { roundupLanguage } from '../model/language';
import { createStores, openRoundupDb, type Stores } from '../store';
import { createWriteFaults, withWriteFaults, type WriteFaults } from '../store/faults';
import { createHandlers, type ChangeKind } from './handlers';
import { createRouter, deferHandlers, type SenderInfo } from './router';
import { startPicking, withTabNotices } from './picking';
import { createCopier } from './copies';
import { fetchPicture } from '../platform/fetch-picture';
import { mayLoadPictures, onPicturesAllowed } from '../platform/permissions';
import { maySendTo } from '../platform/site-permissions';
import { callSite } from '../platform/site-fetch';
import { getApi } from '../platform/api-fetch';
import { BLUESKY_PAGE_HOSTS, X_PAGE_HOSTS } from '../model/networks';
import { createBluesky } from './bluesky';
import { createMastodon } from './mastodon';
import { statusReader } from '../platform/read-status';
import { addInstance, enabledInstances, mayRunOn, onInstancePermissionsChanged, removeInstance, syncInstanceScripts } from '../platform/instances';

/** Hosts whose pages run the content script (model/networks.ts). */
export const CONTENT_HOSTS: readonly string[] = [...X_PAGE_HOSTS, ...BLUESKY_PAGE_HOSTS];

// Tests reach the write-fault hook through the worker's global scope (store/faults.ts).
const faults = createWriteFaults();
(globalThis as typeof globalThis & { roundupFaults?: WriteFaults }).roundupFaults = faults;

let storePromise: Promise<Stores> | undefined;
function store(): Promise<Stores> {
  // A new roundup's exports speak the browser's language until the writer picks another.
  storePromise ??= openRoundupDb().then((db) => createStores(withWriteFaults(db, faults), { language: () => roundupLanguage(writerLanguage()) }));
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
function tellEditors(notice: ChangeNotice): void {
  for (const port of editorPorts) {
    try {
      port.postMessage(notice);
    } catch {
      editorPorts.delete(port);
    }
  }
}

async function afterChange(roundup: Roundup, kind: ChangeKind): Promise<void> {
  tellEditors({ notice: 'changed', roundupId: roundup.id });
  // The badge counts the current roundup, which need not be the one that changed.
  if (kind === 'posts') await refreshBadge();
}

// Copies of the pictures clipped posts show (background/copies.ts): made after each clip, a few
// at a time; what a stopped worker left undone is picked up on the next clip, here at start,
// when the user grants the media hosts' permission, and when the editor asks.
const copier = createCopier({
  store,
  fetch: fetchPicture,
  now: Date.now,
  mayFetch: mayLoadPictures,
  onStored: () => tellEditors({ notice: 'changed', copies: true }),
});
onPicturesAllowed(() => void copier.resume({ force: true }));
// Every start of the worker (a browser start wakes it too): drop the copies nothing needs, then
// resume. A few seconds later, not at once: the scan reads every roundup, post and copy in one
// readwrite transaction, and the event that woke the worker (a keystroke's save, a clip) must
// not wait behind it. A worker stopped before then does it at its next start.
const STARTUP_SCAN_DELAY_MS = 5_000;
setTimeout(() => void copier.collect().then(() => copier.resume()), STARTUP_SCAN_DELAY_MS);

// Publishing (background/publish.ts): the one fetch to the writer's site, and its permission.
const publishing = { call: callSite, fetchPicture, maySendTo, now: () => new Date().toISOString() };

// The networks' public APIs (background/bluesky.ts, mastodon.ts): a clipped Bluesky post, and a
// Mastodon status whose link is clipped, are read whole there. A Mastodon status's HTML is read
// with this browser's DOM: Firefox's background page has one; Chrome's service worker asks its
// offscreen document (platform/read-status.ts).
const now = () => new Date().toISOString();
const apis = {
  bluesky: createBluesky({ get: getApi, now }),
  mastodon: createMastodon({ get: getApi, readStatusFromJson: statusReader(), now }),
  instances: { enabled: enabledInstances, mayRunOn, add: addInstance, remove: removeInstance },
};

// The Mastodon instances the writer enabled: their content script registered again at each
// start (a browser may drop registered scripts on update), and when a permission is granted or
// taken back — in Roundup, or in the browser's own settings.
const syncInstances = () => void syncInstanceScripts().catch((e: unknown) => console.warn('Roundup could not start on the enabled Mastodon servers:', e));
syncInstances();
onInstancePermissionsChanged(syncInstances);

// Handlers ask for the store on each call, so a stopped and restarted worker just reopens it.
const handlers = withTabNotices(deferHandlers(async () => createHandlers(await store(), afterChange, copier, publishing, apis)));
startPicking(handlers);

const router = createRouter(
  handlers,
  {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    contentHosts: CONTENT_HOSTS,
    instanceOrigins: enabledInstances,
  },
);

function senderInfo(sender: Runtime.MessageSender): SenderInfo {
  return { id: sender.id, url: sender.url, tabId: sender.tab?.id };
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => router(message, senderInfo(sender)));

// Replies to recent editor requests by `client:requestId`: an editor resends what was not
// answered when its port dropped, and a request already done is answered, not done twice. Lost
// with the worker, which is harmless: every handler is idempotent as well (a second delete of
// one roundup, a second restore, a create with the same id change nothing).
const RECENT = 500;
const recent = new Map<string, Promise<Reply<MessageType>>>();
function once(message: unknown, run: () => Promise<Reply<MessageType>>): Promise<Reply<MessageType>> {
  const { client, requestId } = (message ?? {}) as { client?: unknown; requestId?: unknown };
  if (typeof client !== 'string' || typeof requestId !== 'number') return run();
  const key = `${client}:${requestId}`;
  const known = recent.get(key);
  if (known) return known;
  const reply = run();
  recent.set(key, reply);
  // A transient failure may be tried again for real.
  void reply.then((r) => (!r.ok && r.transient ? recent.delete(key) : undefined));
  if (recent.size > RECENT) recent.delete(recent.keys().next().value as string);
  return reply;
}

// Editors send their edits over a port: messages posted on it are delivered even when the page
// closes right after posting, and they are handled in the order they were typed.
browser.runtime.onConnect.addListener((port) => {
  if (port.name !== EDITOR_PORT) return;
  editorPorts.add(port);
  port.onDisconnect.addListener(() => editorPorts.delete(port));
  let queue: Promise<unknown> = Promise.resolve();
  const answer = async (message: unknown) => {
    const reply = await once(message, () => router(message, senderInfo(port.sender ?? {})));
    const requestId = (message as { requestId?: unknown })?.requestId;
    try {
      port.postMessage({ requestId, reply });
    } catch {
      // The editor closed; its edit is stored all the same.
    }
  };
  port.onMessage.addListener((message: unknown) => {
    // A send to WordPress waits on the network for a while: the edits typed meanwhile go on.
    if (LONG_REQUESTS.has((message as { type?: MessageType } | null)?.type as MessageType)) void answer(message);
    else queue = queue.then(() => answer(message));
  });
});

async function refreshBadge(): Promise<void> {
  await showCount(await (await store()).currentRoundup());
}
browser.runtime.onStartup.addListener(() => void refreshBadge());
browser.runtime.onInstalled.addListener(() => void refreshBadge());
