// Chromium: "Clip this post" on a Mastodon status link, read whole from the instance's API, its
// HTML parsed in the offscreen document (the worker has no DOM), exported as Mastodon's embed.
import { describe } from 'vitest';
import { extensionDir } from './helpers/driver.js';
import { launchChromium } from './helpers/chromium.js';
import { chromiumExportView } from './helpers/export-chromium.js';
import { mastodonScenario } from './helpers/mastodon-scenario.js';

type Contexts = { runtime: { getContexts(f: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]> } };

describe('Chromium: clip a Mastodon status from its link, read through the offscreen document', () => {
  mastodonScenario(async (port) => {
    const d = await launchChromium(extensionDir('chrome'), port);
    return {
      view: await chromiumExportView(d),
      offscreenDocuments: () => d.editorPage().evaluate(async () => {
        const found = await (globalThis as unknown as { chrome: Contexts }).chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
        return found.map((c) => c.documentUrl ?? '');
      }),
    };
  }, { offscreen: true });
});
