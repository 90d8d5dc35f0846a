// Chromium: a mixed roundup (X posts, an X self-thread, Bluesky and Mastodon posts) clipped for
// real, then exported in every text format and read back with real parsers.
import { describe } from 'vitest';
import { extensionDir } from './helpers/driver.js';
import { launchChromium } from './helpers/chromium.js';
import { chromiumExportView } from './helpers/export-chromium.js';
import { chromiumBlueskyTab } from './helpers/bluesky-scenario.js';
import { mixedScenario } from './helpers/mixed-scenario.js';

describe('Chromium: a mixed roundup, clipped for real, exported in every text format', () => {
  mixedScenario(async (port) => {
    const d = await launchChromium(extensionDir('chrome'), port);
    return {
      view: await chromiumExportView(d),
      tab: chromiumBlueskyTab(d),
      pressOnXByKey: (name) => d.xPage().getByRole('button', { name, exact: true }).press('Enter', { timeout: 10_000 }),
    };
  });
});
