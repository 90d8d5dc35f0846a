// Chromium: a post clipped on bsky.app is read whole from Bluesky's API and exported as Bluesky's embed.
import { describe } from 'vitest';
import { extensionDir } from './helpers/driver.js';
import { launchChromium } from './helpers/chromium.js';
import { chromiumExportView } from './helpers/export-chromium.js';
import { blueskyScenario, chromiumBlueskyTab } from './helpers/bluesky-scenario.js';

describe('Chromium: clip on Bluesky, read whole, export as its embed', () => {
  blueskyScenario(async (port) => {
    const d = await launchChromium(extensionDir('chrome'), port);
    return { view: await chromiumExportView(d), tab: chromiumBlueskyTab(d) };
  });
});
