// Export end to end, written once and run by each browser's test file: clip two posts on a
// saved x.com page, write around them, open Export, and check every format against the
// renderers applied to the stored data; the sandboxed preview; Copy (read back from the
// clipboard); Download (the saved file); Import of a backup, and of a hostile file.
// Tests in a describe share one browser and run in order.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EXPORT_FORMATS, exportFileName, renderExport, type BackupData } from '../../../src/export';
import { HOME_FIXTURE, startXServer, type XServer } from './driver.js';
import type { ExportView } from './export-view.js';

// The second has a photo: the preview must not fetch it.
const POSTS = [
  { id: '1991586882858172684', handle: 'cmsholdings' },
  { id: '1991606789301776835', handle: 'nic__carter' },
] as const;
// Characters every format must escape its own way.
const TITLE = 'Crypto week & <friends>';
const INTRO = 'Two posts worth a read — *really*.';
const COMMENTARY = 'Fill sizes matter [a lot].';
const LEAD_IN = 'And then:';

const poll = { timeout: 10_000, interval: 200 };

export function exportScenario(launch: (xPort: number) => Promise<ExportView & { cleanUp?(): void }>): void {
  let server: XServer | undefined;
  let view: (ExportView & { cleanUp?(): void }) | undefined;
  const files = mkdtempSync(join(tmpdir(), 'roundup-e2e-backups-'));
  const v = (): ExportView => {
    if (!view) throw new Error('the browser did not start');
    return view;
  };
  /** The whole-database backup as "JSON backup" shows it. */
  const backupShown = async (): Promise<BackupData> => {
    await v().chooseFormat('Markdown'); // away and back: the backup is read afresh
    await v().chooseFormat('JSON backup');
    await expect.poll(() => v().output(), poll).toMatch(/^\{/);
    return JSON.parse(await v().output()) as BackupData;
  };

  beforeAll(async () => {
    server = await startXServer({ '/home': HOME_FIXTURE });
    view = await launch(server.port);
  });
  afterAll(async () => {
    await view?.driver.quit();
    view?.cleanUp?.();
    await server?.close();
    rmSync(files, { recursive: true, force: true });
  });

  test('two clipped posts, written around, then Export opens in the default format', async () => {
    const d = v().driver;
    await d.openX('/home');
    for (const { id } of POSTS) {
      await d.clickClip(id);
      await expect.poll(() => d.clipPressed(id), poll).toBe('true');
    }
    // The editor tab, where a file chooser can open (the toolbar popup would close for it).
    await d.openEditor('?home=tab');
    await expect.poll(async () => (await d.itemTexts()).length, poll).toBe(POSTS.length);
    await d.type({ name: 'Title' }, TITLE);
    await d.type({ name: 'Introduction' }, INTRO);
    await d.type({ item: 0, name: 'Commentary' }, COMMENTARY);
    await d.type({ item: 1, name: 'Lead-in' }, LEAD_IN);
    await v().openExport();
    expect(await v().chosenFormat()).toBe('HTML'); // the default format of fresh settings
  });

  test('every format shows exactly what its renderer makes of the roundup as stored', async () => {
    const backup = await backupShown();
    const roundup = backup.roundups.find((r) => r.title === TITLE);
    expect(roundup, 'the roundup with the typed title').toBeDefined();
    expect(roundup!.items.map((i) => i.postId)).toEqual(POSTS.map((p) => `x:${p.id}`));
    const input = { roundup: roundup!, posts: Object.fromEntries(backup.posts.map((p) => [p.id, p])), settings: backup.settings };
    for (const format of EXPORT_FORMATS.filter((f) => f.id !== 'json')) {
      await v().chooseFormat(format.label);
      await expect.poll(() => v().output(), { ...poll, message: format.label }).toBe(renderExport(format.id, input));
    }
    // And the words came through, escaped for each format.
    await v().chooseFormat('HTML');
    const html = await v().output();
    expect(html).toContain('<h1>Crypto week &amp; &lt;friends&gt;</h1>');
    expect(html).toContain('<a href="https://twitter.com/cmsholdings/status/1991586882858172684">');
    await v().chooseFormat('Markdown');
    expect(await v().output()).toContain('# Crypto week \\& \\<friends\\>\n\nTwo posts worth a read — \\*really\\*.');
  });

  test('the HTML preview is sandboxed and fetches nothing, not even the posts\' photos', async () => {
    await v().chooseFormat('HTML');
    const preview = await v().preview();
    expect(preview).not.toBeNull();
    expect(preview!.sandbox).toBe('');
    expect(preview!.fetched, JSON.stringify(preview)).toBe(0);
    expect(preview!.text).toContain('Crypto week & <friends>');
    expect(preview!.text).toContain(COMMENTARY);
    expect(preview!.images, 'the photo is named, not loaded').toBe(0);
    expect(preview!.text).toContain('[Image]');
    await v().chooseFormat('Plain text');
    expect(await v().preview()).toBeNull();
  });

  test('Copy puts the HTML on the clipboard as markup and as the text shown', async () => {
    await v().chooseFormat('HTML');
    const shown = await v().output();
    const clip = await v().copy();
    expect(clip.plain).toBe(shown);
    // As markup, not as text: pasted text would read "&lt;blockquote".
    expect(clip.html).toMatch(/<blockquote[^>]*>/);
    expect(clip.html).toMatch(/<h1>Crypto week &amp; &lt;friends&gt;<\/h1>/);
    expect(clip.html).toContain('Fill sizes matter [a lot].');
    await v().chooseFormat('Markdown');
    expect((await v().copy()).plain).toBe(await v().output());
  });

  test('Download saves the output as a file named from the title; the backup by its day', async () => {
    await v().chooseFormat('WordPress');
    const file = await v().download();
    expect(file).toEqual({ name: exportFileName(TITLE, 'wordpress'), text: await v().output() });
    await v().chooseFormat('JSON backup');
    await expect.poll(() => v().output(), poll).toMatch(/^\{/);
    const backup = await v().download();
    expect(backup.name).toMatch(/^roundup-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(backup.text).roundups.map((r: { title: string }) => r.title)).toContain(TITLE);
  });

  test('Import backup takes a newer copy of the roundup, and the editor shows it', async () => {
    const backup = await backupShown();
    const renamed = backup.roundups.map((r) => (r.title === TITLE ? { ...r, title: 'Renamed by an import', updatedAt: '2099-01-01T00:00:00.000Z' } : r));
    const path = join(files, 'newer.json');
    writeFileSync(path, JSON.stringify({ ...JSON.parse(await v().output()), roundups: renamed }));
    await v().importFile(path);
    await expect.poll(() => v().importMessage(), poll).toBe(
      'Backup imported: 0 roundups added, 1 replaced by the backup\'s newer copy; 0 posts added, 2 already here and kept. Settings restored from the backup.',
    );
    await expect.poll(() => v().driver.value({ name: 'Title' }), poll).toBe('Renamed by an import');
    await v().importFile(path);
    await expect.poll(() => v().importMessage(), poll).toMatch(/^Backup imported: 0 roundups added, 1 already here and kept; 0 posts added, 2 already/);
  });

  test('a hostile backup is refused with what is wrong, and nothing changes', async () => {
    const before = await backupShown();
    const hostile = JSON.parse(await v().output());
    hostile.roundups[0].items[0].postId = '<img src=x onerror=alert(1)>';
    hostile.roundups[0].title = 'Should never arrive';
    const path = join(files, 'hostile.json');
    writeFileSync(path, JSON.stringify(hostile));
    await v().importFile(path);
    await expect.poll(() => v().importMessage(), poll).toBe(
      'This file cannot be imported: roundups[0].items[0].postId is not a post id like "x:1234567890". Nothing was changed.',
    );
    const after = await backupShown();
    expect({ ...after, exportedAt: '' }).toEqual({ ...before, exportedAt: '' });
  });
}
