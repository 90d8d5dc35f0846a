// Firefox ESR asked for Japanese (intl.locale.requested; Debian's firefox-esr-l10n-ja gives it):
// Roundup in Japanese.
import { describe } from 'vitest';
import { extensionDir } from './helpers/driver.js';
import { firefoxEditor } from './helpers/editor-pages.js';
import { launchFirefox } from './helpers/firefox.js';
import { interfaceInLanguage } from './helpers/language-scenario.js';
import type { EvalPage } from './helpers/picking.js';

describe('Firefox in Japanese', () => {
  interfaceInLanguage(
    {
      lang: 'ja', clipPost: 'ポストをクリップ', title: 'タイトル', introduction: 'はじめに', posts: 'ポスト',
      exportButton: 'エクスポート', exportOutput: 'エクスポート結果', date: '2025年11月20日',
    },
    async (port) => {
      // The language pack is a system add-on: Firefox uses it once asked for its language.
      const d = await launchFirefox(extensionDir('firefox'), port, { 'intl.locale.requested': 'ja', 'extensions.autoDisableScopes': 0 });
      return {
        async openX() {
          await d.openX('/home');
          return d.xPage() as unknown as EvalPage;
        },
        click: (selector) => d.xPage().click(selector),
        open: (path) => firefoxEditor(d.browser, d.extensionBase, path),
        quit: () => d.quit(),
      };
    },
  );
});
