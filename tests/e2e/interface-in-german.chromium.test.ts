// Chromium started with --lang=de (Debian's chromium-l10n gives it German): Roundup in German.
import { describe } from 'vitest';
import { extensionDir } from './helpers/driver.js';
import { launchChromium } from './helpers/chromium.js';
import { chromiumEditor } from './helpers/editor-pages.js';
import { interfaceInLanguage } from './helpers/language-scenario.js';
import type { EvalPage } from './helpers/picking.js';

describe('Chromium in German', () => {
  interfaceInLanguage(
    {
      lang: 'de', clipPost: 'Post übernehmen', title: 'Titel', introduction: 'Einleitung', posts: 'Posts',
      exportButton: 'Exportieren', exportOutput: 'Exportergebnis', date: '20. November 2025',
    },
    async (port) => {
      const d = await launchChromium(extensionDir('chrome'), port, ['--lang=de']);
      return {
        async openX() {
          await d.openX('/home');
          return d.xPage() as unknown as EvalPage;
        },
        click: (selector) => d.xPage().locator(selector).first().click({ timeout: 10_000 }),
        open: (path) => chromiumEditor(d.context, d.extensionId, path),
        quit: () => d.quit(),
      };
    },
  );
});
