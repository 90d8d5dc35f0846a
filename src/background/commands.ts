// Keyboard commands (manifest `commands`, changeable by the user in the browser's shortcut
// settings): each is passed on to the content script of the active tab, which owns the page.
import { browser, type Tabs } from '../platform';
import { commandsApi } from '../platform/optional-apis';
import type { ContentMessage } from '../messages';

export const COMMANDS: Record<string, ContentMessage> = {
  'toggle-select-mode': { type: 'selectMode' },
  'clip-focused-post': { type: 'clipFocused' },
};

async function run(command: string, tab: Tabs.Tab | undefined): Promise<void> {
  const message = COMMANDS[command];
  if (!message) return;
  // Older Firefox passes no tab: the active tab of the focused window is the one meant.
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  // On a page without the content script (not X) there is nothing to act on.
  await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => null);
}

/** Listens for the commands; where the browser has none (Firefox for Android), does nothing. */
export function startCommands(): void {
  commandsApi()?.onCommand.addListener((command: string, tab?: Tabs.Tab) => void run(command, tab));
}
