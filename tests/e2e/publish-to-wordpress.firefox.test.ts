// Firefox ESR: the site added in Settings and a roundup sent to a real WordPress, lean (the
// Chromium file walks every fault). Firefox asks for an optional permission with a doorhanger
// automation cannot press; `extensions.webextOptionalPermissionPrompts: false` is Firefox's own
// switch that grants such a request as if the user had allowed it, so the extension's
// permissions.request path runs for real.
import { join } from 'node:path';
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extensionDir, ROOT, startXServer, type XServer } from './helpers/driver.js';
import { FIREFOX_PATH, firefoxInstalled, launchFirefox, type FirefoxDriver } from './helpers/firefox.js';
import { startWordPress, type LocalWordPress } from './helpers/wordpress.js';

if (!firefoxInstalled()) console.warn(`SKIPPED Firefox end-to-end tests: ${FIREFOX_PATH} not found (apt-get install firefox-esr)`);

const ARTICLE = { path: '/arscontexta/status/2013045749580259680', id: '2013045749580259680' };
const PAGES = { [ARTICLE.path]: join(ROOT, 'tests/fixtures/x/defuddle/general--x.com-article-2026-02-13.html') };
const poll = { timeout: 30_000, interval: 250 };

interface Block { blockName: string | null; attrs: Record<string, unknown>; innerBlocks: Block[]; innerHTML: string }
const flat = (blocks: Block[]): Block[] => blocks.flatMap((b) => [b, ...flat(b.innerBlocks)]);
const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText).catch(() => '');
const aria = (role: string, name: string) => `::-p-aria([name="${name}"][role="${role}"])`;

describe.skipIf(!firefoxInstalled())('Firefox: send a roundup to WordPress', () => {
  let wp: LocalWordPress | undefined;
  let server: XServer | undefined;
  let d: FirefoxDriver | undefined;

  beforeAll(async () => {
    wp = await startWordPress();
    server = await startXServer(PAGES);
    d = await launchFirefox(extensionDir('firefox'), server.port, { 'extensions.webextOptionalPermissionPrompts': false });
  }, 240_000);
  afterAll(async () => {
    await d?.quit();
    await server?.close();
    await wp?.close();
  });

  test('Settings keeps the site; "Send to WordPress" makes a draft with its picture in the media library', async () => {
    const settings = await d!.openExtensionPage('options.html');
    await (await settings.waitForSelector(aria('textbox', 'Site address')))!.type(wp!.frontUrl);
    await settings.type(aria('textbox', 'User name'), wp!.info.user);
    await settings.type('#wp-password', wp!.info.applicationPassword);
    expect(await settings.$eval('label[for="wp-password"]', (l) => l.textContent)).toBe('Application password');
    await settings.click(aria('button', 'Save site'));
    await expect.poll(() => settings.$$(aria('button', 'Remove site')).then((b) => b.length), poll).toBe(1);
    await settings.close();

    await d!.openX(ARTICLE.path);
    await d!.clickClip(ARTICLE.id);
    await expect.poll(() => d!.clipPressed(ARTICLE.id), poll).toBe('true');
    await d!.openEditor('?home=tab');
    await d!.type({ name: 'Title' }, 'Sent from Firefox');
    await d!.type({ name: 'Commentary', item: 0 }, 'Read it.');
    await new Promise((r) => setTimeout(r, 1_000));
    await d!.pressInEditor('Export');
    const editor = d!.editorPage();
    await expect.poll(() => editor.$eval(aria('button', 'Send to WordPress'), (b) => !(b as HTMLButtonElement).disabled).catch(() => false), poll).toBe(true);
    await d!.pressInEditor('Send to WordPress');
    await expect.poll(() => text(editor, '#send-to-wordpress-note'), { ...poll, timeout: 60_000 }).toMatch(/^Sent: a new draft on your site \(post \d+\)\. 1 picture uploaded\.$/);
    const postId = Number(/post (\d+)/.exec(await text(editor, '#send-to-wordpress-note'))![1]);
    expect(await editor.$eval(aria('link', 'Open in WordPress'), (a) => a.getAttribute('href'))).toBe(`${wp!.frontUrl}/wp-admin/post.php?post=${postId}&action=edit`);

    const post = await wp!.rest<{ status: string; title: { raw: string }; content: { raw: string } }>(`/wp/v2/posts/${postId}`, { context: 'edit' });
    expect(post).toMatchObject({ status: 'draft', title: { raw: 'Sent from Firefox' } });
    expect(post.content.raw).not.toContain('pbs.twimg.com');
    const media = await wp!.rest<{ id: number }[]>('/wp/v2/media', { context: 'edit' });
    const images = flat(parseBlocks(post.content.raw) as Block[]).filter((b) => b.blockName === 'core/image');
    expect(images.map((b) => b.attrs)).toEqual(media.map((m) => ({ id: m.id })));
    expect(flat(parseBlocks(post.content.raw) as Block[]).some((b) => b.blockName === 'core/embed' && b.attrs.url === `https://twitter.com/arscontexta/status/${ARTICLE.id}`)).toBe(true);
  });
});
