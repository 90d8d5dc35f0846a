// @vitest-environment happy-dom
// Select mode clips the post the user clicks — never one a script on the page "clicks" (it could
// build a post with invented words under a real name) — tells a keyboard press from a pointer's,
// and leaves Escape pressed inside the Undo notice to the notice.
import { afterEach, describe, expect, it } from 'vitest';
import { createClipBook } from '../../src/content/clip-book';
import type { Clipping, HowPressed } from '../../src/content/clipping';
import { removeNotice, showNotice } from '../../src/content/notice';
import type { PostTracker } from '../../src/content/posts';
import { createSelectMode } from '../../src/content/select-mode';

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  removeNotice();
  document.body.replaceChildren();
});

function selectMode(trust?: Parameters<typeof createSelectMode>[4]) {
  document.body.innerHTML = '<article id="post"><div data-testid="tweetText"><span id="words">Hello</span></div></article><p id="outside">Elsewhere</p>';
  const post = document.getElementById('post')!;
  const toggled: Array<[string, HowPressed | undefined]> = [];
  const tracker: PostTracker = {
    postOf: (node) => node?.closest('#post') ?? null,
    idOf: () => 'x:1',
    elementsOf: () => [post],
  };
  const clipping: Clipping = {
    toggle: async (_post, postId, how) => {
      toggled.push([postId, how]);
      return { clipped: true };
    },
    add: async () => {},
    render: () => {},
  };
  const controller = new AbortController();
  controllers.push(controller);
  const mode = createSelectMode(controller.signal, tracker, clipping, createClipBook(), trust);
  mode.set(true);
  return { mode, toggled };
}

const click = (id: string, detail = 1) => {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, detail });
  document.getElementById(id)!.dispatchEvent(event);
  return event;
};

describe('select mode', () => {
  it('ignores a click no user made: nothing is clipped and X keeps the click', () => {
    const { toggled } = selectMode(); // the real check: Event.isTrusted
    const event = click('words');
    expect(toggled).toEqual([]);
    expect(event.defaultPrevented).toBe(false);
  });

  it("clips on the user's click, telling a keyboard press (detail 0) from a pointer's", () => {
    const { toggled } = selectMode({ trusted: () => true });
    expect(click('words').defaultPrevented).toBe(true);
    click('words', 0);
    click('outside');
    expect(toggled).toEqual([['x:1', { keyboard: false }], ['x:1', { keyboard: true }]]);
  });

  it('leaves Escape inside the Undo notice to the notice, and ends on Escape anywhere else', () => {
    const { mode } = selectMode({ trusted: () => true });
    showNotice('Removed from your roundup. Your words are in the Trash.', { action: { label: 'Undo', run: () => {} }, focus: true });
    const undo = document.querySelector('[data-roundup-own="notice"]')!.shadowRoot!.querySelector('button')!;
    undo.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    expect(mode.isOn()).toBe(true);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(mode.isOn()).toBe(false);
  });
});
