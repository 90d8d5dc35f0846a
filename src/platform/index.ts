// The one door to the WebExtension APIs. webextension-polyfill is a no-op where the browser
// already has `browser.*` (Firefox) and wraps `chrome.*` in promises elsewhere, so every
// other module stays testable without a browser by importing from here only.
import browser from 'webextension-polyfill';
import { uiLanguage } from './i18n';

export type { Runtime, Tabs, Menus } from 'webextension-polyfill';
export { browser };

export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

/**
 * The writer's language, for what Roundup writes for them (a new roundup's exports): the
 * language of Roundup's own words when the browser gave it one of its catalogues, else the
 * browser's interface language (e.g. "it": no catalogue, yet its dates are Italian). The
 * catalogue comes first because Chromium started with --lang may still report "en-US" from
 * getUILanguage while it shows the German catalogue. Some browsers say "en_US"; "en" where
 * there is no i18n API at all.
 */
export function writerLanguage(): string {
  const shown = uiLanguage();
  return shown !== 'en' ? shown : (browser.i18n?.getUILanguage?.() ?? 'en');
}
