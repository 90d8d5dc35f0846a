// The one door to the WebExtension APIs. webextension-polyfill is a no-op where the browser
// already has `browser.*` (Firefox) and wraps `chrome.*` in promises elsewhere, so every
// other module stays testable without a browser by importing from here only.
import browser from 'webextension-polyfill';

export type { Runtime, Tabs, Menus } from 'webextension-polyfill';
export { browser };

export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

/** The browser's own interface language (e.g. "de", "pt-BR"; some browsers say "en_US"). */
export function browserLanguage(): string {
  return browser.i18n.getUILanguage();
}
