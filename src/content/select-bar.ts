// Select mode's small floating bar: what the mode does, how many posts the roundup holds, and
// a way out. Its own shadow root, built with DOM calls; colours follow X's theme.
import { OWN_ATTRIBUTE } from './attributes';
import { plural, t, uiDirection, uiLanguage } from '../platform/i18n';

const STYLE = `
.bar { position: fixed; left: 50%; bottom: 20px; transform: translateX(-50%); z-index: 2147483646;
  display: flex; align-items: center; gap: 12px; padding-block: 8px; padding-inline: 16px 8px; border-radius: 9999px;
  font: 15px/1.3 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: var(--roundup-fg, rgb(15, 20, 25)); background: var(--roundup-bg, #fff);
  border: 1px solid var(--roundup-line, rgb(207, 217, 222)); box-shadow: 0 0 12px rgba(101, 119, 134, .35); }
.count { font-weight: 700; }
button { all: unset; cursor: pointer; padding: 6px 14px; border-radius: 9999px; font-weight: 700;
  color: #fff; background: var(--roundup-accent, rgb(29, 155, 240)); }
button:hover { filter: brightness(1.1); }
button:focus-visible { outline: 2px solid var(--roundup-accent, rgb(29, 155, 240)); outline-offset: 2px; }
`;

export interface SelectBar {
  host: HTMLElement;
  setCount(count: number): void;
}

export function createSelectBar(onDone: () => void): SelectBar {
  const host = document.createElement('div');
  host.setAttribute(OWN_ATTRIBUTE, 'select-bar');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const bar = document.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', t('selectModeName'));
  bar.lang = uiLanguage();
  bar.dir = uiDirection();
  const hint = document.createElement('span');
  hint.textContent = t('selectModeHint');
  const count = document.createElement('span');
  count.className = 'count';
  count.setAttribute('role', 'status');
  const done = document.createElement('button');
  done.type = 'button';
  done.textContent = t('done');
  done.setAttribute('aria-keyshortcuts', 'Escape');
  done.title = t('leaveSelectMode');
  done.addEventListener('click', (e) => {
    e.stopPropagation();
    onDone();
  });
  bar.append(hint, count, done);
  root.append(style, bar);
  return {
    host,
    setCount(n) {
      count.textContent = plural('selectCount', n);
    },
  };
}
