// Regenerates icons/icon-{16,32,48,128}.png from the SVG mark.
// The PNGs are committed; run this only after editing icons/roundup.svg or roundup-16.svg:
//   node scripts/make-icons.mjs
// Rendering goes through headless Chromium (already needed for the end-to-end tests), so no
// image library is required and the result matches how the browser itself draws the SVG.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const icons = join(dirname(fileURLToPath(import.meta.url)), '..', 'icons');
// 16 px gets its own pixel-fitted drawing; the detailed mark turns to mush at that size.
const sources = { 16: 'roundup-16.svg', 32: 'roundup.svg', 48: 'roundup.svg', 128: 'roundup.svg' };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run'],
});
try {
  for (const [size, file] of Object.entries(sources)) {
    const n = Number(size);
    const page = await browser.newPage({ viewport: { width: n, height: n }, deviceScaleFactor: 1 });
    const svg = readFileSync(join(icons, file)).toString('base64');
    // An <img> scales the SVG to exactly n×n whatever its own width/height say.
    await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block}</style>
      <img width="${n}" height="${n}" src="data:image/svg+xml;base64,${svg}">`);
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: n, height: n } });
    writeFileSync(join(icons, `icon-${n}.png`), png);
    console.log(`icons/icon-${n}.png  (${file})`);
    await page.close();
  }
} finally {
  await browser.close();
}
