// Firefox ESR: the whole reference roundup written in the editor, closed and reopened throughout.
import { describe } from 'vitest';
import { extensionDir } from './helpers/driver.js';
import { FIREFOX_PATH, firefoxInstalled, launchFirefox } from './helpers/firefox.js';
import { firefoxEditor } from './helpers/editor-pages.js';
import { writeSeedRoundup } from './helpers/seed-roundup-scenario.js';

if (!firefoxInstalled()) console.warn(`SKIPPED Firefox seed-roundup test: ${FIREFOX_PATH} not found (apt-get install firefox-esr)`);

describe.skipIf(!firefoxInstalled())('Firefox: writing the reference roundup', () => {
  writeSeedRoundup(async (port) => {
    const d = await launchFirefox(extensionDir('firefox'), port);
    return { driver: d, quit: () => d.quit(), open: (path) => firefoxEditor(d.browser, d.extensionBase, path) };
  });
});
