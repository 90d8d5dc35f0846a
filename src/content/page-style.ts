// One stylesheet in the page for everything Roundup shows there: the theme's colours as custom
// properties (they also inherit into the select bar's and notice's shadow roots, so a theme
// change restyles everything at once with no per-post work), the inline clip buttons' look, and
// select mode's outlines on X's posts.
import { CLIPPED_ATTRIBUTE, OWN_ATTRIBUTE, POST_ATTRIBUTE, SELECT_ATTRIBUTE } from './attributes';
import { CLIP_BUTTON_CSS } from './clip-button';
import { THREAD_BUTTON_CSS } from './clip-thread';
import type { Theme } from './theme';

const PALETTES: Record<Theme, Record<string, string>> = {
  light: { icon: 'rgb(83, 100, 113)', fg: 'rgb(15, 20, 25)', bg: 'rgb(255, 255, 255)', line: 'rgb(207, 217, 222)', tip: 'rgba(91, 112, 131, 0.9)' },
  dim: { icon: 'rgb(139, 152, 165)', fg: 'rgb(247, 249, 249)', bg: 'rgb(21, 32, 43)', line: 'rgb(56, 68, 77)', tip: 'rgba(91, 112, 131, 0.9)' },
  dark: { icon: 'rgb(113, 118, 123)', fg: 'rgb(231, 233, 234)', bg: 'rgb(0, 0, 0)', line: 'rgb(47, 51, 54)', tip: 'rgba(91, 112, 131, 0.9)' },
};

function css(theme: Theme): string {
  const vars = Object.entries(PALETTES[theme]).map(([k, v]) => `--roundup-${k}: ${v};`).join(' ');
  const post = `[${POST_ATTRIBUTE}]`;
  const on = `html[${SELECT_ATTRIBUTE}]`;
  return `[${OWN_ATTRIBUTE}] { ${vars} --roundup-accent: rgb(29, 155, 240); }
${on} ${post} { cursor: copy; }
${on} ${post}:hover { outline: 2px dashed rgb(29, 155, 240); outline-offset: -2px; }
${on} ${post}[${CLIPPED_ATTRIBUTE}] { outline: 2px solid rgb(29, 155, 240); outline-offset: -2px; background-color: rgba(29, 155, 240, 0.08); }
${CLIP_BUTTON_CSS}
${THREAD_BUTTON_CSS}`;
}

export interface PageStyle {
  setTheme(theme: Theme): void;
}

export function installPageStyle(signal: AbortSignal): PageStyle {
  const style = document.createElement('style');
  style.setAttribute(OWN_ATTRIBUTE, 'style');
  (document.head ?? document.documentElement).append(style);
  signal.addEventListener('abort', () => style.remove());
  return {
    setTheme(theme) {
      style.textContent = css(theme);
    },
  };
}
