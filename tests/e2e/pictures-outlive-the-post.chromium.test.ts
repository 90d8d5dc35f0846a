// Chromium: kept copies of pictures show in the editor and travel in the self-contained page and the zip.
import { describe } from 'vitest';
import { extensionDir } from './helpers/driver.js';
import { launchChromium } from './helpers/chromium.js';
import { chromiumExportView } from './helpers/export-chromium.js';
import { picturesScenario } from './helpers/pictures-scenario.js';

describe('Chromium: pictures outlive the post', () => {
  picturesScenario(async (port) => chromiumExportView(await launchChromium(extensionDir('chrome'), port)));
});
