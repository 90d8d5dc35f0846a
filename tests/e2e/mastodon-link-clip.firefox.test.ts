// Firefox ESR: the same Mastodon scenario as the Chromium file; the background page parses the
// status's HTML with its own DOMParser (no offscreen document).
import { describe } from 'vitest';
import { extensionDir } from './helpers/driver.js';
import { FIREFOX_PATH, firefoxInstalled, launchFirefox } from './helpers/firefox.js';
import { firefoxExportView } from './helpers/export-firefox.js';
import { mastodonScenario } from './helpers/mastodon-scenario.js';

// Firefox is optional on a developer machine (Chromium never is): skip, but say so.
if (!firefoxInstalled()) console.warn(`SKIPPED Firefox end-to-end tests: ${FIREFOX_PATH} not found (apt-get install firefox-esr)`);

describe.skipIf(!firefoxInstalled())('Firefox: clip a Mastodon status from its link, read in the background page', () => {
  mastodonScenario(async (port) => {
    const d = await launchFirefox(extensionDir('firefox'), port);
    return { view: await firefoxExportView(d) };
  });
});
