// @vitest-environment happy-dom
// Pressing "Clip post" on a clipped post removes it; when its item held words they went to the
// Trash, and the page says so with an "Undo" that puts the post back, words and place included.
// An item without words is simply removed (its Undo clips the post again). "Undo" is on the
// page at once, before the background has answered. A removal from the keyboard puts focus on Undo.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageType, Request } from '../../src/messages';

const { send } = vi.hoisted(() => ({ send: vi.fn() }));
vi.mock('../../src/platform/messaging', () => ({ send }));
const { createClipBook } = await import('../../src/content/clip-book');
const { createClipping } = await import('../../src/content/clipping');
const { removeNotice, showNotice } = await import('../../src/content/notice');

const POST = `<article data-testid="tweet" tabindex="0">
  <div data-testid="User-Name"><a href="/alice"><div dir="ltr"><span>Alice</span></div></a>
    <a href="/alice" tabindex="-1"><div dir="ltr"><span>@alice</span></div></a>
    <a href="/alice/status/1"><time datetime="2024-05-01T10:00:00.000Z">May 1</time></a></div>
  <div data-testid="tweetText" lang="en"><span>Hello</span></div></article>`;

type Answers = { [T in MessageType]?: (request: Request<T>) => unknown };
function clippingOf(answers: Answers) {
  document.body.innerHTML = POST;
  const post = document.querySelector('article')!;
  send.mockImplementation(async (type: MessageType, request: never) => {
    const answer = answers[type] as ((r: never) => unknown) | undefined;
    if (!answer) throw new Error(`unexpected ${type}`);
    return answer(request);
  });
  const book = createClipBook();
  book.set('x:1', true, 1);
  const tracker = { postOf: () => post, idOf: () => 'x:1', elementsOf: () => [post] };
  const buttons = { decorate: () => {}, of: () => [], setEnabled: () => {}, removeAll: () => {} };
  const clipping = createClipping(book, tracker, buttons, showNotice);
  return { post, book, clipping };
}

/** The notice as assistive tools and tests find it: inside an open shadow root. */
function notice() {
  const root = document.querySelector('[data-roundup-own="notice"]')?.shadowRoot ?? null;
  const status = root?.querySelector('[role="status"]') ?? null;
  const buttons = Array.from(root?.querySelectorAll('button') ?? []);
  return { root, text: status?.textContent ?? '', undo: buttons.find((b) => b.textContent === 'Undo') ?? null, buttons };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const removedWithWords = { toggleClip: () => ({ roundupId: 'r', count: 0, clipped: false, trashId: 't1' }) };

beforeEach(() => {
  send.mockReset();
});
afterEach(() => {
  removeNotice();
  document.body.replaceChildren();
});

describe('removing a post from the page', () => {
  it('whose item held words: says "Removed", and Undo puts the post back (pressed again)', async () => {
    const { post, book, clipping } = clippingOf({ ...removedWithWords, restoreFromTrash: () => ({ roundupId: 'r', count: 1 }) });
    expect(await clipping.toggle(post, 'x:1')).toEqual({ clipped: false, trashId: 't1' });
    expect(book.has('x:1')).toBe(false);
    const shown = notice();
    expect(shown.root?.querySelector('[role="status"]')).not.toBeNull();
    expect(shown.text).toContain('Removed');
    expect(shown.text).toContain('Trash');
    expect(shown.undo?.tagName).toBe('BUTTON');
    expect(shown.undo?.hasAttribute('aria-label')).toBe(false); // its name is its text: exactly "Undo"

    shown.undo!.click();
    await settle();
    expect(send).toHaveBeenLastCalledWith('restoreFromTrash', { id: 't1' });
    expect(book.has('x:1')).toBe(true);
    expect(book.count()).toBe(1);
    expect(notice().text).toBe('Back in your roundup.');
    expect(notice().buttons).toEqual([]);
  });

  it('whose item held no words: simply removed (nothing to the Trash), and Undo clips it again', async () => {
    const { post, book, clipping } = clippingOf({
      toggleClip: () => ({ roundupId: 'r', count: 0, clipped: false }),
      clipPost: () => ({ roundupId: 'r', count: 1, added: true }),
    });
    expect(await clipping.toggle(post, 'x:1')).toEqual({ clipped: false });
    expect(notice().text).toBe('Removed from your roundup.Undo');
    expect(notice().text).not.toContain('Trash');
    notice().undo!.click();
    await settle();
    expect(send).toHaveBeenLastCalledWith('clipPost', { post: expect.objectContaining({ id: 'x:1' }) });
    expect(book.has('x:1')).toBe(true);
    expect(notice().text).toBe('Back in your roundup.');
  });

  it('offers "Undo" at once, before the background has answered; pressed early, it waits for the answer', async () => {
    let answer: (v: unknown) => void = () => {};
    const { post, book, clipping } = clippingOf({
      toggleClip: () => new Promise((resolve) => (answer = resolve)),
      restoreFromTrash: () => ({ roundupId: 'r', count: 1 }),
    });
    const toggled = clipping.toggle(post, 'x:1');
    expect(notice().text).toContain('Removed');
    expect(notice().undo).not.toBeNull();
    notice().undo!.click(); // before the answer
    await settle();
    expect(send).not.toHaveBeenCalledWith('restoreFromTrash', expect.anything());
    answer({ roundupId: 'r', count: 0, clipped: false, trashId: 't1' });
    await toggled;
    await settle();
    expect(send).toHaveBeenLastCalledWith('restoreFromTrash', { id: 't1' });
    expect(book.has('x:1')).toBe(true);
    expect(notice().text).toBe('Back in your roundup.');
  });

  it('an Undo that fails says the words are still in the Trash, in the editor', async () => {
    const { post, book, clipping } = clippingOf({
      ...removedWithWords,
      restoreFromTrash: () => Promise.reject(new Error("Roundup's background could not be reached.")),
    });
    await clipping.toggle(post, 'x:1');
    notice().undo!.click();
    await settle();
    expect(book.has('x:1')).toBe(false);
    expect(notice().text).toMatch(/still in the Trash.*editor/);
    expect(notice().buttons).toEqual([]);
  });

  it('from the keyboard: focus goes to Undo; Escape dismisses the notice and gives focus back', async () => {
    const { post, clipping } = clippingOf(removedWithWords);
    post.focus();
    await clipping.toggle(post, 'x:1', { keyboard: true });
    const { root, undo } = notice();
    expect(root?.activeElement).toBe(undo);
    undo!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    expect(notice().text).toBe('');
    expect(document.activeElement).toBe(post);
  });

  it('by pointer: focus stays where it was', async () => {
    const { post, clipping } = clippingOf(removedWithWords);
    post.focus();
    await clipping.toggle(post, 'x:1');
    expect(notice().undo).not.toBeNull();
    expect(document.activeElement).toBe(post);
  });

  it('clipping (not removing) shows no notice', async () => {
    const { post, book, clipping } = clippingOf({ toggleClip: () => ({ roundupId: 'r', count: 1, clipped: true }) });
    book.set('x:1', false, 0);
    expect(await clipping.toggle(post, 'x:1')).toEqual({ clipped: true });
    expect(notice().text).toBe('');
  });

  it('when this tab thought the post clipped but the background clipped it, says so instead', async () => {
    const { post, clipping } = clippingOf({ toggleClip: () => ({ roundupId: 'r', count: 1, clipped: true }) });
    expect(await clipping.toggle(post, 'x:1')).toEqual({ clipped: true });
    expect(notice().text).toBe('Clipped to your roundup.');
  });
});
