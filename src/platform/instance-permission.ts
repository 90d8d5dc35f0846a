// The host permission for one Mastodon instance: asked from a click in the editor or Settings,
// checked by the background. Kept apart from instances.ts (the list, the run-time scripts) so
// the editor and Settings pages carry only this.
import { browser } from './index';

/** The match pattern of an origin: its scheme and host, any path (and any port in Chrome). */
export function originPattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}

/** Whether Roundup may run on the origin now (its host permission is granted). */
export async function mayRunOn(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}

/**
 * Asks the writer to let Roundup run on this instance. Straight from a click (no `await` before
 * it), or the browser refuses to ask. True when granted (at once if it already was).
 */
export function askToRunOn(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(origin)] });
}

