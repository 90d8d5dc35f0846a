// The export view in Firefox, through Puppeteer over WebDriver BiDi. The clipboard is read
// back the way a user would: a real Ctrl+V into a textarea (text/plain) and into an editable
// element (text/html) on the same page — no preference or permission needed. Downloads go to
// a folder of our own, set with BiDi's browser.setDownloadBehavior.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { FirefoxDriver } from './firefox.js';
import type { Clipboard, ExportView } from './export-view.js';
import type { EvalPage } from './picking.js';

async function until<T>(find: () => Promise<T | null>, ms: number): Promise<T | null> {
  for (const end = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 100))) {
    const found = await find();
    if (found || Date.now() > end) return found;
  }
}

type Bidi = { send(method: string, params: object): Promise<unknown> };
interface ContextInfo { context: string; url: string; children?: ContextInfo[] | null }

/** The browsing context of the one srcdoc frame open (the export preview), or null. */
async function srcdocContext(bidi: Bidi): Promise<string | null> {
  const tree = (await bidi.send('browsingContext.getTree', {})) as { result: { contexts: ContextInfo[] } };
  const all = (list: ContextInfo[]): ContextInfo[] => list.flatMap((c) => [c, ...all(c.children ?? [])]);
  return all(tree.result.contexts).find((c) => c.url === 'about:srcdoc')?.context ?? null;
}

/** Pastes the clipboard into a fresh element made on the page, and returns what arrived. */
async function paste(page: Page, into: 'textarea' | 'div'): Promise<string> {
  const id = `paste-${into}`;
  await page.evaluate((tag, id) => {
    const el = document.createElement(tag);
    el.id = id;
    if (tag === 'div') el.contentEditable = 'true';
    document.body.append(el);
  }, into, id);
  const el = (await page.$(`#${id}`))!;
  await el.focus();
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
  const read = () => el.evaluate((e) => (e instanceof HTMLTextAreaElement ? e.value : e.innerHTML));
  const text = (await until(async () => (await read()) || null, 5_000)) ?? '';
  await el.evaluate((e) => e.remove());
  return text;
}

export async function firefoxExportView(d: FirefoxDriver): Promise<ExportView & { cleanUp(): void }> {
  const downloads = mkdtempSync(join(tmpdir(), 'roundup-e2e-downloads-'));
  // Not on Puppeteer's typed surface for the default context; the BiDi command itself is standard.
  const bidi = (d.browser as unknown as { connection: Bidi }).connection;
  await bidi.send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: downloads } });
  const page = (): Page => d.editorPage();
  const byName = async (role: string, name: string): Promise<ElementHandle<Element>> => {
    const found = await until(() => page().$(`::-p-aria([name="${name}"][role="${role}"])`), 10_000);
    if (!found) throw new Error(`no ${role} "${name}"`);
    return found;
  };
  const press = async (name: string) => (await byName('button', name)).click();
  return {
    driver: d,
    x: () => d.xPage() as unknown as EvalPage,
    editor: () => d.editorPage() as unknown as EvalPage,
    cleanUp: () => rmSync(downloads, { recursive: true, force: true }),
    async openExport() {
      await press('Export');
      await byName('combobox', 'Export format');
    },
    async chooseFormat(label) {
      const select = (await byName('combobox', 'Export format')) as ElementHandle<HTMLSelectElement>;
      const value = await select.evaluate((s, label) => [...s.options].find((o) => o.textContent === label)?.value ?? '', label);
      await select.select(value);
    },
    chosenFormat: async () => (await byName('combobox', 'Export format')).evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''),
    output: async () => (await byName('textbox', 'Export output')).evaluate((t) => (t as HTMLTextAreaElement).value),
    async copy(): Promise<Clipboard> {
      await press('Copy');
      await until(() => page().evaluate(() => document.body.innerText.includes('Copied to the clipboard.') || null), 5_000);
      return { plain: await paste(page(), 'textarea'), html: await paste(page(), 'div') };
    },
    async download() {
      const before = new Set(readdirSync(downloads));
      await press('Download');
      const name = await until(async () => readdirSync(downloads).find((f) => !before.has(f) && !f.endsWith('.part')) ?? null, 10_000);
      if (!name) throw new Error(`nothing was saved in ${downloads}`);
      // Firefox writes to a .part file and renames it when done.
      await until(async () => (existsSync(join(downloads, `${name}.part`)) ? null : true), 5_000);
      const bytes = readFileSync(join(downloads, name));
      return { name, text: bytes.toString('utf8'), bytes };
    },
    async tick(name) {
      await (await byName('checkbox', name)).click();
    },
    async importFile(path) {
      const input = (await page().$('#import-backup')) as ElementHandle<HTMLInputElement> | null;
      if (!input) throw new Error('no "Import backup" file input');
      await input.uploadFile(path);
    },
    importMessage: () => page().evaluate(() => document.querySelector('#import-backup ~ p')?.textContent ?? ''),
    async preview() {
      const frameEl = await page().$('iframe[title="Export preview"]');
      if (!frameEl) return null;
      const sandbox = await frameEl.evaluate((f) => f.getAttribute('sandbox'));
      // Puppeteer does not follow frames in a moz-extension page (see openEditor), so the
      // preview's document is reached with BiDi itself: find its browsing context, then
      // evaluate in a sandbox realm there (the page's own scripts are off, by design).
      const child = await until(() => srcdocContext(bidi), 5_000);
      if (!child) throw new Error('the preview frame has no document');
      const read = async (expression: string): Promise<unknown> => {
        const r = (await bidi.send('script.evaluate', {
          expression, target: { context: child, sandbox: 'roundup-e2e' }, awaitPromise: false,
        })) as { result: { result: { value?: unknown } } };
        return r.result.result.value;
      };
      await until(async () => ((await read('document.readyState')) === 'complete' ? true : null), 5_000);
      const fetched = Number(await read("performance.getEntriesByType('resource').length"));
      const images = Number(await read('document.images.length'));
      return { sandbox, fetched, images, text: String(await read('document.body.innerText')) };
    },
  };
}
