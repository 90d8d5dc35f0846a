// `npm run package`: the production build, then the three zips the stores take, named with
// package.json's version, in dist/packages/:
//   roundup-chrome-<version>.zip   the Chrome Web Store's: dist/chrome's files, manifest.json at the root
//   roundup-firefox-<version>.zip  addons.mozilla.org's, made by `web-ext build` from dist/firefox
//   roundup-source-<version>.zip   the source AMO asks for: the files git tracks, and new ones it does
//                                  not ignore (never node_modules/ or dist/); BUILDING.md says how to build
// `node scripts/package.mjs --dist=DIR` builds into DIR and writes DIR/packages (tests use a temp dir).
// Zips are made with fflate, so no `zip` program is needed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every entry gets this date, so the same files make the same zip. */
const MTIME = new Date('2000-01-01T00:00:00Z');
/** Never in the source zip, whatever git says. */
const NOT_SOURCE = ['node_modules/', 'dist/', '.git/'];

export function packageVersion(root = ROOT) {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
}

/** The zips' names for a version. */
export function packageNames(version) {
  return {
    chrome: `roundup-chrome-${version}.zip`,
    firefox: `roundup-firefox-${version}.zip`,
    source: `roundup-source-${version}.zip`,
  };
}

/** Zips `files` (zip path → absolute path) into `outFile`, in name order, with one fixed date. */
function zipFiles(files, outFile) {
  const entries = {};
  for (const name of [...files.keys()].sort()) entries[name] = readFileSync(files.get(name));
  writeFileSync(outFile, zipSync(entries, { level: 9, mtime: MTIME }));
  return outFile;
}

/** Every file under `dir`, by its path from `dir` with forward slashes. */
function filesUnder(dir) {
  const files = new Map();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    files.set(relative(dir, path).split(sep).join('/'), path);
  }
  return files;
}

/** The Chrome Web Store's zip: the unpacked build's files, manifest.json at the zip's root. */
export function chromeZip(chromeDir, outFile) {
  if (!existsSync(join(chromeDir, 'manifest.json'))) throw new Error(`no ${join(chromeDir, 'manifest.json')}: build first`);
  return zipFiles(filesUnder(chromeDir), outFile);
}

/** addons.mozilla.org's zip, made by `web-ext build` (its own file filter: no dotfiles, no zips). */
export async function firefoxZip(firefoxDir, outFile) {
  const { default: webExt } = await import('web-ext');
  const { extensionPath } = await webExt.cmd.build(
    { sourceDir: firefoxDir, artifactsDir: dirname(outFile), filename: outFile.slice(dirname(outFile).length + 1), overwriteDest: true },
    { shouldExitProgram: false, showReadyMessage: false },
  );
  return extensionPath;
}

/**
 * The source files: what git tracks and the new files it does not ignore (so the zip holds what
 * the build was made from, committed or not), never node_modules/, dist/ or .git/.
 */
export function sourceFiles(root = ROOT) {
  let listed;
  try {
    listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    throw new Error(`the source zip needs a git checkout (git ls-files failed: ${e.message})`);
  }
  const files = new Map();
  for (const name of listed.split('\0')) {
    if (!name || NOT_SOURCE.some((dir) => name.startsWith(dir))) continue;
    const path = join(root, name);
    // Deleted in the working tree but still in the index: not part of this source.
    if (!existsSync(path) || !statSync(path).isFile()) continue;
    files.set(name, path);
  }
  if (!files.has('BUILDING.md')) throw new Error('BUILDING.md is missing: the source zip must say how to build');
  return files;
}

export function sourceZip(outFile, root = ROOT) {
  return zipFiles(sourceFiles(root), outFile);
}

/**
 * Builds (production: minified, no source maps) into `dist`, then writes the three zips into
 * `out`. `typecheck: false` skips the build's type check (tests, which type-check on their own).
 */
export async function packageExtension({ dist = join(ROOT, 'dist'), out = join(dist, 'packages'), typecheck = true, stdio = 'inherit' } = {}) {
  const version = packageVersion();
  execFileSync(process.execPath, [join(ROOT, 'build.mjs'), `--outdir=${dist}`, ...(typecheck ? [] : ['--no-typecheck'])], { cwd: ROOT, stdio });
  for (const target of ['chrome', 'firefox']) {
    const built = JSON.parse(readFileSync(join(dist, target, 'manifest.json'), 'utf8')).version;
    if (built !== version) throw new Error(`dist/${target}/manifest.json says version ${built}, package.json ${version}`);
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const names = packageNames(version);
  return {
    version,
    chrome: chromeZip(join(dist, 'chrome'), join(out, names.chrome)),
    firefox: await firefoxZip(join(dist, 'firefox'), join(out, names.firefox)),
    source: sourceZip(join(out, names.source)),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distArg = process.argv.find((a) => a.startsWith('--dist='));
  try {
    const made = await packageExtension(distArg ? { dist: resolve(distArg.slice('--dist='.length)) } : {});
    console.log(`Packaged Roundup ${made.version}:`);
    for (const file of [made.chrome, made.firefox, made.source]) {
      const shown = relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file);
      console.log(`  ${shown.padEnd(44)} ${(statSync(file).size / 1024).toFixed(1).padStart(7)} KB`);
    }
  } catch (e) {
    console.error(`Packaging failed: ${e.message}`);
    process.exit(1);
  }
}
