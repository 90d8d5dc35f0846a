// A short message at the bottom of the page (e.g. "No post has focus"), for actions that have
// no button of their own to show a result on: keyboard commands and the context menu.
// Announced politely to screen readers; gone after a few seconds.
import { OWN_ATTRIBUTE } from './attributes';

const STYLE = `
div { position: fixed; left: 50%; bottom: 24px; transform: translateX(-50%); z-index: 2147483647;
  padding: 10px 16px; border-radius: 4px; max-width: min(90vw, 480px);
  font: 15px/1.3 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: #fff; background: var(--roundup-accent, rgb(29, 155, 240)); box-shadow: 0 0 8px rgba(0,0,0,.25); }
div:empty { display: none; }
`;

let host: HTMLElement | null = null;
let box: HTMLElement | null = null;
let timer = 0;

export function showNotice(text: string, ms = 4000): void {
  if (!host?.isConnected || !box) {
    host = document.createElement('div');
    host.setAttribute(OWN_ATTRIBUTE, 'notice');
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    box = document.createElement('div');
    box.setAttribute('role', 'status');
    root.append(style, box);
    document.body.append(host);
  }
  box.textContent = text;
  clearTimeout(timer);
  timer = window.setTimeout(() => {
    if (box) box.textContent = '';
  }, ms);
}

export function removeNotice(): void {
  clearTimeout(timer);
  host?.remove();
  host = box = null;
}
