// A roundup outlives the posts it quotes, their pictures included — written once, run by each
// browser's test file. The local server answers as X's media host pbs.twimg.com too, serving
// the pictures the saved pages show (constructed PNGs, one per address: scripts/x-server.mjs).
// Clip a post with a photo and a post quoting one; the editor shows the pictures from the kept
// copies, asking the media host for nothing; then the host stops serving them (the post was
// deleted) and the self-contained page and the zip still hold every picture, byte for byte.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'parse5';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT, startXServer, type XServer } from './driver.js';
import type { ExportView } from './export-view.js';

const fixture = (path: string) => join(ROOT, 'tests/fixtures/x', path);
// An article with a photo, and an (anonymised) post quoting a post with a photo: both pages
// hold their pictures' pbs.twimg.com addresses as X serves them.
const PAGES = {
  '/arscontexta/status/2013045749580259680': fixture('defuddle/general--x.com-article-2026-02-13.html'),
  '/tweetyoink/quote': fixture('tweetyoink/x-tweet-quote.html'),
  '/empty': join(ROOT, 'tests/e2e/helpers/empty.html'),
};
const CLIPS = [
  { path: '/arscontexta/status/2013045749580259680', id: '2013045749580259680' },
  { path: '/tweetyoink/quote', id: '1983130065320780162' },
];
// Avatar and photo of the article; the quoting post's avatar, the quoted post's avatar and photo.
const PICTURES = 5;

const poll = { timeout: 20_000, interval: 250 };

/** The constructed picture the server serves at a pbs.twimg.com address. */
async function served(url: string): Promise<Buffer> {
  const mod = (await import(pathToFileURL(join(ROOT, 'scripts/x-server.mjs')).href)) as { pictureFor(path: string): Buffer };
  return mod.pictureFor(new URL(url).pathname);
}

interface Node { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] }
function images(html: string): { src: string; alt: string }[] {
  const out: { src: string; alt: string }[] = [];
  const walk = (n: Node) => {
    if (n.nodeName === 'img') {
      const attr = (name: string) => n.attrs?.find((a) => a.name === name)?.value ?? '';
      out.push({ src: attr('src'), alt: attr('alt') });
    }
    n.childNodes?.forEach(walk);
  };
  walk(parse(html) as unknown as Node);
  return out;
}

export function picturesScenario(launch: (xPort: number) => Promise<ExportView & { cleanUp?(): void }>): void {
  let server: XServer | undefined;
  let view: (ExportView & { cleanUp?(): void }) | undefined;
  const v = (): ExportView => {
    if (!view) throw new Error('the browser did not start');
    return view;
  };
  /**
   * How many pictures of the "Posts" list are drawn from a copy (a `blob:` address that decodes
   * to a real image): each is scrolled into view first, as they load lazily.
   */
  const shownFromCopies = (view: ExportView = v()) => view.editor().evaluate(async () => {
    const imgs = [...document.querySelectorAll('[aria-label="Posts"] img')] as HTMLImageElement[];
    let drawn = 0;
    for (const img of imgs) {
      if (!img.src.startsWith('blob:')) continue;
      img.scrollIntoView();
      const ok = await img.decode().then(() => true, () => false);
      if (ok && img.naturalWidth > 0) drawn++;
    }
    return drawn;
  }, null);
  /** The addresses of the pictures the stored posts show, and the roundup, from the JSON backup. */
  let addresses: string[] = [];
  let roundupId = '';

  beforeAll(async () => {
    server = await startXServer(PAGES);
    view = await launch(server.port);
  });
  afterAll(async () => {
    await view?.driver.quit();
    view?.cleanUp?.();
    await server?.close();
  });

  test('clipping a post with a photo and one quoting a photo keeps a copy of every picture they show', async () => {
    const d = v().driver;
    for (const { path, id } of CLIPS) {
      await d.openX(path);
      await d.clickClip(id);
      await expect.poll(() => d.clipPressed(id), poll).toBe('true');
    }
    await d.openX('/empty'); // nothing on screen asks the media host for anything from here on
    await d.openEditor('?home=tab');
    await expect.poll(() => shownFromCopies(), { ...poll, message: 'pictures shown from their copies' }).toBe(PICTURES);
    expect(await v().editor().evaluate(() => [...document.querySelectorAll('img')].filter((i) => /^https?:/.test(i.src)).length, null)).toBe(0);
  });

  test('with the media host gone, the editor still shows them, asking it for nothing', async () => {
    server!.servePictures(false);
    const asked = server!.pictureRequests.length;
    await v().driver.openEditor('?home=tab');
    await expect.poll(() => shownFromCopies(), { ...poll, message: 'pictures shown after the host stopped' }).toBe(PICTURES);
    expect(server!.pictureRequests.slice(asked)).toEqual([]);
  });

  test('the self-contained page holds every picture as it was served', async () => {
    await v().openExport();
    await v().chooseFormat('JSON backup');
    await expect.poll(() => v().output(), poll).toMatch(/^\{/);
    const backup = JSON.parse(await v().output()) as { roundups: Array<{ id: string; items: unknown[] }>; posts: Array<{ author: { avatarUrl?: string }; media: Array<{ url: string }>; quoted?: { author: { avatarUrl?: string }; media: Array<{ url: string }> } }> };
    addresses = backup.posts.flatMap((p) => [p.author.avatarUrl, ...p.media.map((m) => m.url), p.quoted?.author.avatarUrl, ...(p.quoted?.media.map((m) => m.url) ?? [])])
      .filter((u): u is string => !!u && u.startsWith('https://pbs.twimg.com/'));
    expect(new Set(addresses).size).toBe(PICTURES);
    roundupId = backup.roundups.find((r) => r.items.length === CLIPS.length)!.id;

    await v().chooseFormat('Web page (self-contained)');
    const page = await v().download();
    expect(page.name).toMatch(/\.html$/);
    expect(page.text).not.toMatch(/<script/i);
    expect(page.text).not.toContain('pbs.twimg.com');
    const imgs = images(page.text);
    expect(imgs.length).toBeGreaterThanOrEqual(PICTURES);
    const inside = imgs.map((i) => {
      const m = /^data:([^;,]+);base64,(.*)$/.exec(i.src);
      if (!m) throw new Error(`an <img> not inside the page: ${i.src.slice(0, 80)}`);
      return Buffer.from(m[2]!, 'base64');
    });
    for (const url of new Set(addresses)) {
      const bytes = await served(url);
      expect(inside.some((b) => b.equals(bytes)), `the picture of ${url}`).toBe(true);
    }
  });

  test('the zip holds index.html, media/, the Markdown and the JSON, every picture as it was served', async () => {
    await v().chooseFormat('Archive (.zip)');
    const zip = await v().download();
    expect(zip.name).toMatch(/\.zip$/);
    const files = unzipSync(new Uint8Array(zip.bytes));
    const names = Object.keys(files);
    expect(names).toContain('index.html');
    expect(names.some((n) => n.endsWith('.md'))).toBe(true);
    expect(names.some((n) => n.endsWith('.json'))).toBe(true);
    const html = strFromU8(files['index.html']!);
    expect(html).not.toContain('pbs.twimg.com');
    const srcs = images(html).map((i) => i.src);
    expect(srcs.length).toBeGreaterThanOrEqual(PICTURES);
    for (const src of srcs) expect(files[src], `${src} in the zip`).toBeDefined();
    for (const url of new Set(addresses)) {
      const bytes = await served(url);
      expect(srcs.some((src) => Buffer.from(files[src]!).equals(bytes)), `the picture of ${url}`).toBe(true);
    }
  });

  test('a backup with the pictures restores them into an empty profile, which shows them with the host still gone', async () => {
    await v().chooseFormat('JSON backup');
    await expect.poll(() => v().output(), poll).toMatch(/^\{/);
    await v().tick('With copies of pictures (.zip)');
    const zip = await v().download();
    expect(zip.name).toMatch(/^roundup-backup-\d{4}-\d{2}-\d{2}\.zip$/);
    const dir = mkdtempSync(join(tmpdir(), 'roundup-e2e-zip-'));
    const path = join(dir, zip.name);
    writeFileSync(path, zip.bytes);
    const fresh = await launch(server!.port);
    try {
      await fresh.driver.openEditor('?home=tab');
      await fresh.openExport();
      await fresh.importFile(path);
      await expect.poll(() => fresh.importMessage(), { ...poll, message: 'the zip imported into the empty profile' })
        .toMatch(new RegExp(`^Backup imported: .* ${PICTURES} pictures restored from the backup's copies\\.$`));
      // The import's own try at copying (it ran before the zip's copies were written) has settled.
      await new Promise((r) => setTimeout(r, 1_000));
      const asked = server!.pictureRequests.length;
      // The empty profile made a roundup of its own when its editor opened: open the imported one.
      await fresh.editor().evaluate((id) => {
        type Api = { runtime: { sendMessage(m: object): Promise<unknown> } };
        const api = (globalThis as { browser?: Api; chrome?: Api }).browser ?? (globalThis as { chrome?: Api }).chrome;
        return api!.runtime.sendMessage({ type: 'setCurrentRoundup', roundupId: id });
      }, roundupId);
      await fresh.driver.openEditor('?home=tab');
      await expect.poll(() => shownFromCopies(fresh), { ...poll, message: 'pictures shown in the empty profile' }).toBe(PICTURES);
      expect(server!.pictureRequests.slice(asked)).toEqual([]);
    } finally {
      await fresh.driver.quit();
      fresh.cleanUp?.();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
