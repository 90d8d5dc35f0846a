// Chromium: every way of picking posts, on a saved x.com page (helpers/picking.ts).
import { describe } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionDir } from './helpers/driver.js';
import { launchChromium } from './helpers/chromium.js';
import { pickingScenario, type EvalPage, type Picker } from './helpers/picking.js';

const asEval = (page: Page) => page as unknown as EvalPage;

describe('Chromium: picking posts', () => {
  pickingScenario(async (port) => {
    const d = await launchChromium(extensionDir('chrome'), port);
    const picker: Picker = {
      ...d,
      x: () => asEval(d.xPage()),
      editor: () => asEval(d.editorPage()),
      async openOtherX(path) {
        const page = await d.context.newPage();
        await page.goto(`https://x.com${path}`);
        return asEval(page);
      },
      async clickInX(selector) {
        await d.xPage().bringToFront();
        await d.xPage().locator(selector).first().click();
      },
      editorToFront: () => d.editorPage().bringToFront(),
      async pressInX(key) {
        await d.xPage().bringToFront();
        await d.xPage().keyboard.press(key);
      },
    };
    return picker;
  });
});
