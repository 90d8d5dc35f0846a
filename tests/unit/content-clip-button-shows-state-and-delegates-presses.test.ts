// @vitest-environment happy-dom
// The inline "Clip post" button: a plain <button> cloned per post, whose state (pressed, busy,
// error) shows in its attributes and tooltip, and whose presses reach one delegated listener.
import { afterEach, describe, expect, it } from 'vitest';
import { CLIP_ATTRIBUTE, clipButton, listenToClipButtons, makeClipButton } from '../../src/content/clip-button';
import { OWN_ATTRIBUTE } from '../../src/content/attributes';

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.body.replaceChildren();
});

/** Presses of every clip button. A test page's clicks are never trusted: these count them as the user's unless told not to. */
function listen(trust: Parameters<typeof listenToClipButtons>[2] = { trusted: () => true }): Array<[HTMLButtonElement, string]> {
  const presses: Array<[HTMLButtonElement, string]> = [];
  const controller = new AbortController();
  controllers.push(controller);
  listenToClipButtons(controller.signal, (button, postId) => presses.push([button, postId]), trust);
  return presses;
}

const tipOf = (b: HTMLButtonElement) => document.getElementById(b.getAttribute('aria-describedby') ?? '');

describe('the clip button', () => {
  it('is a named, unpressed button marked as ours, carrying its post id', () => {
    const b = makeClipButton('x:1', false);
    expect(b.tagName).toBe('BUTTON');
    expect(b.type).toBe('button');
    expect(b.getAttribute('aria-label')).toBe('Clip post');
    expect(b.getAttribute('aria-pressed')).toBe('false');
    expect(b.getAttribute(CLIP_ATTRIBUTE)).toBe('x:1');
    expect(b.hasAttribute(OWN_ATTRIBUTE)).toBe(true);
    expect(b.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('each clone is its own: pressing one leaves the next new one unpressed', () => {
    const a = makeClipButton('x:1', true);
    const b = makeClipButton('x:2', false);
    expect(a.getAttribute('aria-pressed')).toBe('true');
    expect(b.getAttribute('aria-pressed')).toBe('false');
    expect(a.querySelector('path')?.getAttribute('d')).not.toBe(b.querySelector('path')?.getAttribute('d'));
  });

  it('builds its tooltip when first hovered or focused, and keeps its words in step with the state', () => {
    listen();
    const b = makeClipButton('x:1', false);
    document.body.append(b);
    expect(b.hasAttribute('aria-describedby')).toBe(false);
    b.dispatchEvent(new Event('focusin', { bubbles: true }));
    expect(tipOf(b)?.getAttribute('role')).toBe('tooltip');
    expect(tipOf(b)?.textContent).toBe('Clip to your roundup');
    clipButton(b).setPressed(true);
    expect(tipOf(b)?.textContent).toBe('Remove from your roundup');
  });

  it('shows an error in its tooltip until cleared, then the state again', () => {
    const b = makeClipButton('x:1', true);
    document.body.append(b);
    clipButton(b).setError('the extension was updated; reload the page.');
    expect(b.hasAttribute('data-error')).toBe(true);
    expect(tipOf(b)?.textContent).toBe('Could not clip: the extension was updated; reload the page.');
    clipButton(b).setError(null);
    expect(b.hasAttribute('data-error')).toBe(false);
    expect(tipOf(b)?.textContent).toBe('Remove from your roundup');
  });

  it('reports presses (on the icon too) with the post id, not while busy, and stops X from opening the post', () => {
    const presses = listen();
    const b = makeClipButton('x:7', false);
    const post = document.createElement('article');
    let reachedPage = 0;
    post.addEventListener('click', () => reachedPage++);
    post.append(b);
    document.body.append(post);
    (b.querySelector('path') as unknown as HTMLElement).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(presses).toEqual([[b, 'x:7']]);
    expect(reachedPage).toBe(0);
    clipButton(b).setBusy(true);
    b.click();
    expect(presses).toHaveLength(1);
    clipButton(b).setBusy(false);
    b.click();
    expect(presses).toHaveLength(2);
  });

  it('ignores a click no user made (a script on the page building a post and clicking its button)', () => {
    const presses = listen({}); // the real check: Event.isTrusted
    const b = makeClipButton('x:7', false);
    const post = document.createElement('article');
    post.append(b);
    document.body.append(post);
    b.click();
    b.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 1 }));
    expect(presses).toEqual([]);
  });

  it('stops listening when its signal aborts (a re-injected script takes over)', () => {
    const presses = listen();
    const b = makeClipButton('x:1', false);
    document.body.append(b);
    controllers[0]!.abort();
    b.click();
    expect(presses).toEqual([]);
  });
});
