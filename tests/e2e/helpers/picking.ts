// The four ways of picking posts (inline button, select mode, context menu, keyboard command),
// posts that arrive later, settings and the state across tabs — written once, run by each
// browser's test file through the small Picker surface below. Tests share one browser and run
// in order; each says what state it leaves.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HOME_FIXTURE, startXServer, type Driver, type XServer } from './driver.js';
import { POSTS } from './clip-note-reopen.js';

/** `page.evaluate(fn, arg)` as both Playwright and Puppeteer offer it. */
export interface EvalPage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export interface Picker extends Driver {
  x(): EvalPage;
  editor(): EvalPage;
  /** Another tab on https://x.com<path>. */
  openOtherX(path: string): Promise<EvalPage>;
  /** Clicks the centre of the first element matching the CSS selector in the x.com tab. */
  clickInX(selector: string): Promise<void>;
  pressInX(key: string): Promise<void>;
  /** Brings the editor tab forward: Firefox gives a hidden tab's list no innerText. */
  editorToFront(): Promise<void>;
}

const poll = { timeout: 10_000, interval: 200 };
const [first, second, third] = POSTS;
const text = (id: string) => `article[data-testid="tweet"]:has(a[href$="/status/${id}"]) [data-testid="tweetText"]`;

/** The few WebExtension calls the tests make from an extension page (`browser` or `chrome`). */
interface Api {
  tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: object, o: object): Promise<unknown> };
  runtime: { sendMessage(m: object): Promise<unknown> };
  commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
  contextMenus: { update(id: string, p: object): Promise<void> };
}
type ApiHolder = { browser?: Api; chrome?: Api };

/** Sends a message to the content script of the x.com tab at `url`, as the background does. */
async function toXTab(p: Picker, url: string, message: object): Promise<unknown> {
  return p.editor().evaluate(async ({ url, message }) => {
    const api = ((globalThis as ApiHolder).browser ?? (globalThis as ApiHolder).chrome)!;
    const [tab] = await api.tabs.query({ url });
    if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
    return api.tabs.sendMessage(tab.id, message, { frameId: 0 });
  }, { url, message });
}

async function toBackground(p: Picker, message: object): Promise<unknown> {
  return p.editor().evaluate((message) => ((globalThis as ApiHolder).browser ?? (globalThis as ApiHolder).chrome)!.runtime.sendMessage(message), message);
}

/** The clip button of a post in a page: its aria-pressed, colour and tooltip; null when absent. */
function buttonState(page: EvalPage, statusId: string) {
  return page.evaluate((id) => {
    const b = document.querySelector(`button[data-roundup-clip="x:${id}"]`);
    if (!b) return null;
    const tip = document.getElementById(b.getAttribute('aria-describedby') ?? '');
    return { pressed: b.getAttribute('aria-pressed'), color: getComputedStyle(b).color, tip: tip?.textContent ?? null };
  }, statusId);
}

/** The text of each item of the editor's "Posts" list (textContent: a hidden tab has no innerText in Firefox). */
function items(p: Picker): Promise<string[]> {
  return p.editor().evaluate(() => [...document.querySelectorAll('[aria-label="Posts"] > li')].map((li) => li.textContent ?? ''), null);
}

export function pickingScenario(launch: (xPort: number) => Promise<Picker>): void {
  let server: XServer | undefined;
  let picker: Picker | undefined;
  const p = (): Picker => {
    if (!picker) throw new Error('the browser did not start');
    return picker;
  };
  beforeAll(async () => {
    server = await startXServer({ '/home': HOME_FIXTURE });
    picker = await launch(server.port);
    await picker.openX('/home');
    await picker.openEditor();
  });
  afterAll(async () => {
    await picker?.quit();
    await server?.close();
  });

  test('the inline button follows X\'s theme, read from the page body, and changes with it', async () => {
    await expect.poll(() => buttonState(p().x(), first.id).then((s) => s?.color), poll).toBe('rgb(113, 118, 123)'); // lights out
    await p().x().evaluate(() => void (document.body.style.backgroundColor = 'rgb(255, 255, 255)'), null);
    await expect.poll(() => buttonState(p().x(), first.id).then((s) => s?.color), poll).toBe('rgb(83, 100, 113)');
    await p().x().evaluate(() => void (document.body.style.backgroundColor = 'rgb(21, 32, 43)'), null);
    await expect.poll(() => buttonState(p().x(), first.id).then((s) => s?.color), poll).toBe('rgb(139, 152, 165)');
  });

  test('the inline button is reached with Tab from X\'s own action buttons, pressed with Enter, and has a tooltip', async () => {
    await p().x().evaluate((id) => {
      const ours = document.querySelector(`[data-roundup-clip="x:${id}"]`);
      const before = [...(ours?.parentElement?.querySelectorAll('button') ?? [])].filter((b) => b !== ours);
      before[before.length - 1]?.focus(); // X's last own button in the bar
    }, first.id);
    await p().pressInX('Tab');
    const focused = await p().x().evaluate(() => {
      const focused = document.activeElement;
      return { clip: focused?.getAttribute('data-roundup-clip'), name: focused?.getAttribute('aria-label') };
    }, null);
    expect(focused).toEqual({ clip: `x:${first.id}`, name: 'Clip post' });
    await p().pressInX('Enter');
    await expect.poll(() => buttonState(p().x(), first.id), poll).toMatchObject({ pressed: 'true', tip: 'Remove from your roundup' });
    await p().pressInX('Enter');
    await expect.poll(() => buttonState(p().x(), first.id), poll).toMatchObject({ pressed: 'false', tip: 'Clip to your roundup' });
  });

  test('the setting "inline buttons" hides and shows the buttons at once, without reloading', async () => {
    const count = () => p().x().evaluate(() => document.querySelectorAll('[data-roundup-clip]').length, null);
    const shown = await count();
    expect(shown).toBeGreaterThanOrEqual(3);
    await toBackground(p(), { type: 'updateSettings', patch: { inlineButtons: { x: false } } });
    await expect.poll(count, poll).toBe(0);
    await toBackground(p(), { type: 'updateSettings', patch: { inlineButtons: { x: true } } });
    await expect.poll(count, poll).toBe(shown);
  });

  test('select mode from the editor\'s "Select posts": a click clips, another unclips, the bar counts, Esc leaves', async () => {
    await p().editor().evaluate(() => {
      const b = [...document.querySelectorAll('button')].find((e) => e.textContent?.trim() === 'Select posts');
      if (!b) throw new Error('no "Select posts" button');
      b.click();
    }, null);
    const bar = () => p().x().evaluate(() => {
      const host = document.querySelector('[data-roundup-own="select-bar"]');
      return host ? host.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '' : null;
    }, null);
    await expect.poll(bar, poll).toBe('0 posts in your roundup');
    await p().openEditor(); // opened without ?home=tab it is the popup, which closed to let the page be clicked
    const marked = (id: string) => p().x().evaluate((id) => document.querySelector(`[data-roundup-post="x:${id}"]`)?.hasAttribute('data-roundup-clipped') ?? null, id);
    await p().clickInX(text(second.id));
    await expect.poll(() => marked(second.id), poll).toBe(true);
    await expect.poll(bar, poll).toBe('1 post in your roundup');
    expect((await buttonState(p().x(), second.id))?.pressed).toBe('true');
    await p().clickInX(text(third.id));
    await expect.poll(bar, poll).toBe('2 posts in your roundup');
    await p().clickInX(text(second.id));
    await expect.poll(() => marked(second.id), poll).toBe(false);
    await expect.poll(bar, poll).toBe('1 post in your roundup');
    expect(await p().x().evaluate(() => location.pathname, null)).toBe('/home'); // X did not open a post
    await p().pressInX('Escape');
    await expect.poll(bar, poll).toBe(null);
    // Out of select mode a click on a post is X's again: nothing clipped.
    await p().clickInX(text(first.id));
    await new Promise((r) => setTimeout(r, 500));
    expect(await marked(first.id)).toBe(false);
    expect(await marked(third.id)).toBe(true);
  });

  test('the keyboard command toggles select mode and clips the post that has focus', async () => {
    const commands = await p().editor().evaluate(() => ((globalThis as ApiHolder).browser ?? (globalThis as ApiHolder).chrome)!.commands.getAll(), null);
    expect(commands.map((c) => [c.name, c.shortcut])).toEqual(expect.arrayContaining([
      ['toggle-select-mode', 'Alt+Shift+S'], ['clip-focused-post', 'Alt+Shift+K'],
    ]));
    // What each command sends to the active tab (the browser's own key handling is not reachable from a test).
    expect(await toXTab(p(), 'https://x.com/home', { type: 'selectMode' })).toEqual({ ok: true, value: { on: true } });
    expect(await toXTab(p(), 'https://x.com/home', { type: 'selectMode' })).toEqual({ ok: true, value: { on: false } });
    await p().x().evaluate((id) => (document.querySelector(`[data-roundup-post="x:${id}"]`) as HTMLElement).focus(), first.id);
    expect(await toXTab(p(), 'https://x.com/home', { type: 'clipFocused' })).toEqual({ ok: true, value: { postId: `x:${first.id}`, clipped: true } });
    await expect.poll(() => buttonState(p().x(), first.id).then((s) => s?.pressed), poll).toBe('true');
    await p().x().evaluate(() => (document.activeElement as HTMLElement | null)?.blur(), null);
    expect(await toXTab(p(), 'https://x.com/home', { type: 'clipFocused' })).toEqual({ ok: false, error: 'no post has focus' });
  });

  test('"Clip this post" on a post link: registered; read in full on x.com; from the link alone elsewhere, marked partial', async () => {
    const menu = (id: string) => p().editor().evaluate(async (id) => {
      try {
        await ((globalThis as ApiHolder).browser ?? (globalThis as ApiHolder).chrome)!.contextMenus.update(id, {});
        return true;
      } catch {
        return false;
      }
    }, id);
    expect(await menu('roundup-clip-post-link')).toBe(true);
    expect(await menu('no-such-menu')).toBe(false);
    // Clipped in the editor's view of the roundup so far: first and third.
    await p().openEditor();
    await expect.poll(() => items(p()).then((t) => t.length), poll).toBe(2);
    // On x.com the background asks the tab for the post (here: the second, not clipped now).
    expect(await toXTab(p(), 'https://x.com/home', { type: 'clipPostById', postId: `x:${second.id}` })).toEqual({ ok: true, value: { found: true } });
    await expect.poll(() => buttonState(p().x(), second.id).then((s) => s?.pressed), poll).toBe('true');
    expect(await toXTab(p(), 'https://x.com/home', { type: 'clipPostById', postId: 'x:1' })).toEqual({ ok: true, value: { found: false } });
    const reply = await toBackground(p(), { type: 'clipLink', url: 'https://twitter.com/SomeWriter/status/1234567890123', pageUrl: 'https://example.org/news' });
    expect(reply).toMatchObject({ ok: true, value: { added: true, postId: 'x:1234567890123', count: 4 } });
    await p().editorToFront();
    await expect.poll(() => items(p()).then((t) => t.length), poll).toBe(4);
    const texts = await items(p());
    expect(texts[2]).toContain(`@${second.handle}`);
    expect(texts[3]).toContain('@SomeWriter');
    expect(texts[3]).toContain('could not be read');
    expect(await toBackground(p(), { type: 'clipLink', url: 'https://example.org/a/status/1' })).toMatchObject({ ok: false });
  });

  test('a post clipped in one tab shows as clipped in every x.com tab, and a removal in the editor too', async () => {
    const other = await p().openOtherX('/home?other');
    await expect.poll(() => buttonState(other, third.id).then((s) => s?.pressed), poll).toBe('true');
    await p().clickClip(third.id); // unclip in the first tab
    await expect.poll(() => buttonState(other, third.id).then((s) => s?.pressed), poll).toBe('false');
    await p().clickClip(third.id);
    await expect.poll(() => buttonState(other, third.id).then((s) => s?.pressed), poll).toBe('true');
    // The editor's "Remove" on the item of the first post.
    await p().editor().evaluate((handle) => {
      const item = [...document.querySelectorAll('[aria-label="Posts"] > li')].find((li) => li.textContent?.includes(`@${handle}`));
      const remove = [...(item?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Remove');
      if (!remove) throw new Error(`no "Remove" in the item of @${handle}`);
      remove.click();
    }, first.handle);
    await expect.poll(() => buttonState(other, first.id).then((s) => s?.pressed), poll).toBe('false');
    await expect.poll(() => p().clipPressed(first.id), poll).toBe('false');
  });

  test('posts that arrive later (infinite scroll, navigation in the app) get the button and clip in full', async () => {
    const added = await p().x().evaluate(({ id }) => {
      const source = document.querySelector(`[data-roundup-post="x:${id}"]`)?.closest('[data-testid="cellInnerDiv"]') ??
        document.querySelector(`[data-roundup-post="x:${id}"]`);
      if (!source) throw new Error('no post to copy');
      // X's timeline cells sit on top of each other (absolute, moved by transforms): the copies
      // go in a plain list after it, as new cells arriving.
      const list = document.createElement('div');
      document.body.append(list);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const copy = source.cloneNode(true) as Element;
        copy.querySelectorAll('[data-roundup-clip]').forEach((e) => e.remove());
        copy.querySelectorAll('[data-roundup-post]').forEach((e) => e.removeAttribute('data-roundup-post'));
        const fresh = `77700000000000000${i}`;
        copy.querySelectorAll(`a[href*="/status/${id}"]`).forEach((a) => a.setAttribute('href', a.getAttribute('href')!.replace(id, fresh)));
        if (copy instanceof HTMLElement) Object.assign(copy.style, { position: 'static', transform: 'none' });
        list.append(copy);
        ids.push(fresh);
      }
      return ids;
    }, { id: first.id });
    for (const id of added) await expect.poll(() => buttonState(p().x(), id).then((s) => s?.pressed), poll).toBe('false');
    await p().clickClip(added[1]!);
    await expect.poll(() => p().clipPressed(added[1]!), poll).toBe('true');
    await p().editorToFront();
    await expect.poll(() => items(p()).then((t) => t.at(-1) ?? ''), poll).toContain(`@${first.handle}`);
    // Navigation inside the app: the timeline is replaced by a new one holding the same posts.
    await p().x().evaluate(() => {
      const main = document.querySelector('main') ?? document.body;
      const copy = main.cloneNode(true) as Element;
      copy.querySelectorAll('[data-roundup-clip]').forEach((e) => e.remove());
      main.replaceWith(copy);
    }, null);
    await expect.poll(() => p().clipPressed(added[1]!), poll).toBe('true');
    await expect.poll(() => p().clipPressed(added[0]!), poll).toBe('false');
  });
}
