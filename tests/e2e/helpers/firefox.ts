// Firefox ESR with the unpacked extension, driven by Puppeteer over WebDriver BiDi.
//
// Reaching the local x.com server: `network.dns.forceResolve` sends every host name to
// 127.0.0.1 and `network.socket.forcePort` ("443=<port>") sends every connection meant for
// port 443 to the server's random port, so pages load as plain https://x.com/home, exactly as
// in Chromium (no port in the URL for the content script or the captured links to see).
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { postSelector, type Driver, type Field } from './driver.js';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const firefoxInstalled = (): boolean => existsSync(FIREFOX_PATH);

const GECKO_ID = 'roundup@roundup.tools';
// Fixed so extension pages have a known address (moz-extension://<uuid>/popup.html).
const UUID = '6d1c0f4e-2b7a-4c39-9e58-0a4f3b2d7c61';

/** Ctrl+End: the caret to the very end, in an input, a textarea or a contenteditable. */
async function pressEnd(page: Page): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press('End');
  await page.keyboard.up('Control');
}

/** Polls `find` until it gives something, or null after `ms`. */
async function until<T>(find: () => Promise<T | null>, ms: number): Promise<T | null> {
  for (const end = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 100))) {
    const found = await find();
    if (found || Date.now() > end) return found;
  }
}

/**
 * Firefox's BiDi accessibility locator (`::-p-aria`) does not look into shadow roots (checked on
 * 153 ESR), and the clip button may live in one. So the button is found by walking open shadow
 * roots and reading its name the way accname does for a button: aria-labelledby, aria-label,
 * then its text. Self-contained: it runs in the page.
 */
function findButtonByName(root: Element, name: string): Element | null {
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (el: Element): string => {
    const ids = el.getAttribute('aria-labelledby');
    const home = el.getRootNode() as Document | ShadowRoot;
    const byIds = ids ? norm(ids.split(/\s+/).map((id) => home.getElementById(id)?.textContent).join(' ')) : '';
    return byIds || norm(el.getAttribute('aria-label')) || norm(el.textContent) || norm(el.getAttribute('title'));
  };
  const isButton = (el: Element) => (el.getAttribute('role') ?? (el.localName === 'button' ? 'button' : '')) === 'button';
  const walk = (node: Element | ShadowRoot): Element | null => {
    for (const el of Array.from(node.querySelectorAll('*'))) {
      if (isButton(el) && nameOf(el) === name) return el;
      const inner = el.shadowRoot ? walk(el.shadowRoot) : null;
      if (inner) return inner;
    }
    return null;
  };
  return walk(root);
}

export interface FirefoxDriver extends Driver {
  /** The raw Puppeteer browser, for tests that need more than the shared Driver. */
  readonly browser: Browser;
  /** `moz-extension://<fixed uuid>/` */
  readonly extensionBase: string;
  /** The x.com tab (after openX) and the editor tab (after openEditor). */
  xPage(): Page;
  editorPage(): Page;
  /** Opens another extension page (e.g. `options.html`) in a new tab, loaded. */
  openExtensionPage(path: string): Promise<Page>;
}

/** Opens a moz-extension page: page.goto never settles for them (puppeteer#14314), so watch the document. */
async function loadExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url, { waitUntil: 'domcontentloaded', timeout: 0 }).catch(() => {});
  const ready = await until(() => page.evaluate(() => (document.readyState !== 'loading' ? location.href : null))
    .then((href) => (href === url ? true : null), () => null), 15_000);
  if (!ready) throw new Error(`${url} did not load`);
}

/** `prefs`: more Firefox preferences for one test file (e.g. how optional permissions are asked). */
export async function launchFirefox(extDir: string, xPort: number, prefs: Record<string, unknown> = {}): Promise<FirefoxDriver> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true, // the x.com server's certificate is self-signed
    args: ['--remote-allow-system-access'], // needed for webExtension.install
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'network.socket.forcePort': `443=${xPort}`,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      ...prefs,
    },
  });
  try {
    await browser.installExtension(extDir); // a temporary add-on, as about:debugging loads it
  } catch (e) {
    await browser.close();
    throw e;
  }

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
  const clipButton = async (statusId: string, timeout: number): Promise<ElementHandle<Element> | null> => {
    const page = onX();
    const post = await page.waitForSelector(postSelector(statusId), { timeout }).catch(() => null);
    if (!post) return null;
    const found = await page.waitForFunction(findButtonByName, { timeout }, post, 'Clip post').catch(() => null);
    return (found?.asElement() ?? null) as ElementHandle<Element> | null;
  };
  // The editor is a plain extension page (no shadow DOM), so Firefox's own accessible names serve.
  // Like Playwright's strict locators, a name that is not unique in its scope counts as absent.
  const textbox = async ({ name, item }: Field): Promise<ElementHandle<Element> | null> => {
    const page = onEditor();
    const box = `::-p-aria([name="${name}"][role="textbox"])`;
    let scope: Page | ElementHandle<Element> | undefined = page;
    if (item !== undefined) {
      const list = await page.$('::-p-aria([name="Posts"][role="list"])');
      scope = list ? (await list.$$('::-p-aria([role="listitem"])'))[item] : undefined;
    }
    const found = scope ? await scope.$$(box) : [];
    return found.length === 1 ? found[0]! : null;
  };

  return {
    browser,
    extensionBase: `moz-extension://${UUID}/`,
    xPage: onX,
    editorPage: onEditor,
    async openX(path) {
      xPage ??= await browser.newPage();
      await xPage.goto(`https://x.com${path}`, { waitUntil: 'domcontentloaded' });
    },
    async clickClip(statusId) {
      const b = await clipButton(statusId, 15_000);
      if (!b) throw new Error(`no "Clip post" button in post ${statusId}`);
      await b.click();
    },
    async clipPressed(statusId) {
      const b = await clipButton(statusId, 2_000);
      return b ? b.evaluate((el) => el.getAttribute('aria-pressed')) : null;
    },
    async openEditor(query = '') {
      await editor?.close();
      editor = await browser.newPage();
      await loadExtensionPage(editor, `moz-extension://${UUID}/popup.html${query}`);
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await loadExtensionPage(page, `moz-extension://${UUID}/${path}`);
      return page;
    },
    async itemTexts() {
      const list = await onEditor().$('::-p-aria([name="Posts"][role="list"])');
      const items = list ? await list.$$('::-p-aria([role="listitem"])') : [];
      return Promise.all(items.map((li) => li.evaluate((el) => (el as HTMLElement).innerText)));
    },
    async type(field, text) {
      const box = await until(() => textbox(field), 10_000); // the editor renders after its data loads
      if (!box) throw new Error(`no single textbox "${field.name}"${field.item === undefined ? '' : ` in item ${field.item + 1}`}`);
      await box.click();
      await pressEnd(onEditor());
      await onEditor().keyboard.type(text);
    },
    async value(field) {
      const box = await textbox(field);
      return box ? box.evaluate((el) => ('value' in el ? String(el.value) : (el as HTMLElement).innerText)) : null;
    },
    async pressOnX(name) {
      const page = onX();
      const body = (await page.$('body')) as ElementHandle<Element>;
      const found = await page.waitForFunction(findButtonByName, { timeout: 10_000 }, body, name).catch(() => null);
      const b = found?.asElement() as ElementHandle<Element> | null | undefined;
      if (!b) throw new Error(`no button "${name}" on the x.com page`);
      await b.click();
    },
    async pressInEditor(name, within) {
      const page = onEditor();
      const button = `::-p-aria([name="${name}"][role="button"])`;
      const b = await until(async () => {
        let scope: Page | ElementHandle<Element> | undefined = page;
        if (within) {
          const list = await page.$(`::-p-aria([name="${within.list}"][role="list"])`);
          scope = list ? (await list.$$(':scope > li'))[within.item] : undefined;
        }
        const found = scope ? await scope.$$(button) : [];
        return found.length === 1 ? found[0]! : null;
      }, 10_000);
      if (!b) throw new Error(`no single button "${name}"${within ? ` in item ${within.item + 1} of "${within.list}"` : ''}`);
      await b.click();
    },
    async listTexts(list) {
      const l = await onEditor().$(`::-p-aria([name="${list}"][role="list"])`);
      const items = l ? await l.$$(':scope > li') : [];
      return Promise.all(items.map((li) => li.evaluate((el) => (el as HTMLElement).innerText)));
    },
    async closeEditor() {
      await onEditor().close(); // BiDi browsingContext.close without unload prompts
      editor = undefined;
    },
    async quit() {
      await browser.close(); // Puppeteer made the profile and removes it
    },
  };
}
