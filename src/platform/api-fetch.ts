// The door to the networks' public APIs (Bluesky's AppView today): a GET that hands back the
// answer as text. No cookies, no referrer: the API learns which post is asked for, nothing of
// the writer or the page. Which URL, and what the answer means, is src/background's and
// src/capture's.

/** A read gives up after this long: a network that stalls is reported, not waited on. */
const TIMEOUT_MS = 20_000;

export interface ApiAnswer {
  status: number;
  body: string;
  /** The Retry-After header of a 429 or 503, as sent. */
  retryAfter?: string;
}

export class ApiUnreachable extends Error {
  override readonly name = 'ApiUnreachable';
}

export async function getApi(url: string): Promise<ApiAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    throw new ApiUnreachable((e as Error).name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : (e as Error).message || 'no answer');
  }
  // Mastodon's API, read from another origin, exposes only its own rate-limit headers (CORS):
  // X-RateLimit-Reset (a date) says when to try again where Retry-After cannot be read.
  const retryAfter = response.headers.get('retry-after') ?? (response.status === 429 ? response.headers.get('x-ratelimit-reset') : null) ?? undefined;
  return { status: response.status, body: await response.text(), ...(retryAfter ? { retryAfter } : {}) };
}
