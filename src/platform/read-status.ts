// Reading a Mastodon status's JSON into a Post needs a DOM for its HTML (capture/mastodon-api.ts
// `readStatus`, which parses synchronously). Where the background has one — Firefox's background
// page — it parses there with DOMParser. Chrome's service worker has none: the status goes to
// the offscreen document, which reads it and answers with the Post (platform/offscreen.ts).
// background/mastodon.ts takes the function, so it is tested without a browser.
import type { ReadPost } from '../capture/mastodon-api';
import { readStatusWithDom } from '../offscreen/read-status';
import type { StatusReadAt } from '../offscreen/protocol';
import { createOffscreenReader, type OffscreenApi, type OffscreenRuntime } from './offscreen';
import { t } from './i18n';

export type { StatusReadAt };

/** A status (as its instance's API answered) read into a Post; never throws. */
export type ReadStatusFromJson = (status: unknown, at: StatusReadAt) => Promise<ReadPost>;

/** Which browser this build is for (build.mjs defines it; unset when tests run the source). */
declare const ROUNDUP_TARGET: 'chrome' | 'firefox' | undefined;

/** This browser's way: DOMParser here when there is one, else Chrome's offscreen document. */
export function statusReader(): ReadStatusFromJson {
  // Written out in each test so the build folds it: Chrome's bundle leaves the DOM reader out.
  if ((typeof ROUNDUP_TARGET === 'undefined' || ROUNDUP_TARGET !== 'chrome') && typeof DOMParser === 'function') {
    return async (status, at) => {
      try {
        return readStatusWithDom(status, at);
      } catch {
        return { ok: false, error: t('statusUnreadable') };
      }
    };
  }
  const chrome = (globalThis as { chrome?: { offscreen?: OffscreenApi; runtime?: OffscreenRuntime } }).chrome;
  if ((typeof ROUNDUP_TARGET !== 'undefined' && ROUNDUP_TARGET === 'firefox') || !chrome?.offscreen || !chrome.runtime) {
    return async () => ({ ok: false, error: t('noWayToReadMastodon') });
  }
  const reader = createOffscreenReader({ offscreen: chrome.offscreen, runtime: chrome.runtime });
  return reader.read;
}
