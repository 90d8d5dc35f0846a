// Chromium: the Chrome Web Store's zip, made as `npm run package` makes it (scripts/package.mjs,
// from the built dist/chrome), unpacked into a temp dir and loaded from there — clip a post on
// x.com, write about it, export it as HTML. (The zips themselves: tests/unit/store-packages-*.)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extensionDir, HOME_FIXTURE, ROOT, startXServer, type XServer } from './helpers/driver.js';
import { launchChromium, type ChromiumDriver } from './helpers/chromium.js';
import { chromiumExportView } from './helpers/export-chromium.js';
import type { ExportView } from './helpers/export-view.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const POST = { id: '1991586882858172684', handle: 'cmsholdings' };
const COMMENTARY = 'Packaged, unpacked, and still writing.';
const poll = { timeout: 10_000, interval: 200 };

/** scripts/package.mjs is plain JS without types; a computed import keeps tsc from asking for them. */
async function makeChromeZip(outFile: string): Promise<string> {
  const script = (await import(pathToFileURL(join(ROOT, 'scripts/package.mjs')).href)) as { chromeZip(dir: string, out: string): string };
  return script.chromeZip(extensionDir('chrome'), outFile);
}

describe('Chromium: the Chrome Web Store zip, unpacked and loaded', () => {
  const work = mkdtempSync(join(tmpdir(), 'roundup-e2e-store-zip-'));
  const unpacked = join(work, 'unpacked');
  let server: XServer | undefined;
  let d: ChromiumDriver | undefined;
  let view: ExportView | undefined;
  const v = (): ExportView => {
    if (!view) throw new Error('the browser did not start');
    return view;
  };

  beforeAll(async () => {
    const zip = await makeChromeZip(join(work, `roundup-chrome-${version}.zip`));
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(unpacked, name)), { recursive: true });
      writeFileSync(join(unpacked, name), bytes);
    }
    server = await startXServer({ '/home': HOME_FIXTURE });
    d = await launchChromium(unpacked, server.port);
    view = await chromiumExportView(d);
  });
  afterAll(async () => {
    await d?.quit();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('a post clipped on x.com and written about exports as HTML with the commentary and the post\'s link', async () => {
    const driver = v().driver;
    await driver.openX('/home');
    await driver.clickClip(POST.id);
    await expect.poll(() => driver.clipPressed(POST.id), { ...poll, message: 'aria-pressed of "Clip post"' }).toBe('true');

    await driver.openEditor('?home=tab');
    // The extension running is the unpacked zip, of package.json's version.
    expect(await d!.editorPage().evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome.runtime.getManifest().version)).toBe(version);
    await expect.poll(() => driver.itemTexts(), poll).toEqual([expect.stringContaining(`@${POST.handle}`)]);
    await driver.type({ item: 0, name: 'Commentary' }, COMMENTARY);

    await v().openExport();
    await v().chooseFormat('HTML');
    await expect.poll(() => v().output(), { ...poll, message: 'the HTML export' }).toContain(COMMENTARY);
    expect(await v().output()).toContain(`<a href="https://twitter.com/${POST.handle}/status/${POST.id}">`);
  });
});
