// Chromium: "Send to WordPress" against a real WordPress on this machine (tests/e2e/helpers/
// wordpress.ts starts it with scripts/wordpress.mjs). The writer adds the site in Settings with
// the application password the script made, clips and writes, and sends; WordPress's own REST
// API then shows a draft with the roundup's title, blocks that WordPress's own block parser
// reads, and pictures that are attachments in its media library. Sending again updates that
// draft. Then what a writer meets: a picture over the site's upload cap (413), the draft deleted
// in WordPress, a changed password, the site down — each says so in the editor.
//
// Chromium's permission prompt cannot be clicked by automation; the test allows the site the way
// a user can ahead of time, on chrome://extensions ("Site access": developerPrivate's
// addHostPermission), after which the extension's own permissions.request is granted without a
// prompt, as for any origin the user already allowed.
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { extensionDir, ROOT, startXServer, type XServer } from './helpers/driver.js';
import { launchChromium, type ChromiumDriver } from './helpers/chromium.js';
import { startWordPress, type LocalWordPress } from './helpers/wordpress.js';
import { join } from 'node:path';

const fixture = (path: string) => join(ROOT, 'tests/fixtures/x', path);
const PAGES = {
  '/arscontexta/status/2013045749580259680': fixture('defuddle/general--x.com-article-2026-02-13.html'),
  '/tweetyoink/quote': fixture('tweetyoink/x-tweet-quote.html'),
};
const ARTICLE = { path: '/arscontexta/status/2013045749580259680', id: '2013045749580259680' };
const QUOTE = { path: '/tweetyoink/quote', id: '1983130065320780162' };
const poll = { timeout: 30_000, interval: 250 };

interface Block { blockName: string | null; attrs: Record<string, unknown>; innerBlocks: Block[]; innerHTML: string }
interface WpPost { id: number; status: string; title: { raw: string }; excerpt: { raw: string }; content: { raw: string } }
interface WpMedia { id: number; source_url: string; mime_type: string }

const flat = (blocks: Block[]): Block[] => blocks.flatMap((b) => [b, ...flat(b.innerBlocks)]);
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#0?39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim();

let wp: LocalWordPress | undefined;
let server: XServer | undefined;
let d: ChromiumDriver | undefined;
let postId = 0;

const driver = () => {
  if (!d) throw new Error('the browser did not start');
  return d;
};
const site = () => {
  if (!wp) throw new Error('WordPress did not start');
  return wp;
};
const editor = (): Page => driver().editorPage();
/** The editor's line about the last send: its status, or its alert when it failed (one is empty). */
const sendNote = async () => {
  const problem = editor().locator('#send-to-wordpress-problem');
  return (await problem.count()) ? problem.innerText() : editor().locator('#send-to-wordpress-note').innerText();
};

async function openSettings(): Promise<Page> {
  const page = await driver().context.newPage();
  await page.goto(`chrome-extension://${driver().extensionId}/options.html`);
  return page;
}

async function saveSite(password: string): Promise<void> {
  const page = await openSettings();
  await page.getByRole('textbox', { name: 'Site address', exact: true }).fill(site().frontUrl);
  await page.getByRole('textbox', { name: 'User name', exact: true }).fill(site().info.user);
  await page.getByLabel('Application password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Check connection', exact: true }).click();
  await expect.poll(() => page.getByRole('status').allInnerTexts().then((t) => t.join(' ')), poll).toMatch(/Connected to/);
  await page.getByRole('button', { name: 'Save site', exact: true }).click();
  await expect.poll(() => page.getByRole('status').allInnerTexts().then((t) => t.join(' ')), poll).toMatch(/\bSaved\. /);
  expect(await page.getByRole('button', { name: 'Remove site', exact: true }).count()).toBe(1);
  expect(await page.getByLabel('Application password', { exact: true }).inputValue()).toBe('');
  expect(await page.content()).not.toContain(password);
  await page.close();
}

async function send(): Promise<string> {
  await driver().openEditor('?home=tab');
  await editor().getByRole('button', { name: 'Export', exact: true }).click();
  const button = editor().getByRole('button', { name: 'Send to WordPress', exact: true });
  await expect.poll(() => button.isEnabled(), poll).toBe(true);
  const before = await sendNote();
  await button.click();
  await expect.poll(async () => ((await button.isEnabled()) && (await sendNote()) !== before ? 'done' : 'sending'), { ...poll, timeout: 60_000 }).toBe('done');
  return sendNote();
}

const draft = () => site().rest<WpPost>(`/wp/v2/posts/${postId}`, { context: 'edit' });
const library = () => site().rest<WpMedia[]>('/wp/v2/media', { per_page: '100', context: 'edit' });

beforeAll(async () => {
  wp = await startWordPress();
  server = await startXServer(PAGES);
  d = await launchChromium(extensionDir('chrome'), server.port);
  // As the user would on chrome://extensions: let Roundup reach this one host.
  const extensions = await d.context.newPage();
  await extensions.goto('chrome://extensions/');
  await extensions.evaluate(([id, origin]) => (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(i: string, o: string): Promise<void> } } })
    .chrome.developerPrivate.addHostPermission(id!, origin!), [d.extensionId, 'http://127.0.0.1/*']);
  await extensions.close();
}, 240_000);

afterAll(async () => {
  await d?.quit();
  await server?.close();
  await wp?.close();
});

test('the site is added in Settings with the application password the setup script made', async () => {
  await saveSite(site().info.applicationPassword);
});

test('"Send to WordPress" makes a draft: the title, the blocks, the pictures in the media library', async () => {
  const dr = driver();
  await dr.openX(ARTICLE.path);
  await dr.clickClip(ARTICLE.id);
  await expect.poll(() => dr.clipPressed(ARTICLE.id), poll).toBe('true');
  await dr.openEditor('?home=tab');
  await dr.type({ name: 'Title' }, 'Links of the week');
  await dr.type({ name: 'Introduction' }, 'What caught my eye.');
  await dr.type({ name: 'Lead-in', item: 0 }, 'First, an essay.');
  await dr.type({ name: 'Commentary', item: 0 }, 'Worth reading twice.');
  await new Promise((r) => setTimeout(r, 1_000)); // the editor stores as the writer types

  const note = await send();
  expect(note).toMatch(/^Sent: a new draft on your site \(post (\d+)\)\. 1 picture uploaded\.$/);
  postId = Number(/post (\d+)/.exec(note)![1]);
  const open = editor().getByRole('link', { name: 'Open in WordPress', exact: true });
  expect(await open.getAttribute('href')).toBe(`${site().frontUrl}/wp-admin/post.php?post=${postId}&action=edit`);

  const post = await draft();
  expect(post.status).toBe('draft');
  expect(post.title.raw).toBe('Links of the week');
  expect(post.excerpt.raw).toBe('What caught my eye.');
  expect(post.content.raw).not.toContain('pbs.twimg.com');
  const blocks = flat(parseBlocks(post.content.raw) as Block[]).filter((b) => b.blockName);
  const names = blocks.map((b) => b.blockName);
  expect(names).not.toContain('core/heading'); // the title is the post's own
  const embed = blocks.find((b) => b.blockName === 'core/embed')!;
  expect(embed.attrs).toMatchObject({ url: `https://twitter.com/arscontexta/status/${ARTICLE.id}`, providerNameSlug: 'twitter' });
  const paragraphs = blocks.filter((b) => b.blockName === 'core/paragraph').map((b) => words(b.innerHTML));
  expect(paragraphs.slice(0, 2)).toEqual(['What caught my eye.', 'First, an essay.']);
  expect(paragraphs.at(-1)).toBe('Worth reading twice.');
  const quote = blocks.find((b) => b.blockName === 'core/quote')!;
  const backup = await editor().evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ value: { posts: { id: string; text: string }[] } }> } } })
    .chrome.runtime.sendMessage({ type: 'exportAll' }));
  const text = backup.value.posts.find((p) => p.id === `x:${ARTICLE.id}`)!.text;
  expect(text.length).toBeGreaterThan(200);
  expect(words(flat([quote]).map((b) => b.innerHTML).join(' '))).toContain(words(text.split('\n')[0]!).slice(0, 120));

  // Each picture is an attachment of the media library, and the block names it.
  const images = blocks.filter((b) => b.blockName === 'core/image');
  expect(images.length).toBe(1);
  const media = await library();
  expect(media.length).toBe(1);
  expect(images[0]!.attrs).toEqual({ id: media[0]!.id });
  expect(images[0]!.innerHTML).toContain(`src="${media[0]!.source_url}"`);
  expect(images[0]!.innerHTML).toContain(`class="wp-image-${media[0]!.id}"`);
  expect(media[0]!.mime_type).toBe('image/png');
});

test('edited and sent again: the same draft, updated, and no picture uploaded twice', async () => {
  await driver().type({ name: 'Commentary', item: 0 }, ' Then once more.');
  await new Promise((r) => setTimeout(r, 1_000));
  const note = await send();
  expect(note).toBe(`Updated the draft on your site (post ${postId}). 1 picture already in the media library.`);
  const post = await draft();
  expect(post.status).toBe('draft');
  expect(post.content.raw).toContain('Worth reading twice. Then once more.');
  expect((await library()).length).toBe(1);
});

test('a picture over the site\'s upload cap (413) is named, and the draft still goes', async () => {
  const dr = driver();
  await dr.openX(QUOTE.path);
  await dr.clickClip(QUOTE.id);
  await expect.poll(() => dr.clipPressed(QUOTE.id), poll).toBe('true');
  site().capUploads(40); // bytes: smaller than any picture
  const note = await send().finally(() => site().capUploads(null));
  expect(note).toMatch(/^Updated the draft on your site \(post \d+\)\. 1 picture already in the media library\. 1 picture could not go to the media library and still points at X: the site refused a file as too large\./);
  const post = await draft();
  expect(post.id).toBe(postId);
  expect(post.content.raw.match(/https:\/\/pbs\.twimg\.com\/[^"]+/g)?.length).toBe(1);
  expect((await library()).length).toBe(1);
});

test('with the cap lifted, sending again uploads that picture: no X address is left', async () => {
  const note = await send();
  expect(note).toBe(`Updated the draft on your site (post ${postId}). 1 picture uploaded, 1 picture already in the media library.`);
  expect((await draft()).content.raw).not.toContain('pbs.twimg.com');
  expect((await library()).length).toBe(2);
});

test('a draft deleted in WordPress is made again, and the editor says so', async () => {
  await site().deletePost(postId);
  const note = await send();
  const made = /^The draft sent before was deleted in WordPress, so this is a new one \(post (\d+)\)\. 2 pictures already in the media library\.$/.exec(note);
  expect(made, note).not.toBeNull();
  expect(Number(made![1])).not.toBe(postId);
  postId = Number(made![1]);
  expect(await editor().getByRole('link', { name: 'Open in WordPress', exact: true }).getAttribute('href')).toContain(`post=${postId}&`);
  expect((await draft()).status).toBe('draft');
  expect((await library()).length).toBe(2);
});

test('a changed password is named in the editor, and saving the new one in Settings mends it', async () => {
  const fresh = await site().changePassword();
  const note = await send();
  expect(note).toMatch(/WordPress did not accept the user name and application password/);
  expect(await editor().getByRole('alert').allInnerTexts()).toContain(note);
  await saveSite(fresh);
  expect(await send()).toMatch(/^Updated the draft on your site/);
});

test('with the site down (its front server answers 502, as nginx does), the editor says so, and sending works once it is back', async () => {
  await site().stop();
  try {
    const note = await send();
    expect(note).toBe('Sending to WordPress: the site had a problem of its own (HTTP 502). Try again later.');
    expect(await editor().getByRole('link', { name: 'Open in WordPress', exact: true }).count()).toBe(1);
  } finally {
    await site().start();
  }
  expect(await send()).toMatch(/^Updated the draft on your site/);
  expect((await draft()).status).toBe('draft');
});
