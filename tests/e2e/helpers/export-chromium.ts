// The export view in Chromium, through Playwright: the clipboard is read back with the
// async Clipboard API once clipboard-read is granted, downloads through Playwright's
// download event.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ChromiumDriver } from './chromium.js';
import type { Clipboard, ExportView } from './export-view.js';
import type { EvalPage } from './picking.js';

export async function chromiumExportView(d: ChromiumDriver): Promise<ExportView> {
  // For every origin: Chromium refuses a grant naming a chrome-extension: origin ("opaque").
  await d.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = (): Page => d.editorPage();
  const select = () => page().getByRole('combobox', { name: 'Export format', exact: true });
  const button = (name: string) => page().getByRole('button', { name, exact: true });
  return {
    driver: d,
    x: () => d.xPage() as unknown as EvalPage,
    editor: () => d.editorPage() as unknown as EvalPage,
    async openExport() {
      await button('Export').click({ timeout: 10_000 });
      await select().waitFor({ timeout: 10_000 });
    },
    async chooseFormat(label) {
      await select().selectOption({ label });
    },
    chosenFormat: () => select().evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? ''),
    output: () => page().getByRole('textbox', { name: 'Export output', exact: true }).inputValue(),
    async copy(): Promise<Clipboard> {
      await button('Copy').click();
      await page().getByText('Copied to the clipboard.').waitFor({ timeout: 5_000 });
      return page().evaluate(async () => {
        const out: Record<string, string> = {};
        for (const item of await navigator.clipboard.read()) {
          for (const type of item.types) out[type] = await (await item.getType(type)).text();
        }
        return { plain: out['text/plain'] ?? '', html: out['text/html'] ?? null };
      });
    },
    async download() {
      const [file] = await Promise.all([page().waitForEvent('download', { timeout: 10_000 }), button('Download').click()]);
      const bytes = readFileSync(await file.path());
      return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
    },
    async tick(name) {
      await page().getByRole('checkbox', { name, exact: true }).click({ timeout: 10_000 });
    },
    async importFile(path) {
      await page().getByLabel('Import backup', { exact: true }).setInputFiles(path);
    },
    importMessage: async () => (await page().locator('#import-backup ~ p').textContent()) ?? '',
    async preview() {
      const frameEl = page().locator('iframe[title="Export preview"]');
      if ((await frameEl.count()) === 0) return null;
      const frame = await (await frameEl.elementHandle())!.contentFrame();
      if (!frame) throw new Error('the preview frame has no document');
      await frame.waitForLoadState('load');
      // Chromium lists even a load its CSP blocked here: zero means none was attempted.
      const inside = await frame.evaluate(() => ({
        fetched: performance.getEntriesByType('resource').length,
        images: document.images.length,
        text: document.body.innerText,
      }));
      return { sandbox: await frameEl.getAttribute('sandbox'), ...inside };
    },
  };
}
