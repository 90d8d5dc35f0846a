// Firefox ESR: the same Bluesky scenario as the Chromium file, over WebDriver BiDi.
import { describe } from 'vitest';
import { extensionDir } from './helpers/driver.js';
import { FIREFOX_PATH, firefoxInstalled, launchFirefox } from './helpers/firefox.js';
import { firefoxExportView } from './helpers/export-firefox.js';
import { blueskyScenario, firefoxBlueskyTab } from './helpers/bluesky-scenario.js';

// Firefox is optional on a developer machine (Chromium never is): skip, but say so.
if (!firefoxInstalled()) console.warn(`SKIPPED Firefox end-to-end tests: ${FIREFOX_PATH} not found (apt-get install firefox-esr)`);

describe.skipIf(!firefoxInstalled())('Firefox: clip on Bluesky, read whole, export as its embed', () => {
  blueskyScenario(async (port) => {
    const d = await launchFirefox(extensionDir('firefox'), port);
    return { view: await firefoxExportView(d), tab: firefoxBlueskyTab(d) };
  });
});
