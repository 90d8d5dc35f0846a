// Issue 4's measure of the editor: the whole reference roundup (../shared/seed-roundup.md, its
// words in tests/golden/seed-text.ts) written around four clipped posts, with the editor closed
// at once and reopened after every field and in the middle of each — every word is there.
// Written once, run by each browser's file.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SEED_TEXT } from '../../golden/seed-text.js';
import { POSTS } from './clip-note-reopen.js';
import { HOME_FIXTURE, startXServer, type Driver, type Field, type XServer } from './driver.js';
import type { EditorPage } from './editor-pages.js';

export interface SeedBrowser {
  driver: Driver;
  open(path: string): Promise<EditorPage>;
  quit(): Promise<void>;
}

// Four posts the saved home timeline shows (its saved CSS hides reposts), in clip order.
const FOUR = [...POSTS, { id: '1991606928280318423', handle: 'cryptolyxe' }];
const poll = { timeout: 10_000, interval: 200 };

/** Every field of the seed in the order a writer fills them; empty ones (no lead-in) left out. */
const FIELDS: Array<[Field, string]> = [
  [{ name: 'Title' }, SEED_TEXT.title],
  [{ name: 'Introduction' }, SEED_TEXT.intro],
  ...SEED_TEXT.items.flatMap((item, i): Array<[Field, string]> => [
    [{ item: i, name: 'Lead-in' }, item.leadIn],
    [{ item: i, name: 'Commentary' }, item.commentary],
  ]),
  [{ name: 'Closing' }, SEED_TEXT.closing],
].filter(([, text]) => text !== '') as Array<[Field, string]>;

export function writeSeedRoundup(launch: (xPort: number) => Promise<SeedBrowser>): void {
  let server: XServer | undefined;
  let b: SeedBrowser | undefined;
  const browser = () => {
    if (!b) throw new Error('the browser did not start');
    return b;
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

  test('four clipped posts: the items the roundup is written around', async () => {
    for (const { id } of FOUR) {
      await browser().driver.clickClip(id);
      await expect.poll(() => browser().driver.clipPressed(id), { ...poll, message: id }).toBe('true');
    }
  });

  test('the whole reference roundup survives the editor closing after every field and mid-sentence', async () => {
    let page = await browser().open('popup.html');
    const reopen = async () => {
      await page.close(); // at once: no wait for the last keystroke's save
      page = await browser().open('popup.html');
    };
    await expect.poll(async () => (await page.items()).map((t) => /@(\w+)/.exec(t)?.[1]), poll).toEqual(FOUR.map((p) => p.handle));

    const written: Array<[Field, string]> = [];
    for (const [field, text] of FIELDS) {
      const cut = Math.ceil(text.length / 2);
      await page.type(field, text.slice(0, cut));
      await reopen();
      await expect.poll(() => page.value(field), { ...poll, message: `half of ${JSON.stringify(field)}` }).toBe(text.slice(0, cut));
      await page.type(field, text.slice(cut));
      written.push([field, text]);
      await reopen();
      for (const [f, t] of written) await expect.poll(() => page.value(f), { ...poll, message: JSON.stringify(f) }).toBe(t);
    }
    await page.close();

    let options = await browser().open('options.html');
    await options.type({ name: 'Signature' }, SEED_TEXT.signature);
    await options.close();
    options = await browser().open('options.html');
    await expect.poll(() => options.value({ name: 'Signature' }), poll).toBe(SEED_TEXT.signature);
    await options.close();
  });
}
