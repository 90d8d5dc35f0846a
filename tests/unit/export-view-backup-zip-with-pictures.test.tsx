// @vitest-environment happy-dom
// A backup that keeps the pictures too: "JSON backup" with "With copies of pictures (.zip)"
// downloads a zip of the backup and every kept picture, and "Import backup" takes such a zip
// back whole — the roundups through the background's strict import, the pictures into the
// copies store (only media-host pictures whose bytes are the image they claim). A hostile zip
// is refused and changes nothing.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/background/handlers';
import { createRouter } from '../../src/background/router';
import { unpackBackupZip } from '../../src/export/backup-zip';
import { ExportPanel } from '../../src/popup/ExportPanel';
import type { Ask } from '../../src/popup/export/ask';
import type { ReadPictures } from '../../src/popup/export/read-pictures';
import { createStores, openRoundupDb, type Stores } from '../../src/store';
import { readCopies } from '../../src/store/reads';
import { PLAIN_POST, RICH_POST } from '../golden/export-fixtures';
import { captureDownloads } from './helpers/downloads';

const PHOTO = 'https://pbs.twimg.com/media/abc.jpg';
// A PNG's signature and a few bytes: what a kept copy's bytes look like to the sniffer.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const files = () => import('../../src/popup/export/files-entry');

const saved = captureDownloads();

let n = 0;
async function setUp(read: ReadPictures = async () => new Map()) {
  const store: Stores = createStores(await openRoundupDb(`zip-backup-${++n}`));
  await store.clip(RICH_POST);
  await store.clip(PLAIN_POST);
  const current = await store.currentRoundup();
  await store.setRoundupText(current.id, 'title', 'With pictures');
  const route = createRouter(createHandlers(store, () => {}), { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/', contentHosts: ['x.com'] });
  const ask: Ask = async (type, request) => {
    const reply = await route({ type, ...request }, { id: 'ext', url: 'chrome-extension://ext/popup.html' });
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as never;
  };
  const { roundup, posts } = await store.loadRoundup(current.id);
  render(<ExportPanel roundup={roundup} posts={Object.fromEntries(posts.map((p) => [p.id, p]))} ask={ask} files={files} readPictures={read} />);
  return { store };
}

const output = () => (screen.getByRole('textbox', { name: 'Export output' }) as HTMLTextAreaElement).value;
const importMessage = () => document.querySelector('#import-backup ~ p')?.textContent ?? '';
const pick = (bytes: Uint8Array, name: string) =>
  fireEvent.change(screen.getByLabelText('Import backup'), { target: { files: [new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/zip' })] } });

/** The zip "Download" saves for "JSON backup" with pictures, and the backup it holds. */
async function downloadZip(): Promise<{ zip: Uint8Array; json: string }> {
  fireEvent.change(screen.getByRole('combobox', { name: 'Export format' }), { target: { value: 'json' } });
  await waitFor(() => expect(output()).toMatch(/^\{/));
  fireEvent.click(screen.getByRole('checkbox', { name: 'With copies of pictures (.zip)' }));
  fireEvent.click(screen.getByRole('button', { name: 'Download' }));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0]!.type).toBe('application/zip');
  await waitFor(() => expect(document.querySelector('.export__actions [role="status"]')!.textContent).toMatch(/^Downloaded roundup-backup-\d{4}-\d{2}-\d{2}\.zip\.$/));
  return { zip: new Uint8Array(await saved[0]!.arrayBuffer()), json: output() };
}

describe('a .zip backup with the kept pictures', () => {
  it('holds the backup as shown and the copy of every kept picture its posts show', async () => {
    const asked: string[][] = [];
    await setUp(async (urls) => {
      asked.push(urls);
      return new Map([[PHOTO, { type: 'image/png', bytes: PNG }]]);
    });
    const { zip, json } = await downloadZip();
    expect(asked.flat()).toContain(PHOTO);
    const unpacked = unpackBackupZip(zip);
    if ('error' in unpacked) throw new Error(unpacked.error);
    expect(unpacked.json).toBe(json);
    expect([...unpacked.copies.keys()]).toEqual([PHOTO]);
    expect(unpacked.copies.get(PHOTO)!.bytes).toEqual(PNG);
  });

  it('imports into another profile whole: the roundups, and the pictures into the copies store', async () => {
    await setUp(async () => new Map([[PHOTO, { type: 'image/png', bytes: PNG }]]));
    const { zip } = await downloadZip();
    cleanup();
    const { store } = await setUp();
    pick(zip, 'roundup-backup-2026-11-29.zip');
    await waitFor(() => expect(importMessage()).toMatch(/^Backup imported: .*\. 1 picture restored from the backup's copies\.$/));
    expect((await store.listRoundups()).map((r) => r.title)).toContain('With pictures');
    // The editor's own database, where the store keeps copies for every view.
    const db = await openRoundupDb();
    const copy = (await readCopies(db, [PHOTO])).get(PHOTO);
    db.close();
    // (The bytes themselves: happy-dom's Blob does not survive fake-indexeddb's structured clone;
    // the end-to-end tests compare them in real browsers.)
    expect(copy).toMatchObject({ url: PHOTO, status: 'kept', type: 'image/png', size: PNG.length });
  });

  it('keeps only copies of media-host pictures whose bytes are the picture they claim', async () => {
    const elsewhere = 'https://tracker.example/pixel.png';
    const fake = 'https://pbs.twimg.com/media/not-a-picture.jpg';
    const real = 'https://pbs.twimg.com/media/real.png';
    const module = await files();
    const kept = await module.keepImportedCopies(new Map([
      [elsewhere, { type: 'image/png', bytes: PNG }],
      [fake, { type: 'image/jpeg', bytes: new TextEncoder().encode('<html>not a picture</html>') }],
      [real, { type: 'image/jpeg', bytes: PNG }], // claims JPEG, is PNG: kept as what it is
    ]));
    expect(kept).toBe(1);
    const db = await openRoundupDb();
    const copies = await readCopies(db, [elsewhere, fake, real]);
    db.close();
    expect([...copies.keys()]).toEqual([real]);
    expect(copies.get(real)).toMatchObject({ status: 'kept', type: 'image/png' });
  });

  it('refuses a hostile zip with the reason, and changes nothing', async () => {
    const { store } = await setUp();
    const before = await store.exportAll('2026-01-01T00:00:00.000Z');
    const hostile = zipSync({ 'backup.json': strToU8('{}'), 'media.json': strToU8('{}'), '../escape.png': PNG });
    pick(hostile, 'evil.zip');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^This file cannot be imported: .+\. Nothing was changed\.$/));
    expect(await store.exportAll('2026-01-01T00:00:00.000Z')).toEqual(before);
  });
});
