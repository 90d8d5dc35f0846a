// The browser's own panel beside the page: Chrome's side panel, Firefox's sidebar. Both open
// only straight from a click (a user gesture), so `openSidePanel` makes its call first, before
// anything is awaited: an await in between would spend the gesture and the browser refuses.
import { browser } from './index';
import { t } from './i18n';

interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
}
interface ChromeGlobal {
  sidePanel?: ChromeSidePanel;
  windows?: { WINDOW_ID_CURRENT: number };
}
interface Sidebar {
  open(): Promise<void>;
}

const chromePanel = (): { panel: ChromeSidePanel; window: number } | null => {
  const chrome = (globalThis as { chrome?: ChromeGlobal }).chrome;
  // Firefox also names its namespace `chrome`; it has no sidePanel there.
  return chrome?.sidePanel && chrome.windows ? { panel: chrome.sidePanel, window: chrome.windows.WINDOW_ID_CURRENT } : null;
};
const sidebar = (): Sidebar | null => (browser as unknown as { sidebarAction?: Sidebar }).sidebarAction ?? null;

/** Whether this browser has a panel beside the page that the editor can open in. */
export function hasSidePanel(): boolean {
  return chromePanel() !== null || sidebar() !== null;
}

/** Opens the editor's panel in the current window; call it straight from a click. */
export function openSidePanel(): Promise<void> {
  const chrome = chromePanel();
  if (chrome) return chrome.panel.open({ windowId: chrome.window });
  const firefox = sidebar();
  if (firefox) return firefox.open();
  return Promise.reject(new Error(t('noSidePanel')));
}
