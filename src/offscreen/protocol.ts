// What the background and Chrome's offscreen document say to each other (src/offscreen,
// platform/offscreen.ts). One request: read a Mastodon status's JSON into a Post, with the
// offscreen page's own DOMParser for its HTML. Plain JSON both ways.
import type { Post } from '../model/post';

/** Marks a message as the offscreen document's: every other listener leaves it alone. */
export const OFFSCREEN_TARGET = 'roundup-offscreen';

/** Where and when a status was read (capture/mastodon-api.ts `MastodonReadAt`, without the parser). */
export interface StatusReadAt {
  capturedAt: string;
  pageUrl: string;
  /** The host of the instance whose API answered. */
  instance: string;
}

export interface ReadStatusMessage {
  target: typeof OFFSCREEN_TARGET;
  type: 'readMastodonStatus';
  /** The status as the instance's API answered it (`GET /api/v1/statuses/:id`, parsed). */
  status: unknown;
  at: StatusReadAt;
}

export type ReadStatusAnswer = { ok: true; post: Post } | { ok: false; error: string };
