// Faults injected while a writer types, in real Chromium with the built extension: the service
// worker stopped between keystrokes and in the middle of writes (several times), every
// IndexedDB write failing for 5 s as on a full disk (store/faults.ts, reached from the worker's
// own scope), and the editor closed mid-word. At the end every word is stored, and the editor
// showed the failure while it lasted. Chromium only: it lets a test stop the worker (CDP).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOME_FIXTURE, extensionDir, startXServer, type XServer } from './helpers/driver.js';
import { launchChromium, type ChromiumDriver } from './helpers/chromium.js';
import { POSTS } from './helpers/clip-note-reopen.js';

const poll = { timeout: 15_000, interval: 200 };
const commentary = { item: 0, name: 'Commentary' };
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Chromium: every word survives a stopped worker, a full disk and a closed editor', () => {
  let server: XServer;
  let d: ChromiumDriver;
  let typed = '';
  const faults = { workerStops: 0, failedWriteSeconds: 0, closedMidWord: 0 };

  beforeAll(async () => {
    server = await startXServer({ '/home': HOME_FIXTURE });
    d = await launchChromium(extensionDir('chrome'), server.port);
    await d.openX('/home');
    await d.clickClip(POSTS[0].id);
    for (const end = Date.now() + 15_000; (await d.clipPressed(POSTS[0].id)) !== 'true'; await pause(200)) {
      if (Date.now() > end) throw new Error('the post was not clipped');
    }
    await d.openEditor();
  });
  afterAll(async () => {
    console.log(`faults injected: ${faults.workerStops} worker stops, ${faults.failedWriteSeconds} s of failing writes, ${faults.closedMidWord} editors closed mid-word`);
    await d?.quit();
    await server?.close();
  });

  const type = async (text: string) => {
    await d.type(commentary, text);
    typed += text;
  };
  const stop = async () => {
    await d.stopServiceWorkers();
    faults.workerStops++;
  };
  const reopenAndRead = async () => {
    await d.closeEditor();
    await d.openEditor();
    await expect.poll(() => d.value(commentary), { ...poll, message: 'the commentary as stored' }).toBe(typed);
  };

  test('the worker stopped between keystrokes and in the middle of writes, five times', async () => {
    await type('Between');
    await stop(); // between keystrokes: nothing in flight
    await type(' keystrokes,');
    // The editor sends 250 ms after the last key: stop the worker around the moment it writes.
    for (const [i, wait] of [230, 250, 270, 300].entries()) {
      await type(` mid-write ${i + 1}`);
      await pause(wait);
      await stop();
    }
    await type(' and after.');
    await pause(1_500);
    await reopenAndRead();
  });

  test('writes fail for 5 s as on a full disk: the editor says so, keeps the words, and stores them after', async () => {
    const worker = d.context.serviceWorkers().at(-1);
    if (!worker) throw new Error('no service worker');
    await worker.evaluate(() => (globalThis as unknown as { roundupFaults: { failWritesFor(ms: number): void } }).roundupFaults.failWritesFor(5_000));
    faults.failedWriteSeconds += 5;
    await type(' Typed while the disk was full');
    const alert = d.editorPage().getByRole('alert').filter({ hasText: 'Not stored yet' });
    await expect.poll(() => alert.count(), { ...poll, message: 'the failure shown in the editor' }).toBeGreaterThan(0);
    expect(await alert.first().innerText()).toMatch(/kept/i);
    await expect.poll(() => d.value(commentary), { message: 'the words still in their box' }).toBe(typed);
    // Writes work again: the retry stores them, and the editor says so.
    await expect.poll(() => d.editorPage().getByText('All changes stored', { exact: true }).count(), { ...poll, timeout: 30_000 }).toBe(1);
    expect(await alert.count()).toBe(0);
    await reopenAndRead();
  });

  test('the editor closed mid-word, three times, once right after the worker stopped', async () => {
    await type(' Closed mid-wo');
    await d.closeEditor();
    faults.closedMidWord++;
    await d.openEditor();
    await expect.poll(() => d.value(commentary), { ...poll, message: 'after the first close' }).toBe(typed);
    await type('rd, again mid-sen');
    await d.closeEditor();
    faults.closedMidWord++;
    await d.openEditor();
    await expect.poll(() => d.value(commentary), { ...poll, message: 'after the second close' }).toBe(typed);
    await stop();
    await type('tence, and last');
    await d.closeEditor();
    faults.closedMidWord++;
    await d.openEditor();
    await expect.poll(() => d.value(commentary), { ...poll, message: 'after the close that followed a stop' }).toBe(typed);
    expect(typed).toBe('Between keystrokes, mid-write 1 mid-write 2 mid-write 3 mid-write 4 and after. Typed while the disk was full Closed mid-word, again mid-sentence, and last');
  });
});
