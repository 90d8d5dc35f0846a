// The store's screenshots, made by the extension itself in real Chromium on every run, so they
// never show an editor that no longer exists: 1280×800 each (the size both stores take), into
// docs/screenshots/, which the README shows. A timeline with its clip buttons, the popup over it,
// the desk in a tab, and the export. Each is checked for its size and for what it must show
// before it is written, so a broken screen fails the run instead of landing in the README.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumDriver } from './helpers/chromium.js';
import { POSTS } from './helpers/clip-note-reopen.js';
import { extensionDir, HOME_FIXTURE, ROOT, startXServer, type XServer } from './helpers/driver.js';

const OUT = join(ROOT, 'docs/screenshots');
const SIZE = { width: 1280, height: 800 };
// popup.css: the popup's editor is 460 px wide; 600 px is the height browsers allow a popup.
const POPUP = { width: 460, height: 600 };
const poll = { timeout: 10_000, interval: 200 };

/** A PNG's width and height, from its header. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

function keep(name: string, png: Buffer): void {
  expect(pngSize(png), name).toEqual(SIZE);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `${name}.png`), png);
}

describe('Chromium: the store screenshots', () => {
  let server: XServer | undefined;
  let d: ChromiumDriver | undefined;
  const driver = () => d ?? (() => { throw new Error('the browser did not start'); })();

  beforeAll(async () => {
    server = await startXServer({ '/home': HOME_FIXTURE });
    d = await launchChromium(extensionDir('chrome'), server.port);
  });
  afterAll(async () => {
    await d?.quit();
    await server?.close();
  });

  test('a timeline with its clip buttons, three posts clipped', async () => {
    await driver().openX('/home');
    const x = driver().xPage();
    await x.setViewportSize(SIZE);
    for (const { id } of POSTS) {
      await driver().clickClip(id);
      await expect.poll(() => driver().clipPressed(id), poll).toBe('true');
    }
    await x.locator(`a[href$="/status/${POSTS[0].id}"]`).first().scrollIntoViewIfNeeded();
    await x.evaluate(() => scrollBy(0, -120));
    expect(await x.getByRole('button', { name: 'Clip post', exact: true }).count()).toBeGreaterThanOrEqual(3);
    keep('timeline', await x.screenshot());
  });

  /** The editor at `path` in a page of its own, at `size`. */
  async function editor(path: string, size: { width: number; height: number }): Promise<Page> {
    const page = await driver().context.newPage();
    await page.setViewportSize(size);
    await page.goto(`chrome-extension://${driver().extensionId}/${path}`);
    await expect.poll(() => page.getByRole('list', { name: 'Posts', exact: true }).getByRole('listitem').count(), poll).toBe(3);
    return page;
  }

  test('the popup over the timeline, a roundup being written', async () => {
    const popup = await editor('popup.html', POPUP);
    const type = async (name: string, text: string, item?: number) => {
      const scope = item === undefined ? popup : popup.getByRole('list', { name: 'Posts', exact: true }).getByRole('listitem').nth(item);
      await scope.getByRole('textbox', { name, exact: true }).fill(text);
    };
    await type('Title', 'Crypto week, in three posts');
    await type('Introduction', 'I have been reading post after post: here are the **three** worth your time.');
    await type('Lead-in', 'First, the numbers:', 0);
    await type('Commentary', 'A fair summary, and [the filing](https://example.org/filing) says the same.', 0);
    await type('Commentary', 'The sharpest take of the week.', 1);
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'All changes stored' }).count(), poll).toBe(1);
    await popup.evaluate(() => (document.activeElement instanceof HTMLElement && document.activeElement.blur(), scrollTo(0, 0)));
    const shot = await popup.screenshot();
    await popup.close();
    // The popup as the toolbar shows it: over the page, under the toolbar's corner.
    const x = driver().xPage();
    const page = await driver().context.newPage();
    await page.setViewportSize(SIZE);
    const back = (await x.screenshot()).toString('base64');
    await page.setContent(
      `<body style="margin:0;position:relative;width:${SIZE.width}px;height:${SIZE.height}px;overflow:hidden">` +
        `<img alt="" src="data:image/png;base64,${back}" style="position:absolute;inset:0;filter:brightness(.92)">` +
        `<img alt="" src="data:image/png;base64,${shot.toString('base64')}" style="position:absolute;top:8px;right:16px;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.35)"></body>`,
    );
    keep('popup', await page.screenshot());
    await page.close();
  });

  test('the desk in a tab: the words beside the live preview', async () => {
    const tab = await editor('popup.html?home=tab', SIZE);
    await tab.getByRole('button', { name: 'Export', exact: true }).click();
    const frame = tab.frameLocator('iframe.export__preview');
    await expect.poll(() => frame.locator('blockquote').count(), poll).toBeGreaterThanOrEqual(3);
    await tab.getByRole('list', { name: 'Posts', exact: true }).getByRole('listitem').nth(0).getByRole('textbox', { name: 'Commentary', exact: true }).focus();
    await expect.poll(() => frame.locator('a[href="https://example.org/filing"]').count(), poll).toBe(1);
    await tab.evaluate(() => scrollTo(0, 0)); // the title and introduction in view; the preview stays at the item
    keep('desk', await tab.screenshot());
    await tab.close();
  });

  test('the export: Markdown ready to copy, and the formats it comes in', async () => {
    const tab = await editor('popup.html?home=tab', SIZE);
    await tab.getByRole('button', { name: 'Export', exact: true }).click();
    await tab.getByLabel('Export format', { exact: true }).selectOption('markdown');
    const output = tab.getByLabel('Export output', { exact: true });
    await expect.poll(() => output.inputValue(), poll).toContain('# Crypto week, in three posts');
    await tab.evaluate(() => scrollTo(0, 0));
    keep('export', await tab.screenshot());
    await tab.close();
  });
});
