// The extension APIs a browser may lack. Firefox for Android has neither context menus nor
// keyboard commands: there `contextMenus` and `commands` are undefined, and the background
// starts without "Clip this post" and the shortcuts — everything else works as on a desktop.
import { browser } from './index';

export type ContextMenusApi = typeof browser.contextMenus;
type Optional = { contextMenus?: ContextMenusApi; commands?: typeof browser.commands };

/** The context-menu API, or undefined where the browser has none (Firefox for Android). */
export function contextMenusApi(): ContextMenusApi | undefined {
  return (browser as Optional).contextMenus ?? undefined;
}

/** The keyboard-commands API, or undefined where the browser has none (Firefox for Android). */
export function commandsApi(): typeof browser.commands | undefined {
  return (browser as Optional).commands ?? undefined;
}
