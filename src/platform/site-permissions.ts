// The host permission for the writer's WordPress site, that site alone: optional in the
// manifest (`optional_host_permissions`), asked when the site is added in Settings and, if it
// was refused or taken back, when a roundup is sent. Kept apart from permissions.ts so the
// editor carries only this.
import { browser } from './index';

/**
 * The match pattern for the writer's WordPress site: its scheme and host, any port and path
 * (match patterns name no port in Firefox, and in Chrome a pattern without one matches all).
 */
export function siteOrigins(siteUrl: string): string[] {
  const u = new URL(siteUrl);
  return [`${u.protocol}//${u.hostname}/*`];
}

/** Whether Roundup may send requests to the site now. */
export async function maySendTo(siteUrl: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: siteOrigins(siteUrl) });
  } catch {
    return false;
  }
}

/**
 * Asks the user to let Roundup reach this site alone (an optional host permission). Straight
 * from the user's click, like askToLoadPictures. True when granted (at once if it already was).
 */
export function askToSendTo(siteUrl: string): Promise<boolean> {
  return browser.permissions.request({ origins: siteOrigins(siteUrl) });
}

/** Gives the site's permission back when the writer removes the site. */
export async function stopSendingTo(siteUrl: string): Promise<void> {
  try {
    await browser.permissions.remove({ origins: siteOrigins(siteUrl) });
  } catch {
    // Not granted, or a pattern the manifest also requires: nothing to give back.
  }
}
