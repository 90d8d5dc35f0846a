// @vitest-environment happy-dom
// The export view, on a real store behind the real router: it opens in the user's default
// format with their signature and embed options, previews HTML in a sandbox that can load
// nothing, offers the whole database as the JSON backup, and imports a backup file, saying
// what it did or what is wrong.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/background/handlers';
import { createRouter } from '../../src/background/router';
import { ExportPanel } from '../../src/popup/ExportPanel';
import type { Ask } from '../../src/popup/export/ask';
import { PREVIEW_CSP } from '../../src/popup/export/preview-doc';
import { createStores, openRoundupDb, type Stores } from '../../src/store';
import type { Settings } from '../../src/model/settings';
import { PLAIN_POST, RICH_POST } from '../golden/export-fixtures';

afterEach(cleanup);
let n = 0;

async function setUp(settings: Partial<Settings> = {}, host?: { home: 'popup' | 'tab'; openInTab(place: string): Promise<void> }) {
  const store: Stores = createStores(await openRoundupDb(`export-view-${++n}`));
  await store.clip(RICH_POST);
  await store.clip(PLAIN_POST);
  const current = await store.currentRoundup();
  await store.setRoundupText(current.id, 'title', 'Healthcare Social Media #hcsm');
  await store.updateSettings(settings);
  const route = createRouter(createHandlers(store, () => {}), {
    extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/', contentHosts: ['x.com'],
  });
  const ask: Ask = async (type, request) => {
    const reply = await route({ type, ...request }, { id: 'ext', url: 'chrome-extension://ext/popup.html' });
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as never;
  };
  const { roundup, posts } = await store.loadRoundup(current.id);
  const byId = Object.fromEntries(posts.map((p) => [p.id, p]));
  const view = render(<ExportPanel roundup={roundup} posts={byId} ask={ask} host={host} files={files} />);
  /** The panel shown again with the roundup as stored now (the editor does this on a change notice). */
  const reread = async () => view.rerender(<ExportPanel roundup={(await store.loadRoundup(current.id)).roundup} posts={byId} ask={ask} host={host} files={files} />);
  return { store, reread, roundupId: current.id };
}

// The export code, as the built extension loads it from export-files.js.
const files = () => import('../../src/popup/export/files-entry');

const select = () => screen.getByRole('combobox', { name: 'Export format' }) as HTMLSelectElement;
const output = () => (screen.getByRole('textbox', { name: 'Export output' }) as HTMLTextAreaElement).value;
const choose = (value: string) => fireEvent.change(select(), { target: { value } });

describe('the export view', () => {
  it('opens in the default format, with the signature, from the user\'s settings', async () => {
    await setUp({ defaultFormat: 'markdown', signature: 'About the author: me.' });
    await waitFor(() => expect(select().value).toBe('markdown'));
    await waitFor(() => expect(output()).toMatch(/^# Healthcare Social Media \\#hcsm\n/));
    expect(output()).toContain('About the author: me.');
  });

  it('follows the embed options: no script, a dark static card, no do-not-track', async () => {
    await setUp({ includeEmbedScript: false, theme: 'dark', doNotTrack: false });
    await waitFor(() => expect(output()).toContain('data-theme="dark"'));
    expect(output()).not.toContain('widgets.js');
    expect(output()).not.toContain('data-dnt');
    expect(output()).toContain('background:#15202b');
  });

  it('previews HTML in a sandboxed frame whose page may load nothing; other formats have no preview', async () => {
    await setUp();
    await waitFor(() => expect(output()).toContain('widgets.js'));
    const frame = screen.getByTitle('Export preview') as HTMLIFrameElement;
    // Its origin kept, so the editor can scroll it to the item being edited; nothing else allowed.
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin');
    const doc = frame.getAttribute('srcdoc')!;
    expect(doc).toContain(`<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`);
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('<blockquote'));
    expect(doc).not.toContain('<script');
    expect(doc).toContain('<blockquote class="twitter-tweet"');
    // Photos named, not loaded: no URL the frame could fetch.
    expect(doc).not.toMatch(/\ssrc=/);
    expect(doc).toContain('[Image: A doctor at a laptop]');
    expect(output()).toContain('<img src="https://pbs.twimg.com/media/abc.jpg"');
    choose('markdown');
    await waitFor(() => expect(screen.queryByTitle('Export preview')).toBeNull());
    choose('wordpress');
    await waitFor(() => expect(screen.getByTitle('Export preview').getAttribute('srcdoc')).toContain('wp-block-quote'));
  });

  it('offers every roundup, post and setting as the JSON backup', async () => {
    const { store } = await setUp({ signature: 'Sig' });
    await store.createRoundup('Another one');
    choose('json');
    await waitFor(() => expect(output()).not.toBe(''));
    const file = JSON.parse(output());
    expect(file).toMatchObject({ format: 'roundup-backup', schemaVersion: 2, settings: { signature: 'Sig', defaultFormat: 'html' } });
    expect(file.roundups.map((r: { title: string }) => r.title).sort()).toEqual(['Another one', 'Healthcare Social Media #hcsm']);
    expect(file.posts).toHaveLength(2);
  });
});

describe('"Import backup"', () => {
  const pick = (text: string, name = 'backup.json') => {
    const input = screen.getByLabelText('Import backup') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
  };

  it('imports a backup and says what it added; the same file again adds nothing', async () => {
    await setUp({ signature: 'From the backup' });
    choose('json');
    await waitFor(() => expect(output()).not.toBe(''));
    const backup = output();
    cleanup();
    // Another profile: its own roundup, the same two posts clipped.
    const { store } = await setUp({ signature: 'Mine' });
    const message = () => screen.getByText(/^Backup imported:/).textContent;
    pick(backup);
    await waitFor(() => expect(message()).toBe(
      'Backup imported: 1 roundup added; 0 posts added, 2 already here and kept. Settings restored from the backup.',
    ));
    expect((await store.getSettings()).signature).toBe('From the backup');
    const once = await store.exportAll('2026-01-01T00:00:00.000Z');
    pick(backup);
    await waitFor(() => expect(message()).toBe(
      'Backup imported: 0 roundups added, 1 already here and kept; 0 posts added, 2 already here and kept. Settings restored from the backup.',
    ));
    expect(await store.exportAll('2026-01-01T00:00:00.000Z')).toEqual(once);
  });

  it('refuses a hostile file, naming what is wrong, and changes nothing', async () => {
    const { store } = await setUp({ signature: 'Mine' });
    const before = await store.exportAll('2026-01-01T00:00:00.000Z');
    pick('{"format":"roundup-backup","schemaVersion":1,"exportedAt":"2026-01-01T00:00:00Z","roundups":[],"posts":[],"settings":{"__proto__":{"x":1}}}', 'evil.json');
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toBe('This file cannot be imported: settings.__proto__ is not allowed. Nothing was changed.'));
    expect(await store.exportAll('2026-01-01T00:00:00.000Z')).toEqual(before);
  });
});

it('in the toolbar popup, "Import backup" opens a tab (a file chooser would close the popup)', async () => {
  const opened: string[] = [];
  await setUp({}, { home: 'popup', openInTab: async (place) => void opened.push(place) });
  expect(screen.queryByLabelText('Import backup')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Import backup' }));
  expect(opened).toEqual(['']);
});

describe('the export language', () => {
  it("sets the roundup's export language, and the export then writes its dates in it", async () => {
    const { store, reread, roundupId } = await setUp();
    await waitFor(() => expect(output()).toContain('November 20, 2025'));
    const language = screen.getByRole('combobox', { name: 'Export language' }) as HTMLSelectElement;
    expect(language.value).toBe('en');
    expect([...language.options].map((o) => o.textContent)).toContain('Deutsch');
    fireEvent.change(language, { target: { value: 'de' } });
    await waitFor(async () => expect((await store.loadRoundup(roundupId)).roundup.language).toBe('de'));
    await reread();
    await waitFor(() => expect(output()).toContain('20. November 2025'));
    expect((screen.getByRole('combobox', { name: 'Export language' }) as HTMLSelectElement).value).toBe('de');
  });
});
