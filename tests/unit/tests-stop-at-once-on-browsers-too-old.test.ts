// The end-to-end tests run only on the Chromium and Firefox ESR they are known to work on
// (scripts/check-browsers.mjs): an older or missing browser stops `npm test` within seconds, with
// the version found, the version needed and the command that upgrades it — instead of the
// "unknown command" errors and missing buttons an old Firefox ESR gives minutes later. Fake
// browsers (shell scripts printing a version) stand in for real ones, through CHROMIUM_PATH and
// FIREFOX_PATH, as the tests' own helpers read them.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MINIMUM, parseBrowserVersion, UPGRADE_COMMAND } from '../../scripts/check-browsers.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'check-browsers.mjs');
const dir = mkdtempSync(join(tmpdir(), 'roundup-fake-browsers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What Debian's /usr/bin/chromium (a shell script) prints on stderr before the version. */
const WRAPPER_NOISE = '/usr/bin/chromium: 9: [: 25276510208: unexpected operator';

/** A fake browser: a shell script that prints `stdout` (and `stderr`) for `--version`. */
function fakeBrowser(name: string, stdout: string, stderr = ''): string {
  const path = join(dir, name);
  const say = (text: string, to = '') => (text ? `printf '%s\\n' '${text.replace(/'/g, `'\\''`)}'${to}\n` : '');
  writeFileSync(path, `#!/bin/sh\n${say(stderr, ' >&2')}${say(stdout)}`);
  chmodSync(path, 0o755);
  return path;
}

const chromium156 = fakeBrowser('chromium-156', 'Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)', WRAPPER_NOISE);
const chromium150 = fakeBrowser('chromium-150', 'Chromium 150.0.1.2 built on Debian', WRAPPER_NOISE);
const firefox153 = fakeBrowser('firefox-153', 'Mozilla Firefox 153.8.0esr');
const firefox140 = fakeBrowser('firefox-140', 'Mozilla Firefox 140.0esr');

interface Run { code: number | null; stdout: string; stderr: string; ms: number }

/** `node scripts/check-browsers.mjs` with these browsers, as `npm test` runs it. */
function check(browsers: { chromium: string; firefox: string }, ...args: string[]): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], {
      env: { ...process.env, CHROMIUM_PATH: browsers.chromium, FIREFOX_PATH: browsers.firefox },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

describe('the browser check, run as npm test runs it', () => {
  it('an old Firefox ESR stops it within seconds, naming the version found, the one needed and the upgrade command', async () => {
    const run = await check({ chromium: chromium156, firefox: firefox140 });
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(5_000);
    expect(run.stderr).toContain(`TOO OLD  Firefox ESR 140.0esr at ${firefox140}; the tests need Firefox ESR 153 or newer.`);
    expect(run.stderr).toContain(`ok       Chromium 156.0.8078.108 at ${chromium156}`);
    expect(run.stderr).toContain('sudo apt-get update && sudo apt-get install --only-upgrade chromium firefox-esr');
  });

  it('an old Chromium stops it the same way', async () => {
    const run = await check({ chromium: chromium150, firefox: firefox153 });
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(5_000);
    expect(run.stderr).toContain(`TOO OLD  Chromium 150.0.1.2 at ${chromium150}; the tests need Chromium 156 or newer.`);
    expect(run.stderr).toContain(UPGRADE_COMMAND);
    expect(run.stderr).not.toContain('TOO OLD  Firefox');
  });

  it('the versions the tests need, or newer, pass and are named', async () => {
    const run = await check({ chromium: chromium156, firefox: firefox153 });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Chromium 156.0.8078.108');
    expect(run.stdout).toContain('Firefox ESR 153.8.0esr');
    const newer = await check({
      chromium: fakeBrowser('chromium-200', 'Chromium 200.0.1.0 built on Debian GNU/Linux 13 (trixie)'),
      firefox: fakeBrowser('firefox-160', 'Mozilla Firefox 160.1.0esr'),
    });
    expect(newer.code).toBe(0);
  });

  it('a missing browser is named with where it was looked for and the command that installs it', async () => {
    const nowhere = join(dir, 'no-such-firefox');
    const run = await check({ chromium: chromium156, firefox: nowhere });
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(5_000);
    expect(run.stderr).toContain(`MISSING  Firefox ESR: nothing at ${nowhere}; the tests need Firefox ESR 153 or newer.`);
    expect(run.stderr).toContain('sudo apt-get update && sudo apt-get install firefox-esr');
    expect(run.stderr).toContain(`Or set FIREFOX_PATH to a Firefox ESR 153 or newer (it is ${nowhere} now).`);
  });

  it('one browser missing and the other old: one command installs the one and upgrades the other', async () => {
    const run = await check({ chromium: chromium150, firefox: join(dir, 'no-such-firefox') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('TOO OLD  Chromium 150.0.1.2');
    expect(run.stderr).toContain('MISSING  Firefox ESR');
    expect(run.stderr).toContain('sudo apt-get update && sudo apt-get install chromium firefox-esr');
  });

  it('a browser that prints no version is named with what it printed', async () => {
    const run = await check({ chromium: fakeBrowser('not-a-browser', 'hello'), firefox: firefox153 });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('UNKNOWN  Chromium at');
    expect(run.stderr).toContain('could not read its version (it printed: hello)');
  });

  it('a browser that never answers is given up on after the timeout, and its children with it', async () => {
    const hang = join(dir, 'hangs');
    const pidFile = join(dir, 'hangs.pid');
    // As a wrapper script does: the shell waits on a child that holds stdout and stderr open.
    writeFileSync(hang, `#!/bin/sh\nsleep 30 &\necho $! > '${pidFile}'\nwait\necho "Chromium 156.0.1.1"\n`);
    chmodSync(hang, 0o755);
    const run = await check({ chromium: hang, firefox: firefox153 }, '--timeout-ms=500');
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(3_000);
    expect(run.stderr).toContain('did not answer `--version` within 0.5 s');
    // The sleep is gone (or a zombie nobody reaped), not left running.
    const pid = readFileSync(pidFile, 'utf8').trim();
    const state = (() => {
      try { return /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]; } catch { return 'gone'; }
    })();
    expect(['gone', 'Z', 'X']).toContain(state);
  });
});

describe('parseBrowserVersion', () => {
  it.each([
    ['chromium', 'Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)\n', '156.0.8078.108', 156],
    ['chromium', `${WRAPPER_NOISE}\nChromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)\n`, '156.0.8078.108', 156],
    ['chromium', `Chromium 150.0.1.2 built on Debian\n\n${WRAPPER_NOISE}\n`, '150.0.1.2', 150],
    ['chromium', 'Google Chrome for Testing 156.0.8078.0 \n', '156.0.8078.0', 156],
    ['chromium', 'Google Chrome 149.0.7000.12 \n', '149.0.7000.12', 149],
    ['firefox', 'Mozilla Firefox 153.8.0esr\n', '153.8.0esr', 153],
    ['firefox', 'Mozilla Firefox 140.0esr\n', '140.0esr', 140],
    ['firefox', 'Mozilla Firefox 153.0.1\n', '153.0.1', 153],
    ['firefox', '[GFX1-]: glxtest: libEGL missing\nMozilla Firefox 128.14.0esr\n', '128.14.0esr', 128],
  ] as const)('%s: %j is %s', (browser, output, version, major) => {
    expect(parseBrowserVersion(browser, output)).toEqual({ version, major });
  });

  it('gives null when no version is printed, and never takes the wrapper\'s numbers for one', () => {
    expect(parseBrowserVersion('chromium', WRAPPER_NOISE)).toBeNull();
    expect(parseBrowserVersion('chromium', '')).toBeNull();
    expect(parseBrowserVersion('firefox', 'Chromium 156.0.8078.108 built on Debian')).toBeNull();
    expect(parseBrowserVersion('chromium', 'Mozilla Firefox 153.8.0esr')).toBeNull();
  });

  it('the minimums are the versions the harness is known to work on', () => {
    expect(MINIMUM).toEqual({ chromium: 156, firefox: 153 });
  });
});

describe('where the check runs', () => {
  it('npm test runs it first, before the type check, the unit tests and the build', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const steps = pkg.scripts.test!.split('&&').map((s) => s.trim());
    expect(steps[0]).toBe('node scripts/check-browsers.mjs');
    expect(steps.slice(1)).toContain('npm run typecheck');
  });

  it('the e2e project checks it too, before any test file starts a browser', async () => {
    const { default: config } = await import('../../vitest.config');
    const projects = (config.test?.projects ?? []) as { test?: { name?: string; globalSetup?: string[] } }[];
    const e2e = projects.find((p) => p.test?.name === 'e2e');
    expect(e2e?.test?.globalSetup).toEqual(['tests/e2e/browsers-are-new-enough.setup.ts']);

    const { default: setup } = await import('../e2e/browsers-are-new-enough.setup');
    vi.stubEnv('CHROMIUM_PATH', chromium156);
    vi.stubEnv('FIREFOX_PATH', firefox140);
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await expect(setup()).rejects.toThrow('no test ran');
      expect(said.mock.calls.join('\n')).toContain('TOO OLD  Firefox ESR 140.0esr');
      vi.stubEnv('FIREFOX_PATH', firefox153);
      await expect(setup()).resolves.toBeUndefined();
    } finally {
      said.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});
