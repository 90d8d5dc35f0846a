// Chromium with the unpacked extension, driven by Playwright. Roles and accessible names come
// from Chromium's own accessibility tree (getByRole also looks into open shadow roots).
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postSelector, type Driver, type Field } from './driver.js';

export interface ChromiumDriver extends Driver {
  readonly extensionId: string;
  /** The raw Playwright context, for tests that need more than the shared Driver. */
  readonly context: BrowserContext;
  /** The x.com tab (after openX) and the editor tab (after openEditor). */
  xPage(): Page;
  editorPage(): Page;
  /** Stops every service worker, as MV3 does at will; the next event has to start it again. */
  stopServiceWorkers(): Promise<void>;
}

/** The hosts the local server (scripts/x-server.mjs) answers as. */
const MAPPED_HOSTS = ['x.com', 'pbs.twimg.com', 'bsky.app', 'public.api.bsky.app', 'cdn.bsky.app', 'video.bsky.app',
  // Mastodon instances (their public API) and their media hosts.
  'mastodon.social', 'fosstodon.org', 'files.mastodon.social', 'cdn.fosstodon.org',
  // The home instances of the constructed Mastodon pages' remote accounts.
  'other.example', 'photos.example'];

/** `args`: more command-line switches for one test file (e.g. `--lang=de`). */
export async function launchChromium(extDir: string, xPort: number, args: string[] = []): Promise<ChromiumDriver> {
  const profile = mkdtempSync(join(tmpdir(), 'roundup-e2e-chromium-'));
  let ctx: BrowserContext;
  try {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--no-first-run', '--disable-sync',
        // Every x.com and pbs.twimg.com connection goes to the local server, and every one to
        // Bluesky's web app, public API and media hosts, and every one to the Mastodon
        // instances the tests serve; its certificate is self-signed.
        `--host-resolver-rules=${MAPPED_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${xPort}`).join(', ')}`, '--ignore-certificate-errors',
        `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...args],
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  // The worker may have registered before we listened: look first, then wait.
  const worker = ctx.serviceWorkers()[0] ?? await ctx.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = new URL(worker.url()).host;

  let xPage: Page | undefined;
  let editor: Page | undefined;
  const onX = (): Page => {
    if (!xPage) throw new Error('openX first');
    return xPage;
  };
  const onEditor = (): Page => {
    if (!editor) throw new Error('openEditor first');
    return editor;
  };
  const clipButton = (statusId: string): Locator =>
    onX().locator(postSelector(statusId)).first().getByRole('button', { name: 'Clip post', exact: true }).first();
  const textbox = ({ name, item }: Field): Locator => {
    const page = onEditor();
    const scope = item === undefined ? page : page.getByRole('list', { name: 'Posts', exact: true }).getByRole('listitem').nth(item);
    return scope.getByRole('textbox', { name, exact: true });
  };

  return {
    extensionId,
    context: ctx,
    xPage: onX,
    editorPage: onEditor,
    async openX(path) {
      xPage ??= await ctx.newPage();
      await xPage.goto(`https://x.com${path}`);
    },
    async clickClip(statusId) {
      await clipButton(statusId).click({ timeout: 15_000 });
    },
    async clipPressed(statusId) {
      const b = clipButton(statusId);
      return (await b.count()) ? b.getAttribute('aria-pressed', { timeout: 2_000 }) : null;
    },
    async openEditor(query = '') {
      await editor?.close();
      editor = await ctx.newPage();
      await editor.goto(`chrome-extension://${extensionId}/popup.html${query}`);
    },
    async itemTexts() {
      const items = onEditor().getByRole('list', { name: 'Posts', exact: true }).getByRole('listitem');
      return items.allInnerTexts();
    },
    async type(field, text) {
      const box = textbox(field);
      await box.click({ timeout: 10_000 });
      await box.press('Control+End');
      await box.pressSequentially(text);
    },
    async value(field) {
      const box = textbox(field);
      if ((await box.count()) !== 1) return null;
      return box.inputValue({ timeout: 2_000 }).catch(() => box.innerText({ timeout: 2_000 }));
    },
    async pressOnX(name) {
      await onX().getByRole('button', { name, exact: true }).click({ timeout: 10_000 });
    },
    async pressInEditor(name, within) {
      const page = onEditor();
      const scope = within ? page.getByRole('list', { name: within.list, exact: true }).getByRole('listitem').nth(within.item) : page;
      await scope.getByRole('button', { name, exact: true }).click({ timeout: 10_000 });
    },
    listTexts: (list) => onEditor().getByRole('list', { name: list, exact: true }).getByRole('listitem').allInnerTexts(),
    async closeEditor() {
      // runBeforeUnload false (the default): the tab goes away now, like a popup losing focus.
      await onEditor().close();
      editor = undefined;
    },
    async stopServiceWorkers() {
      const page = ctx.pages()[0] ?? await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      // Watch each worker version's state, so the test goes on only once each has really
      // stopped. An open editor may wake the worker again right away: stopped once is enough.
      const stopped = new Map<string, boolean>();
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const v of versions) stopped.set(v.versionId, stopped.get(v.versionId) || v.runningStatus === 'stopped');
      });
      try {
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        for (const end = Date.now() + 10_000; !stopped.size || [...stopped.values()].some((s) => !s);) {
          if (Date.now() > end) throw new Error(`service workers did not stop: ${[...stopped.entries()].join(', ')}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      } finally {
        await cdp.detach();
      }
    },
    async quit() {
      try {
        await ctx.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}
