// A short message at the bottom of the page (e.g. "No post has focus"), for actions that have
// no button of their own to show a result on — and, after a removal, the one place to undo it.
// Announced politely to screen readers. One with an action stays long enough to use: its clock
// stops while the pointer is over it or focus is inside, and Escape gives focus back.
import { OWN_ATTRIBUTE } from './attributes';
import { uiDirection, uiLanguage } from '../platform/i18n';

const STYLE = `
div { position: fixed; left: 50%; bottom: 24px; transform: translateX(-50%); z-index: 2147483647;
  display: flex; align-items: center; gap: 12px;
  padding: 10px 16px; border-radius: 4px; max-width: min(90vw, 480px);
  font: 15px/1.3 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: #fff; background: var(--roundup-accent, rgb(29, 155, 240)); box-shadow: 0 0 8px rgba(0,0,0,.25); }
div:empty { display: none; }
div[data-passive] { pointer-events: none; }
button { all: unset; flex: none; cursor: pointer; padding: 2px 10px; border: 1px solid #fff; border-radius: 4px;
  font-weight: 700; text-decoration: underline; color: #fff; }
button:hover { background: rgba(255, 255, 255, .2); }
button:focus-visible { outline: 2px solid #fff; outline-offset: 2px; box-shadow: 0 0 0 4px rgb(15, 20, 25); }
`;

/** A notice with an action shows at least this long: time to read it and reach the button. */
export const ACTION_MS = 10_000;
/** After the pointer or focus leaves, time enough to come back before it goes. */
const AFTER_PAUSE_MS = 2_000;

export interface NoticeAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface NoticeOptions {
  ms?: number;
  action?: NoticeAction;
  /** Moves focus to the action (what led to it came from the keyboard); Escape gives it back. */
  focus?: boolean;
}

let host: HTMLElement | null = null;
let box: HTMLElement | null = null;
let timer = 0;
let left = 0;
let since = 0;
let hovered = false;
let focused = false;
let returnTo: Element | null = null;

function make(): HTMLElement {
  host = document.createElement('div');
  host.setAttribute(OWN_ATTRIBUTE, 'notice');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const b = document.createElement('div');
  b.setAttribute('role', 'status');
  // In the words' own language and direction, whatever the page's.
  b.lang = uiLanguage();
  b.dir = uiDirection();
  b.addEventListener('pointerenter', () => {
    hovered = true;
    stopClock();
  });
  b.addEventListener('pointerleave', () => {
    hovered = false;
    startClock(AFTER_PAUSE_MS);
  });
  b.addEventListener('focusin', (event) => {
    // Someone who tabbed in gets focus back where they came from on Escape.
    returnTo ??= event.relatedTarget instanceof Element ? event.relatedTarget : null;
    focused = true;
    stopClock();
  });
  b.addEventListener('focusout', (event) => {
    focused = false;
    // Moved on by the user, focus has no way back to keep; lost with a removed button, it has.
    if (event.relatedTarget) returnTo = null;
    startClock(AFTER_PAUSE_MS);
  });
  b.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation(); // X's own Escape handling (closing a dialog) is not for this
    hide();
  });
  root.append(style, b);
  document.body.append(host);
  return (box = b);
}

function stopClock(): void {
  // A notice with nothing to press need not wait for anyone.
  if (!timer || box?.hasAttribute('data-passive')) return;
  clearTimeout(timer);
  timer = 0;
  left = Math.max(0, left - (Date.now() - since));
}

function startClock(floor = 0): void {
  if (timer || !box?.hasChildNodes()) return;
  if ((hovered || focused) && !box.hasAttribute('data-passive')) return;
  left = Math.max(left, floor);
  since = Date.now();
  timer = window.setTimeout(hide, left);
}

/** Clears the notice; focus that was inside goes back where it came from. */
function hide(): void {
  const hadFocus = focused;
  clearTimeout(timer);
  timer = 0;
  box?.replaceChildren();
  box?.setAttribute('data-passive', '');
  giveFocusBack(hadFocus);
}

function giveFocusBack(hadFocus: boolean): void {
  focused = false;
  const to = returnTo;
  returnTo = null;
  if (hadFocus && to instanceof HTMLElement && to.isConnected) to.focus();
}

export function showNotice(text: string, { ms, action, focus = false }: NoticeOptions = {}): void {
  const b = box && host?.isConnected ? box : make();
  const hadFocus = focused;
  hovered = false;
  const words = document.createElement('span');
  words.id = 'words';
  words.textContent = text;
  if (!action) {
    b.replaceChildren(words);
    b.setAttribute('data-passive', '');
    // The button that had focus is gone: focus must not fall to the top of the page.
    giveFocusBack(hadFocus);
  } else {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action.label;
    button.setAttribute('aria-describedby', words.id);
    let pressed = false;
    button.addEventListener('click', () => {
      if (pressed) return;
      pressed = true;
      void action.run();
    });
    if (focus && !hadFocus) returnTo = document.activeElement;
    b.replaceChildren(words, button);
    b.removeAttribute('data-passive');
    focused = false;
    if (focus || hadFocus) button.focus();
  }
  clearTimeout(timer);
  timer = 0;
  left = Math.max(ms ?? (action ? ACTION_MS : 4000), action ? ACTION_MS : 0);
  startClock();
}

export function removeNotice(): void {
  clearTimeout(timer);
  timer = 0;
  host?.remove();
  host = box = returnTo = null;
  hovered = focused = false;
}
