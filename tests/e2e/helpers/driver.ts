// The small surface one end-to-end scenario needs, implemented once per browser
// (chromium.ts with Playwright, firefox.ts with Puppeteer over WebDriver BiDi), so the
// scenario itself is written once and proves the same thing in both.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A textbox by its accessible name, in the editor (`item` absent) or inside the nth "Posts" item. */
export interface Field {
  name: string;
  item?: number;
}

export interface Driver {
  /** Opens (or re-opens) the tab that shows https://x.com<path>. */
  openX(path: string): Promise<void>;
  /** Presses the "Clip post" button inside the post whose permalink ends in /status/<id>. */
  clickClip(statusId: string): Promise<void>;
  /** That button's aria-pressed, or null when the button is not there. */
  clipPressed(statusId: string): Promise<string | null>;
  /**
   * Opens popup.html in a new tab (closing any editor tab still open). `query` '?home=tab'
   * opens it as the editor tab rather than as the toolbar popup's page.
   */
  openEditor(query?: string): Promise<void>;
  /** The visible text of each listitem of the list named "Posts", in order. */
  itemTexts(): Promise<string[]>;
  /** Types key by key into the textbox (clicking into it first, caret at the end). */
  type(field: Field, text: string): Promise<void>;
  /** The textbox's current value, or null when it is not (yet) there. */
  value(field: Field): Promise<string | null>;
  /** Presses the button with this exact name on the x.com page (open shadow roots included). */
  pressOnX(name: string): Promise<void>;
  /**
   * Presses the button with this exact name in the editor, or inside the nth item of the list
   * named `list` there.
   */
  pressInEditor(name: string, within?: { list: string; item: number }): Promise<void>;
  /** The visible text of each listitem of the editor's list named `list`. */
  listTexts(list: string): Promise<string[]>;
  /** Closes the editor tab at once: no unload prompt, no waiting for pending saves. */
  closeEditor(): Promise<void>;
  /** Closes the browser and removes its profile. */
  quit(): Promise<void>;
}

/** The unpacked build for a browser; E2E_DIST points elsewhere (e.g. a stand-in extension). */
export function extensionDir(browser: 'chrome' | 'firefox'): string {
  const dir = join(process.env.E2E_DIST || join(ROOT, 'dist'), browser);
  // Fail loudly rather than skip: a missing build must never look like a passing run.
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no ${dir}/manifest.json: run \`npm run build\` first`);
  return dir;
}

export const HOME_FIXTURE = join(ROOT, 'tests/fixtures/x/control-panel-for-twitter/home-twitter-complete.html');

/** The post element that holds a status: its timestamp link ends in /status/<id>. */
export const postSelector = (statusId: string) => `article[data-testid="tweet"]:has(a[href$="/status/${statusId}"])`;

export interface XServer {
  port: number;
  close(): Promise<void>;
  /** pbs.twimg.com answers 404 from now on (false), as when X deleted the post, or serves again. */
  servePictures(on: boolean): void;
  /** Every picture path pbs.twimg.com was asked for, in order. */
  pictureRequests: string[];
}

/** scripts/x-server.mjs is plain JS without types; a computed import keeps tsc from asking for them. */
export async function startXServer(pages: Record<string, string>): Promise<XServer> {
  const href = pathToFileURL(join(ROOT, 'scripts/x-server.mjs')).href;
  const mod = (await import(href)) as { startXServer(o: { pages: Record<string, string> }): Promise<XServer> };
  return mod.startXServer({ pages });
}
