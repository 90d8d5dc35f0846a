// Chromium: Roundup on a Mastodon instance's own pages — enabled in Settings, its content script
// registered at run time, statuses clipped and read whole, a thread from its home instance.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { extensionDir } from './helpers/driver.js';
import { launchChromium } from './helpers/chromium.js';
import { chromiumExportView } from './helpers/export-chromium.js';
import { mastodonInstanceScenario } from './helpers/mastodon-instance-scenario.js';

type DeveloperPrivate = { chrome: { developerPrivate: { addHostPermission(id: string, origin: string): Promise<void> } } };

describe('Chromium: Roundup on a Mastodon instance the writer enables', () => {
  mastodonInstanceScenario(async (port) => {
    const d = await launchChromium(extensionDir('chrome'), port);
    let tab: Page | undefined;
    const on = (): Page => {
      if (!tab) throw new Error('open first');
      return tab;
    };
    return {
      view: await chromiumExportView(d),
      tab: {
        async open(url) {
          tab ??= await d.context.newPage();
          await tab.goto(url);
        },
        buttons: () => on().locator('button[data-roundup-clip]').evaluateAll((bs) => bs.map((b) => ({ postId: b.getAttribute('data-roundup-clip'), pressed: b.getAttribute('aria-pressed') }))),
        async press(selector, name) {
          await on().bringToFront();
          await on().locator(selector).first().getByRole('button', { name, exact: true }).click({ timeout: 15_000 });
        },
      },
      // Chromium's permission prompt cannot be clicked by automation: the test allows the server
      // the way the user can on chrome://extensions (Site access), after which the extension's
      // own permissions.request is granted without a prompt.
      async allow(origin) {
        const extensions = await d.context.newPage();
        await extensions.goto('chrome://extensions/');
        await extensions.evaluate(([id, pattern]) => (globalThis as unknown as DeveloperPrivate).chrome.developerPrivate.addHostPermission(id!, pattern!), [d.extensionId, `${origin}/*`]);
        await extensions.close();
      },
      async addServer(address) {
        const settings = await d.context.newPage();
        await settings.goto(`chrome-extension://${d.extensionId}/options.html`);
        await settings.getByRole('textbox', { name: 'Mastodon server', exact: true }).fill(address);
        await settings.getByRole('button', { name: 'Add server', exact: true }).click();
        const note = settings.locator('fieldset:has(legend:text-is("Mastodon servers")) [role="status"], fieldset:has(legend:text-is("Mastodon servers")) [role="alert"]');
        await expect.poll(async () => ((await note.count()) ? await note.first().textContent() : ''), { timeout: 15_000 }).not.toMatch(/^(|Asking.*)$/);
        const text = (await note.first().textContent()) ?? '';
        await settings.close();
        return text;
      },
    };
  });
});
