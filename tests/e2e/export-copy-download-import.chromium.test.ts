// Chromium: export every format, preview, copy, download and import, in the real extension.
import { describe } from 'vitest';
import { extensionDir } from './helpers/driver.js';
import { launchChromium } from './helpers/chromium.js';
import { chromiumExportView } from './helpers/export-chromium.js';
import { exportScenario } from './helpers/export-scenario.js';

describe('Chromium: export, copy, download, import', () => {
  exportScenario(async (port) => chromiumExportView(await launchChromium(extensionDir('chrome'), port)));
});
