// Tells every x.com (and bsky.app, and enabled Mastodon instance) tab what changed, so a post clipped in one tab (or removed in the editor)
// shows its new state in every tab. `tabs.query` by URL needs no "tabs" permission for hosts the
// extension already has; `tabs.sendMessage` needs none. Nothing is kept in memory.
import { browser } from '../platform';
import { X_PAGE_PATTERNS } from '../capture';
import { BLUESKY_PAGE_HOSTS } from '../model/networks';
import { enabledInstances, originPattern } from '../platform/instances';
import type { ContentMessage, MessageType, Request, Response } from '../messages';
import type { Handlers, SenderInfo } from './router';

/** Every page the content script runs on: X's and Bluesky's. */
const PAGE_PATTERNS = [...X_PAGE_PATTERNS, ...BLUESKY_PAGE_HOSTS.map((host) => `https://${host}/*`)];

export async function tellXTabs(message: ContentMessage): Promise<void> {
  // And the Mastodon instances the writer enabled Roundup on (platform/instances.ts).
  const instances = (await enabledInstances()).map(originPattern);
  const tabs = await browser.tabs.query({ url: [...PAGE_PATTERNS, ...instances] });
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? null : browser.tabs.sendMessage(tab.id, message).catch(() => null))),
  );
}

// Messages that never change which posts the current roundup holds. Every other one may (new
// roundup, import, undo…), so a message added later is announced rather than missed.
const QUIET = new Set<MessageType>([
  'getCurrentRoundup', 'setRoundupText', 'setItemText', 'moveItem', 'getSettings', 'getClips',
  'setRoundupLanguage', 'setPublished', 'exportAll', 'emptyTrash', 'getCopiesSummary', 'retryCopies',
  'checkWordPressSite', 'saveWordPressSite', 'removeWordPressSite', 'getPublishState', 'sendToWordPress',
  'mastodonTab', 'enableMastodon', 'listMastodon', 'disableMastodon',
]);

type AnyHandler = (request: unknown, sender: SenderInfo) => Promise<unknown>;

/** The same handlers, which afterwards tell x.com tabs about new clips or settings. */
export function withTabNotices(inner: Handlers, tell: (m: ContentMessage) => Promise<void> = tellXTabs): Handlers {
  const out: Record<string, AnyHandler> = { ...(inner as unknown as Record<string, AnyHandler>) };
  for (const type of Object.keys(inner) as MessageType[]) {
    if (QUIET.has(type)) continue;
    const handler = out[type] as AnyHandler;
    out[type] = async (request, sender) => {
      const response = await handler(request, sender);
      // Not awaited: the sender has its answer at once; tabs learn a moment later.
      void announce(inner, type, response as Response<MessageType>, tell).catch((e: unknown) =>
        console.warn('Roundup could not update other tabs:', e),
      );
      return response;
    };
  }
  return out as unknown as Handlers;
}

async function announce(inner: Handlers, type: MessageType, response: Response<MessageType>, tell: (m: ContentMessage) => Promise<void>) {
  if (type === 'updateSettings') {
    const settings = response as Response<'updateSettings'>;
    await tell({ type: 'settingsChanged', inlineButtons: settings.inlineButtons });
    return;
  }
  if ((type === 'clipPost' || type === 'clipLink') && !(response as Response<'clipPost'>).added) return;
  const snapshot = await inner.getClips({} as Request<'getClips'>, {});
  await tell({ type: 'clipsChanged', snapshot });
}
