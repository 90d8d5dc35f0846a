// Firefox ESR: the same picking scenario as the Chromium file, over WebDriver BiDi.
import { describe } from 'vitest';
import type { Page } from 'puppeteer-core';
import { extensionDir } from './helpers/driver.js';
import { FIREFOX_PATH, firefoxInstalled, launchFirefox } from './helpers/firefox.js';
import { pickingScenario, type EvalPage, type Picker } from './helpers/picking.js';

if (!firefoxInstalled()) console.warn(`SKIPPED Firefox picking tests: ${FIREFOX_PATH} not found (apt-get install firefox-esr)`);

const asEval = (page: Page) => page as unknown as EvalPage;

describe.skipIf(!firefoxInstalled())('Firefox: picking posts', () => {
  pickingScenario(async (port) => {
    const d = await launchFirefox(extensionDir('firefox'), port);
    const picker: Picker = {
      ...d,
      x: () => asEval(d.xPage()),
      editor: () => asEval(d.editorPage()),
      async openOtherX(path) {
        const page = await d.browser.newPage();
        await page.goto(`https://x.com${path}`, { waitUntil: 'domcontentloaded' });
        return asEval(page);
      },
      async clickInX(selector) {
        await d.xPage().bringToFront();
        await d.xPage().click(selector);
      },
      editorToFront: () => d.editorPage().bringToFront(),
      async pressInX(key) {
        await d.xPage().bringToFront(); // an unfocused Firefox tab gets no focus events
        await d.xPage().keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
      },
    };
    return picker;
  });
});
