// What the content script costs on an endless Bluesky feed (capture-common.mjs has the method
// and the figures, the same as X's): a feed page made of the real saved bsky.app cells
// (tests/fixtures/bluesky/pages, SOURCES.md "pages": six feed cells of bsky.app's profile,
// 2026), served as https://bsky.app/profile/bsky.app, and 1,000 posts built by copying those
// cells with fresh record keys, each keeping its author's DID.
//
// The cells are put together by the fixtures' own load.ts, with their pictures' addresses put
// back as the live page has them (`restoreLiveImages`: cdn.bsky.app/img/…/plain/<DID>/…): the
// saved files point at local copies, and without the DID no post gets an id, so no button, and
// the bench would measure nothing (capture-common.mjs refuses to report then).
//
// Unlike the saved X page, the excerpts hold no <head>: bsky.app's stylesheet (React Native
// Web's generated classes) is not in them, only each element's inline styles. The page's own
// style and layout time is therefore not bsky.app's; the content script's own script time,
// its forced layouts and what it retains do not depend on it. bsky.app, its media hosts and
// web.archive.org (the saved video still's address) all resolve to the local server, which
// makes the pictures up (scripts/x-server.mjs) or answers 404: nothing leaves the machine.
import { build } from 'esbuild';
import { Window } from 'happy-dom';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, runCaptureBench } from './capture-common.mjs';

const LOAD = join(ROOT, 'tests/fixtures/bluesky/pages/load.ts');
const POST = '[data-testid^="feedItem-by-"]';

/** tests/fixtures/bluesky/pages/load.ts, compiled as it stands (it finds its cells from its own address). */
async function loadFixtures() {
  const { outputFiles } = await build({
    entryPoints: [LOAD], format: 'esm', platform: 'node', write: false, logLevel: 'error',
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(LOAD).href) },
  });
  return import(`data:text/javascript,${encodeURIComponent(outputFiles[0].text)}`);
}

/** The saved cells, in the saved page's order, as one bsky.app page with the live picture addresses. */
async function feedPage() {
  const load = await loadFixtures();
  const window = new Window({ url: load.PAGE_URL });
  try {
    const { document } = window;
    document.body.innerHTML = load.CELLS.map(load.cellHtml).join('');
    load.restoreLiveImages(document);
    // The saved page's <html> (SOURCES.md): dim theme.
    return `<!DOCTYPE html><html class="theme--dim"><head><meta charset="utf-8"><title>Bluesky (@bsky.app)</title></head><body>${document.body.innerHTML}</body></html>`;
  } finally {
    await window.happyDOM.close();
  }
}

/**
 * Runs in the page: inserts the posts batch by batch, each after the last frame's work is done.
 * Each new cell is a copy of a saved cell (the whole cell, as bsky.app adds it), its post's own
 * links moved to a fresh record key; its pictures, which name the author's DID, are kept.
 */
async function insertTimeline({ posts, batch, BUTTON, MARKED }) {
  const POST = '[data-testid^="feedItem-by-"]';
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  // A record key shaped like bsky.app's (13 characters of base32-sortable), one per post.
  const ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
  const rkey = (i) => `3z${[...i.toString(32).padStart(11, '0')].map((c) => ALPHABET[parseInt(c, 32)]).join('')}`;
  const templates = [...document.body.children]
    .filter((cell) => cell.querySelector(POST))
    .map((cell) => {
      const link = cell.querySelector(POST).querySelector('a[href*="/post/"][data-tooltip]');
      return { cell, rkey: /\/post\/([A-Za-z0-9._~:-]+)/.exec(link?.getAttribute('href') ?? '')?.[1] };
    })
    .filter((t) => t.rkey);
  if (!templates.length) return { posts: 0, buttons: 0, ids: 0 }; // no post to copy: refused as a no-op
  const list = document.createElement('div');
  list.id = 'bench-timeline';
  document.body.append(list);
  for (let n = 0; n < posts; n += batch) {
    const cells = document.createDocumentFragment();
    for (let i = n; i < n + batch; i++) {
      const { cell, rkey: old } = templates[i % templates.length];
      const copy = cell.cloneNode(true);
      copy.querySelectorAll(`${BUTTON}, [data-roundup-own]`).forEach((e) => e.remove());
      copy.querySelectorAll(MARKED).forEach((e) => e.removeAttribute('data-roundup-post'));
      const fresh = rkey(i);
      for (const a of copy.querySelectorAll(`a[href*="/post/${old}"]`)) a.setAttribute('href', a.getAttribute('href').replace(`/post/${old}`, `/post/${fresh}`));
      cells.append(copy);
    }
    list.append(cells);
    await frame(); // the content script handles the batch in this frame, and its buttons are laid out and painted with the posts…
    await frame(); // …and what the page or the script left for later runs in this one.
    // The next batch comes in a task of its own, as a site's code adds posts (a response, a
    // scroll event), not inside an animation frame's callback: from there the content
    // script's frame would be the next one, and each batch would be laid out twice.
    await new Promise((r) => setTimeout(r, 0));
  }
  return {
    posts: list.querySelectorAll(POST).length,
    buttons: list.querySelectorAll(BUTTON).length,
    ids: new Set([...list.querySelectorAll(MARKED)].map((e) => e.getAttribute('data-roundup-post'))).size,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'roundup-bench-bluesky-'));
try {
  const file = join(dir, 'feed.html');
  writeFileSync(file, await feedPage());
  await runCaptureBench({
    site: 'bluesky',
    pages: { '/profile/bsky.app': file },
    url: 'https://bsky.app/profile/bsky.app',
    hostRules: (port) => ['bsky.app', '*.bsky.app', 'web.archive.org'].map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', '),
    postSelector: POST,
    insertTimeline,
    // Every saved cell shows its author's DID once its pictures have their live addresses.
    everyInitialPost: true,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
