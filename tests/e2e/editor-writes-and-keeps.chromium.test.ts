// Chromium: the drafting editor end to end (helpers/editor-scenarios.ts), with the service
// worker stopped between clips.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, extensionDir } from './helpers/driver.js';
import { launchChromium, type ChromiumDriver } from './helpers/chromium.js';
import { chromiumEditor } from './helpers/editor-pages.js';
import { editorScenarios } from './helpers/editor-scenarios.js';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

describe('Chromium: the drafting editor', () => {
  let chromium: ChromiumDriver | undefined;
  editorScenarios(async (port) => {
    const d = (chromium = await launchChromium(extensionDir('chrome'), port));
    return {
      driver: d,
      quit: () => d.quit(),
      open: (path) => chromiumEditor(d.context, d.extensionId, path),
      stopServiceWorkers: () => d.stopServiceWorkers(),
      async darkAudit(path) {
        const page = await d.context.newPage();
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.goto(`chrome-extension://${d.extensionId}/${path}`);
        await page.getByRole('textbox', { name: 'Title', exact: true }).waitFor();
        await page.evaluate(AXE);
        const violations = (await page.evaluate('axe.run(document).then((r) => r.violations.map((v) => v.id + ": " + v.help))')) as string[];
        await page.close();
        return violations;
      },
    };
  });

  test('"Open in tab" moves the editor to a tab with the cursor where it was', async () => {
    const d = chromium!;
    const popup = await d.context.newPage();
    await popup.goto(`chrome-extension://${d.extensionId}/popup.html`);
    const intro = popup.getByRole('textbox', { name: 'Introduction', exact: true });
    await intro.click();
    await intro.pressSequentially('Half a sentence');
    await intro.press('Control+Home');
    for (let i = 0; i < 5; i++) await intro.press('ArrowRight');
    const opened = d.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Open in tab', exact: true }).click();
    const tab = await opened;
    await tab.waitForURL(/popup\.html\?home=tab#/);
    const place = () => tab.evaluate(() => {
      const el = document.activeElement as HTMLTextAreaElement | null;
      return el ? [el.getAttribute('data-place'), el.selectionStart, el.selectionEnd] : null;
    });
    await expect.poll(place, { timeout: 10_000 }).toEqual(['intro', 5, 5]);
    // What was typed in the popup went ahead of the move: the tab shows it.
    expect(await tab.getByRole('textbox', { name: 'Introduction', exact: true }).inputValue()).toContain('Half a sentence');
    await expect.poll(() => popup.isClosed(), { timeout: 5_000, message: 'the popup closes itself' }).toBe(true);
    await tab.close();
  });
});
