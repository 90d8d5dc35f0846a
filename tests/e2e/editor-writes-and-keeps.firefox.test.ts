// Firefox ESR: the same editor scenarios as the Chromium file, over WebDriver BiDi.
import { describe } from 'vitest';
import { extensionDir } from './helpers/driver.js';
import { FIREFOX_PATH, firefoxInstalled, launchFirefox } from './helpers/firefox.js';
import { firefoxEditor } from './helpers/editor-pages.js';
import { editorScenarios } from './helpers/editor-scenarios.js';

if (!firefoxInstalled()) console.warn(`SKIPPED Firefox editor tests: ${FIREFOX_PATH} not found (apt-get install firefox-esr)`);

describe.skipIf(!firefoxInstalled())('Firefox: the drafting editor', () => {
  editorScenarios(async (port) => {
    const d = await launchFirefox(extensionDir('firefox'), port);
    return { driver: d, quit: () => d.quit(), open: (path) => firefoxEditor(d.browser, d.extensionBase, path) };
  });
});
