// The browser's own extension namespace, where it needs no polyfill: Firefox's `browser`, and
// Chrome's `chrome` for the extension pages (in Manifest V3 its APIs return promises, and the
// pages add no runtime.onMessage listener whose answer is a promise — what the polyfill is for
// in Chrome). build.mjs puts this in webextension-polyfill's place in those bundles, which then
// carry no copy of a library that would do nothing there.
import type Browser from 'webextension-polyfill';

const g = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };
const nativeBrowser = (g.browser ?? g.chrome) as typeof Browser;
export default nativeBrowser;
