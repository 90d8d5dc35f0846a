// Firefox ESR: the same mixed roundup as the Chromium file.
import { describe } from 'vitest';
import { extensionDir } from './helpers/driver.js';
import { FIREFOX_PATH, firefoxInstalled, launchFirefox } from './helpers/firefox.js';
import { firefoxExportView } from './helpers/export-firefox.js';
import { firefoxBlueskyTab } from './helpers/bluesky-scenario.js';
import { mixedScenario } from './helpers/mixed-scenario.js';

// Firefox is optional on a developer machine (Chromium never is): skip, but say so.
if (!firefoxInstalled()) console.warn(`SKIPPED Firefox end-to-end tests: ${FIREFOX_PATH} not found (apt-get install firefox-esr)`);

describe.skipIf(!firefoxInstalled())('Firefox: a mixed roundup, clipped for real, exported in every text format', () => {
  mixedScenario(async (port) => {
    const d = await launchFirefox(extensionDir('firefox'), port);
    return {
      view: await firefoxExportView(d),
      tab: firefoxBlueskyTab(d),
      async pressOnXByKey(name) {
        // The button is a plain <button> in the page: Firefox's own accessible names serve.
        const page = d.xPage();
        const b = await page.waitForSelector(`::-p-aria([name="${name}"][role="button"])`, { timeout: 10_000 });
        if (!b) throw new Error(`no button "${name}" on the x.com page`);
        await b.focus();
        await page.keyboard.press('Enter');
      },
    };
  });
});
