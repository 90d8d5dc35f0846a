// Firefox ESR: the same Mastodon-instance scenario as the Chromium file. Firefox asks for an
// optional permission with a doorhanger automation cannot press; its own switch
// `extensions.webextOptionalPermissionPrompts: false` grants such a request as if the writer
// had allowed it, so the extension's permissions.request path runs for real.
import type { Page } from 'puppeteer-core';
import { describe, expect } from 'vitest';
import { extensionDir } from './helpers/driver.js';
import { FIREFOX_PATH, firefoxInstalled, launchFirefox } from './helpers/firefox.js';
import { firefoxExportView } from './helpers/export-firefox.js';
import { mastodonInstanceScenario } from './helpers/mastodon-instance-scenario.js';

if (!firefoxInstalled()) console.warn(`SKIPPED Firefox end-to-end tests: ${FIREFOX_PATH} not found (apt-get install firefox-esr)`);

const aria = (role: string, name: string) => `::-p-aria([name="${name}"][role="${role}"])`;

describe.skipIf(!firefoxInstalled())('Firefox: Roundup on a Mastodon instance the writer enables', () => {
  mastodonInstanceScenario(async (port) => {
    const d = await launchFirefox(extensionDir('firefox'), port, { 'extensions.webextOptionalPermissionPrompts': false });
    let tab: Page | undefined;
    const on = (): Page => {
      if (!tab) throw new Error('open first');
      return tab;
    };
    return {
      view: await firefoxExportView(d),
      tab: {
        async open(url) {
          tab ??= await d.browser.newPage();
          await tab.goto(url, { waitUntil: 'domcontentloaded' });
        },
        buttons: () => on().$$eval('button[data-roundup-clip]', (bs) => bs.map((b) => ({ postId: b.getAttribute('data-roundup-clip'), pressed: b.getAttribute('aria-pressed') }))),
        async press(selector, name) {
          await on().bringToFront();
          for (const end = Date.now() + 15_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
            const scope = await on().$(selector);
            const [button] = scope ? await scope.$$(aria('button', name)) : [];
            if (button) return void (await button.click());
          }
          throw new Error(`no "${name}" button in ${selector}`);
        },
      },
      allow: async () => {}, // granted by the preference above, when the extension asks
      async addServer(address) {
        const settings = await d.openExtensionPage('options.html');
        await (await settings.waitForSelector(aria('textbox', 'Mastodon server')))!.type(address);
        await settings.click(aria('button', 'Add server'));
        const read = () => settings.$$eval('fieldset [role="status"], fieldset [role="alert"]', (ns) => ns.map((n) => n.textContent ?? '').filter((t) => /Mastodon|mastodon\.social|Roundup/.test(t)).join(''));
        await expect.poll(read, { timeout: 15_000 }).not.toMatch(/^(|Asking.*)$/);
        const text = await read();
        await settings.close();
        return text;
      },
    };
  });
});
