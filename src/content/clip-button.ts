// The "Clip post" button placed in a post's action bar. It lives in an open shadow root so X's
// styles cannot reach it and ours cannot leak into the page, while assistive tools (and tests)
// still see it. Colours come from the page stylesheet's custom properties (page-style.ts), so
// it follows X's theme. Built with DOM calls only: nothing here parses HTML. Cheap to make —
// one per post on an endless timeline: cloned from one template, no listeners of its own, and
// the tooltip is only built when first wanted.
import { OWN_ATTRIBUTE } from './page-style';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const HOST_ATTRIBUTE = 'data-roundup-clip';

const STYLE = `
:host { display: flex; align-items: center; position: relative; }
button {
  all: unset; box-sizing: border-box; display: inline-flex; align-items: center; justify-content: center;
  width: 34px; height: 34px; border-radius: 9999px; cursor: pointer;
  color: var(--roundup-icon, rgb(83, 100, 113)); transition: background-color .2s, color .2s;
}
button:hover { color: var(--roundup-accent, rgb(29, 155, 240)); background: rgba(29, 155, 240, .1); }
button:focus-visible { outline: 2px solid var(--roundup-accent, rgb(29, 155, 240)); outline-offset: 1px; }
button[aria-pressed="true"] { color: var(--roundup-accent, rgb(29, 155, 240)); }
button[aria-busy="true"] { opacity: .5; cursor: progress; }
button[data-error] { color: rgb(244, 33, 46); }
svg { width: 18.75px; height: 18.75px; fill: currentColor; }
.tip {
  position: absolute; top: 100%; left: 50%; transform: translateX(-50%); z-index: 1; margin-top: 2px;
  padding: 2px 4px; border-radius: 2px; white-space: nowrap; pointer-events: none;
  font: 11px/1.3 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: #fff; background: var(--roundup-tip, rgba(91, 112, 131, .9));
  visibility: hidden; opacity: 0; transition: opacity .1s;
}
button:hover + .tip, button:focus-visible + .tip, button[data-error] + .tip { visibility: visible; opacity: 1; transition-delay: .4s; }
`;

// A clipping mark: a card with a plus (not clipped) / a filled card with a check (clipped).
const OUTLINE = 'M6 2h12a2 2 0 0 1 2 2v16.5l-8-4.5-8 4.5V4a2 2 0 0 1 2-2zm0 2v13.1l6-3.4 6 3.4V4H6zm5 2h2v2.5h2.5v2H13V13h-2v-2.5H8.5v-2H11V6z';
const FILLED = 'M6 2h12a2 2 0 0 1 2 2v16.5l-8-4.5-8 4.5V4a2 2 0 0 1 2-2zm4.6 10.6 5-5-1.4-1.4-3.6 3.6-1.8-1.8-1.4 1.4 3.2 3.2z';
const TIP = { off: 'Clip to your roundup', on: 'Remove from your roundup' };

export interface ClipButton {
  host: HTMLElement;
  setPressed(pressed: boolean): void;
  setBusy(busy: boolean): void;
  setError(message: string | null): void;
}

interface State {
  button: HTMLButtonElement;
  tip: HTMLElement | null;
  tipText: string;
  onPress(): void;
}

// Made once and cloned for every post: one native call instead of a dozen per button.
let template: DocumentFragment | undefined;
function shadowContent(): DocumentFragment {
  if (!template) {
    template = document.createDocumentFragment();
    const style = document.createElement('style');
    style.textContent = STYLE;
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-label', 'Clip post');
    button.setAttribute('aria-pressed', 'false');
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', OUTLINE);
    svg.append(path);
    button.append(svg);
    template.append(style, button);
  }
  return template.cloneNode(true) as DocumentFragment;
}

const states = new WeakMap<Element, State>();

function showTip(state: State): void {
  if (!state.tip) {
    const tip = document.createElement('span');
    tip.className = 'tip';
    tip.id = 'tip';
    tip.setAttribute('role', 'tooltip');
    state.button.after(tip);
    state.button.setAttribute('aria-describedby', 'tip');
    state.tip = tip;
  }
  state.tip.textContent = state.tipText;
}

function setTip(state: State, text: string): void {
  state.tipText = text;
  if (state.tip) state.tip.textContent = text;
}

// One set of listeners for every button on the page, in the capture phase at the document:
// a click reaches them (retargeted to our host) before X's own handlers, which would open the
// post, and no per-post listeners are made on an endless timeline.
let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  const stateOf = (event: Event): State | null => {
    const state = event.target instanceof Element ? states.get(event.target) : undefined;
    return state && event.composedPath().includes(state.button) ? state : null;
  };
  document.addEventListener('click', (event) => {
    const state = stateOf(event);
    if (!state) return;
    event.preventDefault();
    event.stopPropagation();
    if (state.button.getAttribute('aria-busy') !== 'true') state.onPress();
  }, true);
  // Enter and Space press the button; X's own key handlers would open the post as well.
  document.addEventListener('keydown', (event) => {
    if ((event.key === 'Enter' || event.key === ' ') && stateOf(event)) event.stopPropagation();
  }, true);
  const tipOn = (event: Event) => {
    const state = stateOf(event);
    if (state) showTip(state);
  };
  document.addEventListener('pointerover', tipOn, true);
  document.addEventListener('focusin', tipOn, true);
}

export function createClipButton(postId: string, onPress: () => void): ClipButton {
  listen();
  const host = document.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, postId);
  host.setAttribute(OWN_ATTRIBUTE, 'clip');
  const root = host.attachShadow({ mode: 'open' });
  root.append(shadowContent());
  const button = root.lastElementChild as HTMLButtonElement;
  const path = button.firstElementChild?.firstElementChild as SVGPathElement;
  const state: State = { button, tip: null, tipText: TIP.off, onPress };
  states.set(host, state);

  return {
    host,
    setPressed(pressed) {
      button.setAttribute('aria-pressed', String(pressed));
      path.setAttribute('d', pressed ? FILLED : OUTLINE);
      if (!button.hasAttribute('data-error')) setTip(state, pressed ? TIP.on : TIP.off);
    },
    setBusy(busy) {
      button.setAttribute('aria-busy', String(busy));
    },
    setError(message) {
      if (message) {
        button.setAttribute('data-error', '');
        showTip(state);
        setTip(state, `Could not clip: ${message}`);
      } else if (button.hasAttribute('data-error')) {
        button.removeAttribute('data-error');
        setTip(state, button.getAttribute('aria-pressed') === 'true' ? TIP.on : TIP.off);
      }
    },
  };
}
