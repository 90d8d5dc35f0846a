// One editor page (popup.html, a tab, the panel or options.html) as the editor tests drive it,
// implemented for Chromium (Playwright) and Firefox (Puppeteer over BiDi). Several can be open
// at once, which the shared Driver (one editor tab) does not allow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page as PwPage } from 'playwright-core';
import type { Browser, ElementHandle, KeyInput, Page as PpPage } from 'puppeteer-core';
import { ROOT, type Field } from './driver.js';
import type { EvalPage } from './picking.js';

export interface EditorPage {
  type(field: Field, text: string): Promise<void>;
  value(field: Field): Promise<string | null>;
  /** Presses the button with this exact name, in the page or inside the nth item of "Posts". */
  press(name: string, item?: number): Promise<void>;
  /** The text of each item of the list named `list` ("Posts" unless told). */
  items(list?: string): Promise<string[]>;
  /** Drags the nth item's grip onto the mth item. */
  drag(from: number, to: number): Promise<void>;
  /** axe-core's violations on the page as it is now, one line each. */
  axe(): Promise<string[]>;
  /** The page itself, to run a function in (e.g. a message to the background: extension-reads.ts). */
  raw(): EvalPage;
  /** Presses keys in the textbox, each like `Shift+ArrowLeft` or `Control+b`, focusing it first (caret at the end). */
  keys(field: Field, keys: string[]): Promise<void>;
  close(): Promise<void>;
}

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const RUN_AXE = `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.help + ' (' + v.nodes.map((n) => n.target.join(' ')).join(', ') + ')'))`;

// ---------------------------------------------------------------- Chromium (Playwright)

export async function chromiumEditor(ctx: BrowserContext, extensionId: string, path: string): Promise<EditorPage> {
  const page: PwPage = await ctx.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  const scope = (item?: number) =>
    item === undefined ? page : page.getByRole('list', { name: 'Posts', exact: true }).getByRole('listitem').nth(item);
  const box = ({ name, item }: Field): Locator => scope(item).getByRole('textbox', { name, exact: true });
  return {
    async type(field, text) {
      const b = box(field);
      await b.click({ timeout: 10_000 });
      await b.press('Control+End');
      await b.pressSequentially(text);
    },
    async value(field) {
      const b = box(field);
      return (await b.count()) === 1 ? b.inputValue({ timeout: 2_000 }) : null;
    },
    press: (name, item) => scope(item).getByRole('button', { name, exact: true }).click({ timeout: 10_000 }),
    items: (list = 'Posts') => page.getByRole('list', { name: list, exact: true }).getByRole('listitem').allInnerTexts(),
    async drag(from, to) {
      const items = page.getByRole('list', { name: 'Posts', exact: true }).getByRole('listitem');
      // A real mouse drag: Chromium runs HTML drag and drop from it. The drag starts with a
      // small move at the grip, before the page scrolls towards the target (a scroll between
      // press and first move would start the drag from whatever is under the pointer then).
      const grip = items.nth(from).locator('[draggable="true"]');
      await grip.hover({ timeout: 10_000 });
      const at = (await grip.boundingBox())!;
      await page.mouse.down();
      await page.mouse.move(at.x + at.width / 2 + 4, at.y + at.height / 2 + 4, { steps: 2 });
      await items.nth(to).hover();
      await page.mouse.up();
    },
    async axe() {
      // Evaluated over the DevTools protocol, which the page's CSP does not govern.
      if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(AXE);
      return page.evaluate(RUN_AXE) as Promise<string[]>;
    },
    async keys(field, keys) {
      await box(field).click({ timeout: 10_000 });
      // The page's keyboard, not the locator's: finding the 200th item again for every key is slow.
      for (const k of ['Control+End', ...keys]) await page.keyboard.press(k);
    },
    raw: () => page as unknown as EvalPage,
    close: () => page.close(),
  };
}

// ---------------------------------------------------------------- Firefox (Puppeteer, BiDi)

async function until<T>(find: () => Promise<T | null>, ms: number): Promise<T | null> {
  for (const end = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 100))) {
    const found = await find();
    if (found || Date.now() > end) return found;
  }
}

export async function firefoxEditor(browser: Browser, extensionBase: string, path: string): Promise<EditorPage> {
  const page: PpPage = await browser.newPage();
  const url = `${extensionBase}${path}`;
  // page.goto never settles for moz-extension pages (puppeteer#14314): watch the document instead.
  void page.goto(url, { waitUntil: 'domcontentloaded', timeout: 0 }).catch(() => {});
  const loaded = await until(() => page.evaluate(() => (document.readyState !== 'loading' ? location.href : null))
    .then((href) => (href === url ? true : null), () => null), 15_000);
  if (!loaded) throw new Error(`${url} did not load`);

  const scope = async (item?: number): Promise<PpPage | ElementHandle<Element> | undefined> => {
    if (item === undefined) return page;
    const list = await page.$('::-p-aria([name="Posts"][role="list"])');
    return list ? (await list.$$('::-p-aria([role="listitem"])'))[item] : undefined;
  };
  const one = async (item: number | undefined, selector: string): Promise<ElementHandle<Element> | null> => {
    const s = await scope(item);
    const found = s ? await s.$$(selector) : [];
    return found.length === 1 ? found[0]! : null;
  };
  const box = (f: Field) => one(f.item, `::-p-aria([name="${f.name}"][role="textbox"])`);
  const itemHandles = async (list = 'Posts') => {
    const l = await page.$(`::-p-aria([name="${list}"][role="list"])`);
    return l ? l.$$(':scope > li') : [];
  };
  return {
    async type(field, text) {
      const b = await until(() => box(field), 10_000);
      if (!b) throw new Error(`no single textbox "${field.name}"`);
      await b.click();
      await page.keyboard.down('Control');
      await page.keyboard.press('End');
      await page.keyboard.up('Control');
      await page.keyboard.type(text);
    },
    async value(field) {
      const b = await box(field);
      return b ? b.evaluate((el) => String((el as HTMLInputElement).value)) : null;
    },
    async press(name, item) {
      const b = await until(() => one(item, `::-p-aria([name="${name}"][role="button"])`), 10_000);
      if (!b) throw new Error(`no single button "${name}"`);
      await b.click();
    },
    async items(list) {
      return Promise.all((await itemHandles(list)).map((li) => li.evaluate((el) => (el as HTMLElement).innerText)));
    },
    async drag(from, to) {
      // Puppeteer's mouse does not start HTML drag and drop in Firefox: send the drag events
      // the browser would, with a real DataTransfer, to the same elements.
      const items = await itemHandles();
      const grip = await items[from]!.$('[draggable="true"]');
      await page.evaluate((g, target) => {
        const dataTransfer = new DataTransfer();
        const fire = (el: Element, type: string) => el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }));
        fire(g!, 'dragstart');
        fire(target, 'dragenter');
        fire(target, 'dragover');
        fire(target, 'drop');
        fire(g!, 'dragend');
      }, grip, items[to]!);
    },
    async axe() {
      if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(AXE);
      return page.evaluate(RUN_AXE) as Promise<string[]>;
    },
    async keys(field, keys) {
      const b = await until(() => box(field), 10_000);
      if (!b) throw new Error(`no single textbox "${field.name}"`);
      await b.click();
      const chord = async (spec: string) => {
        const parts = spec.split('+');
        const key = parts.pop()!;
        for (const m of parts) await page.keyboard.down(m as KeyInput);
        await page.keyboard.press(key as KeyInput);
        for (const m of parts.reverse()) await page.keyboard.up(m as KeyInput);
      };
      await chord('Control+End');
      for (const k of keys) await chord(k);
    },
    raw: () => page as unknown as EvalPage,
    close: () => page.close(),
  };
}
