// What the editor needs from the browser beyond the store and the Port, passed in as a prop so
// the views are tested without one (src/popup/browser-host.ts is the real thing).

/** Where this copy of the editor lives. */
export type Home = 'popup' | 'tab' | 'panel';

export interface Shortcut {
  /** What the command does, in the user's words. */
  description: string;
  /** e.g. "Alt+Shift+S"; empty when the user has not set one. */
  shortcut: string;
}

export interface Host {
  home: Home;
  /** Where the browser lets the user change shortcuts, to tell them. */
  shortcutSettings: string;
  shortcuts(): Promise<Shortcut[]>;
  /** Opens the editor in a tab with the cursor at `place`, and closes the popup. */
  openInTab(place: string): Promise<void>;
  openSettings(): Promise<void>;
  /**
   * Opens the editor in the browser's panel beside the page (Chrome's side panel, Firefox's
   * sidebar), then, once `settled` (the words typed here are stored), closes the popup.
   * Straight from a click. Absent where the browser has none.
   */
  openInPanel?(settled: () => Promise<unknown>): Promise<void>;
  /**
   * Asks the browser to let Roundup load pictures from the media hosts (Firefox may not have);
   * called straight from a click. True when allowed.
   */
  allowPictures?(): Promise<boolean>;
  /**
   * The address of the page in the tab the editor opened over (the popup's), when that page
   * looks like Mastodon's web app; else null. Asks no site anything.
   */
  mastodonPage?(): Promise<string | null>;
  /** Asks the browser to let Roundup run on this Mastodon server; straight from a click. True when allowed. */
  runOn?(origin: string): Promise<boolean>;
}
