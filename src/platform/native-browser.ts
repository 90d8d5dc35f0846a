// Firefox's own `browser` namespace, which webextension-polyfill hands back unchanged there:
// build.mjs puts this in the polyfill's place in Firefox's background bundle, which then
// carries no copy of a library that does nothing in it.
import type Browser from 'webextension-polyfill';

const firefoxBrowser = (globalThis as unknown as { browser: typeof Browser }).browser;
export default firefoxBrowser;
