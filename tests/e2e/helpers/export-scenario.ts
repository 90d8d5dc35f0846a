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
import { HOME_FIXTURE, ROOT, startXServer, type XServer } from './driver.js';
import type { ExportView } from './export-view.js';
import type { EvalPage } from './picking.js';

// Saved real pages, served where X shows them (tests/fixtures/x/SOURCES.md): between them the
// kinds of post the capture reads — quotes, photos, videos, link cards, threads, reposts, an
// edited post in the photo viewer, an article. (Every saved page, and every kind, goes through
// a backup in Node: tests/unit/backup-restores-every-kind-of-post.test.ts; here the real
// browsers do it, on fewer pages, to keep the run lean.)
const fixture = (path: string) => join(ROOT, 'tests/fixtures/x', path);
const SAVED_PAGES: Record<string, string> = {
  '/home': HOME_FIXTURE,
  '/badlogicgames/status/1991612272289161300': fixture('control-panel-for-twitter/mario-zechner-wow.html'),
  '/seigura/status/1842037500065546723/photo/3': fixture('twittermediaharvest/edited-modal.html'),
  '/arscontexta/status/2013045749580259680': fixture('defuddle/general--x.com-article-2026-02-13.html'),
  '/tweetyoink/quote-video': fixture('tweetyoink/x-tweet-quote-video.html'),
};

type ApiHolder = { browser?: Api; chrome?: Api };
interface Api {
  tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: object, o: object): Promise<unknown> };
  runtime: { sendMessage(m: object): Promise<unknown> };
}

/** A message to the background, sent from the editor page as the editor would. */
async function toBackground(editor: EvalPage, message: object): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  return editor.evaluate((message) => ((globalThis as ApiHolder).browser ?? (globalThis as ApiHolder).chrome)!.runtime.sendMessage(message), message) as never;
}

/** Clips every post of the x.com tab at `url` in full, from the page, as "Clip this post" does there. */
async function clipEveryPost(view: ExportView, url: string): Promise<number> {
  const ids = await view.x().evaluate(() => [...new Set([...document.querySelectorAll('[data-roundup-clip]')].map((b) => b.getAttribute('data-roundup-clip')))], null);
  return view.editor().evaluate(async ({ url, ids }) => {
    const api = ((globalThis as ApiHolder).browser ?? (globalThis as ApiHolder).chrome)!;
    const [tab] = await api.tabs.query({ url });
    if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
    let found = 0;
    for (const postId of ids) {
      const reply = (await api.tabs.sendMessage(tab.id, { type: 'clipPostById', postId }, { frameId: 0 })) as { ok: boolean; value?: { found: boolean } };
      if (reply.ok && reply.value?.found) found++;
    }
    return found;
  }, { url, ids });
}

// The second has a photo: the preview must not fetch it.
const POSTS = [
  { id: '1991586882858172684', handle: 'cmsholdings' },
  { id: '1991606789301776835', handle: 'nic__carter' },
] as const;
// Characters every format must escape its own way.
const TITLE = 'Crypto week & <friends>';
// The writer's emphasis and a link (export/inline.ts), and brackets that are neither.
const INTRO = 'Two posts worth a read — *really*. From [the desk](https://example.org/desk).';
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
    server = await startXServer(SAVED_PAGES);
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
    // The options' names, as CONTRACT.md gives them (the English catalogue's).
    const NAMES: Record<string, string> = { html: 'HTML', markdown: 'Markdown', wordpress: 'WordPress', text: 'Plain text' };
    for (const format of EXPORT_FORMATS.filter((f) => f.id !== 'json')) {
      await v().chooseFormat(NAMES[format.id]!);
      await expect.poll(() => v().output(), { ...poll, message: format.id }).toBe(renderExport(format.id, input));
    }
    // And the words came through, escaped for each format.
    await v().chooseFormat('HTML');
    const html = await v().output();
    expect(html).toContain('<h1>Crypto week &amp; &lt;friends&gt;</h1>');
    expect(html).toContain('<a href="https://twitter.com/cmsholdings/status/1991586882858172684">');
    expect(html).toContain('<p>Two posts worth a read — <em>really</em>. From <a href="https://example.org/desk">the desk</a>.</p>');
    await v().chooseFormat('Markdown');
    expect(await v().output()).toContain('# Crypto week \\& \\<friends\\>\n\nTwo posts worth a read — *really*. From [the desk](https://example.org/desk).');
    await v().chooseFormat('Plain text');
    expect(await v().output()).toContain('Two posts worth a read — really. From the desk (https://example.org/desk).');
    await v().chooseFormat('WordPress');
    expect(await v().output()).toContain('<!-- wp:paragraph -->\n<p>Two posts worth a read — <em>really</em>. From <a href="https://example.org/desk">the desk</a>.</p>\n<!-- /wp:paragraph -->');
  });

  test('the HTML preview is sandboxed and fetches nothing, not even the posts\' photos', async () => {
    await v().chooseFormat('HTML');
    const preview = await v().preview();
    expect(preview).not.toBeNull();
    // Nothing allowed but its own origin (the editor scrolls it to the item being edited): no scripts.
    expect(preview!.sandbox).toBe('allow-same-origin');
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
    expect({ name: file.name, text: file.text }).toEqual({ name: exportFileName(TITLE, 'wordpress'), text: await v().output() });
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

  test('a backup of every kind of post the capture makes, a link-only clip and the Trash imports whole into an empty profile', async () => {
    const d = v().driver;
    let clipped = 0;
    const started = Date.now();
    const lap = (what: string) => console.log(`backup scenario: ${what} at ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const path of Object.keys(SAVED_PAGES)) {
      await d.openX(path);
      await expect.poll(() => v().x().evaluate(() => document.querySelectorAll('[data-roundup-clip]').length, null), { ...poll, message: path }).toBeGreaterThan(0);
      clipped += await clipEveryPost(v(), `https://x.com${path}`);
      lap(path);
    }
    expect(clipped).toBeGreaterThan(25);
    // Known only from a link on a page that is not a web page: no author, no words, no page.
    expect(await toBackground(v().editor(), { type: 'clipLink', url: 'https://x.com/i/status/1234567890123', pageUrl: 'about:newtab' }))
      .toMatchObject({ ok: true, value: { added: true } });
    // The Trash: an item with words, and a whole roundup.
    const current = await backupShown();
    const roundupId = current.roundups.find((r) => r.items.length > 25)!.id;
    const postId = current.roundups.find((r) => r.id === roundupId)!.items[5]!.postId;
    expect(await toBackground(v().editor(), { type: 'setItemText', roundupId, postId, field: 'commentary', value: 'Words that wait in the Trash.' })).toMatchObject({ ok: true });
    expect(await toBackground(v().editor(), { type: 'removeItem', roundupId, postId })).toMatchObject({ ok: true, value: { trashId: expect.any(String) } });
    expect(await toBackground(v().editor(), { type: 'createRoundup', title: 'Deleted, and kept', roundupId: 'deleted-and-kept' })).toMatchObject({ ok: true });
    expect(await toBackground(v().editor(), { type: 'deleteRoundup', roundupId: 'deleted-and-kept' })).toMatchObject({ ok: true });
    expect(await toBackground(v().editor(), { type: 'setCurrentRoundup', roundupId })).toMatchObject({ ok: true });

    await d.openEditor('?home=tab');
    await v().openExport();
    await v().chooseFormat('JSON backup');
    await expect.poll(() => v().output(), poll).toMatch(/^\{/);
    const file = await v().download();
    const path = join(files, file.name);
    writeFileSync(path, file.text);
    const saved = JSON.parse(file.text) as BackupData;
    expect(saved.trash.map((e) => e.kind).sort()).toEqual(['item', 'roundup']);
    expect(saved.posts.some((p) => p.pageUrl === '' && p.author.handle === '')).toBe(true);

    // A second browser with an empty profile takes the file whole.
    lap('backup saved');
    const fresh = await launch(server!.port);
    lap('second browser');
    try {
      await fresh.driver.openEditor('?home=tab');
      await fresh.openExport();
      await fresh.importFile(path);
      await expect.poll(() => fresh.importMessage(), { ...poll, message: 'the import in the empty profile' })
        .toMatch(new RegExp(`^Backup imported: ${saved.roundups.length} roundups? added\\b.*\\b${saved.posts.length} posts added\\b`));
      await fresh.chooseFormat('JSON backup');
      await expect.poll(() => fresh.output(), poll).toMatch(/^\{/);
      const restored = JSON.parse(await fresh.output()) as BackupData;
      // The empty profile made its own empty roundup when its editor first opened; the rest is the file's.
      const theirs = new Set(saved.roundups.map((r) => r.id));
      expect(restored.roundups.filter((r) => !theirs.has(r.id)).map((r) => r.items.length)).toEqual([0]);
      const same = (b: BackupData) => ({ roundups: b.roundups.filter((r) => theirs.has(r.id)), posts: b.posts, trash: b.trash, settings: b.settings });
      expect(same(restored)).toEqual(same(saved));
    } finally {
      await fresh.driver.quit();
      fresh.cleanUp?.();
    }
  });
}
