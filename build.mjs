// Builds the unpacked extension for both browsers from one source:
//   dist/chrome/  — background as a service worker
//   dist/firefox/ — background as scripts, with the gecko id
// `node build.mjs --watch` rebuilds on change. A type error or an unresolved import fails the
// build; so does a bundle over its size budget.
import * as esbuild from 'esbuild';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadedAtOnce, sizeAtOnce } from './scripts/loaded-at-once.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const watch = process.argv.includes('--watch');
// --outdir=DIR builds elsewhere (parallel work, tests of a second build); default dist/.
const outArg = process.argv.find((a) => a.startsWith('--outdir='));
const dist = outArg ? outArg.slice('--outdir='.length) : join(root, 'dist');
const targets = ['chrome', 'firefox'];
const KB = 1024;
// Gzipped budgets: the popup must open fast (Preact, hooks, idb and the polyfill are ~12 KB). A
// page counts with the chunks it imports at once (scripts/loaded-at-once.mjs); the editor's
// Export, Roundups and Trash views load later, when first shown (src/popup/lazy.tsx).
// content-mastodon.js is content.js's work with the Mastodon page reader (capture/mastodon-page.ts
// and its HTML walker, ~5 KB): a bundle of its own, so X's and Bluesky's pages never load it.
// export-files.js (every renderer, the self-contained page and the zip, with fflate) loads only
// when the export view opens, never as the editor does.
// Firefox's background.js holds the Mastodon status reader (capture/mastodon-api.ts and its HTML walker,
// ~5 KB): Firefox's background page reads with its own DOM. offscreen.js is Chrome's offscreen
// document, the DOM its service worker lacks (it reads there instead); Firefox never opens it.
// Each browser has its own background.js (targetBuilds below): Chrome's leaves that reader out,
// Firefox's the polyfill; both keep to one budget.
const BUDGETS = { 'popup.js': 25 * KB, 'content.js': 20 * KB, 'content-mastodon.js': 25 * KB, 'background.js': 38 * KB, 'options.js': 25 * KB, 'export-files.js': 23 * KB, 'offscreen.js': 12 * KB };
const STATIC = [['src/popup/popup.html', 'popup.html'], ['src/popup/popup.css', 'popup.css'], ['src/options/options.html', 'options.html'], ['src/offscreen/offscreen.html', 'offscreen.html'], ['icons', 'icons'], ['_locales', '_locales']];
// The side panel (Chrome) and sidebar (Firefox) run the editor from popup.html itself, marked
// so the app lays itself out for a tall, narrow home.
const PANEL_PAGE = 'panel.html';

function manifestFor(target) {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  // The version has one source, package.json: manifest.json must not carry one of its own.
  if ('version' in manifest) throw new Error('manifest.json has a "version": drop it, the build takes package.json\'s');
  manifest.version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  if (target === 'chrome') {
    delete manifest.background.scripts;
    delete manifest.browser_specific_settings;
    manifest.side_panel = { default_path: PANEL_PAGE };
    // offscreen: the document that reads a Mastodon status's HTML (src/offscreen); Chrome only.
    manifest.permissions = [...(manifest.permissions ?? []), 'sidePanel', 'offscreen'];
  } else {
    delete manifest.background.service_worker;
    manifest.sidebar_action = { default_panel: PANEL_PAGE, default_title: manifest.action.default_title, default_icon: manifest.action.default_icon, open_at_install: false };
  }
  return manifest;
}

function typeCheck() {
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(root, 'tsconfig.src.json')], { stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Each bundle's gzipped size against its budget (only `files`, when given); the ones over it. A
 * page's size is its own file plus the chunks it imports at once, each gzipped: what the
 * browser must load before the page runs.
 */
function sizeReport(dir, files = Object.keys(BUDGETS)) {
  const failures = [];
  const name = (file) => (dir.endsWith('firefox') ? `${file} (Firefox)` : file);
  for (const file of files) {
    const budget = BUDGETS[file];
    const { files: parts, bytes, gzipBytes: gz } = sizeAtOnce(dir, file);
    const shown = parts.length > 1 ? `${name(file)} (+${parts.length - 1} chunk${parts.length > 2 ? 's' : ''})` : name(file);
    console.log(`  ${shown.padEnd(14)} ${(bytes / KB).toFixed(1).padStart(6)} KB  ${(gz / KB).toFixed(1).padStart(5)} KB gzipped (budget ${budget / KB} KB)`);
    if (gz > budget) failures.push(`${name(file)} is ${(gz / KB).toFixed(1)} KB gzipped, over its ${budget / KB} KB budget`);
  }
  return failures;
}

/** Copies the fresh bundles and static files into each target with its own manifest. */
function assemble(bundleDir) {
  for (const target of targets) {
    const out = join(dist, target);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    cpSync(bundleDir, out, { recursive: true, filter: (src) => !src.startsWith(join(bundleDir, 'targets')) });
    cpSync(join(bundleDir, 'targets', target), out, { recursive: true });
    // The icons' SVG sources stay out of the package: the manifest names only the PNGs.
    const filter = (src) => !src.endsWith('.svg');
    for (const [from, to] of STATIC) cpSync(join(root, from), join(out, to), { recursive: true, filter });
    // The chunks the editor imports at once are fetched alongside popup.js, not after it is
    // parsed: a round trip less before the first screen.
    const preload = loadedAtOnce(out, 'popup.js').slice(1).map((f) => `<link rel="modulepreload" href="${f}">`).join('');
    const popupHtml = readFileSync(join(root, 'src/popup/popup.html'), 'utf8').replace('</head>', `${preload}</head>`);
    writeFileSync(join(out, 'popup.html'), popupHtml);
    writeFileSync(join(out, PANEL_PAGE), popupHtml.replace('<body>', '<body data-home="panel">'));
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifestFor(target), null, 2) + '\n');
  }
}

const bundleDir = join(dist, '.bundles');
const common = {
  bundle: true,
  minify: !watch,
  sourcemap: watch ? 'inline' : false,
  target: ['chrome120', 'firefox128'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
  legalComments: 'none',
};
const builds = [
  // X's and Bluesky's content script, and the Mastodon instances' (registered at run time).
  { entryPoints: { content: 'src/content/index.ts', 'content-mastodon': 'src/content/mastodon.ts' }, format: 'iife' },
  {
    entryPoints: {
      'export-files': 'src/popup/export/files-entry.ts',
      offscreen: 'src/offscreen/index.ts',
    },
    format: 'esm',
  },
];

// What differs per browser, built once for each and assembled over the shared bundles:
// - ROUNDUP_TARGET lets the background leave out what only the other browser runs (Chrome reads
//   a Mastodon status's HTML in its offscreen document, Firefox's background page with its own
//   DOM: platform/read-status.ts);
// - webextension-polyfill gives way to the browser's own namespace (platform/native-browser.ts)
//   where it would do nothing: everywhere in Firefox, and in Chrome's extension pages. Chrome's
//   background keeps it (its router answers runtime.onMessage with promises).
const NATIVE = { 'webextension-polyfill': join(root, 'src/platform/native-browser.ts') };
// The editor (popup.html, the tab, the side panel) and Settings: two builds, as the two pages
// never load together, so neither waits for chunks it shares with the other.
// The editor is split: the views it opens now and then (Export, Roundups, Trash:
// popup/lazy.tsx) are chunks of their own, loaded when first shown; what they share with the
// first screen (Preact) is a chunk popup.js imports. Chunks sit beside the pages (their
// names say which page's), so relative imports hold. export-files.js stays a build of its
// own, imported by its path when the export view opens (src/popup/export/use-export-file.ts);
// the two may repeat a little code.
const page = (name, entry) => ({
  entryPoints: { [name]: entry },
  format: 'esm',
  splitting: true,
  chunkNames: `${name}-[name]-[hash]`,
  define: { EXPORT_FILES_PATH: JSON.stringify('./export-files.js') },
  external: ['./export-files.js'],
  alias: NATIVE,
});
const PAGES = [page('popup', 'src/popup/index.tsx'), page('options', 'src/options/index.tsx')];
const background = (target) => ({
  entryPoints: { background: 'src/background/index.ts' },
  format: 'esm',
  define: { ROUNDUP_TARGET: JSON.stringify(target) },
  ...(target === 'firefox' ? { alias: NATIVE } : {}),
});
const targetBuilds = targets.flatMap((target) => [{ target, options: background(target) }, ...PAGES.map((options) => ({ target, options }))]);

const report = {
  name: 'assemble',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length === 0 && watch) {
        assemble(bundleDir);
        console.log(`[${new Date().toLocaleTimeString()}] rebuilt dist/chrome and dist/firefox`);
      }
    });
  },
};

if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context({ ...common, ...b, outdir: bundleDir, plugins: [report] });
    await ctx.watch();
  }
  for (const { target, options } of targetBuilds) {
    const ctx = await esbuild.context({ ...common, ...options, outdir: join(bundleDir, 'targets', target), plugins: [report] });
    await ctx.watch();
  }
  // Type errors are reported as they appear, without holding up the bundles.
  spawn(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '--watch', '--preserveWatchOutput', '-p', join(root, 'tsconfig.src.json')], { stdio: 'inherit' });
  console.log('Watching src/ — Ctrl+C to stop.');
} else {
  if (!process.argv.includes("--no-typecheck") && !typeCheck()) {
    console.error('Build failed: type errors (above).');
    process.exit(1);
  }
  rmSync(dist, { recursive: true, force: true });
  try {
    for (const b of builds) await esbuild.build({ ...common, ...b, outdir: bundleDir });
    for (const { target, options } of targetBuilds) await esbuild.build({ ...common, ...options, outdir: join(bundleDir, 'targets', target) });
  } catch {
    console.error('Build failed: see the errors above.');
    process.exit(1);
  }
  assemble(bundleDir);
  rmSync(bundleDir, { recursive: true, force: true });
  console.log('Built dist/chrome and dist/firefox:');
  const failures = sizeReport(join(dist, 'chrome'));
  // Firefox's background differs (see targetBuilds): it keeps to the same budget.
  failures.push(...sizeReport(join(dist, 'firefox'), ['background.js']));
  if (failures.length) {
    console.error(`Build failed: ${failures.join('; ')}.`);
    process.exit(1);
  }
}
