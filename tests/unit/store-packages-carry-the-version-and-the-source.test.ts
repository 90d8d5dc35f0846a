// `npm run package` (scripts/package.mjs) on the current tree, once, into a temp dir: the
// version flows from package.json into both built manifests, and the three zips the stores take
// are there — the Chrome Web Store's with manifest.json at its root, addons.mozilla.org's passing
// `web-ext lint` as AMO runs it, and the source AMO asks for, with its build instructions and
// nothing installed or built. (The Chrome zip loaded in Chromium: tests/e2e/store-package.chromium.test.ts.)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

interface Made {
  version: string;
  chrome: string;
  firefox: string;
  source: string;
}
/** scripts/package.mjs is plain JS without types; a computed import keeps tsc from asking for them. */
interface PackageScript {
  packageExtension(o: { dist: string; typecheck?: boolean; stdio?: 'pipe' | 'inherit' }): Promise<Made>;
}

const work = mkdtempSync(join(tmpdir(), 'roundup-package-'));
const dist = join(work, 'dist');
let made: Made;

/** A zip's entries, by path. */
const entries = (zip: string) => unzipSync(readFileSync(zip));
const manifestIn = (bytes: Uint8Array | Buffer) => JSON.parse(Buffer.from(bytes).toString('utf8')) as { version?: string; manifest_version: number };
/** Every file under a directory, by its path from there with forward slashes. */
const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();

beforeAll(async () => {
  const script = (await import(pathToFileURL(join(root, 'scripts/package.mjs')).href)) as PackageScript;
  // Type-checked on its own (`npm run typecheck`): the build here only bundles.
  made = await script.packageExtension({ dist, typecheck: false, stdio: 'pipe' });
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the version', () => {
  it('comes from package.json into both built manifests', () => {
    expect(made.version).toBe(version);
    for (const target of ['chrome', 'firefox']) {
      expect(manifestIn(readFileSync(join(dist, target, 'manifest.json'))).version, target).toBe(version);
    }
  });

  it('has package.json as its one source: manifest.json names none', () => {
    expect(manifestIn(readFileSync(join(root, 'manifest.json')))).not.toHaveProperty('version');
  });
});

describe('npm run package', () => {
  it('writes the three zips into packages/, named with the version', () => {
    expect(readdirSync(join(dist, 'packages')).sort()).toEqual([`roundup-chrome-${version}.zip`, `roundup-firefox-${version}.zip`, `roundup-source-${version}.zip`]);
    expect([made.chrome, made.firefox, made.source].map((f) => basename(f))).toEqual([`roundup-chrome-${version}.zip`, `roundup-firefox-${version}.zip`, `roundup-source-${version}.zip`]);
  });

  it('makes the Chrome Web Store zip of the Chrome build, manifest.json with the version at its root', () => {
    const zip = entries(made.chrome);
    expect(Object.keys(zip).sort()).toEqual(filesUnder(join(dist, 'chrome')));
    expect(manifestIn(zip['manifest.json']!)).toMatchObject({ manifest_version: 3, version });
    for (const [name, bytes] of Object.entries(zip)) expect(Buffer.from(bytes).equals(readFileSync(join(dist, 'chrome', name))), name).toBe(true);
  });

  it('makes the addons.mozilla.org zip of the Firefox build, which web-ext lint passes as AMO lints it', () => {
    const zip = entries(made.firefox);
    expect(Object.keys(zip).filter((name) => !name.endsWith('/')).sort()).toEqual(filesUnder(join(dist, 'firefox')));
    expect(manifestIn(zip['manifest.json']!).version).toBe(version);
    const unpacked = join(work, 'amo');
    for (const [name, bytes] of Object.entries(zip)) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(unpacked, name)), { recursive: true });
      writeFileSync(join(unpacked, name), bytes);
    }
    // Not --self-hosted: the messages AMO gives a listed add-on count too. Exit code 1 on any error.
    const out = execFileSync(process.execPath, [join(root, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', unpacked, '--output=json', '--no-config-discovery'], { encoding: 'utf8' });
    const lint = JSON.parse(out.slice(out.indexOf('{'))) as { summary: { errors: number }; errors: unknown[] };
    expect(lint.errors).toEqual([]);
    expect(lint.summary.errors).toBe(0);
  }, 60_000);

  it('makes the source zip AMO asks for: build instructions, the build\'s inputs, and nothing installed or built', () => {
    const names = Object.keys(entries(made.source));
    for (const file of ['BUILDING.md', 'package.json', 'package-lock.json', 'build.mjs', 'manifest.json', 'tsconfig.json', 'tsconfig.src.json', 'src/background/index.ts', 'src/popup/popup.html', 'icons/icon-128.png']) {
      expect(names, file).toContain(file);
    }
    expect(names.filter((n) => n.startsWith('src/')).length).toBeGreaterThan(50);
    expect(names.filter((n) => /^(node_modules|dist|\.git)\//.test(n) || n.includes('/node_modules/'))).toEqual([]);
    const building = Buffer.from(entries(made.source)['BUILDING.md']!).toString('utf8');
    for (const step of ['npm ci', 'npm run build', 'dist/firefox']) expect(building, step).toContain(step);
  });
});
