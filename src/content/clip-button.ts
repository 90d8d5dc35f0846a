// The "Clip post" button placed in a post's action bar: one plain <button> with an icon, made
// for every post on an endless timeline, so it is as cheap as a button can be — cloned from one
// template, styled by the page stylesheet (page-style.ts, colours following X's theme) rather
// than a shadow root and stylesheet of its own, with no listeners or closures of its own (the
// document's delegated listeners below serve every button), and a tooltip built only when first
// wanted. Built with DOM calls only: nothing here parses HTML.
import { OWN_ATTRIBUTE } from './attributes';
import { t, uiDirection, uiLanguage } from '../platform/i18n';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** On the button: the post id it clips. */
export const CLIP_ATTRIBUTE = 'data-roundup-clip';
const BUTTON = `button[${CLIP_ATTRIBUTE}]`;

/** Its look, for the page stylesheet. `all: unset` first: X's own `button` rules must not reach it. */
export const CLIP_BUTTON_CSS = `
${BUTTON} {
  all: unset; box-sizing: border-box; position: relative; display: inline-flex; align-items: center; justify-content: center;
  width: 34px; height: 34px; border-radius: 9999px; cursor: pointer;
  color: var(--roundup-icon, rgb(83, 100, 113)); transition: background-color .2s, color .2s;
}
${BUTTON}:hover { color: var(--roundup-accent, rgb(29, 155, 240)); background: rgba(29, 155, 240, .1); }
${BUTTON}:focus-visible { outline: 2px solid var(--roundup-accent, rgb(29, 155, 240)); outline-offset: 1px; }
${BUTTON}[aria-pressed="true"] { color: var(--roundup-accent, rgb(29, 155, 240)); }
${BUTTON}[aria-busy="true"] { opacity: .5; cursor: progress; }
${BUTTON}[data-error] { color: rgb(244, 33, 46); }
${BUTTON} > svg { all: unset; width: 18.75px; height: 18.75px; fill: currentColor; }
${BUTTON} > [role="tooltip"] {
  all: unset; position: absolute; top: 100%; left: 50%; transform: translateX(-50%); z-index: 1; margin-top: 2px;
  padding: 2px 4px; border-radius: 2px; white-space: nowrap; pointer-events: none;
  font: 11px/1.3 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: #fff; background: var(--roundup-tip, rgba(91, 112, 131, .9));
  visibility: hidden; opacity: 0; transition: opacity .1s;
}
${BUTTON}:hover > [role="tooltip"], ${BUTTON}:focus-visible > [role="tooltip"], ${BUTTON}[data-error] > [role="tooltip"] {
  visibility: visible; opacity: 1; transition-delay: .4s;
}`;

// A clipping mark: a card with a plus (not clipped) / a filled card with a check (clipped).
const OUTLINE = 'M6 2h12a2 2 0 0 1 2 2v16.5l-8-4.5-8 4.5V4a2 2 0 0 1 2-2zm0 2v13.1l6-3.4 6 3.4V4H6zm5 2h2v2.5h2.5v2H13V13h-2v-2.5H8.5v-2H11V6z';
const FILLED = 'M6 2h12a2 2 0 0 1 2 2v16.5l-8-4.5-8 4.5V4a2 2 0 0 1 2-2zm4.6 10.6 5-5-1.4-1.4-3.6 3.6-1.8-1.8-1.4 1.4 3.2 3.2z';

// Made once and cloned for every post: one native call instead of a dozen per button.
let template: HTMLButtonElement | undefined;
function buttonTemplate(): HTMLButtonElement {
  if (!template) {
    template = document.createElement('button');
    template.type = 'button';
    template.setAttribute(OWN_ATTRIBUTE, 'clip');
    template.setAttribute('aria-label', t('clipPost'));
    template.setAttribute('aria-pressed', 'false');
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', OUTLINE);
    svg.append(path);
    template.append(svg);
  }
  return template;
}

/** A new "Clip post" button for the post `postId`. Hot path: one clone, one or two attributes. */
export function makeClipButton(postId: string, pressed: boolean): HTMLButtonElement {
  const button = buttonTemplate().cloneNode(true) as HTMLButtonElement;
  button.setAttribute(CLIP_ATTRIBUTE, postId);
  if (pressed) clipButton(button).setPressed(true);
  return button;
}

let tips = 0;
function tipOf(button: Element): HTMLElement {
  let tip = button.querySelector<HTMLElement>(':scope > [role="tooltip"]');
  if (!tip) {
    tip = document.createElement('span');
    tip.id = `roundup-tip-${++tips}`;
    tip.setAttribute('role', 'tooltip');
    tip.setAttribute(OWN_ATTRIBUTE, 'tip');
    tip.lang = uiLanguage();
    tip.dir = uiDirection();
    button.append(tip);
    button.setAttribute('aria-describedby', tip.id);
  }
  return tip;
}

function tipText(button: Element): string {
  const error = button.getAttribute('data-error');
  if (error) return t('tipCouldNotClip', error);
  return t(button.getAttribute('aria-pressed') === 'true' ? 'tipRemove' : 'tipClip');
}

/** Refreshes the tooltip's words, if it has been shown. */
function updateTip(button: Element): void {
  const tip = button.querySelector(':scope > [role="tooltip"]');
  if (tip) tip.textContent = tipText(button);
}

export interface ClipButton {
  element: HTMLButtonElement;
  setPressed(pressed: boolean): void;
  setBusy(busy: boolean): void;
  setError(message: string | null): void;
}

/** Handles on a button's state; made only when the state changes, never per post. */
export function clipButton(button: HTMLButtonElement): ClipButton {
  return {
    element: button,
    setPressed(pressed) {
      button.setAttribute('aria-pressed', String(pressed));
      button.firstElementChild?.firstElementChild?.setAttribute('d', pressed ? FILLED : OUTLINE);
      updateTip(button);
    },
    setBusy(busy) {
      button.setAttribute('aria-busy', String(busy));
    },
    setError(message) {
      if (message) {
        button.setAttribute('data-error', message);
        tipOf(button);
      } else {
        button.removeAttribute('data-error');
      }
      updateTip(button);
    },
  };
}

/** Which clicks count as the user's. Tests pass their own: a test page's clicks are never trusted. */
export interface ClickTrust {
  trusted?: (event: Event) => boolean;
}

/**
 * Only the user's own clicks clip. A script on the page could build a fake post and click its
 * button, putting invented words in the roundup under a real name. A browser's click (mouse,
 * touch, or Enter/Space on the focused button) is trusted; one a script dispatches is not.
 */
export const byUser = (event: Event): boolean => event.isTrusted;

/**
 * One set of listeners for every button on the page, in the capture phase at the document:
 * a click reaches them before X's own handlers (which would open the post), and no per-post
 * listeners are made on an endless timeline.
 */
export function listenToClipButtons(
  signal: AbortSignal,
  onPress: (button: HTMLButtonElement, postId: string, event: MouseEvent) => void,
  { trusted = byUser }: ClickTrust = {},
): void {
  const buttonOf = (event: Event): HTMLButtonElement | null =>
    event.target instanceof Element ? event.target.closest<HTMLButtonElement>(BUTTON) : null;
  const options = { capture: true, signal };
  document.addEventListener('click', (event) => {
    const button = buttonOf(event);
    if (!button || !trusted(event)) return;
    event.preventDefault();
    event.stopPropagation();
    const postId = button.getAttribute(CLIP_ATTRIBUTE);
    if (postId && button.getAttribute('aria-busy') !== 'true') onPress(button, postId, event);
  }, options);
  // Enter and Space press the button; X's own key handlers would open the post as well.
  document.addEventListener('keydown', (event) => {
    if ((event.key === 'Enter' || event.key === ' ') && buttonOf(event)) event.stopPropagation();
  }, options);
  const showTip = (event: Event) => {
    const button = buttonOf(event);
    if (button) tipOf(button).textContent = tipText(button);
  };
  document.addEventListener('pointerover', showTip, options);
  document.addEventListener('focusin', showTip, options);
}
