// The editor end to end, written once and run by each browser's file: the reference roundup
// (../shared/seed-roundup.md) written around three clipped posts, closed at any moment and
// reopened; reordering, removing with undo, several roundups, two views at once, axe-core.
// Tests in a describe share one browser and run in order, each from where the last left off.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HOME_FIXTURE, startXServer, type Driver, type Field, type XServer } from './driver.js';
import type { EditorPage } from './editor-pages.js';
import { POSTS } from './clip-note-reopen.js';
import { backup, send } from './extension-reads.js';
import { BACKUP_SCHEMA_VERSION } from '../../../src/export/backup';

export interface EditorBrowser {
  driver: Driver;
  /** Opens an extension page by its path, e.g. "popup.html?home=tab". */
  open(path: string): Promise<EditorPage>;
  /** Chromium only: stops the service worker, as MV3 does at will. */
  stopServiceWorkers?(): Promise<void>;
  /** Chromium only: the same page, in the dark scheme, for the audit. */
  darkAudit?(path: string): Promise<string[]>;
}

const poll = { timeout: 10_000, interval: 200 };
const TITLE = 'Healthcare Social Media #hcsm';
const WORDS: Array<[Field, string]> = [
  [{ name: 'Title' }, TITLE],
  [{ name: 'Introduction' }, 'I’ve been reading tweet after tweet recently about healthcare social media.\n\nLet’s take a look at a few of these tweets:'],
  [{ item: 0, name: 'Commentary' }, 'I love Dr. Bobby Ghaheri. He’s not afraid to talk about the issues head on.'],
  [{ item: 1, name: 'Lead-in' }, 'This next tweet I think describes Dr. Ghaheri very well.'],
  [{ item: 1, name: 'Commentary' }, 'Note that the tweet says to have a good offense.'],
  [{ item: 2, name: 'Lead-in' }, 'I’ll end this little roundup with this insightful look.'],
  [{ item: 2, name: 'Commentary' }, 'I understand where this tweet is coming from.\n\nPersonally I approach it much different — ünïcode too.'],
  [{ name: 'Closing' }, 'That’s all for this week.'],
];
const commentaryOf = (n: number) => WORDS[[2, 4, 6][n]!]![1];
const handles = (texts: string[]) => texts.map((t) => t.match(/@(\w+)/)?.[1]);

export function editorScenarios(launch: (xPort: number) => Promise<EditorBrowser & { quit(): Promise<void> }>): void {
  let server: XServer | undefined;
  let b: (EditorBrowser & { quit(): Promise<void> }) | undefined;
  const browser = () => {
    if (!b) throw new Error('the browser did not start');
    return b;
  };
  const reopen = async (page: EditorPage, path = 'popup.html') => {
    await page.close();
    return browser().open(path);
  };

  beforeAll(async () => {
    server = await startXServer({ '/home': HOME_FIXTURE });
    b = await launch(server.port);
    await b.driver.openX('/home');
  });
  afterAll(async () => {
    await b?.quit();
    await server?.close();
  });

  test('every field of the reference roundup survives closing the popup right after the last keystroke', async () => {
    for (const { id } of POSTS) {
      await browser().driver.clickClip(id);
      await expect.poll(() => browser().driver.clipPressed(id), poll).toBe('true');
    }
    let page = await browser().open('popup.html');
    await expect.poll(async () => handles(await page.items()), poll).toEqual(POSTS.map((p) => p.handle));
    for (const [field, text] of WORDS) await page.type(field, text);
    page = await reopen(page); // closed at once: the last keystroke's save must be on its way
    for (const [field, text] of WORDS) await expect.poll(() => page.value(field), { ...poll, message: JSON.stringify(field) }).toBe(text);
    await page.close();
  });

  test('items reorder with "Move down" and by dragging, and the order is stored with their words', async () => {
    let page = await browser().open('popup.html');
    await expect.poll(async () => (await page.items()).length, poll).toBe(3);
    await page.press('Move down', 0);
    await expect.poll(async () => handles(await page.items()), poll).toEqual(['hasufl', 'cmsholdings', 'solidintel_x']);
    await page.drag(2, 0);
    await expect.poll(async () => handles(await page.items()), poll).toEqual(['solidintel_x', 'hasufl', 'cmsholdings']);
    page = await reopen(page);
    await expect.poll(async () => handles(await page.items()), poll).toEqual(['solidintel_x', 'hasufl', 'cmsholdings']);
    expect(await page.value({ item: 0, name: 'Commentary' })).toBe(commentaryOf(2));
    expect(await page.value({ item: 2, name: 'Commentary' })).toBe(commentaryOf(0));
    await page.close();
  });

  test('"Remove" takes an item out and "Undo" puts it back with its words', async () => {
    let page = await browser().open('popup.html');
    await expect.poll(async () => (await page.items()).length, poll).toBe(3);
    await page.press('Remove', 1);
    await expect.poll(async () => handles(await page.items()), poll).toEqual(['solidintel_x', 'cmsholdings']);
    await page.press('Undo');
    await expect.poll(async () => handles(await page.items()), poll).toEqual(['solidintel_x', 'hasufl', 'cmsholdings']);
    page = await reopen(page);
    await expect.poll(async () => handles(await page.items()), poll).toEqual(['solidintel_x', 'hasufl', 'cmsholdings']);
    expect(await page.value({ item: 1, name: 'Lead-in' })).toBe(WORDS[3]![1]);
    await page.close();
  });

  test('a new roundup takes the next clips; switching back finds the first whole', async () => {
    let page = await browser().open('popup.html');
    await page.press('Roundups');
    await page.press('New roundup');
    await expect.poll(() => page.value({ name: 'Title' }), poll).toBe('');
    await page.type({ name: 'Title' }, 'Second roundup');
    // The open editor shows each clip as it is stored; the worker may be stopped in between.
    await browser().stopServiceWorkers?.();
    await browser().driver.clickClip(POSTS[0].id);
    await expect.poll(async () => handles(await page.items()), poll).toEqual(['cmsholdings']);
    await browser().stopServiceWorkers?.();
    await browser().driver.clickClip(POSTS[1].id);
    await expect.poll(async () => handles(await page.items()), poll).toEqual(['cmsholdings', 'hasufl']);
    await browser().stopServiceWorkers?.();
    await page.type({ item: 1, name: 'Commentary' }, 'Written after a stop.');
    page = await reopen(page);
    await expect.poll(() => page.value({ item: 1, name: 'Commentary' }), poll).toBe('Written after a stop.');
    expect(await page.value({ name: 'Title' })).toBe('Second roundup');

    await page.press('Roundups');
    await expect.poll(() => page.items('Drafts'), poll).toEqual([expect.stringContaining('Second roundup'), expect.stringContaining(TITLE)]);
    await page.press(TITLE);
    await expect.poll(() => page.value({ name: 'Title' }), poll).toBe(TITLE);
    await expect.poll(async () => handles(await page.items()), poll).toEqual(['solidintel_x', 'hasufl', 'cmsholdings']);
    await page.close();
  });

  test('the popup and a tab open at once: each shows what the other types, and nothing is lost', async () => {
    const popup = await browser().open('popup.html');
    const tab = await browser().open('popup.html?home=tab');
    await expect.poll(() => tab.value({ name: 'Title' }), poll).toBe(TITLE);
    await popup.type({ name: 'Title' }, ' (popup)');
    await tab.type({ item: 0, name: 'Lead-in' }, ' Typed in the tab.');
    await expect.poll(() => tab.value({ name: 'Title' }), poll).toBe(`${TITLE} (popup)`);
    await expect.poll(() => popup.value({ item: 0, name: 'Lead-in' }), poll).toBe(`${WORDS[5]![1]} Typed in the tab.`);
    await popup.type({ name: 'Closing' }, ' P.');
    await tab.type({ item: 2, name: 'Commentary' }, ' T.');
    await popup.close();
    await tab.close();
    const page = await browser().open('popup.html');
    await expect.poll(() => page.value({ name: 'Title' }), poll).toBe(`${TITLE} (popup)`);
    await expect.poll(() => page.value({ name: 'Closing' }), poll).toBe(`${WORDS[7]![1]} P.`);
    await expect.poll(() => page.value({ item: 2, name: 'Commentary' }), poll).toBe(`${commentaryOf(0)} T.`);
    await page.close();
  });

  test('the settings page keeps the signature typed in it, closed right after the last keystroke', async () => {
    const signature = 'About the author\n\nJohn Lynn is the Founder of HealthcareScene.com.';
    let page = await browser().open('options.html');
    await page.type({ name: 'Signature' }, signature);
    page = await reopen(page, 'options.html');
    await expect.poll(() => page.value({ name: 'Signature' }), poll).toBe(signature);
    await page.close();
  });

  test('axe-core finds no violations in any view', async () => {
    const found: Record<string, string[]> = {};
    const page = await browser().open('popup.html');
    await expect.poll(async () => (await page.items()).length, poll).toBe(3);
    found.editor = await page.axe();
    await page.press('Export');
    found.export = await page.axe();
    await page.press('Roundups');
    await expect.poll(async () => (await page.items('Drafts')).length, poll).toBe(2);
    found.roundups = await page.axe();
    await page.press('New roundup');
    await expect.poll(() => page.value({ name: 'Title' }), poll).toBe('');
    found.empty = await page.axe();
    await page.close();
    for (const path of ['options.html', 'panel.html', 'popup.html?home=tab']) {
      const other = await browser().open(path);
      await new Promise((r) => setTimeout(r, 500));
      found[path] = await other.axe();
      await other.close();
    }
    if (browser().darkAudit) found['dark editor'] = await browser().darkAudit!('popup.html');
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });

  test('500 characters typed into the 200th item of a 200-post roundup are all there after closing at once', async () => {
    let page = await browser().open('popup.html?home=tab');
    // A 200-post roundup brought in as a backup brings one (the real import path), made current.
    const now = await backup(page.raw());
    const id = (n: number) => `1991${String(n).padStart(15, '0')}`;
    const posts = Array.from({ length: 200 }, (_, i) => ({
      id: `x:${id(i + 1)}`, site: 'x', url: `https://x.com/author${i + 1}/status/${id(i + 1)}`,
      author: { name: `Author ${i + 1}`, handle: `author${i + 1}` }, text: `Post number ${i + 1}, with enough words to look like one.`,
      segments: [{ kind: 'text', text: `Post number ${i + 1}, with enough words to look like one.` }],
      createdAt: '2025-11-20T20:21:44.000Z', media: [], capturedAt: '2026-11-26T00:00:00.000Z', pageUrl: 'https://x.com/home',
    }));
    const long = { ...now.roundups[0]!, id: 'long-roundup', title: 'Two hundred', intro: '', closing: '', items: posts.map((p) => ({ postId: p.id, leadIn: '', commentary: '' })) };
    const file = { ...now, format: 'roundup-backup', schemaVersion: BACKUP_SCHEMA_VERSION, roundups: [...now.roundups, long], posts: [...now.posts, ...posts] };
    const imported = await send(page.raw(), { type: 'importBackup', text: JSON.stringify(file) });
    expect(imported.ok, JSON.stringify(imported)).toBe(true);
    expect((await send(page.raw(), { type: 'setCurrentRoundup', roundupId: 'long-roundup' })).ok).toBe(true);
    page = await reopen(page, 'popup.html?home=tab');
    await expect.poll(async () => (await page.items()).length, poll).toBe(200);
    // 500 characters, letters, spaces, punctuation and a few beyond ASCII, key by key.
    const words = Array.from({ length: 500 }, (_, i) => 'Typing fast, ünïcode — every key kept. '[i % 39]).join('');
    await page.type({ item: 199, name: 'Commentary' }, words);
    page = await reopen(page, 'popup.html?home=tab'); // closed at once, the last key just typed
    await expect.poll(() => page.value({ item: 199, name: 'Commentary' }), { ...poll, timeout: 20_000 }).toBe(words);
    const stored = (await backup(page.raw())).roundups.find((r) => r.id === 'long-roundup')!;
    expect(stored.items[199]!.commentary).toBe(words);
    await page.close();
  });

  test('Ctrl+B and Ctrl+K make emphasis and a link in the 200th item; Alt+Up moves it, and it is said', async () => {
    const page = await browser().open('popup.html?home=tab');
    await expect.poll(async () => (await page.items()).length, poll).toBe(200);
    const field = { item: 199, name: 'Commentary' };
    await page.type(field, ' Really good.');
    // "good" (the four characters before the last "."), then Ctrl+B.
    await page.keys(field, ['ArrowLeft', ...Array(4).fill('Shift+ArrowLeft'), 'Control+b']);
    await expect.poll(() => page.value(field), poll).toMatch(/ Really \*\*good\*\*\.$/);
    // "Really" linked with Ctrl+K, its address typed over the selected "https://".
    await page.keys(field, ['Control+End', ...Array(10).fill('ArrowLeft'), ...Array(6).fill('Shift+ArrowLeft'), 'Control+k']);
    await page.keys(field, []); // the caret back at the end: the link's address was selected, now typed
    await expect.poll(() => page.value(field), poll).toMatch(/ \[Really\]\(https:\/\/\) \*\*good\*\*\.$/);
    // Alt+Up from inside the field: the item moves up one place, focus and words with it.
    await page.keys(field, ['Alt+ArrowUp']);
    await expect.poll(async () => (await page.items())[198]?.match(/@(author\d+)/)?.[1], poll).toBe('author200');
    await expect.poll(() => page.value({ item: 198, name: 'Commentary' }), poll).toMatch(/\*\*good\*\*\.$/);
    const said = await page.raw().evaluate(() => document.querySelector('.sr-only[role="status"]')?.textContent ?? '', null);
    expect(said).toBe('Moved to 199 of 200.');
    await page.close();
    // Stored as typed and moved.
    const reopened = await browser().open('popup.html?home=tab');
    await expect.poll(() => reopened.value({ item: 198, name: 'Commentary' }), { ...poll, timeout: 20_000 }).toMatch(/ \[Really\]\(https:\/\/\) \*\*good\*\*\.$/);
    await reopened.close();
  });

  test('a wide tab is a desk: Export opens beside the words, its preview in view; a narrow one stays one column', async () => {
    const page = await browser().open('popup.html?home=tab');
    await expect.poll(async () => (await page.items()).length, poll).toBe(200);
    await page.press('Export');
    const at = () => page.raw().evaluate(() => {
      const title = document.querySelector('input[data-place="title"]')!.getBoundingClientRect();
      const output = document.getElementById('export-output')?.getBoundingClientRect();
      return { width: innerWidth, titleRight: title.right, titleBottom: title.bottom, outputLeft: output?.left ?? -1, outputTop: output?.top ?? -1 };
    }, null);
    await expect.poll(async () => (await at()).outputLeft, poll).toBeGreaterThanOrEqual(0);
    const layout = await at();
    if (layout.width >= 1100) {
      expect(layout.outputLeft, JSON.stringify(layout)).toBeGreaterThan(layout.titleRight); // beside the words
      expect(layout.outputTop, JSON.stringify(layout)).toBeLessThan(720); // in view at the top of the page
    } else {
      expect(layout.outputTop, JSON.stringify(layout)).toBeGreaterThan(layout.titleBottom); // under them
    }
    // The preview follows the item being edited: the 151st item's start at the top of the frame;
    // back at the top from the Title.
    const previewTop = () => page.raw().evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe.export__preview');
      const anchor = frame?.contentDocument?.getElementById('roundup-item-150');
      return anchor ? { anchor: Math.round(anchor.getBoundingClientRect().top), scrolled: frame!.contentWindow!.scrollY } : null;
    }, null);
    await expect.poll(previewTop, poll).not.toBeNull();
    await page.keys({ item: 150, name: 'Commentary' }, []);
    const inView = async () => { const at = (await previewTop())?.anchor ?? -1; return at >= 0 && at < 40 ? 'at the top' : at; };
    await expect.poll(inView, poll).toBe('at the top');
    expect((await previewTop())!.scrolled).toBeGreaterThan(1000);
    await page.keys({ name: 'Title' }, []);
    await expect.poll(async () => (await previewTop())?.scrolled, poll).toBe(0);
    expect(await page.axe()).toEqual([]);
    await page.close();
  });
}
