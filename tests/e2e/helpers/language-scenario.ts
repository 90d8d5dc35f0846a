// Issue 14's measure of the interface in another language: the browser itself set to German
// (Chromium, --lang=de) or Japanese (Firefox, intl.locale.requested), with Debian's language
// pack for it. The clip button on x.com, the editor's names and a new roundup's HTML export
// (its dates) are in that language. Exact words: a catalogue that fell back to English, or a
// roundup that kept English dates, fails here. Written once, run by each browser's file.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { POSTS } from './clip-note-reopen.js';
import { HOME_FIXTURE, startXServer, type XServer } from './driver.js';
import type { EditorPage } from './editor-pages.js';
import type { EvalPage } from './picking.js';

/** What the interface shows in the language, as its catalogue (_locales/<lang>) says it. */
export interface Expected {
  lang: string;
  clipPost: string;
  title: string;
  introduction: string;
  /** The list of the roundup's posts. */
  posts: string;
  exportButton: string;
  exportOutput: string;
  /** The date of @cmsholdings' post (2025-11-20) as the export writes it. */
  date: string;
}

export interface LanguageBrowser {
  /** Opens the saved x.com home timeline; the page, to run functions in. */
  openX(): Promise<EvalPage>;
  /** A real click (the button takes no scripted one) on the element `selector` finds on x.com. */
  click(selector: string): Promise<void>;
  open(path: string): Promise<EditorPage>;
  quit(): Promise<void>;
}

const poll = { timeout: 15_000, interval: 200 };

export function interfaceInLanguage(expected: Expected, launch: (xPort: number) => Promise<LanguageBrowser>): void {
  let server: XServer | undefined;
  let b: LanguageBrowser | undefined;
  const browser = () => {
    if (!b) throw new Error('the browser did not start');
    return b;
  };
  beforeAll(async () => {
    server = await startXServer({ '/home': HOME_FIXTURE });
    b = await launch(server.port);
  });
  afterAll(async () => {
    await b?.quit();
    await server?.close();
  });

  test(`x.com's clip button speaks ${expected.lang}; the editor's names and the export's dates follow`, async () => {
    const x = await browser().openX();
    const id = POSTS[0].id;
    // The button of the post, by the id it clips; its name is the language's.
    const label = () => x.evaluate((postId: string) => document.querySelector(`button[data-roundup-clip="x:${postId}"]`)?.getAttribute('aria-label') ?? null, id);
    await expect.poll(label, poll).toBe(expected.clipPost);
    await browser().click(`button[data-roundup-clip="x:${id}"]`);
    const pressed = () => x.evaluate((postId: string) => document.querySelector(`button[data-roundup-clip="x:${postId}"]`)?.getAttribute('aria-pressed') ?? null, id);
    await expect.poll(pressed, poll).toBe('true');

    const page = await browser().open('popup.html?home=tab');
    expect(await page.raw().evaluate(() => document.documentElement.lang, null)).toMatch(new RegExp(`^${expected.lang}`));
    await expect.poll(async () => (await page.items(expected.posts)).length, poll).toBe(1);
    await page.type({ name: expected.title }, 'Roundup');
    expect(await page.value({ name: expected.introduction })).toBe('');
    await page.press(expected.exportButton);
    // A roundup made in this browser exports in its language: the post's date in it.
    await expect.poll(async () => (await page.value({ name: expected.exportOutput })) ?? '', poll).toContain(expected.date);
    expect(await page.axe()).toEqual([]);
    await page.close();
  });
}
