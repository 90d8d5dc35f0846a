// The Mastodon instances the writer has enabled Roundup on. Each is an optional host permission
// for that origin alone (asked from the editor, or at the first "Clip this post" on a link to
// one), and a content script registered for it at run time (`scripting.registerContentScripts`:
// the manifest cannot list servers nobody knows in advance). The list of enabled origins is kept
// in `storage.local`: the permissions alone cannot tell an instance from the writer's WordPress
// site, which is an optional origin too. What is enabled is what is both listed and granted —
// a permission taken back in the browser's own settings disables the instance.
import { possibleInstance } from '../model/networks';
import { browser } from './index';
import { mayRunOn, originPattern } from './instance-permission';

export { askToRunOn, mayRunOn, originPattern } from './instance-permission';

const KEY = 'mastodonInstances';
/** The asked-once record: an origin the writer refused is not asked again from a link. */
const ASKED = 'mastodonInstancesAsked';
const SCRIPT_ID = 'roundup-mastodon';
/** The Mastodon instances' own bundle (src/content/mastodon.ts). */
const CONTENT_SCRIPT = 'content-mastodon.js';
const MAX_INSTANCES = 200;

async function listed(key: string): Promise<string[]> {
  try {
    const value = (await browser.storage.local.get(key))[key];
    return Array.isArray(value) ? value.filter((o): o is string => typeof o === 'string' && possibleInstance(o)?.origin === o) : [];
  } catch {
    return [];
  }
}

async function list(key: string, origins: string[]): Promise<void> {
  await browser.storage.local.set({ [key]: [...new Set(origins)].slice(-MAX_INSTANCES) });
}

/** The instances enabled now: listed and still granted. */
export async function enabledInstances(): Promise<string[]> {
  const out: string[] = [];
  for (const origin of await listed(KEY)) if (await mayRunOn(origin)) out.push(origin);
  return out;
}

/** Lists the origin as enabled (its permission granted) and runs the content script there. */
export async function addInstance(origin: string): Promise<void> {
  await list(KEY, [...(await listed(KEY)), origin]);
  await syncInstanceScripts();
}

/** Takes the origin off the list and gives its permission back; its tabs keep the script until reloaded, which then no longer answers there. */
export async function removeInstance(origin: string): Promise<void> {
  await list(KEY, (await listed(KEY)).filter((o) => o !== origin));
  try {
    await browser.permissions.remove({ origins: [originPattern(origin)] });
  } catch {
    // Not granted, or not an origin: nothing to give back.
  }
  await syncInstanceScripts();
}

/** The origins asked for from a link before (granted or not). */
export const askedInstances = (): Promise<string[]> => listed(ASKED);

/** Records that the origin was asked for from a link: it is not asked again that way. */
export async function markAsked(origin: string): Promise<void> {
  await list(ASKED, [...(await listed(ASKED)), origin]);
}

/**
 * Makes the registered content script match the enabled instances, and starts it in their open
 * tabs (a registered script runs only on pages loaded afterwards). Called at every start of
 * the background, and when a permission is granted or taken back.
 */
export async function syncInstanceScripts(): Promise<string[]> {
  const origins = await enabledInstances();
  const matches = origins.map(originPattern);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  const had = new Set(registered[0]?.matches ?? []);
  if (matches.length === 0) {
    if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return origins;
  }
  const script = { id: SCRIPT_ID, matches, js: [CONTENT_SCRIPT], runAt: 'document_idle' as const, persistAcrossSessions: true };
  if (registered.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  const added = matches.filter((m) => !had.has(m));
  if (added.length) await startInOpenTabs(added);
  return origins;
}

/** Runs the content script in the open tabs of these patterns (it replaces itself if already there). */
async function startInOpenTabs(patterns: string[]): Promise<void> {
  const tabs = await browser.tabs.query({ url: patterns }).catch(() => []);
  await Promise.all(tabs.map((tab) => tab.id === undefined ? null
    : browser.scripting.executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT] }).catch(() => null)));
}

/** Calls `listener` when a host permission is granted or taken back (in Roundup or the browser's settings). */
export function onInstancePermissionsChanged(listener: () => void): void {
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
}
