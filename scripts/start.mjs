// `npm start`: build the extension, serve the bundled demo page as https://x.com/home and open
// Chromium with the extension loaded, so anyone can try clipping without an X account.
// `npm start -- --headless`: the same, then a self-check (a "Clip post" button on every demo
// post) and exit 0/1, for CI.
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startXServer } from './x-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extensionDir = join(root, 'dist', 'chrome');
const demoFile = join(root, 'demo', 'x-demo.html');
const headless = process.argv.includes('--headless');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function fail(message) {
  console.error(`\nnpm start: ${message}`);
  process.exit(1);
}

// Check the browser first: no point building for a minute to fail on a missing binary.
if (!existsSync(executablePath)) {
  fail(`Chromium not found at ${executablePath}.\n` +
    '  Install it (Debian/Ubuntu: sudo apt-get install chromium)\n' +
    '  or point CHROMIUM_PATH at a Chromium/Chrome for Testing binary.');
}

if (!existsSync(join(root, 'build.mjs'))) fail(`no build.mjs in ${root}.`);
const build = spawnSync(process.execPath, ['build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.error || build.status !== 0) {
  fail(`the build failed (node build.mjs ${build.error ? build.error.message : `exited with ${build.status}`}).`);
}
if (!existsSync(join(extensionDir, 'manifest.json'))) fail(`the build wrote no ${extensionDir}/manifest.json.`);

const server = await startXServer({ pages: { '/home': demoFile } });
const profileDir = mkdtempSync(join(tmpdir(), 'roundup-profile-'));
let context;

// Runs once however we stop (Ctrl+C, browser window closed, self-check done, error).
let stopping;
function stop(code) {
  stopping ??= (async () => {
    await context?.close().catch(() => {});
    await server.close();
    rmSync(profileDir, { recursive: true, force: true });
    process.exit(code);
  })();
  return stopping;
}
// We close the browser ourselves, so Playwright must not exit the process on signals first.
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  context = await chromium.launchPersistentContext(profileDir, {
    headless,
    executablePath,
    handleSIGINT: false,
    handleSIGTERM: false,
    ignoreDefaultArgs: ['--disable-extensions'], // Playwright's default would fight --load-extension
    viewport: null, // a headed window keeps its own size instead of a fixed 1280×720
    args: [
      // Chromium's sandbox refuses to start as root.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-background-networking', '--disable-component-update', '--no-first-run',
      `--host-resolver-rules=MAP x.com 127.0.0.1:${server.port}`,
      '--ignore-certificate-errors', // x-server.mjs makes a fresh self-signed certificate
      `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
      ...(headless ? ['--headless=new'] : []),
    ],
  });
} catch (error) {
  const noDisplay = !headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  // Playwright's launch log is long and only useful when the cause is not this common one.
  console.error(noDisplay ? 'npm start: no display to open a window on; try `npm start -- --headless`.'
    : `${error.message}\n\nnpm start: could not start Chromium (${executablePath}).`);
  await stop(1);
}
context.on('close', () => stop(0));

// Counts the demo posts and the content script's "Clip post" buttons; true when each has one.
async function selfCheck(page, extensionId) {
  const demoPosts = await page.locator('article[data-testid="tweet"]').count();
  const clip = page.getByRole('button', { name: 'Clip post', exact: true });
  // The content script adds its buttons after the page loads; give it a few seconds.
  let clipButtons = await clip.count();
  for (const until = Date.now() + 10_000; clipButtons !== demoPosts && Date.now() < until;) {
    await page.waitForTimeout(200);
    clipButtons = await clip.count();
  }
  console.log(JSON.stringify({ demoPosts, clipButtons }));
  if (demoPosts === 0) console.error('Self-check failed: the demo page shows no posts.');
  else if (clipButtons !== demoPosts) {
    console.error(`Self-check failed: expected a "Clip post" button on each of the ${demoPosts} demo posts, found ${clipButtons}.`);
  }
  if (extensionId === null) console.error('Self-check failed: the extension did not start (no service worker).');
  if (!(demoPosts > 0 && clipButtons === demoPosts && extensionId !== null)) return false;
  // Clip the first post, as a newcomer would, and find it in the editor.
  await clip.first().click();
  let pressed = null;
  for (const until = Date.now() + 5_000; pressed !== 'true' && Date.now() < until;) {
    pressed = await clip.first().getAttribute('aria-pressed');
    if (pressed !== 'true') await page.waitForTimeout(100);
  }
  const editor = await context.newPage();
  await editor.goto(`chrome-extension://${extensionId}/popup.html`);
  const items = editor.getByRole('list', { name: 'Posts', exact: true }).getByRole('listitem');
  const clipped = await items.first().waitFor({ timeout: 5_000 }).then(() => items.count(), () => 0);
  console.log(JSON.stringify({ firstPostPressed: pressed === 'true', editorItems: clipped }));
  if (pressed !== 'true' || clipped !== 1) console.error('Self-check failed: clipping the first demo post did not reach the editor.');
  return pressed === 'true' && clipped === 1;
}

try {
  // The extension id is the host of its service worker's URL (chrome-extension://<id>/...).
  const worker = context.serviceWorkers()[0]
    ?? await context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(() => null);
  const extensionId = worker ? new URL(worker.url()).host : null;

  const page = context.pages()[0] ?? await context.newPage();
  await page.goto('https://x.com/home');

  console.log('\nRoundup demo: https://x.com/home (served locally from demo/x-demo.html; made-up posts)');
  console.log(`Extension id: ${extensionId ?? '(not found: the extension has no running service worker)'}`);
  if (extensionId) console.log(`Editor:       chrome-extension://${extensionId}/popup.html`);

  if (headless) await stop((await selfCheck(page, extensionId)) ? 0 : 1);
  else console.log('Press Ctrl+C to stop.');
} catch (error) {
  console.error(`npm start: ${error.message}`);
  await stop(1);
}
