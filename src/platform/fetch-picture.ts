// The one network request Roundup makes of its own: a picture a clipped post shows, from a
// network's media host (model/media.ts MEDIA_HOSTS), for its kept copy. Which URLs, and what
// is done with the answer, is the background's (src/background/copies.ts); this is the door.

/** A stalled download gives up after this long, so it never holds a place in the queue forever. */
const TIMEOUT_MS = 60_000;

export function fetchPicture(url: string): Promise<Response> {
  return fetch(url, {
    // No cookies and no referrer: the media host learns nothing of the user or of the page.
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    // Followed, then judged: the caller refuses an answer whose final URL is not a media host.
    redirect: 'follow',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}
