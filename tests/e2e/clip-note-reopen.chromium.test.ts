// Chromium: clip three posts on a saved x.com page, write about them, close, reopen — nothing lost.
import { describe } from 'vitest';
import { extensionDir } from './helpers/driver.js';
import { launchChromium } from './helpers/chromium.js';
import { clipNoteReopen } from './helpers/clip-note-reopen.js';

describe('Chromium: clip, write, close, reopen', () => {
  clipNoteReopen((port) => launchChromium(extensionDir('chrome'), port));
});
