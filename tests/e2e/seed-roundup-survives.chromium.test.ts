// Chromium: the whole reference roundup written in the editor, closed and reopened throughout.
import { describe } from 'vitest';
import { extensionDir } from './helpers/driver.js';
import { launchChromium } from './helpers/chromium.js';
import { chromiumEditor } from './helpers/editor-pages.js';
import { writeSeedRoundup } from './helpers/seed-roundup-scenario.js';

describe('Chromium: writing the reference roundup', () => {
  writeSeedRoundup(async (port) => {
    const d = await launchChromium(extensionDir('chrome'), port);
    return { driver: d, quit: () => d.quit(), open: (path) => chromiumEditor(d.context, d.extensionId, path) };
  });
});
