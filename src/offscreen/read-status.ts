// A Mastodon status's JSON read into a Post where there is a DOM: Firefox's background page
// and Chrome's offscreen document (a service worker has none). DOMParser's document is inert:
// nothing in the status's HTML runs or loads; capture/mastodon-html.ts walks its nodes.
import { readStatus, type ReadPost } from '../capture/mastodon-api';
import { OFFSCREEN_TARGET, type ReadStatusAnswer, type StatusReadAt } from './protocol';
import { isRecord } from '../model/validate';

/** HTML to an inert document, with this global's DOMParser. */
export function domParse(html: string): ParentNode {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The status read into a Post, its HTML parsed with `parse`. */
export function readStatusWithDom(status: unknown, at: StatusReadAt, parse: (html: string) => ParentNode = domParse): ReadPost {
  return readStatus(status, { capturedAt: at.capturedAt, pageUrl: at.pageUrl, instance: at.instance, parse });
}

/** Who sent a message (a subset of `runtime.MessageSender`). */
export interface OffscreenSender {
  id?: string;
  tab?: unknown;
}

/**
 * The offscreen document's answer to a message, or undefined when the message is not for it
 * (it then stays silent, and any other listener may answer). Only the extension's own
 * background is answered: not a content script (a message from a tab), not another extension.
 * Never throws.
 */
export function answerOffscreenMessage(
  message: unknown,
  sender: OffscreenSender,
  extensionId: string,
  parse: (html: string) => ParentNode = domParse,
): ReadStatusAnswer | undefined {
  if (!isRecord(message) || message.target !== OFFSCREEN_TARGET) return undefined;
  if (sender.id !== extensionId || sender.tab !== undefined) return { ok: false, error: 'Only Roundup’s background may ask this page.' };
  if (message.type !== 'readMastodonStatus') return { ok: false, error: `Unknown request ${JSON.stringify(String(message.type).slice(0, 50))}.` };
  const at = readAt(message.at);
  if (!at) return { ok: false, error: 'The request does not say where the status was read.' };
  try {
    const read = readStatusWithDom(message.status, at, parse);
    return read.ok ? { ok: true, post: read.post } : { ok: false, error: read.error };
  } catch {
    return { ok: false, error: 'The status could not be read.' };
  }
}

function readAt(v: unknown): StatusReadAt | null {
  if (!isRecord(v)) return null;
  const { capturedAt, pageUrl, instance } = v;
  if (typeof capturedAt !== 'string' || capturedAt.length > 100) return null;
  if (typeof pageUrl !== 'string' || pageUrl.length > 4096) return null;
  if (typeof instance !== 'string' || instance.length > 300) return null;
  return { capturedAt, pageUrl, instance };
}
