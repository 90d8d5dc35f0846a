// @vitest-environment happy-dom
// Where the inline button goes: the post's own action bar — found at the end of a timeline
// post, or searched for when the bar is elsewhere — never a quoted post's; once per post,
// again after X re-renders the bar away, and presses reach the post they belong to.
import { afterEach, describe, expect, it } from 'vitest';
import { POST_ATTRIBUTE } from '../../src/content/attributes';
import { createClipButtons } from '../../src/content/clip-buttons';

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.body.replaceChildren();
});

function page(html: string): Element {
  document.body.innerHTML = html;
  const post = document.querySelector('article')!;
  post.setAttribute(POST_ATTRIBUTE, 'x:1');
  return post;
}

function buttons(clipped: string[] = []) {
  const pressed: string[] = [];
  const byKeyboard: boolean[] = [];
  const controller = new AbortController();
  controllers.push(controller);
  const press = (_post: Element, postId: string, keyboard: boolean) => {
    pressed.push(postId);
    byKeyboard.push(keyboard);
  };
  // A test page's clicks are never trusted: here they count as the user's.
  const b = createClipButtons(controller.signal, press, (id) => clipped.includes(id), { trusted: () => true });
  return { b, pressed, byKeyboard };
}

const ours = () => Array.from(document.querySelectorAll('button[data-roundup-clip]'));

describe('the inline buttons', () => {
  it('go at the end of a timeline post\'s own action bar, not a quoted post\'s', () => {
    const post = page(`<article><div><div data-quote><div role="group" id="quoted-bar"></div></div>
      <div><div role="group" id="bar"><button>Reply</button></div></div></div></article>`);
    const { b } = buttons();
    b.setEnabled(true, [post]);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.parentElement?.id).toBe('bar');
  });

  it('find the bar by searching when it is not at the end (a focused post)', () => {
    const post = page(`<article><div><div role="group" id="bar"></div><div><span>Views</span></div></div></article>`);
    const { b } = buttons();
    b.setEnabled(true, [post]);
    expect(ours()[0]!.parentElement?.id).toBe('bar');
  });

  it('show the post clipped when the roundup holds it, and come once per post', () => {
    const post = page(`<article><div><div role="group" id="bar"></div></div></article>`);
    const { b } = buttons(['x:1']);
    b.setEnabled(true, [post]);
    b.decorate(post, 'x:1', true);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.getAttribute('aria-pressed')).toBe('true');
  });

  it('come back when X re-renders the bar without them', () => {
    const post = page(`<article><div><div role="group" id="bar"></div></div></article>`);
    const { b } = buttons();
    b.setEnabled(true, [post]);
    post.querySelector('#bar')!.replaceChildren();
    b.decorate(post, 'x:1', false);
    expect(ours()).toHaveLength(1);
  });

  it('follow the post when X reuses the element for another one', () => {
    const post = page(`<article><div><div role="group" id="bar"></div></div></article>`);
    const { b, pressed } = buttons(['x:1']);
    b.setEnabled(true, [post]);
    post.setAttribute(POST_ATTRIBUTE, 'x:2');
    b.decorate(post, 'x:2', false);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.getAttribute('data-roundup-clip')).toBe('x:2');
    expect(ours()[0]!.getAttribute('aria-pressed')).toBe('false');
    (ours()[0] as HTMLButtonElement).click();
    expect(pressed).toEqual(['x:2']);
  });

  it('tell a press from the keyboard (a click with no pointer, detail 0) from a pointer\'s', () => {
    const post = page(`<article><div><div role="group" id="bar"></div></div></article>`);
    const { b, byKeyboard } = buttons();
    b.setEnabled(true, [post]);
    ours()[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 0 }));
    ours()[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 1 }));
    expect(byKeyboard).toEqual([true, false]);
  });

  it('report presses with their post, and all go when turned off', () => {
    const post = page(`<article><div><div role="group" id="bar"></div></div></article>`);
    const { b, pressed } = buttons();
    b.setEnabled(true, [post]);
    (ours()[0] as HTMLButtonElement).click();
    expect(pressed).toEqual(['x:1']);
    b.setEnabled(false, [post]);
    expect(ours()).toHaveLength(0);
  });
});
