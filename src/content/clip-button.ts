// The "Clip post" button placed in a post's action bar. It lives in an open shadow root so X's
// styles cannot reach it and ours cannot leak into the page, while assistive tools (and tests)
// still see it. Built with DOM calls only: nothing here parses HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';
export const HOST_ATTRIBUTE = 'data-roundup-clip';

const STYLE = `
:host { display: flex; align-items: center; }
button {
  all: unset; box-sizing: border-box; display: inline-flex; align-items: center; justify-content: center;
  width: 34px; height: 34px; border-radius: 9999px; cursor: pointer;
  color: var(--roundup-icon, rgb(83, 100, 113)); transition: background-color .15s, color .15s;
}
button:hover { color: rgb(29, 155, 240); background: rgba(29, 155, 240, .1); }
button:focus-visible { outline: 2px solid rgb(29, 155, 240); outline-offset: 1px; }
button[aria-pressed="true"] { color: rgb(29, 155, 240); }
button[aria-busy="true"] { opacity: .5; cursor: progress; }
button[data-error] { color: rgb(244, 33, 46); }
svg { width: 18.75px; height: 18.75px; fill: currentColor; }
.filled { display: none; } button[aria-pressed="true"] .filled { display: inline; } button[aria-pressed="true"] .outline { display: none; }
@media (prefers-color-scheme: dark) { :host { --roundup-icon: rgb(113, 118, 123); } }
`;

// A clipping mark: a card with a plus (not clipped) / a filled card with a check (clipped).
const OUTLINE = 'M6 2h12a2 2 0 0 1 2 2v16.5l-8-4.5-8 4.5V4a2 2 0 0 1 2-2zm0 2v13.1l6-3.4 6 3.4V4H6zm5 2h2v2.5h2.5v2H13V13h-2v-2.5H8.5v-2H11V6z';
const FILLED = 'M6 2h12a2 2 0 0 1 2 2v16.5l-8-4.5-8 4.5V4a2 2 0 0 1 2-2zm4.6 10.6 5-5-1.4-1.4-3.6 3.6-1.8-1.8-1.4 1.4 3.2 3.2z';

function icon(path: string, className: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', className);
  const p = document.createElementNS(SVG_NS, 'path');
  p.setAttribute('d', path);
  svg.append(p);
  return svg;
}

export interface ClipButton {
  host: HTMLElement;
  setPressed(pressed: boolean): void;
  setBusy(busy: boolean): void;
  setError(message: string | null): void;
}

export function createClipButton(postId: string, onPress: () => void): ClipButton {
  const host = document.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, postId);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', 'Clip post');
  button.setAttribute('aria-pressed', 'false');
  button.title = 'Clip to your roundup';
  button.append(icon(OUTLINE, 'outline'), icon(FILLED, 'filled'));
  button.addEventListener('click', (event) => {
    // X opens the post when a click bubbles up to the article: keep the click ours.
    event.preventDefault();
    event.stopPropagation();
    if (button.getAttribute('aria-busy') !== 'true') onPress();
  });
  root.append(style, button);

  return {
    host,
    setPressed(pressed) {
      button.setAttribute('aria-pressed', String(pressed));
      button.title = pressed ? 'In your roundup — press to remove' : 'Clip to your roundup';
    },
    setBusy(busy) {
      button.setAttribute('aria-busy', String(busy));
    },
    setError(message) {
      if (message) {
        button.dataset.error = '';
        button.title = `Could not clip: ${message}`;
      } else {
        delete button.dataset.error;
      }
    },
  };
}
