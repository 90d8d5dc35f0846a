// The site's own theme (light, dim, dark), so our controls match the page. X paints it as the
// body's inline background colour; bsky.app names it in a class on <html> (`theme--dim`). That
// is read once at start and again only when the body's `style` or <html>'s `class` attribute
// changes (attribute observers) — never per post, never computed style.

export type Theme = 'light' | 'dim' | 'dark';

/** The theme a background colour (`rgb(…)`, `#rgb`, `#rrggbb`) stands for, or null. */
export function themeOfColor(color: string | null | undefined): Theme | null {
  const rgb = parseColor((color ?? '').trim().toLowerCase());
  if (!rgb) return null;
  const [r, g, b] = rgb;
  const light = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
  if (light > 0.5) return 'light';
  return b - r > 12 ? 'dim' : 'dark'; // dim is X's blue-grey rgb(21, 32, 43)
}

function parseColor(c: string): [number, number, number] | null {
  const fn = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(c);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(c)?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? [...hex].map((d) => d + d).join('') : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** bsky.app's `theme--light|dim|dark` class on <html>, or null. */
export function themeOfClass(root: Element | null | undefined): Theme | null {
  for (const theme of ['light', 'dim', 'dark'] as const) if (root?.classList.contains(`theme--${theme}`)) return theme;
  return null;
}

export function currentTheme(doc: Document = document): Theme {
  return (
    themeOfColor(doc.body?.style.backgroundColor) ??
    themeOfClass(doc.documentElement) ??
    themeOfColor(doc.querySelector('meta[name="theme-color"]')?.getAttribute('content')) ??
    (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')
  );
}

/** Calls `onTheme` now and whenever the site switches theme, until `signal` aborts. */
export function watchTheme(signal: AbortSignal, onTheme: (theme: Theme) => void): void {
  let theme = currentTheme();
  onTheme(theme);
  if (!document.body) return;
  const observer = new MutationObserver(() => {
    const next = currentTheme();
    if (next !== theme) onTheme((theme = next));
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['style'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  signal.addEventListener('abort', () => observer.disconnect());
}
