// Are the browsers the end-to-end tests drive new enough? `node scripts/check-browsers.mjs`
// asks each one its version (`--version`, a few seconds at most) and exits 1 with a message
// that says which browser, which version it found, which one the tests need and the command
// that gets it; 0 when both will do. It is the first step of `npm test`, the e2e project's
// globalSetup (vitest.config.ts) runs it too, and .ci/run runs it to know when to upgrade.
//
// The same paths as the tests: CHROMIUM_PATH or /usr/bin/chromium, FIREFOX_PATH or
// /usr/bin/firefox-esr. It needs nothing but Node (no npm packages), so CI can run it before
// `npm ci`.
//
//   node scripts/check-browsers.mjs [--timeout-ms=N]   N: how long each browser may take to answer
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The oldest versions the end-to-end harness is known to work on: what Debian ships after
// `apt-get update` when this was written. Older ones do not merely look different, they break:
// Firefox ESR 140 (with Chromium 150, from an older package list) fails the Firefox tests with
// "unknown command" errors from WebDriver BiDi and buttons the tests cannot find. Raise these
// when the harness comes to need a newer browser; lower them only after the tests pass on it.
export const MINIMUM = Object.freeze({ chromium: 156, firefox: 153 });

/** The browsers, as the tests find them and as Debian packages them. */
export const BROWSERS = Object.freeze({
  chromium: Object.freeze({ name: 'Chromium', env: 'CHROMIUM_PATH', defaultPath: '/usr/bin/chromium', pkg: 'chromium' }),
  firefox: Object.freeze({ name: 'Firefox ESR', env: 'FIREFOX_PATH', defaultPath: '/usr/bin/firefox-esr', pkg: 'firefox-esr' }),
});

export const UPGRADE_COMMAND = 'sudo apt-get update && sudo apt-get install --only-upgrade chromium firefox-esr';
/** `apt-get install` of a package already there upgrades it too, so when one is missing this one command does both. */
export const installCommand = (packages) => `sudo apt-get update && sudo apt-get install ${packages.join(' ')}`;

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The version a browser's `--version` printed, or null when it printed none. Pure.
 * `output` may hold stderr too: Debian's /usr/bin/chromium is a shell wrapper that can print
 * "/usr/bin/chromium: 9: [: …: unexpected operator" before the version line.
 *   "Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)" → { version: '156.0.8078.108', major: 156 }
 *   "Mozilla Firefox 153.8.0esr"                                        → { version: '153.8.0esr', major: 153 }
 * @param {'chromium' | 'firefox'} browser
 * @param {string} output
 * @returns {{ version: string, major: number } | null}
 */
export function parseBrowserVersion(browser, output) {
  const pattern = browser === 'chromium'
    // Debian's Chromium; also Google Chrome and Chrome for Testing, should CHROMIUM_PATH name one.
    ? /(?:^|\s)(?:Chromium|Google Chrome(?: for Testing)?)\s+(\d+)((?:\.\d+)*)\b/m
    // Firefox ESR ("153.8.0esr"); a plain Firefox release ("153.0.1") counts by its number too.
    : /(?:^|\s)Mozilla Firefox\s+(\d+)((?:\.\d+)*(?:[a-z]+\d*)?)/m;
  const match = pattern.exec(output);
  if (!match) return null;
  return { version: `${match[1]}${match[2]}`, major: Number(match[1]) };
}

/**
 * Runs `path --version` and gives what it printed (stdout then stderr). Gives up after
 * `timeoutMs`, killing the whole process group: a wrapper script's children would otherwise
 * keep the pipes open.
 * @returns {Promise<{ output: string, error?: string }>}
 */
function askVersion(path, timeoutMs) {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    let timer;
    const finish = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ output: `${stdout}\n${stderr}`, ...(error ? { error } : {}) });
    };
    let child;
    try {
      child = spawn(path, ['--version'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    } catch (e) {
      finish(e instanceof Error ? e.message : String(e));
      return;
    }
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    child.on('error', (e) => finish(e.message));
    child.on('close', () => finish());
    timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      child.stdout.destroy();
      child.stderr.destroy();
      child.unref();
      finish(`it did not answer \`--version\` within ${timeoutMs / 1000} s`);
    }, timeoutMs);
  });
}

/**
 * Checks one browser.
 * @returns {Promise<{ browser: 'chromium' | 'firefox', name: string, path: string, env: string,
 *   pkg: string, needed: number, found: string | null, ok: boolean, problem?: 'missing' | 'unreadable' | 'old',
 *   detail?: string }>}
 */
async function checkOne(browser, env, timeoutMs) {
  const { name, env: envName, defaultPath, pkg } = BROWSERS[browser];
  const path = env[envName] || defaultPath;
  const base = { browser, name, path, env: envName, pkg, needed: MINIMUM[browser], found: null };
  if (!existsSync(path)) return { ...base, ok: false, problem: 'missing' };
  const { output, error } = await askVersion(path, timeoutMs);
  const parsed = parseBrowserVersion(browser, output);
  if (!parsed) {
    const printed = output.trim().split('\n').slice(-3).join(' | ').slice(0, 300);
    return { ...base, ok: false, problem: 'unreadable', detail: error ?? (printed ? `it printed: ${printed}` : 'it printed nothing') };
  }
  if (parsed.major < MINIMUM[browser]) return { ...base, found: parsed.version, ok: false, problem: 'old' };
  return { ...base, found: parsed.version, ok: true };
}

/**
 * Checks both browsers at once.
 * @param {{ env?: Record<string, string | undefined>, timeoutMs?: number }} [options]
 */
export async function checkBrowsers({ env = process.env, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
  const results = await Promise.all(['chromium', 'firefox'].map((b) => checkOne(b, env, timeoutMs)));
  return { ok: results.every((r) => r.ok), results, message: describe(results) };
}

/** What to tell the person at the terminal. */
function describe(results) {
  const lines = [];
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) {
    return `Browsers for the tests: ${results.map((r) => `${r.name} ${r.found} (${r.path})`).join(', ')}` +
      ` — ${results.map((r) => `${r.name} ${r.needed}`).join(' and ')} or newer needed.`;
  }
  lines.push('The end-to-end tests cannot run on the browsers installed here:');
  for (const r of results) {
    if (r.ok) lines.push(`  ok       ${r.name} ${r.found} at ${r.path}`);
    else if (r.problem === 'missing') lines.push(`  MISSING  ${r.name}: nothing at ${r.path}; the tests need ${r.name} ${r.needed} or newer.`);
    else if (r.problem === 'old') lines.push(`  TOO OLD  ${r.name} ${r.found} at ${r.path}; the tests need ${r.name} ${r.needed} or newer.`);
    else lines.push(`  UNKNOWN  ${r.name} at ${r.path}: could not read its version (${r.detail}); the tests need ${r.name} ${r.needed} or newer.`);
  }
  const missing = failed.filter((r) => r.problem === 'missing');
  lines.push('');
  if (missing.length > 0) lines.push('Install (and upgrade) from Debian\'s packages:', `  ${installCommand(failed.map((r) => r.pkg))}`);
  else lines.push('Upgrade from Debian\'s packages:', `  ${UPGRADE_COMMAND}`);
  const custom = failed.filter((r) => r.path !== BROWSERS[r.browser].defaultPath);
  for (const r of custom) lines.push(`Or set ${r.env} to a ${r.name} ${r.needed} or newer (it is ${r.path} now).`);
  if (failed.some((r) => r.problem === 'old')) {
    lines.push(`(Older browsers fail the tests in confusing ways — "unknown command" errors, missing buttons — so they stop here.)`);
  }
  return lines.join('\n');
}

// Run as a script (not imported): print the verdict, exit 0 or 1.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = process.argv.find((a) => a.startsWith('--timeout-ms='));
  const timeoutMs = arg ? Number(arg.slice('--timeout-ms='.length)) : DEFAULT_TIMEOUT_MS;
  const { ok, message } = await checkBrowsers({ timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : DEFAULT_TIMEOUT_MS });
  if (ok) console.log(message);
  else console.error(`\n${message}\n`);
  process.exit(ok ? 0 : 1);
}
