// Export speed: rendering a 1,000-post roundup in each format (target ≤ 50 ms each),
// importing a 1,000-post backup into an empty store (target ≤ 1 s), and the file formats
// that carry pictures: a 50-post roundup with 100 kept pictures of 100 KB each as a
// self-contained page and as a zip, and a zip backup of them packed and read back. One JSON
// line per figure.
// The store runs on fake-indexeddb in Node (the same idb code the extension runs; a real
// browser's IndexedDB is not measured here). The TypeScript sources are bundled with esbuild
// on the fly, so the figures are for the code as it is now.
import 'fake-indexeddb/auto';
import * as esbuild from 'esbuild';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const POSTS = 1000;
const RENDER_RUNS = 30;
const IMPORT_RUNS = 5;

async function loadSources() {
  const entry = `
    export { EXPORT_FORMATS, renderExport, renderBackup } from './src/export/index.ts';
    export { parseBackup } from './src/export/backup-import.ts';
    export { renderPage } from './src/export/page.ts';
    export { renderArchive } from './src/export/archive.ts';
    export { packBackupZip, unpackBackupZip } from './src/export/backup-zip.ts';
    export { createStores, openRoundupDb } from './src/store/index.ts';`;
  const out = await esbuild.build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'error',
  });
  const dir = mkdtempSync(join(tmpdir(), 'roundup-bench-'));
  const file = join(dir, 'export.mjs');
  writeFileSync(file, out.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A post like the ones clipped from X: words with a link, a mention and a hashtag; every third a photo, every fifth a quote. */
function post(i, canQuote = true) {
  const id = String(1991000000000000000n + BigInt(i));
  const words = `Post ${i}: patients are talking about us online <really> & "loudly" — `;
  const p = {
    id: `x:${id}`, site: 'x', url: `https://x.com/author${i % 97}/status/${id}`,
    author: { name: `Author ${i % 97}`, handle: `author${i % 97}`, profileUrl: `https://x.com/author${i % 97}` },
    text: `${words}example.org/read @techguy #hcsm 🎉\nSecond line *not bold*`,
    segments: [
      { kind: 'text', text: words },
      { kind: 'link', text: 'example.org/read', href: `https://t.co/${i.toString(36)}` },
      { kind: 'text', text: ' ' },
      { kind: 'mention', text: '@techguy', href: 'https://x.com/techguy' },
      { kind: 'text', text: ' ' },
      { kind: 'hashtag', text: '#hcsm', href: 'https://x.com/hashtag/hcsm' },
      { kind: 'text', text: ' ' },
      { kind: 'emoji', text: '🎉' },
      { kind: 'text', text: '\nSecond line *not bold*' },
    ],
    lang: 'en', dir: 'auto', createdAt: '2025-11-20T15:04:05.000Z',
    media: i % 3 === 0 ? [{ kind: 'image', url: `https://pbs.twimg.com/media/p${i}.jpg`, alt: `Photo ${i}` }] : [],
    capturedAt: '2026-01-05T09:00:00.000Z', pageUrl: 'https://x.com/home',
  };
  if (canQuote && i % 5 === 0) p.quoted = post(i + 1_000_000, false);
  return p;
}

function bigInput() {
  const posts = Array.from({ length: POSTS }, (_, i) => post(i));
  const roundup = {
    id: 'bench', title: 'Healthcare Social Media #hcsm', intro: 'I have been reading tweet after tweet.\n\nLet us look:',
    closing: 'That is all.', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z',
    items: posts.map((p, i) => ({ postId: p.id, leadIn: i % 2 ? 'This next one:' : '', commentary: `My take on post ${i}.\n\nA second paragraph.` })),
  };
  const settings = {
    signature: 'About the author', includeEmbedScript: true, doNotTrack: true, theme: 'light',
    markdownFrontMatter: true, markdownImages: true, defaultFormat: 'html', inlineButtons: { x: true },
  };
  return { roundup, posts: Object.fromEntries(posts.map((p) => [p.id, p])), settings, list: posts };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => Math.round(x * 100) / 100;

async function time(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const src = await loadSources();
const input = bigInput();

for (const format of src.EXPORT_FORMATS) {
  src.renderExport(format.id, input); // warm-up: the first call also compiles
  const runs = [];
  for (let i = 0; i < RENDER_RUNS; i++) runs.push(await time(() => src.renderExport(format.id, input)));
  const bytes = Buffer.byteLength(src.renderExport(format.id, input));
  console.log(JSON.stringify({ figure: 'export-render', format: format.id, posts: POSTS, medianMs: ms(median(runs)), maxMs: ms(Math.max(...runs)), outputBytes: bytes, targetMs: 50 }));
}

const backup = src.renderBackup({ exportedAt: '2026-01-05T10:00:00.000Z', roundups: [input.roundup], posts: input.list, settings: input.settings });
const parses = [];
const writes = [];
for (let i = 0; i < IMPORT_RUNS; i++) {
  const db = await src.openRoundupDb(`bench-import-${i}`);
  const store = src.createStores(db);
  let data;
  parses.push(await time(() => {
    const parsed = src.parseBackup(backup);
    if (!parsed.ok) throw new Error(parsed.error);
    data = parsed.data;
  }));
  writes.push(await time(() => store.importBackup(data)));
  const back = await store.exportAll('2026-01-05T10:00:00.000Z');
  if (back.posts.length !== POSTS) throw new Error(`imported ${back.posts.length} posts, not ${POSTS}`);
  db.close();
}
const totals = parses.map((p, i) => p + writes[i]);
console.log(JSON.stringify({
  figure: 'backup-import', posts: POSTS, bytes: Buffer.byteLength(backup), store: 'fake-indexeddb (Node)',
  validateMedianMs: ms(median(parses)), writeMedianMs: ms(median(writes)), totalMedianMs: ms(median(totals)), totalMaxMs: ms(Math.max(...totals)), targetMs: 1000,
}));

// The file formats: 50 posts, each with an avatar and a photo of its own, every picture kept.
const FILE_POSTS = 50;
const PICTURE_BYTES = 100 * 1024;
const FILE_RUNS = 10;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const withPictures = bigInput();
const filePosts = withPictures.list.slice(0, FILE_POSTS).map((p, i) => ({
  ...p,
  author: { ...p.author, avatarUrl: `https://pbs.twimg.com/profile_images/${i}/a_normal.jpg` },
  media: [{ kind: 'image', url: `https://pbs.twimg.com/media/bench${i}?format=jpg&name=small`, alt: `Photo ${i}` }],
  quoted: undefined,
}));
const fileInput = {
  roundup: { ...withPictures.roundup, items: withPictures.roundup.items.slice(0, FILE_POSTS) },
  posts: Object.fromEntries(filePosts.map((p) => [p.id, p])),
  settings: withPictures.settings,
};
const pictures = new Map(
  filePosts.flatMap((p) => [p.author.avatarUrl, p.media[0].url]).map((url, i) => [url, { type: TYPES[i % TYPES.length], bytes: new Uint8Array(randomBytes(PICTURE_BYTES)) }]),
);
if (pictures.size !== 100) throw new Error(`${pictures.size} pictures, not 100`);

for (const [format, make] of [['page', () => src.renderPage(fileInput, pictures)], ['zip', () => src.renderArchive(fileInput, pictures)]]) {
  let out = make(); // warm-up
  const runs = [];
  for (let i = 0; i < FILE_RUNS; i++) runs.push(await time(() => (out = make())));
  // The finished file: every picture inside it (the page as UTF-8, the zip as its bytes).
  const bytes = typeof out === 'string' ? Buffer.byteLength(out) : out.length;
  const inside = typeof out === 'string' ? out.split('src="data:image/').length - 1 : null;
  if (inside !== null && inside !== 100) throw new Error(`the page holds ${inside} pictures, not 100`);
  console.log(JSON.stringify({
    figure: 'export-file', format, posts: FILE_POSTS, pictures: pictures.size, pictureBytes: PICTURE_BYTES,
    medianMs: ms(median(runs)), maxMs: ms(Math.max(...runs)), outputBytes: bytes,
  }));
}

{
  const json = src.renderExport('json', fileInput);
  let zip = src.packBackupZip(json, pictures);
  const packs = [];
  const unpacks = [];
  for (let i = 0; i < FILE_RUNS; i++) {
    packs.push(await time(() => (zip = src.packBackupZip(json, pictures))));
    let read;
    unpacks.push(await time(() => (read = src.unpackBackupZip(zip))));
    if (read.error || read.copies.size !== 100) throw new Error(read.error ?? `read back ${read.copies.size} pictures`);
  }
  console.log(JSON.stringify({
    figure: 'backup-zip', posts: FILE_POSTS, pictures: pictures.size, pictureBytes: PICTURE_BYTES,
    packMedianMs: ms(median(packs)), unpackMedianMs: ms(median(unpacks)), outputBytes: zip.length,
  }));
}
