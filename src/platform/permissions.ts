// Host permissions for the media hosts Roundup copies pictures from. The manifest asks for
// them, but Firefox (MV3) may leave a host permission ungranted until the user allows it:
// the background checks before fetching, and the options page offers to ask.
import { MEDIA_HOSTS } from '../model/media';
import { browser } from './index';

/** The match patterns of the media hosts, e.g. `https://pbs.twimg.com/*`. */
export const PICTURE_ORIGINS: string[] = MEDIA_HOSTS.map((host) => `https://${host}/*`);

/** Whether Roundup may load pictures from every media host now. */
export async function mayLoadPictures(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: PICTURE_ORIGINS });
  } catch {
    return false;
  }
}

/**
 * Asks the user to allow loading pictures from the media hosts. Must be called straight from a
 * user's click (no `await` before it), or the browser refuses to ask. True when granted.
 */
export function askToLoadPictures(): Promise<boolean> {
  return browser.permissions.request({ origins: PICTURE_ORIGINS });
}

/** Calls `listener` when the user grants a host permission (from the options page, or the browser's own settings). */
export function onPicturesAllowed(listener: () => void): void {
  browser.permissions.onAdded.addListener((granted) => {
    if (granted.origins?.length) listener();
  });
}

